// A five-profile seminar in browser mode for end-to-end tests: a host page opens the sample
// reading and hands out join links; an editor, two commenters and a viewer join with them,
// each in a browser profile of their own, as five people on five laptops would.
import { expect, inject } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, openApp, type BrowserOptions, type TestBrowser } from './browser';
import { openThroughChooser, sampleReading, waitForReading, type TestFile } from './files';
import { selectWords } from './highlights';

/** A role a join link can grant. */
export type JoinRole = 'editor' | 'commenter' | 'viewer';

/** Who a seat in the seminar is: the host, or a joiner with a link of that role. */
export type SeatRole = 'host' | JoinRole;

/** One person of the seminar: their own browser profile and the page they work in. */
export interface SeminarMember {
  /** `host`, `editor`, `commenter-1`, `commenter-2` or `viewer`. */
  seat: string;
  role: SeatRole;
  browser: TestBrowser;
  page: Page;
  /** The join link the member opened (empty for the host). */
  link: string;
}

/** The five people of a seminar, in the order host, editor, commenter, commenter, viewer. */
export interface Seminar {
  host: SeminarMember;
  editor: SeminarMember;
  commenters: [SeminarMember, SeminarMember];
  viewer: SeminarMember;
  /** All five, host first. */
  members: SeminarMember[];
  /** Closes every browser and removes its profile. */
  close(): Promise<void>;
}

/** What `openSeminar` opens and how. */
export interface SeminarOptions {
  /** The reading the host opens; the sample reading unless given. */
  reading?: TestFile;
  /** A word of `reading` that shows it is open (for the sample reading: "breakwater"). */
  snippet?: string;
  /** Window size of every profile. */
  viewport?: BrowserOptions['viewport'];
  /**
   * Runs on each joiner's page once the reading shows, to answer the name prompt; by
   * default the joiner accepts the name it offers (`answerNamePrompt`).
   */
  onJoin?: (member: SeminarMember) => Promise<void>;
}

const JOINERS: { seat: string; role: JoinRole }[] = [
  { seat: 'editor', role: 'editor' },
  { seat: 'commenter-1', role: 'commenter' },
  { seat: 'commenter-2', role: 'commenter' },
  { seat: 'viewer', role: 'viewer' },
];

/** Makes a join link of `role` in the host's "Host seminar" dialog (opening it if needed) and returns it. */
export async function createJoinLink(page: Page, role: JoinRole): Promise<string> {
  const dialog = page.getByRole('dialog', { name: 'Host seminar' });
  if (!(await dialog.isVisible())) await page.getByRole('button', { name: 'Host seminar' }).click();
  await dialog.getByLabel('Role of the new link').selectOption(role);
  const previous = await dialog.getByLabel('Join link').inputValue().catch(() => '');
  await dialog.getByRole('button', { name: 'Create link' }).click();
  await page.waitForFunction((old) => {
    const input = document.querySelector<HTMLInputElement>('.host-dialog .join-link');
    return input !== null && input.value !== '' && input.value !== old;
  }, previous);
  expect(await dialog.getByRole('img', { name: 'QR code of the join link' }).getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  return dialog.getByLabel('Join link').inputValue();
}

/** The dialog that asks a joiner's name. */
export function namePrompt(page: Page) {
  return page.getByRole('dialog', { name: 'What should the others call you?' });
}

/**
 * Answers the name prompt of a page that joined a seminar: types `name` (or keeps the
 * name offered), presses Enter and waits for the dialog to close; returns the name given.
 */
export async function answerNamePrompt(page: Page, name?: string): Promise<string> {
  const dialog = namePrompt(page);
  await dialog.waitFor();
  const input = dialog.getByLabel('Your name');
  if (name !== undefined) await input.fill(name);
  const given = await input.inputValue();
  await input.press('Enter');
  await dialog.waitFor({ state: 'detached' });
  return given;
}

/** Closes the host's "Host seminar" dialog. */
export async function closeHostDialog(page: Page): Promise<void> {
  await page.getByRole('dialog', { name: 'Host seminar' }).getByRole('button', { name: 'Close' }).click();
}

/**
 * Opens a seminar of five browser profiles on the e2e web server: the host opens the reading
 * and makes one link per joiner; each joiner opens theirs and waits for the reading. Close
 * it with `close()` (in `afterAll`), also when a test failed half-way.
 */
export async function openSeminar(options: SeminarOptions = {}): Promise<Seminar> {
  const reading = options.reading ?? sampleReading();
  const snippet = options.snippet ?? 'breakwater';
  const browsers = await Promise.all([0, 1, 2, 3, 4].map(() => launchBrowser({ viewport: options.viewport })));
  const close = async () => {
    await Promise.all(browsers.map((b) => b.close()));
  };
  try {
    const hostPage = await openApp(browsers[0]!, inject('webUrl'));
    await openThroughChooser(hostPage, reading);
    // The first import in a run waits for Vite to compile the import worker.
    await hostPage.locator('.crux-reading', { hasText: snippet }).waitFor({ timeout: 60_000 });
    await hostPage.locator('.sync-status').filter({ hasText: 'Connected' }).waitFor();
    const host: SeminarMember = { seat: 'host', role: 'host', browser: browsers[0]!, page: hostPage, link: '' };
    const links: string[] = [];
    for (const joiner of JOINERS) links.push(await createJoinLink(hostPage, joiner.role));
    await closeHostDialog(hostPage);
    // One at a time: five Chromiums compiling the app at once starve a two-core machine.
    const joiners: SeminarMember[] = [];
    for (const [i, joiner] of JOINERS.entries()) {
      const browser = browsers[i + 1]!;
      const page = await openApp(browser, links[i]!);
      await waitForReading(page, snippet);
      const member: SeminarMember = { ...joiner, browser, page, link: links[i]! };
      await (options.onJoin ?? ((m: SeminarMember) => answerNamePrompt(m.page)))(member);
      joiners.push(member);
    }
    const [editor, first, second, viewer] = joiners as [SeminarMember, SeminarMember, SeminarMember, SeminarMember];
    return { host, editor, commenters: [first, second], viewer, members: [host, ...joiners], close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * The host tags words `first`..`first + count` of paragraph `index` as evidence (Alt+1) and
 * waits until every member's reading shows the highlight; returns the annotation's id.
 */
export async function hostTagsPassage(seminar: Seminar, index: number, first: number, count: number): Promise<string> {
  const { page } = seminar.host;
  const quote = await selectWords(page, index, first, count);
  await page.keyboard.press('Alt+1');
  await page.keyboard.press('Escape');
  const id = (await page.locator('.crux-reading .crux-hl', { hasText: quote }).first().getAttribute('data-annotation-id'))!.split(' ')[0]!;
  for (const member of seminar.members) {
    await member.page.locator(`.crux-reading .crux-hl[data-annotation-id~="${id}"]`).first().waitFor({ timeout: 20_000 });
  }
  return id;
}
