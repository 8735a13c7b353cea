// The argument-graph and tabular exports on the seed project: AIF structure, Argdown that
// @argdown/core parses into the same statements and relations, GraphML that parses as
// XML with the same nodes and edges, CSV quoting and formula defusing, and a report whose
// HTML runs no script and shows user text as text.
import { ArgdownApplication, ModelPlugin, ParserPlugin, type IArgdownResponse } from '@argdown/core';
import { DomUtils, parseDocument } from 'htmlparser2';
import { beforeAll, expect, it } from 'vitest';
import { describeWithCorpus } from '../test-support/corpus';
import { seedProject } from '../test-support/seed-project';
import { readScoreboard } from '../model';
import { toAif } from './aif';
import { toArgdown } from './argdown';
import { csvField, toCsv } from './csv';
import { toGraphml } from './graphml';
import { exportProject } from './index';
import { snapshotProject, type ProjectSnapshot } from './project-snapshot';
import { contestedPassages, hubScores, toReportHtml, toReportMarkdown } from './report';

let snapshot: ProjectSnapshot;
let seedDoc: Awaited<ReturnType<typeof seedProject>>;
beforeAll(async () => {
  seedDoc = await seedProject();
  snapshot = snapshotProject(seedDoc);
});

describeWithCorpus('exports of the seed project', () => {
  it('AIF: passages and hubs as I-nodes, supports as RA and challenges as CA between them', () => {
    const aif = toAif(snapshot);
    const kinds = (t: string) => aif.nodes.filter((n) => n.type === t).length;
    expect(kinds('I')).toBe(4 + 9);
    expect(kinds('RA')).toBe(4);
    expect(kinds('CA')).toBe(2);
    const byId = new Map(aif.nodes.map((n) => [n.nodeID, n]));
    expect(aif.edges).toHaveLength(12);
    for (const scheme of aif.nodes.filter((n) => n.type !== 'I')) {
      const into = aif.edges.filter((e) => e.toID === scheme.nodeID);
      const out = aif.edges.filter((e) => e.fromID === scheme.nodeID);
      expect([into.length, out.length]).toEqual([1, 1]);
      expect(byId.get(into[0]!.fromID)?.type).toBe('I');
      expect(byId.get(out[0]!.toID)?.type).toBe('I');
    }
    expect(aif.locutions).toEqual([]);
  });

  it('Argdown: @argdown/core reads the same statements and relations', () => {
    const text = toArgdown(snapshot);
    const app = new ArgdownApplication();
    app.addPlugin(new ParserPlugin(), 'parse-input');
    app.addPlugin(new ModelPlugin(), 'build-model');
    const response = app.run({ input: text, process: ['parse-input', 'build-model'] }) as IArgdownResponse & {
      statements: Record<string, unknown>;
      relations: { relationType: string }[];
      parserErrors: unknown[];
      lexerErrors: unknown[];
    };
    expect(response.lexerErrors).toEqual([]);
    expect(response.parserErrors).toEqual([]);
    expect(Object.keys(response.statements)).toHaveLength(4 + 9);
    expect(response.statements).toHaveProperty(['Realist']);
    const types = response.relations.map((r) => r.relationType).sort();
    expect(types).toEqual(['attack', 'attack', 'support', 'support', 'support', 'support']);
  });

  it('GraphML: well-formed XML with every node, edge and attribute', () => {
    const dom = parseDocument(toGraphml(snapshot), { xmlMode: true });
    const nodes = DomUtils.getElementsByTagName('node', dom);
    const edges = DomUtils.getElementsByTagName('edge', dom);
    expect(nodes).toHaveLength(13);
    expect(edges).toHaveLength(6);
    const data = (el: (typeof nodes)[number], key: string) => DomUtils.textContent(DomUtils.getElementsByTagName('data', el).find((d) => d.attribs.key === key)!);
    expect(nodes.map((n) => data(n, 'node-kind')).filter((k) => k === 'passage')).toHaveLength(9);
    expect(data(nodes.find((n) => n.attribs.id === snapshot.passages[0]!.id)!, 'node-label')).toBe(snapshot.passages[0]!.quote.exact);
    expect(edges.map((e) => data(e, 'edge-relation')).sort()).toEqual(['challenges', 'challenges', 'supports', 'supports', 'supports', 'supports']);
    expect(data(edges[0]!, 'edge-author')).toBe('Ann <Lead> & co');
  });

  it('CSV: one row per annotation, quoted per RFC 4180, formulas defused', () => {
    const csv = toCsv(snapshot);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe('id,role,quote,start,end,author,created,edited,note,tags,hubs supported,hubs challenged,comments,orphaned');
    expect(csv).toContain('"A ""quoted"", note\nover two lines"');
    expect(csv).toContain(`,'=Bo,`);
    expect(csv).toContain(`'=cmd; dates`);
    expect(csv).toContain(',Realist,Realist,2,false\r\n');
    expect(csvField('-1+2')).toBe(`'-1+2`);
    expect(csvField('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(csvField('+x,y')).toBe(`"'+x,y"`);
    expect(csvField(-3)).toBe('-3');
  });

  it('report: scoreboard, contested passages and threads; HTML escaped and script-free', () => {
    // Passages supporting / challenging, then weights: the numbers of the map's scoreboard pane.
    expect(hubScores(snapshot).map((s) => [s.label, s.supportingPassages, s.challengingPassages, s.support, s.challenge])).toEqual([
      ['Realist', 1, 1, 2, 2],
      ['Ideological', 1, 1, 2, 2],
      ['Structural', 1, 0, 2, 0],
      ['Domestic politics', 0, 0, 0, 0],
    ]);
    expect(hubScores(snapshot)).toEqual(readScoreboard(seedDoc).hubs);
    const markdown = toReportMarkdown(snapshot);
    expect(markdown).toContain('| Hub | Passages supporting | Passages challenging | Support weight | Challenge weight |');
    expect(markdown).toContain('| Realist | 1 | 1 | 2 | 2 |');
    const contested = contestedPassages(snapshot);
    expect(contested.map((c) => [c.targetLabel, c.supporters, c.challengers])).toEqual([['Realist', ['Ann <Lead> & co'], ['=Bo']]]);
    const html = exportProject(snapshot, 'report-html');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son\w+=/i);
    expect(html).toContain('Is this &lt;b&gt;really&lt;/b&gt; realist?');
    expect(html).toContain('Ann &lt;Lead&gt; &amp; co');
    expect(html).toContain('<img class="map" alt="The argument map" src="data:image/svg+xml,');
    const md = toReportMarkdown(snapshot);
    expect(md).toContain('| Realist | 1 | 1 |');
    expect(md).toContain('Is this \\<b\\>really\\</b\\> realist?');
    const withMap = toReportHtml(snapshot, { mapSvg: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>' });
    expect(withMap).not.toMatch(/<script/i);
  });
});
