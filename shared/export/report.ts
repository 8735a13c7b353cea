// The seminar report, in Markdown and in HTML: title, participants, the map picture, a
// scoreboard per hub (links that support and challenge it), contested passages (linked
// to one target in opposite ways by different people) and the comment threads. The HTML
// is one self-contained page with no scripts; all user text is escaped, and the map
// picture is embedded as an image (an SVG inside <img> cannot run scripts).
import { computeScoreboard, type HubScore, type Thread } from '../model';
import { describeNode, personName, type PassageSnapshot, type ProjectSnapshot } from './project-snapshot';


/** A passage people linked to one target in opposite ways. */
export interface Contested {
  readonly passage: PassageSnapshot;
  readonly target: string;
  readonly targetLabel: string;
  readonly supporters: readonly string[];
  readonly challengers: readonly string[];
}

/**
 * Each hub's standing, computed as the map's scoreboard pane computes it, so the two show
 * the same numbers: passages supporting and challenging it, and the weights (strengths)
 * of the links.
 */
export function hubScores(snapshot: ProjectSnapshot): readonly HubScore[] {
  return computeScoreboard({ hubs: snapshot.hubs, passages: snapshot.passages.map((p) => p.id), links: snapshot.links }).hubs;
}

/** Passages linked to the same target as supporting by some and challenging by others. */
export function contestedPassages(snapshot: ProjectSnapshot): Contested[] {
  const out: Contested[] = [];
  for (const passage of snapshot.passages) {
    const targets = new Set(snapshot.links.filter((l) => l.source === passage.id).map((l) => l.target));
    for (const target of targets) {
      const links = snapshot.links.filter((l) => l.source === passage.id && l.target === target);
      const supporters = links.filter((l) => l.relation === 'supports').map((l) => personName(snapshot, l.author));
      const challengers = links.filter((l) => l.relation === 'challenges').map((l) => personName(snapshot, l.author));
      if (supporters.length && challengers.length) out.push({ passage, target, targetLabel: describeNode(snapshot, target)?.label ?? target, supporters, challengers });
    }
  }
  return out;
}

/** What a report shows besides the project. */
export interface ReportOptions {
  /** The map picture as an SVG document (the app passes its map; the CLI draws a plain one). */
  readonly mapSvg?: string;
}

function participants(snapshot: ProjectSnapshot): string[] {
  const ids = new Set<string>([...snapshot.passages.map((p) => p.author), ...snapshot.links.map((l) => l.author), ...snapshot.threads.flatMap((t) => t.comments.map((c) => c.author))]);
  return [...ids].map((id) => personName(snapshot, id)).sort((a, b) => a.localeCompare(b));
}

function threadSubject(snapshot: ProjectSnapshot, thread: Thread): string {
  const node = describeNode(snapshot, thread.target);
  return node ? `${node.kind}: ${node.label}` : thread.target;
}

const svgDataUri = (svg: string) => `data:image/svg+xml,${encodeURIComponent(svg)}`;

