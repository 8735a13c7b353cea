// Argdown text (https://argdown.org): hubs, claims and passages as statements
// `[Title]: text`, each followed by its outgoing relations, `+> [Target]` (supports) and
// `-> [Target]` (challenges). Passage titles name their role and number; characters that
// are Argdown syntax inside a text (brackets, angle brackets, braces, `#` tags, `//`
// comments) are replaced by look-alikes so the text stays one plain statement.
import { describeNode, type ProjectSnapshot } from './project-snapshot';

/** Text made safe as the body (or title) of an Argdown statement. */
export function argdownText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\[/g, '(')
    .replace(/\]/g, ')')
    .replace(/</g, '‹')
    .replace(/>/g, '›')
    .replace(/\{/g, '(')
    .replace(/\}/g, ')')
    .replace(/#/g, '№')
    .replace(/\/\//g, '/ /')
    .replace(/\/\*/g, '/ *')
    .trim();
}

/** The project's argument as Argdown. */
export function toArgdown(snapshot: ProjectSnapshot): string {
  const titles = new Map<string, string>();
  const used = new Set<string>();
  const unique = (wanted: string) => {
    let title = argdownText(wanted) || 'Untitled';
    for (let n = 2; used.has(title); n++) title = `${argdownText(wanted)} ${n}`;
    used.add(title);
    return title;
  };
  for (const h of snapshot.hubs) titles.set(h.id, unique(h.label));
  snapshot.claims.forEach((c, i) => titles.set(c.id, unique(`Claim ${i + 1}`)));
  snapshot.passages.forEach((p, i) => titles.set(p.id, unique(`Passage ${i + 1} (${p.role})`)));
  const out = [`===\ntitle: ${JSON.stringify(argdownText(snapshot.title))}\n===`, ''];
  const statement = (id: string, text: string) => {
    out.push(`[${titles.get(id)}]: ${argdownText(text) || titles.get(id)}`);
    for (const link of snapshot.links.filter((l) => l.source === id)) {
      if (titles.has(link.target)) out.push(`  ${link.relation === 'supports' ? '+>' : '->'} [${titles.get(link.target)}]`);
    }
    out.push('');
  };
  for (const h of snapshot.hubs) statement(h.id, describeNode(snapshot, h.id)!.label);
  for (const c of snapshot.claims) statement(c.id, c.text);
  for (const p of snapshot.passages) statement(p.id, `“${p.quote.exact}”`);
  return out.join('\n');
}
