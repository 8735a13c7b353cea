import { EventEmitter } from 'node:events';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordingLogger } from '../../test-support/fakes';
import { CliArgsService, type CliApp, type ClaimableEvent } from './cli-args-service';

const cwd = resolve('/home/reader');

function setup(argv: string[], openFile?: (path: string) => Promise<void>) {
  const app = new EventEmitter();
  const opened: string[] = [];
  let focused = 0;
  const log = recordingLogger();
  const service = new CliArgsService({
    app: app as unknown as CliApp,
    argv,
    defaultApp: false,
    cwd,
    openFile: openFile ?? (async (path) => void opened.push(path)),
    focusWindow: () => void (focused += 1),
    log,
  });
  return { app, service, opened, log, focused: () => focused };
}

describe('CliArgsService', () => {
  it('opens the file named on its own command line', () => {
    const { service, opened } = setup(['/opt/Crux/crux', 'article.pdf']);
    service.start();
    expect(opened).toEqual([join(cwd, 'article.pdf')]);
  });

  it('opens the first of several files and logs the others', () => {
    const { service, opened, log } = setup(['crux', 'a.txt', 'b.txt']);
    service.start();
    expect(opened).toEqual([join(cwd, 'a.txt')]);
    expect(log.messages('warn')).toEqual([`Crux opens one file at a time; ignored ${join(cwd, 'b.txt')}`]);
  });

  it('brings the window forward and opens the file of a second launch, relative to its folder', () => {
    const { app, service, opened, focused } = setup(['crux']);
    service.start();
    app.emit('second-instance', {}, ['/opt/Crux/crux', '--original-process-start-time=1', 'notes.md'], '/tmp/elsewhere');
    expect(focused()).toBe(1);
    expect(opened).toEqual([resolve('/tmp/elsewhere', 'notes.md')]);
  });

  it("claims macOS's open-file event and opens the file", () => {
    const { app, service, opened } = setup(['crux']);
    service.start();
    const event: ClaimableEvent & { claimed: boolean } = {
      claimed: false,
      preventDefault() {
        this.claimed = true;
      },
    };
    app.emit('open-file', event, '/Users/reader/paper.docx');
    expect(event.claimed).toBe(true);
    expect(opened).toEqual(['/Users/reader/paper.docx']);
  });

  it('logs a file that could not be opened instead of failing', async () => {
    const { service, log } = setup(['crux', 'a.txt'], async () => {
      throw new Error('disk on fire');
    });
    service.start();
    await new Promise((r) => setImmediate(r));
    expect(log.messages('error')).toEqual([`Could not open ${join(cwd, 'a.txt')}: disk on fire`]);
  });

  it('stops listening when disposed', () => {
    const { app, service, opened } = setup(['crux']);
    service.start();
    service.dispose();
    app.emit('second-instance', {}, ['crux', 'late.txt'], cwd);
    expect(opened).toEqual([]);
    expect(app.listenerCount('open-file')).toBe(0);
  });
});
