import { describe, expect, it } from 'vitest';
import { labelPlaces, type LabelNode } from './map-labels';

const node = (id: string, more: Partial<LabelNode> = {}): LabelNode => ({ id, text: id.toUpperCase(), hub: false, visible: true, x: 100, y: 50, height: 20, ...more });

describe('labelPlaces', () => {
  it('labels the hubs, the selected node and the hovered node, under each node', () => {
    const places = labelPlaces([node('h', { hub: true }), node('a'), node('b'), node('c')], 'a', 'b');
    expect(places.map((p) => p.id)).toEqual(['h', 'a', 'b']);
    expect(places[0]).toEqual({ id: 'h', text: 'H', x: 100, y: 63, hub: true });
  });

  it('labels no node that is hidden by a filter, hub or chosen', () => {
    expect(labelPlaces([node('h', { hub: true, visible: false }), node('a', { visible: false })], 'a', null)).toEqual([]);
  });

  it('labels a node both selected and hovered once', () => {
    expect(labelPlaces([node('a')], 'a', 'a').map((p) => p.id)).toEqual(['a']);
  });
});
