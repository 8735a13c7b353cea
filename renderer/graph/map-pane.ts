// The argument map pane. Until passages are tagged there is no map to draw, so it says
// how a map comes about instead of showing an empty canvas.
import { h } from '../shell/dom';

/** Builds the map pane's content. */
export function createMapPane(): HTMLElement {
  return h(
    'div',
    { class: 'map-empty' },
    h('p', { class: 'map-empty-title' }, 'Tag passages to build the map.'),
    h(
      'p',
      { class: 'pane-empty' },
      'Select a passage in the reading and tag it as evidence, a claim or a counter-argument. ' +
        'Each tagged passage becomes a node here, linked to the explanations it supports or challenges.',
    ),
  );
}
