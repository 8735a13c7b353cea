// The reading's text size: a few steps around 100 %, remembered between sessions and
// applied as a CSS variable, so zooming scales the text but never the app's chrome.

/** The text sizes the zoom commands step through. */
export const ZOOM_STEPS: readonly number[] = [0.8, 0.9, 1, 1.1, 1.25, 1.4, 1.6];

const STORAGE_KEY = 'crux.reader-zoom';

/** The next step up (+1) or down (-1) from `current`, staying within the steps. */
export function stepZoom(current: number, direction: 1 | -1): number {
  const index = ZOOM_STEPS.findIndex((s) => s >= current - 1e-6);
  const at = index < 0 ? ZOOM_STEPS.length - 1 : index;
  const exact = Math.abs((ZOOM_STEPS[at] ?? 1) - current) < 1e-6;
  const next = direction > 0 ? (exact ? at + 1 : at) : at - 1;
  return ZOOM_STEPS[Math.max(0, Math.min(ZOOM_STEPS.length - 1, next))] ?? 1;
}

/** Controls the text size of `target` (via `--reader-scale`). */
export interface ReaderZoom {
  zoomIn(): void;
  zoomOut(): void;
  reset(): void;
  /** The current scale (1 = 100 %). */
  scale(): number;
}

/** Sets up the zoom of `target` from the stored value. */
export function createReaderZoom(target: HTMLElement, announce: (text: string) => void): ReaderZoom {
  let scale = readStored();
  const apply = (next: number, speak: boolean) => {
    scale = next;
    target.style.setProperty('--reader-scale', String(scale));
    try {
      localStorage.setItem(STORAGE_KEY, String(scale));
    } catch {
      // The zoom still applies for this session.
    }
    if (speak) announce(`Text size ${Math.round(scale * 100)} %`);
  };
  apply(scale, false);
  return {
    zoomIn: () => apply(stepZoom(scale, 1), true),
    zoomOut: () => apply(stepZoom(scale, -1), true),
    reset: () => apply(1, true),
    scale: () => scale,
  };
}

function readStored(): number {
  try {
    const value = Number(localStorage.getItem(STORAGE_KEY));
    return ZOOM_STEPS.includes(value) ? value : 1;
  } catch {
    return 1;
  }
}
