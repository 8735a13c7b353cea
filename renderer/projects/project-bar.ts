// The desktop's project controls in the top bar: the open project's file name (its full
// path as a tooltip) and the File actions New project and Save as…, which the menu also
// offers. Browser mode has no project files and shows none of this.
import type { ProjectInfo } from '../../shared/ipc';
import { h } from '../shell/dom';
import { shortcutLabel, type ShortcutPlatform } from '../shell/shortcut-label';

/** The project controls. */
export interface ProjectBar {
  readonly element: HTMLElement;
  readonly newButton: HTMLButtonElement;
  readonly saveAsButton: HTMLButtonElement;
  /** Shows the open project (null: none). */
  show(project: ProjectInfo | null): void;
}

/** Builds the controls (not yet placed). */
export function createProjectBar(platform: ShortcutPlatform): ProjectBar {
  const key = (shortcut: string) => shortcutLabel(shortcut, platform);
  const name = h('span', { class: 'project-name', id: 'project-name' });
  const newButton = h('button', { type: 'button', class: 'toolbar-button', title: `New project (${key('Mod-N')})` }, 'New project');
  const saveAsButton = h(
    'button',
    { type: 'button', class: 'toolbar-button', title: `Save the project as a new file (${key('Mod-Shift-S')})`, disabled: true },
    'Save as…',
  );
  const element = h('span', { class: 'project-bar' }, name, newButton, saveAsButton);
  return {
    element,
    newButton,
    saveAsButton,
    show(project) {
      name.textContent = project?.name ?? '';
      name.title = project?.path ?? '';
      saveAsButton.disabled = project === null;
    },
  };
}
