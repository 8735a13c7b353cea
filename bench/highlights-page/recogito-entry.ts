// Bench-only page: @recogito/text-annotator rendering the same spans over the same text,
// for comparison with the Crux highlight plugin.
import { createTextAnnotator, type TextAnnotation } from '@recogito/text-annotator';
import '@recogito/text-annotator/text-annotator.css';
import { benchRanges, nextPaint } from './ranges';

/** What the bench calls, through page.evaluate. */
const bench = {
  /** Renders `count` highlights over `documentText` (blocks joined by "\n"); ms until painted, and spans shown. */
  async load(documentText: string, count: number): Promise<{ ms: number; spans: number }> {
    const page = document.getElementById('page')!;
    for (const block of documentText.split('\n')) {
      const p = document.createElement('p');
      p.textContent = block;
      page.append(p);
    }
    // Recogito counts offsets in the container's text, where blocks have no separator.
    const ranges = benchRanges(documentText, count).map((r) => {
      const before = documentText.slice(0, r.start).split('\n').length - 1;
      return { start: r.start - before, end: r.end - before, quote: documentText.slice(r.start, r.end) };
    });
    const annotator = createTextAnnotator<TextAnnotation, TextAnnotation>(page, { renderer: 'SPANS' });
    await nextPaint();
    // Start and end only: the annotator finds the DOM range itself (its store "revives" targets).
    const annotations = ranges.map((r, i) => ({
      id: `a-${i}`,
      bodies: [],
      target: { annotation: `a-${i}`, selector: [{ quote: r.quote, start: r.start, end: r.end }] },
    })) as unknown as TextAnnotation[];
    const t0 = performance.now();
    annotator.setAnnotations(annotations, true);
    let end = await nextPaint();
    for (let frames = 0; frames < 600 && !page.querySelector('.r6o-annotation'); frames++) end = await nextPaint();
    return { ms: end - t0, spans: page.querySelectorAll('.r6o-annotation').length };
  },
};

(window as unknown as { bench: typeof bench }).bench = bench;
