// A window splitter (WAI-ARIA "window splitter" pattern) between a side pane and the
// reader: drag it, or focus it and use the arrow keys, Home/End, and Enter to collapse
// or restore the pane. Double-click restores the pane's first width.
import { h } from './dom';
import { PANE_LIMITS, resize, setCollapsed, sizeAfterKey, type PaneLayout, type Side } from './pane-layout';

/** What a splitter needs from the pane layout it changes. */
export interface SplitterOptions {
  side: Side;
  /** The accessible name, e.g. "Resize the outline pane". */
  label: string;
  /** Name of the pane in value texts, e.g. "Outline". */
  paneName: string;
  /** Id of the pane it resizes. */
  controls: string;
  layout(): PaneLayout;
  change(next: PaneLayout): void;
}

/** A splitter element and the function that refreshes its ARIA values. */
export interface Splitter {
  element: HTMLElement;
  update(layout: PaneLayout, shownSize: number, maxSize: number): void;
}

/** Creates a splitter for one side pane. */
export function createSplitter(options: SplitterOptions): Splitter {
  const { side } = options;
  const element = h('div', {
    class: `splitter splitter-${side}`,
    role: 'separator',
    tabindex: 0,
    'aria-orientation': 'vertical',
    'aria-label': options.label,
    'aria-controls': options.controls,
    'aria-valuemin': PANE_LIMITS[side].min,
  });

  element.addEventListener('keydown', (event) => {
    const layout = options.layout();
    if (event.key === 'Enter') {
      options.change(setCollapsed(layout, side, !layout[side].collapsed));
      event.preventDefault();
      return;
    }
    const size = sizeAfterKey(layout, side, event.key, event.shiftKey, window.innerWidth);
    if (size === null) return;
    options.change(resize(layout, side, size, window.innerWidth));
    event.preventDefault();
  });

  element.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    const startX = event.clientX;
    const layout = options.layout();
    const startSize = layout[side].collapsed ? 0 : layout[side].size;
    element.setPointerCapture(event.pointerId);
    document.body.classList.add('is-resizing');
    const move = (e: PointerEvent) => {
      const dx = e.clientX - startX;
      options.change(resize(options.layout(), side, startSize + (side === 'left' ? dx : -dx), window.innerWidth));
    };
    const end = () => {
      document.body.classList.remove('is-resizing');
      element.removeEventListener('pointermove', move);
      element.removeEventListener('pointerup', end);
      element.removeEventListener('pointercancel', end);
    };
    element.addEventListener('pointermove', move);
    element.addEventListener('pointerup', end);
    element.addEventListener('pointercancel', end);
    event.preventDefault();
  });

  element.addEventListener('dblclick', () => {
    options.change(resize(options.layout(), side, PANE_LIMITS[side].initial, window.innerWidth));
  });

  return {
    element,
    update(layout, shownSize, maxSize) {
      const pane = layout[side];
      element.setAttribute('aria-valuemax', String(maxSize));
      element.setAttribute('aria-valuenow', String(pane.collapsed ? PANE_LIMITS[side].min : shownSize));
      element.setAttribute(
        'aria-valuetext',
        pane.collapsed ? `${options.paneName} pane collapsed` : `${options.paneName} pane ${shownSize} pixels wide`,
      );
    },
  };
}
