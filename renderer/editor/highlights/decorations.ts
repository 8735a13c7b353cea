// Highlights as ProseMirror decorations: the DOM contract every view relies on
// (`span.crux-hl.crux-hl--<role>` with `data-annotation-id`, `data-author` and the
// author's colour in `--author-colour`), built from annotations whose anchors resolved.
import { Decoration, type DecorationAttrs } from 'prosemirror-view';
import type { PmDocText, Resolution } from '../../../shared/anchoring';
import type { Role } from '../../../shared/model';

/** What a highlight shows: one annotation, placed in the document text. */
export interface Highlight {
  readonly id: string;
  readonly role: Role;
  /** The author's person id. */
  readonly author: string;
  /** The author's name and colour as the document knows them (defaults when unknown). */
  readonly authorName: string;
  readonly authorColour: string;
  /** Text offsets (see shared/anchoring text conventions). */
  readonly start: number;
  readonly end: number;
}

/** The spec every highlight decoration carries, so the plugin can find them by id. */
export interface HighlightSpec {
  readonly id: string;
  readonly highlight: Highlight;
}

/** Role names as users read them. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = Object.freeze({ evidence: 'Evidence', claim: 'Claim', counter: 'Counter-argument' });

/** Class of every highlight span. */
export const HIGHLIGHT_CLASS = 'crux-hl';
/** Class added to the spans of the selected annotation. */
export const SELECTED_CLASS = 'crux-hl--selected';

/** The attributes of a highlight's spans. */
export function highlightAttrs(h: Highlight, selected: boolean): DecorationAttrs {
  return {
    // Its own span even where highlights overlap (ProseMirror would otherwise merge
    // overlapping decorations into one span, keeping one id).
    nodeName: 'span',
    class: `${HIGHLIGHT_CLASS} ${HIGHLIGHT_CLASS}--${h.role}${selected ? ` ${SELECTED_CLASS}` : ''}`,
    'data-annotation-id': h.id,
    'data-author': h.author,
    style: `--author-colour: ${h.authorColour}`,
    title: `${ROLE_LABELS[h.role]} — ${h.authorName}`,
  };
}

/** The inline decoration of `h` in a document whose text is `text`, or null if it covers nothing. */
export function highlightDecoration(h: Highlight, text: PmDocText, selected: boolean): Decoration | null {
  const { from, to } = text.rangeToPm({ start: h.start, end: h.end });
  if (from >= to) return null;
  const spec: HighlightSpec = { id: h.id, highlight: h };
  return Decoration.inline(from, to, highlightAttrs(h, selected), spec);
}

/** Re-creates a mapped decoration with its selected state changed. */
export function reselect(decoration: Decoration, selected: boolean): Decoration {
  const spec = decoration.spec as HighlightSpec;
  return Decoration.inline(decoration.from, decoration.to, highlightAttrs(spec.highlight, selected), spec);
}

/** An annotation as the highlight builder needs it. */
export interface HighlightSource {
  readonly id: string;
  readonly role: Role;
  readonly author: string;
}

/** Who an author is, for the tooltip and the colour. */
export interface AuthorLook {
  readonly name: string;
  readonly colour: string;
}

/** Fallback look of an author the document does not know (yet). */
export const UNKNOWN_AUTHOR: AuthorLook = Object.freeze({ name: 'Unknown reader', colour: '#666666' });

/**
 * The highlights of `annotations` that resolved as anchored (orphans are left out: the
 * panel lists them). `author` looks up a person id.
 */
export function highlightsOf(
  annotations: readonly HighlightSource[],
  resolutions: ReadonlyMap<string, Resolution>,
  author: (id: string) => AuthorLook | undefined,
): Highlight[] {
  const out: Highlight[] = [];
  for (const a of annotations) {
    const r = resolutions.get(a.id);
    if (r?.status !== 'anchored') continue;
    const look = author(a.author) ?? UNKNOWN_AUTHOR;
    out.push({ id: a.id, role: a.role, author: a.author, authorName: look.name, authorColour: look.colour, start: r.start, end: r.end });
  }
  return out;
}

/** Decorations of `highlights` (empty ranges skipped), the one with id `selected` marked. */
export function buildDecorations(highlights: readonly Highlight[], text: PmDocText, selected: string | null): Decoration[] {
  const out: Decoration[] = [];
  for (const h of highlights) {
    const d = highlightDecoration(h, text, h.id === selected);
    if (d) out.push(d);
  }
  return out;
}
