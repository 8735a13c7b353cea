// The sizes of the two side panes as plain data: defaults, limits, how keys and drags
// change them and how they are stored. The shell renders whatever this says.

/** The side panes. */
export type Side = 'left' | 'right';

/** One side pane: its width in CSS pixels and whether it is collapsed. */
export interface PaneState {
  size: number;
  collapsed: boolean;
}

/** Both side panes. */
export type PaneLayout = Record<Side, PaneState>;

/** Narrowest and widest each pane may be, and its width before the user changes it. */
export const PANE_LIMITS: Record<Side, { min: number; max: number; initial: number }> = {
  left: { min: 160, max: 520, initial: 260 },
  right: { min: 220, max: 760, initial: 360 },
};

/** The reader never gets narrower than this when a pane grows. */
export const MIN_READER_WIDTH = 360;

/** How far one arrow-key press moves a splitter (with Shift: BIG_STEP). */
export const STEP = 16;
/** How far Shift+arrow moves a splitter. */
export const BIG_STEP = 64;

/** The layout of a first start. */
export function defaultLayout(): PaneLayout {
  return {
    left: { size: PANE_LIMITS.left.initial, collapsed: false },
    right: { size: PANE_LIMITS.right.initial, collapsed: false },
  };
}

/** The widest `side` may be in a window `windowWidth` wide, given the other pane. */
export function maxSize(layout: PaneLayout, side: Side, windowWidth: number): number {
  const other = layout[side === 'left' ? 'right' : 'left'];
  const otherWidth = other.collapsed ? 0 : other.size;
  const room = windowWidth - otherWidth - MIN_READER_WIDTH;
  return Math.max(PANE_LIMITS[side].min, Math.min(PANE_LIMITS[side].max, room));
}

/** `layout` with `side` resized to `size` (clamped) and shown. */
export function resize(layout: PaneLayout, side: Side, size: number, windowWidth: number): PaneLayout {
  const clamped = Math.round(Math.min(maxSize(layout, side, windowWidth), Math.max(PANE_LIMITS[side].min, size)));
  return { ...layout, [side]: { size: clamped, collapsed: false } };
}

/** `layout` with `side` collapsed or shown again at its remembered width. */
export function setCollapsed(layout: PaneLayout, side: Side, collapsed: boolean): PaneLayout {
  return { ...layout, [side]: { ...layout[side], collapsed } };
}

/**
 * The new width of `side` after a splitter key, or null for keys splitters ignore.
 * Arrow keys move the splitter itself, so Left narrows the left pane and widens the right.
 */
export function sizeAfterKey(layout: PaneLayout, side: Side, key: string, shift: boolean, windowWidth: number): number | null {
  const step = shift ? BIG_STEP : STEP;
  const current = layout[side].collapsed ? PANE_LIMITS[side].min : layout[side].size;
  const grow = side === 'left' ? 'ArrowRight' : 'ArrowLeft';
  const shrink = side === 'left' ? 'ArrowLeft' : 'ArrowRight';
  switch (key) {
    case grow:
      return current + step;
    case shrink:
      return current - step;
    case 'Home':
      return PANE_LIMITS[side].min;
    case 'End':
      return maxSize(layout, side, windowWidth);
    default:
      return null;
  }
}

/** Parses a stored layout, falling back to defaults for anything missing or invalid. */
export function parseLayout(stored: string | null): PaneLayout {
  const layout = defaultLayout();
  if (!stored) return layout;
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return layout;
  }
  for (const side of ['left', 'right'] as const) {
    const pane = (value as Record<string, unknown> | null)?.[side] as Record<string, unknown> | undefined;
    if (typeof pane?.size === 'number' && Number.isFinite(pane.size)) {
      layout[side].size = Math.round(Math.min(PANE_LIMITS[side].max, Math.max(PANE_LIMITS[side].min, pane.size)));
    }
    if (typeof pane?.collapsed === 'boolean') layout[side].collapsed = pane.collapsed;
  }
  return layout;
}
