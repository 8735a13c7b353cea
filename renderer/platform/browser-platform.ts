// The Platform of browser mode: a file input instead of the open dialog, and a recent
// list kept in local storage with copies of the files in IndexedDB. It never sees or
// stores a file-system path; there is no application menu, so the page owns shortcuts.
import { SAVE_KINDS, type OpenedFile } from '../../shared/ipc';
import { browserSync } from './browser-sync';
import { getFileBytes, pruneFiles, putFileBytes } from './browser-file-store';
import type { Platform, RecentEntry } from './platform';
import { readFileObject } from './read-file';
import { addRecent, parseRecentList } from './recent-list';

const RECENT_KEY = 'crux.recent-files';

/** The file types the file input offers. */
export const ACCEPTED_TYPES = '.txt,.md,.markdown,.html,.htm,.pdf,.docx';

/** The file types the annotation-import file input offers. */
export const ANNOTATION_TYPES = '.json,.jsonld,application/json,application/ld+json';

/** A hidden file input and a way to ask it for one file (null if the user cancels). */
function fileChooser(doc: Document, accept: string, className: string): () => Promise<File | null> {
  const input = doc.createElement('input');
  input.type = 'file';
  input.accept = accept;
  input.className = className;
  input.hidden = true;
  input.setAttribute('aria-hidden', 'true');
  input.tabIndex = -1;
  doc.body.append(input);

  let settle: ((file: File | null) => void) | null = null;
  input.addEventListener('change', () => {
    const file = input.files?.[0] ?? null;
    input.value = '';
    settle?.(file);
    settle = null;
  });
  input.addEventListener('cancel', () => {
    settle?.(null);
    settle = null;
  });
  return () => {
    // A dialog the browser never reported closing must not block the next one.
    settle?.(null);
    const chosen = new Promise<File | null>((resolve) => (settle = resolve));
    input.click();
    return chosen;
  };
}

/** The Platform of a plain browser tab. */
export function createBrowserPlatform(doc: Document = document): Platform {
  const chooseReading = fileChooser(doc, ACCEPTED_TYPES, 'reading-file-input');
  const chooseAnnotations = fileChooser(doc, ANNOTATION_TYPES, 'annotation-file-input');

  function storedList(): RecentEntry[] {
    return parseRecentList(localStorage.getItem(RECENT_KEY));
  }

  return {
    kind: 'browser',
    isMac: /Mac|iPhone|iPad/.test(navigator.platform),
    menuOwnsShortcuts: false,
    projects: null,
    async chooseFile() {
      const file = await chooseReading();
      return file ? readFileObject(file, null) : null;
    },
    async chooseAnnotationFile() {
      const file = await chooseAnnotations();
      return file ? readFileObject(file, null) : null;
    },
    readDroppedFile: (file) => readFileObject(file, null),
    async openRecent(entry) {
      const bytes = await getFileBytes(entry.key);
      if (!bytes) {
        throw new Error('This browser no longer has a copy of it. Open it again from your computer.');
      }
      return { name: entry.name, path: null, bytes };
    },
    async recentFiles() {
      return storedList();
    },
    async noteOpened(file: OpenedFile) {
      const key = `browser:${file.name}`;
      const list = addRecent(storedList(), { key, name: file.name, openedAt: Date.now(), detail: null });
      try {
        await putFileBytes(key, file.bytes);
        await pruneFiles(new Set(list.map((e) => e.key)));
      } catch (error) {
        // Without storage the file still opened; it just cannot be reopened from the list.
        console.warn('Could not keep a copy for the recent list', error);
        return;
      }
      localStorage.setItem(RECENT_KEY, JSON.stringify(list));
    },
    async saveFile(suggestedName, kind, bytes) {
      // A browser has no Save dialog a page may open: the file goes to the downloads.
      const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: SAVE_KINDS[kind].mime });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = suggestedName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return true;
    },
    onFileOpened: () => () => {},
    onOpenFailed: () => () => {},
    onMenuCommand: () => () => {},
    // A browser tab has no application menu: the toolbar's buttons show what is disabled.
    showDisabledCommands: () => {},
    ...browserSync(),
  };
}
