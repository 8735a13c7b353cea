// The argument map pane: a toolbar (Map / Scoreboard tabs, Add claim, draw links, list
// view, export), the graph with its list view, and the scoreboard. Before a project is
// open it says how a map comes about instead of showing an empty canvas.
import { authorName, PEOPLE, readScoreboard } from '../../shared/model';
import type { Platform } from '../platform';
import type { Session } from '../session/session';
import { h } from '../shell/dom';
import type { UiStore } from '../state/ui-store';
import type { MapElement } from './elements';
import { mapActions } from './map-actions';
import { exportPng, exportSvg } from './map-export';
import { installInteraction, type MapInteraction } from './map-interaction';
import { createMapList } from './map-list';
import { mountMapLabels } from './map-labels';
import { fitMap, keepFitted } from './map-fit';
import { mountMapView, type MapView } from './map-view';
import { askText } from './popups';
import { createScoreboardView } from './scoreboard-view';
import { visibleIds } from './visibility';

/** The map pane. */
export interface MapPane {
  readonly element: HTMLElement;
  /** Shows the map of `session`, or the empty state when null. */
  setSession(session: Session | null): void;
  /** The map as drawn now (positions, labels, filters applied) as SVG, or null before it is built. */
  svg(): string | null;
}

function emptyState(): HTMLElement {
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

/** Builds the map pane. */
export function createMapPane(ui: UiStore, platform: Platform): MapPane {
  const empty = emptyState();
  const announcer = h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const announce = (message: string) => {
    announcer.textContent = '';
    requestAnimationFrame(() => (announcer.textContent = message));
  };

  const mapTab = h('button', { type: 'button', role: 'tab', id: 'map-tab-graph', 'aria-controls': 'map-panel-graph', 'aria-selected': 'true' }, 'Map');
  const boardTab = h('button', { type: 'button', role: 'tab', id: 'map-tab-scoreboard', 'aria-controls': 'map-panel-scoreboard', 'aria-selected': 'false', tabindex: -1 }, 'Scoreboard');
  const tabs = h('div', { role: 'tablist', class: 'map-tabs', 'aria-label': 'Map views' }, mapTab, boardTab);
  const addClaimButton = h('button', { type: 'button', class: 'map-button' }, 'Add claim');
  const drawButton = h('button', { type: 'button', class: 'map-button', 'aria-pressed': 'false', title: 'Drag from one node to another to link them' }, 'Draw links');
  const listButton = h('button', { type: 'button', class: 'map-button', 'aria-pressed': 'false' }, 'List view');
  const fitButton = h('button', { type: 'button', class: 'map-button' }, 'Fit');
  const pngButton = h('button', { type: 'button', class: 'map-button' }, 'Export PNG');
  const svgButton = h('button', { type: 'button', class: 'map-button' }, 'Export SVG');
  const tools = h('div', { class: 'map-tools' }, addClaimButton, drawButton, listButton, fitButton, pngButton, svgButton);

  const help = h('p', { id: 'map-keys-help', class: 'visually-hidden' }, 'Arrow keys move between nodes, Shift with an arrow key moves the node, Enter selects, L links the node to the next one you choose, F2 renames, F focuses its neighbourhood, Delete deletes, Shift+F10 opens its menu.');
  const graph = h('div', { class: 'map-graph', tabindex: 0, role: 'application', 'aria-label': 'Argument map', 'aria-roledescription': 'argument map', 'aria-describedby': 'map-keys-help' });
  const tooltip = h('div', { class: 'map-tooltip', role: 'tooltip', hidden: true });
  const hint = h('p', { class: 'map-hint', hidden: true }, 'Tag passages in the reading, or add a claim, then link them to the explanations.');
  const graphPanel = h('div', { class: 'map-panel', role: 'tabpanel', id: 'map-panel-graph', 'aria-labelledby': 'map-tab-graph' }, graph, tooltip, hint);
  const boardPanel = h('div', { class: 'map-panel map-board-panel', role: 'tabpanel', id: 'map-panel-scoreboard', 'aria-labelledby': 'map-tab-scoreboard', hidden: true });
  const body = h('div', { class: 'map-body', hidden: true }, h('div', { class: 'map-toolbar' }, tabs, tools), help, graphPanel, boardPanel, announcer);
  const element = h('div', { class: 'map-pane-content' }, empty, body);

  let view: MapView | null = null;
  let interaction: MapInteraction | null = null;
  let session: Session | null = null;
  let teardown: (() => void)[] = [];
  const board = createScoreboardView(ui);
  boardPanel.append(board.element);
  const list = createMapList(
    ui,
    (id) => void interaction?.openLinkMenu(id, { x: 20, y: 60 }),
    (id) => (session ? authorName(session.doc, id) : id),
  );
  list.element.classList.add('visually-hidden');
  graphPanel.append(list.element);

  function showTab(which: 'graph' | 'scoreboard'): void {
    const isGraph = which === 'graph';
    mapTab.setAttribute('aria-selected', String(isGraph));
    boardTab.setAttribute('aria-selected', String(!isGraph));
    mapTab.tabIndex = isGraph ? 0 : -1;
    boardTab.tabIndex = isGraph ? -1 : 0;
    graphPanel.hidden = !isGraph;
    boardPanel.hidden = isGraph;
    if (isGraph) view?.cy.resize();
    else renderBoard();
  }
  mapTab.addEventListener('click', () => showTab('graph'));
  boardTab.addEventListener('click', () => showTab('scoreboard'));
  tabs.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const next = document.activeElement === mapTab ? boardTab : mapTab;
    next.focus();
    next.click();
  });

  const labelOf = (id: string) => {
    const e = view?.projection.elements().get(id);
    return e?.group === 'nodes' ? (e.kind === 'annotation' ? `“${e.label}”` : e.label) : id;
  };

  function renderBoard(): void {
    if (session && !boardPanel.hidden) board.render(readScoreboard(session.doc), labelOf);
  }

  function renderList(): void {
    if (!view) return;
    const elements = view.projection.elements();
    const { filters, focus } = ui.get();
    list.render(elements, visibleIds([...elements.values()] as MapElement[], filters, focus));
    hint.hidden = [...elements.values()].some((e) => e.group === 'nodes' && e.kind !== 'hub');
  }

  addClaimButton.addEventListener('click', async () => {
    if (!session) return;
    showTab('graph');
    const text = await askText(graphPanel, 'New claim', '', { x: 12, y: 12 });
    if (text === null || !session) return;
    const id = mapActions(session, announce).addClaim(text);
    if (id) {
      ui.update({ selected: id, selectedBy: 'other' });
      announce(`Added the claim ${text}. Press L in the map to link it.`);
    }
  });
  drawButton.addEventListener('click', () => {
    const on = drawButton.getAttribute('aria-pressed') !== 'true';
    drawButton.setAttribute('aria-pressed', String(on));
    interaction?.setDrawMode(on);
    announce(on ? 'Drag from one node to another to link them.' : 'Dragging moves nodes again.');
  });
  listButton.addEventListener('click', () => {
    const on = listButton.getAttribute('aria-pressed') !== 'true';
    listButton.setAttribute('aria-pressed', String(on));
    list.element.classList.toggle('visually-hidden', !on);
    graph.hidden = on;
    if (!on) view?.cy.resize();
  });
  fitButton.addEventListener('click', () => view && fitMap(view.cy));
  const baseName = () => (document.title.replace(/ — Crux$/, '') || 'map').replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ').trim().slice(0, 80) || 'map';
  pngButton.addEventListener('click', async () => {
    if (!view) return;
    const blob = await exportPng(view.cy);
    const saved = await platform.saveFile(`${baseName()} map.png`, 'png', new Uint8Array(await blob.arrayBuffer()));
    if (saved) announce('Saved the map as PNG.');
  });
  svgButton.addEventListener('click', async () => {
    if (!view) return;
    const saved = await platform.saveFile(`${baseName()} map.svg`, 'svg', new TextEncoder().encode(exportSvg(view.cy)));
    if (saved) announce('Saved the map as SVG.');
  });

  function setSession(next: Session | null): void {
    for (const stop of teardown) stop();
    teardown = [];
    interaction?.destroy();
    view?.destroy();
    view = null;
    interaction = null;
    session = next;
    // Only owners and editors change the map; the server would refuse anyone else.
    addClaimButton.hidden = drawButton.hidden = !next || !next.capabilities().editMap;
    empty.hidden = next !== null;
    body.hidden = next === null;
    if (!next) return;
    const v = mountMapView(graph, next, ui, tooltip);
    view = v;
    interaction = installInteraction(v, graphPanel, ui, mapActions(next, announce), announce);
    interaction.setDrawMode(drawButton.getAttribute('aria-pressed') === 'true');
    teardown.push(v.projection.onPatched(() => {
      renderList();
      renderBoard();
    }));
    teardown.push(ui.subscribe((state, previous) => {
      if (state.filters !== previous.filters || state.focus !== previous.focus || state.selected !== previous.selected) renderList();
    }));
    const labels = mountMapLabels(v.cy, graphPanel, ui);
    teardown.push(() => labels.destroy());
    teardown.push(keepFitted(v.cy, graph), onPeople(next, renderList));
    renderList();
    renderBoard();
  }

  return { element, setSession, svg: () => (view ? exportSvg(view.cy) : null) };
}

/** Calls `listener` when someone's name or colour changes (the list view names link authors); returns the unsubscribe function. */
function onPeople(session: Session, listener: () => void): () => void {
  const people = session.doc.getMap(PEOPLE);
  people.observe(listener);
  return () => people.unobserve(listener);
}