/** Text made inert in Markdown: no HTML, links, emphasis or headings from user text. */
export function mdEscape(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/([\\`*_{}[\]()<>#+\-.!|~&])/g, '\\$1').trim();
}

/** The scoreboard's columns after the hub: passages counted, then link weights (the map's scoreboard pane shows the same). */
export const SCORE_COLUMNS: readonly string[] = ['Passages supporting', 'Passages challenging', 'Support weight', 'Challenge weight'];

/** One hub's figures, in SCORE_COLUMNS order. */
export function scoreCells(s: HubScore): number[] {
  return [s.supportingPassages, s.challengingPassages, s.support, s.challenge];
}

/** The report as Markdown. */
export function toReportMarkdown(snapshot: ProjectSnapshot, options: ReportOptions = {}): string {
  const out = [`# ${mdEscape(snapshot.title)}`, '', `Participants: ${participants(snapshot).map(mdEscape).join(', ') || 'none'}`, ''];
  if (options.mapSvg) out.push('## Map', '', `![The argument map](${svgDataUri(options.mapSvg)})`, '');
  out.push('## Scoreboard', '', `| Hub | ${SCORE_COLUMNS.join(' | ')} |`, '|---|---:|---:|---:|---:|');
  for (const s of hubScores(snapshot)) out.push(`| ${mdEscape(s.label)} | ${scoreCells(s).join(' | ')} |`);
  out.push('', '## Contested passages', '');
  const contested = contestedPassages(snapshot);
  if (!contested.length) out.push('None.');
  for (const c of contested) {
    out.push(`- “${mdEscape(c.passage.quote.exact)}” on ${mdEscape(c.targetLabel)}: supports (${c.supporters.map(mdEscape).join(', ')}), challenges (${c.challengers.map(mdEscape).join(', ')})`);
  }
  out.push('', '## Comment threads', '');
  if (!snapshot.threads.length) out.push('None.');
  for (const t of snapshot.threads) {
    out.push(`### On ${mdEscape(threadSubject(snapshot, t))}${t.resolved ? ' (resolved)' : ''}`, '');
    for (const c of t.comments) out.push(`${c.parent ? '  ' : ''}- **${mdEscape(personName(snapshot, c.author))}**: ${c.deleted ? '*(deleted)*' : mdEscape(c.text)}`);
    out.push('');
  }
  return out.join('\n').replace(/\n+$/, '\n');
}

/** Escapes text for HTML content and attribute values. */
export function htmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.5}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .6rem}td.n{text-align:right}
.bar{display:inline-block;height:.8rem}.s{background:#117733}.c{background:#c2185b}
blockquote{margin:.5rem 0;padding-left:.8rem;border-left:3px solid #999}ul.replies{margin:0}img.map{max-width:100%}`;

/** The report as one self-contained HTML page (no scripts, no outside resources). */
export function toReportHtml(snapshot: ProjectSnapshot, options: ReportOptions = {}): string {
  const e = htmlEscape;
  const out = [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`,
    `<title>${e(snapshot.title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${e(snapshot.title)}</h1>`,
    `<p>Participants: ${participants(snapshot).map(e).join(', ') || 'none'}</p>`,
  ];
  if (options.mapSvg) out.push('<h2>Map</h2>', `<img class="map" alt="The argument map" src="${e(svgDataUri(options.mapSvg))}">`);
  const scores = hubScores(snapshot);
  const most = Math.max(1, ...scores.map((s) => Math.max(s.support, s.challenge)));
  out.push('<h2>Scoreboard</h2>', `<table><thead><tr><th>Hub</th>${SCORE_COLUMNS.map((c) => `<th>${c}</th>`).join('')}<th></th></tr></thead><tbody>`);
  for (const s of scores) {
    const bar = (n: number, cls: string) => `<span class="bar ${cls}" style="width:${(6 * n) / most}rem"></span>`;
    const cells = scoreCells(s).map((n) => `<td class="n">${n}</td>`).join('');
    out.push(`<tr><td>${e(s.label)}</td>${cells}<td>${bar(s.support, 's')}<br>${bar(s.challenge, 'c')}</td></tr>`);
  }
  out.push('</tbody></table>', '<h2>Contested passages</h2>');
  const contested = contestedPassages(snapshot);
  if (!contested.length) out.push('<p>None.</p>');
  for (const c of contested) {
    out.push(`<blockquote>${e(c.passage.quote.exact)}</blockquote><p>On ${e(c.targetLabel)}: supports (${c.supporters.map(e).join(', ')}), challenges (${c.challengers.map(e).join(', ')})</p>`);
  }
  out.push('<h2>Comment threads</h2>');
  if (!snapshot.threads.length) out.push('<p>None.</p>');
  for (const t of snapshot.threads) {
    out.push(`<h3>On ${e(threadSubject(snapshot, t))}${t.resolved ? ' (resolved)' : ''}</h3><ul>`);
    for (const c of t.comments) out.push(`<li${c.parent ? ' class="reply"' : ''}><strong>${e(personName(snapshot, c.author))}</strong>: ${c.deleted ? '<em>(deleted)</em>' : e(c.text)}</li>`);
    out.push('</ul>');
  }
  out.push('</body></html>', '');
  return out.join('\n');
}
