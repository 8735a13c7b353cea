// When the annotation panel reads the document again, from the change feed: a change to
// some annotations re-reads just those in the next frame; a change to comments, links,
// hubs or people re-reads everything; an edit of the text waits for a pause in typing
// (quotes may have changed anywhere, and re-resolving thousands of anchors is not work to
// do between two keystrokes).
import type * as Y from 'yjs';
import { subscribeChanges, touches } from '../../shared/model';

/**
 * How long typing must pause before the list re-reads its quotes: re-resolving thousands
 * of annotations is not work to do between two keystrokes.
 */
export const TEXT_EDIT_DELAY = 400;

/** What the watcher asks of the panel. */
export interface PanelReads {
  /** Reads everything again. */
  all(): void;
  /** Reads annotations `ids` again (nothing else changed). */
  some(ids: ReadonlySet<string>): void;
  /** Cancels a full read still running in slices; whether there was one. */
  cancelRunning(): boolean;
}

/** Follows `doc`'s changes and calls `reads` as they need; returns the function that stops. */
export function watchPanelChanges(doc: Y.Doc, reads: PanelReads): () => void {
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let everything = false;
  let changedIds = new Set<string>();
  const schedule = (delay: number) => {
    if (frame) return;
    // Text edits wait for a pause in typing (each one restarts the wait).
    clearTimeout(timer);
    timer = undefined;
    if (delay > 0) {
      timer = setTimeout(() => {
        timer = undefined;
        schedule(0);
      }, delay);
      return;
    }
    frame = requestAnimationFrame(() => {
      frame = 0;
      const ids = changedIds;
      const all = everything;
      changedIds = new Set();
      everything = false;
      if (all) reads.all();
      else reads.some(ids);
    });
  };
  const unsubscribe = subscribeChanges(doc, (change) => {
    const others = touches(change, 'comments', 'links', 'hubs', 'people');
    if (!change.article && change.annotations.size === 0 && !others) return;
    for (const id of change.annotations) changedIds.add(id);
    // A full read still running in slices would show the document as it was: start it over.
    if (reads.cancelRunning() || others || change.article) everything = true;
    if (change.article) schedule(TEXT_EDIT_DELAY);
    else schedule(0);
  });
  return () => {
    unsubscribe();
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
