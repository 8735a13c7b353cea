// The map's context menus: on a node (link, rename, focus, delete) and on a link
// (relation, strength, note, delete), and renaming a hub or claim. Each ends in a
// MapActions write.
import type { Relation, Strength } from '../../shared/model';
import type { MapGestures } from './map-gestures';
import { askText, chooseFrom, type Choice } from './popups';

/** The menus. */
export interface MapMenus {
  openNodeMenu(id: string, at?: { x: number; y: number }): Promise<void>;
  openLinkMenu(id: string, at?: { x: number; y: number }): Promise<void>;
  /** Asks for a hub's or claim's new text. */
  relabel(id: string): Promise<void>;
}

/** The menus of the map `gestures` work on. */
export function createMapMenus(gestures: MapGestures): MapMenus {
  const { view, host, ui, actions, announce, label, renderedAt } = gestures;

  async function openNodeMenu(id: string, at = renderedAt(id)): Promise<void> {
    const node = view.node(id);
    if (!node) return;
    type Act = 'link' | 'rename' | 'focus' | 'unfocus' | 'delete';
    const choices: Choice<Act>[] = [{ label: 'Link to…', value: 'link' }];
    if (node.kind !== 'annotation') choices.push({ label: 'Rename…', value: 'rename' });
    choices.push(ui.get().focus === id ? { label: 'Show the whole map', value: 'unfocus' } : { label: 'Focus on its neighbourhood', value: 'focus' });
    choices.push({ label: 'Delete', value: 'delete' });
    const act = await chooseFrom(host, node.label, choices, at);
    if (act === 'link') gestures.startLinking(id);
    else if (act === 'rename') await relabel(id);
    else if (act === 'focus') ui.update({ focus: id });
    else if (act === 'unfocus') ui.update({ focus: null });
    else if (act === 'delete') gestures.remove(id);
  }

  async function openLinkMenu(id: string, at = renderedAt(id)): Promise<void> {
    const edge = view.projection.elements().get(id);
    if (!edge || edge.group !== 'edges') return;
    type Act = Relation | `strength-${Strength}` | 'note' | 'delete';
    const choices: Choice<Act>[] = [
      { label: edge.relation === 'supports' ? 'Supports ✓' : 'Supports', value: 'supports' },
      { label: edge.relation === 'challenges' ? 'Challenges ✓' : 'Challenges', value: 'challenges' },
      ...([1, 2, 3] as const).map((s) => ({ label: `Strength ${s}${edge.strength === s ? ' ✓' : ''}`, value: `strength-${s}` as const })),
      { label: 'Note…', value: 'note' },
      { label: 'Delete link', value: 'delete' },
    ];
    const act = await chooseFrom(host, `${label(edge.source)} → ${label(edge.target)}`, choices, at);
    if (act === 'supports' || act === 'challenges') actions.setRelation(id, act);
    else if (act === 'note') {
      const note = await askText(host, 'Note on the link', edge.note, at);
      if (note !== null) actions.setNote(id, note);
    } else if (act === 'delete') {
      if (actions.unlink(id)) announce('Link deleted.');
    } else if (act) actions.setStrength(id, Number(act.slice(-1)) as Strength);
  }

  async function relabel(id: string): Promise<void> {
    const node = view.node(id);
    if (!node || node.kind === 'annotation') return;
    const text = await askText(host, node.kind === 'hub' ? 'Hub name' : 'Claim', node.text, renderedAt(id));
    if (text !== null) actions.relabel(node.kind, id, text);
  }

  return { openNodeMenu, openLinkMenu, relabel };
}
