// The scoreboard: for each hub a diverging bar (challenge to the left, support to the
// right, both weighted by strength) drawn in SVG with a text alternative, a table of
// passages counted and weights apart (the report's columns), then the
// contested passages (the discussion agenda) and the discriminating evidence. Choosing
// a passage selects it in the text and the map.
import type { Scoreboard } from '../../shared/model';
import { SCORE_COLUMNS, scoreCells } from '../../shared/export/report';
import { h } from '../shell/dom';
import type { UiStore } from '../state/ui-store';
import { CHALLENGES_COLOUR, SUPPORTS_COLOUR } from '../../shared/model/role-colours';

const SVG = 'http://www.w3.org/2000/svg';
const ROW = 34;
const LABEL_W = 130;
const HALF = 110;
const WIDTH = LABEL_W + HALF * 2 + 40;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** A sentence for one hub's score, used as the chart's text alternative. */
export function scoreSentence(hub: Scoreboard['hubs'][number]): string {
  const p = (n: number) => `${n} passage${n === 1 ? '' : 's'}`;
  return `${hub.label}: support ${hub.support} (${p(hub.supportingPassages)}), challenge ${hub.challenge} (${p(hub.challengingPassages)}).`;
}

/** The scoreboard view. */
export interface ScoreboardView {
  readonly element: HTMLElement;
  /** Draws `board`; `label(id)` names a passage or claim. */
  render(board: Scoreboard, label: (id: string) => string): void;
}

/** Builds the scoreboard view. */
export function createScoreboardView(ui: UiStore): ScoreboardView {
  const element = h('section', { class: 'scoreboard', 'aria-label': 'Scoreboard' });
  const select = (id: string) => ui.update({ selected: id, selectedBy: 'other' });

  function entry(id: string, text: string): HTMLElement {
    const button = h('button', { type: 'button', class: 'scoreboard-entry', 'data-node': id }, text);
    button.addEventListener('click', () => select(id));
    return h('li', {}, button);
  }

  return {
    element,
    render(board, label) {
      const max = Math.max(1, ...board.hubs.flatMap((hub) => [hub.support, hub.challenge]));
      const height = board.hubs.length * ROW + 28;
      const chart = svg('svg', { class: 'scoreboard-chart', viewBox: `0 0 ${WIDTH} ${height}`, width: '100%', role: 'img', 'aria-labelledby': 'scoreboard-title scoreboard-desc' });
      chart.append(svg('title', { id: 'scoreboard-title' }, 'Support and challenge per explanation'));
      chart.append(svg('desc', { id: 'scoreboard-desc' }, board.hubs.map(scoreSentence).join(' ')));
      const mid = LABEL_W + HALF;
      chart.append(svg('text', { x: mid - 6, y: 12, 'text-anchor': 'end', class: 'scoreboard-axis' }, '← challenge'));
      chart.append(svg('text', { x: mid + 6, y: 12, class: 'scoreboard-axis' }, 'support →'));
      board.hubs.forEach((hub, i) => {
        const y = 22 + i * ROW;
        const row = svg('g', { 'data-hub': hub.hub });
        row.append(svg('text', { x: 0, y: y + 15, class: 'scoreboard-hub' }, hub.label));
        row.append(svg('circle', { cx: LABEL_W - 10, cy: y + 11, r: 5, fill: hub.colour }));
        const sw = (hub.support / max) * HALF;
        const cw = (hub.challenge / max) * HALF;
        row.append(svg('rect', { x: mid - cw, y: y + 3, width: cw, height: 16, fill: CHALLENGES_COLOUR, class: 'bar-challenge' }));
        row.append(svg('rect', { x: mid, y: y + 3, width: sw, height: 16, fill: SUPPORTS_COLOUR, class: 'bar-support' }));
        row.append(svg('text', { x: mid + sw + 4, y: y + 15, class: 'scoreboard-value' }, String(hub.support)));
        row.append(svg('text', { x: mid - cw - 4, y: y + 15, 'text-anchor': 'end', class: 'scoreboard-value' }, String(hub.challenge)));
        chart.append(row);
      });
      chart.append(svg('line', { x1: mid, x2: mid, y1: 16, y2: height, stroke: 'currentColor', 'stroke-width': 1 }));

      const hubName = (id: string) => board.hubs.find((hub) => hub.hub === id)?.label ?? label(id);
      const contested = board.contested.map((c) =>
        entry(c.passage, `${label(c.passage)} — on ${hubName(c.target)}: ${c.supportedBy.length} say supports, ${c.challengedBy.length} say challenges`),
      );
      const discriminating = board.discriminating.map((d) =>
        entry(d.passage, `${label(d.passage)} — supports ${d.supports.map(hubName).join(', ')}; challenges ${d.challenges.map(hubName).join(', ')}`),
      );
      // The figures as the report tabulates them: passages counted, weights apart.
      const table = h(
        'table',
        { class: 'scoreboard-table', 'aria-label': 'Scoreboard figures' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Hub'), ...SCORE_COLUMNS.map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, ...board.hubs.map((hub) => h('tr', { 'data-hub': hub.hub }, h('th', { scope: 'row' }, hub.label), ...scoreCells(hub).map((n) => h('td', {}, String(n)))))),
      );
      const none = (text: string) => h('li', { class: 'pane-empty' }, text);
      element.replaceChildren(
        h('figure', { class: 'scoreboard-figure' }, chart, h('figcaption', { class: 'visually-hidden' }, h('ul', { class: 'scoreboard-summary' }, ...board.hubs.map((hub) => h('li', {}, scoreSentence(hub)))))),
        table,
        h('h3', {}, 'Contested passages'),
        h('ul', { class: 'scoreboard-list', 'aria-label': 'Contested passages' }, ...(contested.length ? contested : [none('No passage is read both ways yet.')])),
        h('h3', {}, 'Discriminating evidence'),
        h('ul', { class: 'scoreboard-list', 'aria-label': 'Discriminating evidence' }, ...(discriminating.length ? discriminating : [none('No passage yet supports one hub while challenging another.')])),
      );
    },
  };
}
