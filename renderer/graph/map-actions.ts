// What a map gesture does to the shared document: link, relabel, delete, change a link.
// Every action is a shared/model write as this user; refused input is reported to the
// user (announced) and changes nothing.
import {
  addClaim,
  addLink,
  deleteAnnotation,
  deleteClaim,
  InputError,
  removeHub,
  removeLink,
  renameClaim,
  renameHub,
  setLinkNote,
  setLinkRelation,
  setLinkStrength,
  type Point,
  type Relation,
  type Strength,
} from '../../shared/model';
import { setPosition } from '../../shared/model/positions';
import type { Session } from '../session/session';
import type { NodeKind } from './elements';

/** The map's writes, bound to a session; each returns whether it was done. */
export interface MapActions {
  link(source: string, target: string, relation: Relation): boolean;
  addClaim(text: string): string | null;
  relabel(kind: NodeKind, id: string, label: string): boolean;
  remove(kind: NodeKind, id: string): boolean;
  setRelation(link: string, relation: Relation): boolean;
  setStrength(link: string, strength: Strength): boolean;
  setNote(link: string, note: string): boolean;
  unlink(link: string): boolean;
  /** Pins a node at `at` for everyone. */
  move(id: string, at: Point): boolean;
}

/** Binds the map's writes to `session`; refusals are passed to `report`. */
export function mapActions(session: Session, report: (message: string) => void): MapActions {
  const { doc, origin, personId } = session;
  const editor = session.capabilities().editMap;
  function attempt<T>(write: () => T): T | null {
    // The sync server refuses map writes from commenters and viewers; say so instead.
    if (!editor) {
      report('Your link lets you read and comment on the map, not change it.');
      return null;
    }
    try {
      return write();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      report(error.message.replace(/^\w+: /, ''));
      return null;
    }
  }
  const done = (write: () => void) => attempt(() => (write(), true)) ?? false;
  return {
    link: (source, target, relation) => done(() => addLink(doc, { source, target, relation, author: personId }, origin)),
    addClaim: (text) => attempt(() => addClaim(doc, { text, author: personId }, origin)),
    relabel: (kind, id, label) =>
      done(() => {
        if (kind === 'hub') renameHub(doc, id, label, origin);
        else if (kind === 'claim') renameClaim(doc, id, label, origin);
        else throw new InputError('relabel', 'a passage’s label is its quote: edit the reading instead');
      }),
    remove: (kind, id) =>
      done(() => {
        if (kind === 'hub') removeHub(doc, id, origin);
        else if (kind === 'claim') deleteClaim(doc, id, origin);
        else deleteAnnotation(doc, id, origin);
      }),
    setRelation: (link, relation) => done(() => setLinkRelation(doc, link, relation, origin)),
    setStrength: (link, strength) => done(() => setLinkStrength(doc, link, strength, origin)),
    setNote: (link, note) => done(() => setLinkNote(doc, link, note, origin)),
    unlink: (link) => done(() => removeLink(doc, link, origin)),
    // A reader who may not edit can still drag nodes about on their own screen.
    move: (id, at) => editor && done(() => setPosition(doc, id, { x: Math.round(at.x), y: Math.round(at.y) }, origin)),
  };
}
