// Bringing a passage into view: the reader scrolls to an annotation's anchored text when
// it is chosen somewhere else (the map, the list, a margin marker).
import { pmDocText, resolveAnnotation } from '../../shared/anchoring';
import { getAnnotation } from '../../shared/model';
import type { Session } from '../session/session';
import type { Reader } from './reader';

/** Scrolls the reader to annotation `id`'s passage, if it is one and is anchored. */
export function revealPassage(session: Session, reader: Reader, id: string): void {
  const annotation = getAnnotation(session.doc, id);
  if (!annotation) return;
  const resolution = resolveAnnotation(session.doc, annotation);
  if (resolution.status !== 'anchored') return;
  const { view } = reader;
  const { from } = pmDocText(view.state.doc).rangeToPm({ start: resolution.start, end: resolution.end });
  const dom = view.domAtPos(from);
  const target = dom.node instanceof Element ? dom.node : dom.node.parentElement;
  target?.scrollIntoView({ block: 'center' });
}
