// The toolbar's "Export…" and "Import annotations…" buttons and the Export shortcut:
// they open the Export dialog, or choose a W3C file, import it into the open project
// and show what came of it. The app hands it the open session; it needs nothing else.
import { ImportError } from '../../shared/import/types';
import type { Notices } from '../opening/notices';
import type { Platform } from '../platform';
import type { Session } from '../session/session';
import { h } from '../shell/dom';
import { shortcutLabel } from '../shell/shortcut-label';
import type { KeyPress } from '../shell/shortcuts';
import { openExportDialog } from './export-dialog';
import { EXPORT_SHORTCUT, isExportKey } from './export-key';
import { importAnnotationFile, importSummary } from './import-annotations';
import { needsTriage, openImportResultDialog } from './import-result-dialog';

/** The interchange buttons and what drives them. */
export interface InterchangeControls {
  readonly exportButton: HTMLButtonElement;
  readonly importButton: HTMLButtonElement;
  /** The project exports and imports go from and to (null: none open, buttons disabled). */
  setSession(session: Session | null): void;
  /** Opens the Export dialog (File ▸ Export… in the desktop app). */
  openExport(): void;
  /** Chooses a W3C annotation file and imports it (File ▸ Import Annotations…). */
  importAnnotations(): void;
  /** Opens the Export dialog if `press` is its shortcut; returns whether it was. */
  handleKey(press: KeyPress): boolean;
}

/**
 * Builds the controls; dialogs open over `root`, `baseName` names exported files and
 * `mapSvg` gives reports the live map's picture.
 */
export function createInterchangeControls(
  root: HTMLElement,
  platform: Platform,
  notices: Notices,
  baseName: () => string,
  mapSvg: () => string | null = () => null,
): InterchangeControls {
  const exportButton = h(
    'button',
    {
      type: 'button',
      class: 'toolbar-button',
      disabled: true,
      'aria-haspopup': 'dialog',
      title: `Export the annotations, map or a report (${shortcutLabel(EXPORT_SHORTCUT, platform)})`,
      'aria-keyshortcuts': platform.isMac ? 'Meta+Shift+E' : 'Control+Shift+E',
    },
    'Export…',
  );
  const importButton = h('button', { type: 'button', class: 'toolbar-button', disabled: true, title: 'Import W3C Web Annotations (JSON) into this reading' }, 'Import annotations…');
  exportButton.tabIndex = -1;
  importButton.tabIndex = -1;
  let session: Session | null = null;

  function openExport(): void {
    if (!session || root.querySelector('dialog.export-dialog')) return;
    openExportDialog(root, platform, session, { baseName, announce: notices.announce, mapSvg });
  }

  async function importAnnotations(): Promise<void> {
    const into = session;
    if (!into) return;
    const file = await platform.chooseAnnotationFile();
    if (!file || session !== into) return;
    try {
      const done = importAnnotationFile(into, file);
      notices.showInfo(`Imported ${file.name}: ${importSummary(done.result)}.`);
      if (needsTriage(done)) openImportResultDialog(root, into, done, { announce: notices.announce });
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      notices.showError(file.name, error.message);
    }
  }

  // The command registry runs the buttons (shell/commands.ts), as it runs the menu and keys.
  const startImport = () => {
    importAnnotations().catch((error: unknown) => notices.showError(null, `Could not import annotations: ${error instanceof Error ? error.message : String(error)}`));
  };

  return {
    exportButton,
    importButton,
    openExport,
    importAnnotations() {
      // A viewer's menu item cannot import: the toolbar button is disabled for them too.
      if (!importButton.disabled) startImport();
    },
    setSession(next) {
      session = next;
      exportButton.disabled = !next;
      // Hidden, not disabled, for roles that can never import.
      importButton.hidden = !next?.capabilities().importAnnotations;
      importButton.disabled = !next || importButton.hidden;
    },
    handleKey(press) {
      if (!isExportKey(press, platform.isMac)) return false;
      openExport();
      return true;
    },
  };
}
