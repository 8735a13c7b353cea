// Issue 12, items 3, 1 and 5, in a seminar of five browser profiles: every newcomer is asked
// for a name, an empty or taken name is refused with the name that is free, and everyone
// sees the names chosen; a commenter comments, renames and comments again, and the host
// sees both comments under the new name, also after a reload; a rename reaches the
// others' people strip and caret label without a reload; and the scoreboard pane shows
// the figures of the exported report; a viewer who reloads is not asked again.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitForReading } from './support/files';
import { selectWords } from './support/highlights';
import { answerNamePrompt, hostTagsPassage, namePrompt, openSeminar, type Seminar, type SeminarMember } from './support/seminar';

/** The names in a page's people strip (everyone else connected). */
async function peopleHere(page: Page): Promise<string[]> {
  const names = await page.getByRole('list', { name: 'People here' }).locator('li .visually-hidden').allTextContents();
  return names.sort();
}

/** What each joiner was offered, what refusals they saw, and what the dialog held after each. */
const offered = new Map<string, string>();
const refusals: { seat: string; tried: string; alert: string; stillOpen: boolean; value: string }[] = [];

/** Answers the prompt with `tried` and records the refusal it must bring. */
async function tryRefused(member: SeminarMember, tried: string, escapeAfter = false): Promise<void> {
  const dialog = namePrompt(member.page);
  const input = dialog.getByLabel('Your name');
  await input.fill(tried);
  await input.press('Enter');
  const alert = dialog.getByRole('alert').filter({ hasText: /\S/ });
  await alert.waitFor();
  if (escapeAfter) await input.press('Escape');
  refusals.push({ seat: member.seat, tried, alert: (await alert.textContent()) ?? '', stillOpen: await dialog.isVisible(), value: await input.inputValue() });
  await input.fill('');
}

/** Each joiner's answers: the editor and the first commenter choose names; the others first try bad ones. */
async function joinWithName(member: SeminarMember): Promise<void> {
  const { page, seat } = member;
  const dialog = namePrompt(page);
  await dialog.waitFor();
  offered.set(seat, await dialog.getByLabel('Your name').inputValue());
  if (seat === 'editor') await answerNamePrompt(page, 'Edda Berg');
  if (seat === 'commenter-1') await answerNamePrompt(page, 'Kim');
  if (seat === 'commenter-2') {
    await tryRefused(member, 'kim');
    await answerNamePrompt(page, 'Lou');
  }
  if (seat === 'viewer') {
    await tryRefused(member, '   ', true);
    await tryRefused(member, 'Edda Berg');
    await answerNamePrompt(page, 'Vera');
  }
}

async function comment(page: Page, id: string, text: string): Promise<void> {
  await page.getByRole('tab', { name: 'Annotations' }).click();
  await page.locator(`.crux-reading .crux-hl[data-annotation-id~="${id}"]`).first().click();
  await page.getByRole('textbox', { name: 'New comment' }).fill(text);
  await page.getByRole('button', { name: 'Post' }).click();
  await expect.poll(() => page.locator('.thread .comment-text').allTextContents()).toContain(text);
}

/** The thread of annotation `id` on `page`, as "author: text" lines. */
async function threadOn(page: Page, id: string): Promise<string[]> {
  await page.getByRole('tab', { name: 'Annotations' }).click();
  await page.locator(`.crux-reading .crux-hl[data-annotation-id~="${id}"]`).first().click();
  return page.locator('.thread .comment').evaluateAll((comments) =>
    comments.map((c) => `${c.querySelector('.comment-author')?.textContent}: ${c.querySelector('.comment-text')?.textContent}`),
  );
}

async function rename(page: Page, name: string): Promise<void> {
  await page.locator('.person-button').click();
  const form = page.getByRole('dialog', { name: 'Your name and colour' });
  await form.getByLabel('Your name').fill(name);
  await form.getByRole('button', { name: 'Save' }).click();
  await form.waitFor({ state: 'detached' });
}

