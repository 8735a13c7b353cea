// Security scan (`npm run test:security`): runs Doyensec's Electronegativity over the
// Electron code (the TypeScript sources in electron/ and the built main, preload and
// page in out/), reads its CSV report, prints every finding and exits 1 on any HIGH or
// MEDIUM finding that is not in the reviewed list below. The tool itself always exits 0,
// so this script is what makes a finding fail CI.
//
// Three things the tool cannot do on its own, done here:
// - Its CSV writer starts the header write and the rows' append without waiting for one
//   another, so a report can lose its first finding (seen here). The tool runs with
//   scripts/serial-writes.js, which puts writes to one file in order; every CSV row is
//   checked, and each scan also writes SARIF (a single write) that must list the same
//   findings, so a damaged report fails the scan instead of passing it.
// - It recognises a Content-Security-Policy only when a string literal is written into a
//   header at the call site. Crux builds its policy from a table (electron/main/window/
//   csp.ts), so the tool reports "Failed to parse CSP" (LOW). The script evaluates the
//   exact policy the app sends with the evaluator the tool uses (Google's CSP Evaluator,
//   @doyensec/csp-evaluator) and fails on its HIGH, MEDIUM or syntax findings.
// - Some checks fire on every use of an API ("review required"), safe or not. Those
//   uses were reviewed; REVIEWED names each by check and exact line of code, with why it
//   is safe. A reviewed line that changes is no longer matched and fails again, and a
//   review that matches nothing fails too, so the list cannot go stale.
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const toolDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const toolCli = join(toolDir, 'dist', 'index.js');
// The evaluator is the tool's own dependency; resolve it from there.
const cspEvaluator = createRequire(join(toolDir, 'package.json'))('@doyensec/csp-evaluator');
const electronVersion = require('electron/package.json').version;
const serialWrites = pathToFileURL(join(root, 'scripts', 'serial-writes.js')).href;

/** Severities that fail the scan. */
const FAILING = new Set(['HIGH', 'MEDIUM']);

/** Findings reviewed by hand: the check, the exact flagged line, where it is, and why it is safe. */
const REVIEWED = [
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    line: 'await shell.openExternal(url.href);',
    where: 'electron/main/external/external-links.ts, openExternalLink',
    why:
      'The only call of shell.openExternal. Its argument is url.href of a URL that checkExternalUrl parsed and ' +
      'whose scheme is https:, http: or mailto:; anything else is refused before this line (external-links.test.ts).',
  },
  {
    check: 'PRELOAD_JS_CHECK',
    line: 'preload: preloadPath,',
    where: 'electron/main/window/main-window.ts, createMainWindow',
    why:
      'The preload runs sandboxed and context-isolated and exposes only CruxApi: invoke on contract channels with ' +
      'schema-checked arguments and answers, on for contract events with schema-checked payloads (the Electron ' +
      'event is never passed on), pathForFile and platform (electron/preload/crux-api.ts, crux-api.test.ts).',
  },
];

/** Findings the script replaces with its own, stricter check (see the CSP note above). */
const REPLACED = [
  {
    check: 'CSP_GLOBAL_CHECK',
    description: 'Failed to parse CSP, it may not be valid.',
    by: 'the evaluation of CONTENT_SECURITY_POLICY below',
  },
];

/** Copies the files of `from` that `keep(path)` accepts into `to`, renaming them with `rename`. */
async function stage(from, to, keep, rename = (path) => path) {
  for (const entry of await readdir(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const source = join(entry.parentPath, entry.name);
    const path = relative(from, source);
    if (!keep(path)) continue;
    const target = join(to, rename(path));
    await mkdir(dirname(target), { recursive: true });
    await cp(source, target);
  }
}

/** Runs the tool on `input`, writing its report to `output` (.csv or .sarif). */
function runTool(input, output) {
  return new Promise((resolve, reject) => {
    const args = ['--import', serialWrites, toolCli, '-i', input, '-o', output, '-r', '-e', electronVersion, '-v', 'false'];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`Electronegativity exited with ${code} on ${input}:\n${log}`));
    });
  });
}

/** Parses CSV as the tool writes it: comma-separated, fields optionally quoted with "" escapes. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

const CSV_HEADER = ['issue', 'severity', 'confidence', 'filename', 'location', 'sample', 'description', 'url'];
const SEVERITIES = new Set(['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH']);
const CONFIDENCES = new Set(['TENTATIVE', 'FIRM', 'CERTAIN']);

/** The findings of a CSV report; throws if any row is damaged. */
async function readCsvReport(path) {
  const [header, ...rows] = parseCsv(await readFile(path, 'utf8'));
  if (!header || header.map((h) => h.trim()).join() !== CSV_HEADER.join()) {
    throw new Error(`${path} does not start with Electronegativity's CSV header.`);
  }
  return rows
    .filter((row) => !(row.length === 1 && row[0] === ''))
    .map((row, i) => {
      const [check, severity, confidence, file, location, sample, description] = row;
      if (row.length !== CSV_HEADER.length || !/^[A-Z0-9_]+$/.test(check) || !SEVERITIES.has(severity) || !CONFIDENCES.has(confidence)) {
        throw new Error(`${path}: finding ${i + 1} is damaged: ${row.join(',').slice(0, 200)}`);
      }
      return { check, severity, confidence, file, location, sample: sample === 'N/A' ? '' : sample.trim(), description };
    });
}

/** The check ids of a SARIF report, one per finding. */
async function readSarifChecks(path) {
  const sarif = JSON.parse(await readFile(path, 'utf8'));
  return sarif.runs.flatMap((run) => run.results.map((result) => result.ruleId));
}

