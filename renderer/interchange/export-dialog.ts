// The Export dialog: the project's formats under plain names; the chosen one is built
// from the session's Y.Doc (shared/export) and saved through the platform, the Save
// dialog on the desktop and a download in the browser.
import { exportProject, snapshotProject } from '../../shared/export';
import type { Platform } from '../platform';
import type { Session } from '../session/session';
import { h } from '../shell/dom';
import { EXPORT_CHOICES, exportFileName, type ExportChoice } from './export-formats';
import { mainErrorMessage } from '../../shared/ipc';

/** What the Export dialog needs from the app. */
export interface ExportHost {
  /** The name exports are called after (the reading's title or file name). */
  baseName(): string;
  /** Says something to the user (and to screen readers). */
  announce(text: string): void;
  /** The live map as SVG, for the report's map picture (null: reports draw a plain one). */
  mapSvg?(): string | null;
}

/**
 * The export of `session`'s project in `choice`'s format, as the bytes of a file; reports
 * show `mapSvg` (the map as the seminar arranged it) when given.
 */
export function exportBytes(session: Pick<Session, 'doc'>, choice: ExportChoice, mapSvg?: string | null): Uint8Array {
  return new TextEncoder().encode(exportProject(snapshotProject(session.doc), choice.format, mapSvg ? { mapSvg } : {}));
}

/** Opens the Export dialog for `session` over `root`. */
export function openExportDialog(root: HTMLElement, platform: Platform, session: Session, host: ExportHost): HTMLDialogElement {
  const options = EXPORT_CHOICES.map((choice, i) =>
    h(
      'label',
      { class: 'export-choice' },
      h('input', { type: 'radio', name: 'export-format', value: choice.format, checked: i === 0 }),
      ` ${choice.label}`,
    ),
  );
  const error = h('p', { class: 'export-error', role: 'alert' });
  const submit = h('button', { type: 'submit' }, 'Export…');
  const cancel = h('button', { type: 'button' }, 'Cancel');
  const form = h(
    'form',
    { class: 'export-form' },
    h('fieldset', {}, h('legend', {}, 'Format'), ...options),
    error,
    h('div', { class: 'dialog-actions' }, submit, cancel),
  );
  const dialog = h('dialog', { class: 'export-dialog', 'aria-labelledby': 'export-title' }, h('h2', { id: 'export-title' }, 'Export'), form);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = form.querySelector<HTMLInputElement>('input[name="export-format"]:checked')?.value;
    const choice = EXPORT_CHOICES.find((c) => c.format === chosen);
    if (!choice) return;
    submit.disabled = true;
    error.textContent = '';
    void (async () => {
      try {
        const saved = await platform.saveFile(exportFileName(host.baseName(), choice), choice.kind, exportBytes(session, choice, choice.format.startsWith('report') ? host.mapSvg?.() : null));
        if (saved) host.announce(`Exported the project as ${choice.label}.`);
        dialog.close();
      } catch (e) {
        error.textContent = `Could not export: ${mainErrorMessage(e)}`;
        submit.disabled = false;
      }
    })();
  });
  cancel.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  root.append(dialog);
  dialog.showModal();
  options[0]?.querySelector('input')?.focus();
  return dialog;
}