describe('names in a seminar', () => {
  let seminar: Seminar;
  let passage: string;

  beforeAll(async () => {
    seminar = await openSeminar({ onJoin: joinWithName });
    passage = await hostTagsPassage(seminar, 0, 2, 4);
  });

  afterAll(async () => {
    await seminar?.close();
  });

  it('asks every newcomer for a name, offers free ones, refuses duplicates, and shows the names to all', async () => {
    expect([...offered.keys()]).toEqual(['editor', 'commenter-1', 'commenter-2', 'viewer']);
    const offers = [...offered.values()];
    for (const name of offers) expect(name).toMatch(/^Reader \d+$/);
    // Nobody is offered the name of someone already here.
    expect(offers[0]).not.toBe('Reader 1');
    // A taken name (in any case) is refused with a free one suggested; an empty one with a
    // free default put back in the field; Escape does not skip the question.
    expect(refusals).toEqual([
      { seat: 'commenter-2', tried: 'kim', alert: '“kim” is already someone else\'s name here; try “kim 2”', stillOpen: true, value: 'kim' },
      { seat: 'viewer', tried: '   ', alert: expect.stringMatching(/^Please enter a name — or join as “Reader \d+”\.$/), stillOpen: true, value: expect.stringMatching(/^Reader \d+$/) },
      { seat: 'viewer', tried: 'Edda Berg', alert: '“Edda Berg” is already someone else\'s name here; try “Edda Berg 2”', stillOpen: true, value: 'Edda Berg' },
    ]);
    const everyone = ['Edda Berg', 'Kim', 'Lou', 'Reader 1', 'Vera'];
    for (const member of seminar.members) {
      const expected = everyone.filter((n) => n !== ({ host: 'Reader 1', editor: 'Edda Berg', 'commenter-1': 'Kim', 'commenter-2': 'Lou', viewer: 'Vera' } as Record<string, string>)[member.seat]);
      await expect.poll(() => peopleHere(member.page), { message: member.seat }).toEqual(expected);
    }
  });

  it('brings a commenter’s comments before and after a rename to the host under the new name, also after a reload', async () => {
    const kim = seminar.commenters[0].page;
    await comment(kim, passage, 'Which breakwater is meant?');
    await rename(kim, 'Kim Lee');
    await comment(kim, passage, 'The one by the lighthouse, I think.');
    const expected = ['Kim Lee: Which breakwater is meant?', 'Kim Lee: The one by the lighthouse, I think.'];
    const host = seminar.host.page;
    await expect.poll(() => threadOn(host, passage), { timeout: 20_000 }).toEqual(expected);
    await host.reload();
    await waitForReading(host, 'breakwater');
    await host.locator('.sync-status').filter({ hasText: 'Connected' }).waitFor();
    await expect.poll(() => threadOn(host, passage), { timeout: 20_000 }).toEqual(expected);
    expect(await kim.locator('.sync-status').innerText()).toBe('Connected');
  });

  it('shows a rename in the others’ people strips and caret labels without a reload', async () => {
    const edda = seminar.editor.page;
    await edda.locator('.crux-reading p').nth(1).click();
    const host = seminar.host.page;
    await expect.poll(() => host.locator('.crux-caret-label').allTextContents()).toContain('Edda Berg');
    await rename(edda, 'Edda B.');
    await edda.locator('.crux-reading p').nth(1).click();
    await expect.poll(() => host.locator('.crux-caret-label').allTextContents()).toContain('Edda B.');
    expect(await host.locator('.crux-caret-label').allTextContents()).not.toContain('Edda Berg');
    for (const member of [seminar.host, seminar.commenters[1], seminar.viewer]) {
      await expect.poll(() => peopleHere(member.page), { message: member.seat }).toContain('Edda B.');
      expect(await peopleHere(member.page)).not.toContain('Edda Berg');
    }
  });

  it('shows on the scoreboard pane the figures of the exported report', async () => {
    const page = seminar.host.page;
    const tag = async (paragraph: number, first: number, links: Record<string, 'supports' | 'challenges'>) => {
      await selectWords(page, paragraph, first, 4);
      await page.keyboard.press('Alt+1');
      const popover = page.getByRole('dialog', { name: 'Note, tags and links' });
      for (const [hub, relation] of Object.entries(links)) await popover.getByLabel(`Bears on ${hub}`).selectOption(relation);
      await popover.getByLabel('Note').press('Enter');
      await popover.waitFor({ state: 'detached' });
    };
    await tag(0, 8, { Realist: 'supports' });
    await tag(1, 0, { Realist: 'challenges', Structural: 'supports' });
    await tag(2, 0, { Realist: 'supports', Ideological: 'challenges' });

    await page.getByRole('tab', { name: 'Scoreboard' }).click();
    const table = page.getByRole('table', { name: 'Scoreboard figures' });
    const paneRows = async () =>
      table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent?.trim() ?? '').join(' | ')));
    await expect.poll(async () => (await paneRows()).find((r) => r.startsWith('Realist'))).toBe('Realist | 2 | 1 | 4 | 2');
    const header = await table.locator('thead th').allTextContents();

    await page.keyboard.press('Control+Shift+E');
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('radio', { name: 'Seminar report (Markdown)' }).check();
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export…' }).click();
    const markdown = readFileSync(await (await download).path(), 'utf8');
    const lines = markdown.split('\n');
    const start = lines.indexOf('## Scoreboard') + 2;
    const cells = (line: string) => line.replace(/^\|\s*|\s*\|$/g, '').split(/\s*\|\s*/);
    expect(cells(lines[start]!)).toEqual(header);
    const reportRows = lines.slice(start + 2).filter((l) => l.startsWith('|')).map((l) => cells(l).join(' | '));
    expect(reportRows).toEqual(await paneRows());
    // The report names the commenter as everyone sees them, never by an id.
    expect(markdown).toContain('**Kim Lee**');
    const threads = markdown.slice(markdown.indexOf('## Comment threads'));
    expect(threads).toContain('- **Kim Lee**: The one by the lighthouse, I think\\.');
    expect(threads).not.toMatch(/[0-9a-f]{16}/);
    expect(lines.find((l) => l.startsWith('Participants:'))).toBe('Participants: Kim Lee, Reader 1');
  });

  it('does not ask a returning viewer again: after a reload the others see the name they gave', async () => {
    const vera = seminar.viewer.page;
    await vera.reload();
    await waitForReading(vera, 'breakwater');
    await vera.locator('.sync-status').filter({ hasText: 'Connected' }).waitFor();
    await expect.poll(() => peopleHere(seminar.host.page)).toEqual(['Edda B.', 'Kim Lee', 'Lou', 'Vera']);
    expect(await namePrompt(vera).count()).toBe(0);
  });
});
