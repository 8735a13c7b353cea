// The commands that act on a reading follow the session host: disabled with nothing open
// or a project without a reading (the empty project once left History enabled), enabled
// once a reading is shown, and refused (not run) while disabled, whoever asks; the OS menu
// hears which are disabled.
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../shared/ipc';
import type { Role } from '../../shared/sync/roles';
import { createSessionHost } from '../session/session-host';
import { createCommandRegistry } from './command-registry';
import { commandEnabled } from './command-states';

/** A project as the host and the commands see it: its role, and whether it was closed. */
function project(role: Role) {
  const p = { role, closed: false, destroy: async () => void (p.closed = true) };
  return p;
}

function setUp() {
  const host = createSessionHost<ReturnType<typeof project>>();
  const commands = createCommandRegistry((id) => commandEnabled(id, host.state()));
  const ran: MenuCommand[] = [];
  for (const id of ['history', 'export', 'import-annotations', 'find', 'open', 'toggle-map'] as const) commands.register(id, () => ran.push(id));
  const enabled = (...ids: MenuCommand[]) => ids.map((id) => commands.isEnabled(id));
  return { host, commands, ran, enabled };
}

describe('commands bound to the session', () => {
  it('disables History and Export until a reading is open, also in a project without one', async () => {
    const { host, commands, ran, enabled } = setUp();
    expect(enabled('history', 'export', 'find')).toEqual([false, false, false]);
    expect(enabled('open', 'toggle-map')).toEqual([true, true]);

    const empty = project('editor');
    await host.showEmpty(empty);
    expect(enabled('history', 'export', 'import-annotations', 'find')).toEqual([false, false, false, false]);
    expect(commands.run('history')).toBe(false);
    expect(commands.run('export')).toBe(false);
    expect(ran).toEqual([]);

    // Opening a reading into the empty project keeps its session.
    await host.showReading(empty);
    expect(empty.closed).toBe(false);
    expect(enabled('history', 'export', 'import-annotations', 'find')).toEqual([true, true, true, true]);
    expect(commands.run('history')).toBe(true);
    expect(commands.run('export')).toBe(true);
    expect(ran).toEqual(['history', 'export']);

    // Switching to another empty project closes the first and disables them again.
    const other = project('editor');
    await host.showEmpty(other);
    expect(empty.closed).toBe(true);
    expect(enabled('history', 'export')).toEqual([false, false]);
  });

  it('lets a viewer export and see History, not import annotations', async () => {
    const { host, enabled } = setUp();
    await host.showReading(project('viewer'));
    expect(enabled('history', 'export', 'import-annotations')).toEqual([true, true, false]);
  });

  it('tells subscribers of each switch, passing through nothing shown so views let go first', async () => {
    const { host } = setUp();
    const seen: string[] = [];
    host.subscribe((state, previous) => seen.push(`${previous.kind}→${state.kind}`));
    const first = project('editor');
    await host.showReading(first);
    await host.showReading(project('editor'));
    expect(seen).toEqual(['none→reading', 'reading→none', 'none→reading']);
    expect(first.closed).toBe(true);
  });

  it('tells the OS menu which commands cannot run, each time that changes and only then', async () => {
    const host = createSessionHost<ReturnType<typeof project>>();
    const reports: string[] = [];
    const commands = createCommandRegistry(
      (id) => commandEnabled(id, host.state()),
      (disabled) => reports.push(disabled.filter((id) => ['history', 'export', 'import-annotations', 'open'].includes(id)).join(' ')),
    );
    for (const id of ['history', 'export', 'import-annotations', 'open'] as const) commands.register(id, () => undefined);
    host.subscribe(() => commands.refresh());
    expect(reports.at(-1)).toBe('export import-annotations history');
    await host.showReading(project('viewer'));
    expect(reports.at(-1)).toBe('import-annotations');
    await host.showReading(project('editor'));
    expect(reports.at(-1)).toBe('');
    // A refresh that changes nothing reports nothing.
    const count = reports.length;
    commands.refresh();
    expect(reports).toHaveLength(count);
  });
});