/** Scans `input` and returns its findings, checked against the SARIF report. */
async function scan(name, input, work) {
  const csv = join(work, `${name}.csv`);
  const sarif = join(work, `${name}.sarif`);
  await Promise.all([runTool(input, csv), runTool(input, sarif)]);
  const findings = await readCsvReport(csv);
  const fromCsv = findings.map((f) => f.check).sort();
  const fromSarif = (await readSarifChecks(sarif)).sort();
  if (fromCsv.join() !== fromSarif.join()) {
    throw new Error(
      `The CSV and SARIF reports on ${name} disagree (CSV: ${fromCsv.join(', ') || 'none'}; ` +
        `SARIF: ${fromSarif.join(', ') || 'none'}); the CSV report is incomplete.`,
    );
  }
  return findings;
}

/** Evaluates the app's Content-Security-Policy; returns [failures, notes]. */
async function evaluatePolicy() {
  const { CONTENT_SECURITY_POLICY } = await tsImport('../electron/main/window/csp.ts', import.meta.url);
  const { CspParser, CspEvaluator, Version, severities } = cspEvaluator;
  const parsed = new CspParser(CONTENT_SECURITY_POLICY);
  const results = new CspEvaluator(parsed.csp, Version.CSP3).evaluate();
  const failing = new Set([severities.HIGH, severities.SYNTAX, severities.MEDIUM, severities.HIGH_MAYBE]);
  const names = Object.fromEntries(Object.entries(severities).map(([k, v]) => [v, k]));
  const describe = (r) => `${names[r.severity]} ${r.directive}: ${r.description}`;
  return {
    policy: CONTENT_SECURITY_POLICY,
    failures: results.filter((r) => failing.has(r.severity)).map(describe),
    notes: results.filter((r) => !failing.has(r.severity)).map(describe),
  };
}

function pad(text, width) {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function printTable(rows) {
  const head = ['result', 'severity', 'confidence', 'check', 'where', 'code'];
  const widths = head.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => r[i].length))));
  const line = (cells) => cells.map((c, i) => pad(c.length > 60 ? `${c.slice(0, 59)}…` : c, widths[i])).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

async function main() {
  const builtMain = join(root, 'out', 'main', 'index.js');
  if (!(await stat(builtMain).catch(() => null))) {
    console.error('test:security scans the built app too: run `npm run build` first.');
    return 1;
  }
  const work = await mkdtemp(join(tmpdir(), 'crux-electronegativity-'));
  try {
    // Sources: tests and their doubles are not shipped and hold hostile inputs on purpose.
    const sources = join(work, 'sources');
    await stage(join(root, 'electron'), join(sources, 'electron'), (p) =>
      p.endsWith('.ts') && !p.endsWith('.test.ts') && !p.split(/[\\/]/).includes('test-support'),
    );
    // Built app: main, preload and the page's HTML. The tool reads only .js/.ts/.html, so
    // the CommonJS preload is staged as .js. The page's script bundles are left out: they
    // cannot reach Electron (sandbox, no Node) and the CSP forbids eval in them.
    const built = join(work, 'built');
    await stage(
      join(root, 'out'),
      built,
      (p) => {
        const top = p.split(/[\\/]/)[0];
        const ext = extname(p);
        return ((top === 'main' || top === 'preload') && ['.js', '.cjs', '.mjs'].includes(ext)) || ext === '.html';
      },
      (p) => p.replace(/\.(cjs|mjs)$/, '.js'),
    );

    console.log(`Electronegativity on electron/ and out/ (Electron ${electronVersion})…`);
    const [fromSources, fromBuilt] = await Promise.all([
      scan('sources', sources, work),
      scan('built', built, work),
    ]);
    const findings = [
      ...fromSources.map((f) => ({ ...f, file: f.file === 'N/A' ? 'electron/ (global)' : f.file })),
      ...fromBuilt.map((f) => ({ ...f, file: f.file === 'N/A' ? 'out/ (global)' : `out/${f.file}` })),
    ];

    let failed = false;
    const used = new Set();
    const rows = findings.map((f) => {
      const review = REVIEWED.find((r) => r.check === f.check && r.line === f.sample);
      const replaced = REPLACED.find((r) => r.check === f.check && r.description === f.description);
      let result = FAILING.has(f.severity) ? 'FAIL' : 'note';
      if (review) {
        used.add(review);
        result = 'reviewed';
      } else if (replaced) result = 'replaced';
      if (result === 'FAIL') failed = true;
      return [result, f.severity, f.confidence, f.check, `${f.file}:${f.location}`, f.sample || f.description];
    });
    if (rows.length > 0) printTable(rows);
    else console.log('No findings.');

    console.log('\nReviewed findings:');
    for (const review of REVIEWED) {
      console.log(`- ${review.check} at ${review.where}: ${review.why}`);
      if (!used.has(review)) {
        console.error(`  ✗ No finding matches this review any more (line "${review.line}"). Re-review the code and update REVIEWED.`);
        failed = true;
      }
    }
    for (const r of REPLACED) console.log(`- ${r.check} "${r.description}" is replaced by ${r.by}.`);

    const csp = await evaluatePolicy();
    console.log(`\nContent-Security-Policy: ${csp.policy}`);
    for (const note of csp.notes) console.log(`  note: ${note}`);
    for (const failure of csp.failures) console.error(`  ✗ ${failure}`);
    if (csp.failures.length > 0) failed = true;

    console.log(failed ? '\nSecurity scan FAILED.' : '\nSecurity scan passed: no unreviewed HIGH or MEDIUM finding.');
    return failed ? 1 : 0;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
