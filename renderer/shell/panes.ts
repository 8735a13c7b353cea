// The side panes' sizes in the page: applies a PaneLayout to the workspace (CSS
// variables and `hidden`), keeps splitters and toggle buttons in step, remembers the
// layout in local storage and re-fits it when the window is resized.
import { maxSize, parseLayout, setCollapsed, type PaneLayout, type Side } from './pane-layout';
import { createSplitter, type Splitter } from './splitter';

const STORAGE_KEY = 'crux.pane-layout';

/** The elements the pane controller manages. */
export interface PaneElements {
  workspace: HTMLElement;
  panes: Record<Side, HTMLElement>;
  toggles: Record<Side, HTMLButtonElement>;
}

/** Controls the side panes. */
export interface Panes {
  splitters: Record<Side, HTMLElement>;
  /** Shows or hides a side pane. */
  toggle(side: Side, show?: boolean): void;
  /** Whether a pane is shown. */
  isShown(side: Side): boolean;
}

/** Sets up the side panes from the stored layout. */
export function createPanes(elements: PaneElements, names: Record<Side, string>): Panes {
  let layout: PaneLayout = parseLayout(readStored());

  const splitters = {} as Record<Side, Splitter>;
  for (const side of ['left', 'right'] as const) {
    splitters[side] = createSplitter({
      side,
      label: `Resize the ${names[side].toLowerCase()} pane`,
      paneName: names[side],
      controls: elements.panes[side].id,
      layout: () => layout,
      change,
    });
    elements.toggles[side].addEventListener('click', () => toggle(side));
  }

  function change(next: PaneLayout): void {
    layout = next;
    apply();
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(layout));
    } catch {
      // Storage full or disabled: the layout still applies for this session.
    }
  }

  function apply(): void {
    const width = window.innerWidth;
    for (const side of ['left', 'right'] as const) {
      const pane = layout[side];
      const max = maxSize(layout, side, width);
      const shown = Math.min(pane.size, max);
      elements.workspace.style.setProperty(`--${side}-pane-width`, pane.collapsed ? '0px' : `${shown}px`);
      elements.workspace.dataset[`${side}Collapsed`] = String(pane.collapsed);
      elements.panes[side].hidden = pane.collapsed;
      elements.toggles[side].setAttribute('aria-expanded', String(!pane.collapsed));
      splitters[side].update(layout, shown, max);
    }
  }

  function toggle(side: Side, show?: boolean): void {
    const collapse = show === undefined ? !layout[side].collapsed : !show;
    const hadFocus = elements.panes[side].contains(document.activeElement);
    change(setCollapsed(layout, side, collapse));
    // Focus inside a pane that disappears would be lost; give it to its splitter.
    if (collapse && hadFocus) splitters[side].element.focus();
  }

  window.addEventListener('resize', apply);
  apply();

  return {
    splitters: { left: splitters.left.element, right: splitters.right.element },
    toggle,
    isShown: (side) => !layout[side].collapsed,
  };
}

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
