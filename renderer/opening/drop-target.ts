// Drag and drop of files anywhere onto the window: an overlay says the file will open,
// and the drop opens it. Text dragged inside the reader is left to the editor.
import { h } from '../shell/dom';

/** Makes the whole window a drop target for files. */
export function installDropTarget(host: HTMLElement, drop: (file: File, others: number) => void): void {
  const overlay = h('div', { class: 'drop-overlay', hidden: true, 'aria-hidden': 'true' }, h('div', { class: 'drop-message' }, 'Drop the file to open it'));
  host.append(overlay);
  // dragenter/dragleave fire for every child crossed; count them to know when the drag left.
  let depth = 0;

  const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
  const hide = () => {
    depth = 0;
    overlay.hidden = true;
  };

  window.addEventListener(
    'dragenter',
    (event) => {
      if (!carriesFiles(event)) return;
      depth++;
      overlay.hidden = false;
      event.preventDefault();
    },
    true,
  );
  window.addEventListener(
    'dragover',
    (event) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    },
    true,
  );
  window.addEventListener(
    'dragleave',
    (event) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) overlay.hidden = true;
    },
    true,
  );
  window.addEventListener(
    'drop',
    (event) => {
      if (!carriesFiles(event)) return;
      // Keep the editor from inserting the file and the browser from navigating to it.
      event.preventDefault();
      event.stopPropagation();
      hide();
      const files = [...(event.dataTransfer?.files ?? [])];
      const first = files[0];
      if (first) drop(first, files.length - 1);
    },
    true,
  );
  window.addEventListener('dragend', hide, true);
}
