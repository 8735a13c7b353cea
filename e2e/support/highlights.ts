// Helpers for tests of highlights: select words in the reader by setting a DOM
// selection, and read what each highlight covers (the text of its spans, joined).
import type { Page } from 'playwright-core';

/**
 * Selects `count` words starting at word `first` of the `index`-th top-level paragraph
 * of the reading (plain paragraphs only), as a user dragging over them would; returns
 * the selected text.
 */
export async function selectWords(page: Page, index: number, first: number, count: number): Promise<string> {
  // ProseMirror may write its own selection back over a fresh DOM one (it does so shortly
  // after the reading takes focus when the two differ, which a busy machine can make it see
  // late); a user would simply drag again, and so does this helper, a few times.
  for (let attempt = 1; ; attempt++) {
    const text = await setSelection(page, index, first, count);
    try {
      await selectionTaken(page);
      return text;
    } catch (error) {
      if (attempt === 4) throw error;
    }
  }
}

/** Sets the DOM selection over the words (see selectWords); returns its text. */
function setSelection(page: Page, index: number, first: number, count: number): Promise<string> {
  return page.evaluate(
    ({ index, first, count }) => {
      const p = document.querySelectorAll('.crux-reading > p:not(.crux-byline)')[index];
      if (!p) throw new Error(`no paragraph ${index}`);
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      const full = nodes.map((n) => n.data).join('');
      const words = [...full.matchAll(/\S+/g)];
      const a = words[first];
      const b = words[first + count - 1];
      if (!a || !b) throw new Error(`paragraph ${index} has only ${words.length} words`);
      // (No helper functions inside: tsx would wrap them in a __name() the page lacks.)
      const ends = [a.index, (b.index ?? 0) + b[0].length];
      const points: [Text, number][] = [];
      for (const offset of ends) {
        let at = 0;
        for (const n of nodes) {
          if (offset <= at + n.data.length) {
            points.push([n, offset - at]);
            break;
          }
          at += n.data.length;
        }
      }
      const range = document.createRange();
      range.setStart(...points[0]!);
      range.setEnd(...points[1]!);
      const selection = window.getSelection()!;
      (p.closest('.crux-reading') as HTMLElement).focus();
      selection.removeAllRanges();
      selection.addRange(range);
      return range.toString();
    },
    { index, first, count },
  );
}

/**
 * Waits until ProseMirror has read the selection: in an editable reading its floating tag
 * bar shows once it has.
 */
async function selectionTaken(page: Page): Promise<void> {
  await page.waitForFunction(() => new Promise((resolve) => requestAnimationFrame(() => resolve(true))));
  await page.waitForFunction(
    () => {
      const reading = document.querySelector('#reader-scroll .crux-reading');
      if (reading?.getAttribute('contenteditable') !== 'true') return true;
      const bar = reading.parentElement?.querySelector<HTMLElement>(':scope > .crux-tagbar');
      return !bar || !bar.hidden;
    },
    undefined,
    { timeout: 3_000 },
  );
}

/**
 * The text each highlight covers, by annotation id: the text of every span listing it in
 * `data-annotation-ids` (one span per stretch, so overlaps are counted for each).
 */
export function highlightTexts(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const span of document.querySelectorAll<HTMLElement>('.crux-reading .crux-hl')) {
      for (const id of (span.dataset.annotationIds ?? '').split(' ')) out[id] = (out[id] ?? '') + (span.textContent ?? '');
    }
    return out;
  });
}

/** Puts the caret at the start of the `index`-th top-level paragraph. */
export async function caretAtParagraphStart(page: Page, index: number): Promise<void> {
  await page.evaluate((index) => {
    const p = document.querySelectorAll('.crux-reading > p:not(.crux-byline)')[index];
    const walker = document.createTreeWalker(p!, NodeFilter.SHOW_TEXT);
    const first = walker.nextNode();
    if (!first) throw new Error(`paragraph ${index} has no text`);
    (p!.closest('.crux-reading') as HTMLElement).focus();
    window.getSelection()!.collapse(first, 0);
  }, index);
  await page.waitForFunction(() => new Promise((resolve) => requestAnimationFrame(() => resolve(true))));
}
