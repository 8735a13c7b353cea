import { describe, expect, it } from 'vitest';
import type { EventOf } from '../../../shared/ipc/contract';
import { recordingLogger } from '../../test-support/fakes';
import { MAX_QUEUED_EVENTS, RendererEvents, type EventTarget } from './renderer-events';

function fakeTarget() {
  const sent: [string, unknown][] = [];
  let destroyed = false;
  const target: EventTarget = {
    send: (channel, payload) => void sent.push([channel, payload]),
    isDestroyed: () => destroyed,
  };
  return { target, sent, destroy: () => void (destroyed = true) };
}

describe('RendererEvents', () => {
  it('sends valid events straight to a loaded page', () => {
    const events = new RendererEvents(recordingLogger());
    const { target, sent } = fakeTarget();
    events.attach(target);
    events.send('menu:command', 'find');
    expect(sent).toEqual([['menu:command', 'find']]);
  });

  it('keeps events until a page has loaded, then delivers them in order', () => {
    const events = new RendererEvents(recordingLogger());
    events.send('menu:command', 'toggle-map');
    events.send('file:open-failed', { name: 'a.pdf', message: 'The file is encrypted.' });
    const { target, sent } = fakeTarget();
    events.attach(target);
    expect(sent).toEqual([
      ['menu:command', 'toggle-map'],
      ['file:open-failed', { name: 'a.pdf', message: 'The file is encrypted.' }],
    ]);
  });

  it('refuses, and sends nothing, when a payload is outside the contract', () => {
    const events = new RendererEvents(recordingLogger());
    const { target, sent } = fakeTarget();
    events.attach(target);
    expect(() => events.send('menu:command', 'format-disk' as EventOf<'menu:command'>)).toThrow(
      /^Refused to send the event "menu:command": /,
    );
    const huge = { name: 'a.txt', message: 'x'.repeat(5000) };
    expect(() => events.send('file:open-failed', huge)).toThrow(/Too big/);
    expect(() => events.send('not:a-channel' as 'menu:command', 'find')).toThrow(
      'Refused to send the event "not:a-channel": no such channel.',
    );
    expect(sent).toEqual([]);
  });

  it('queues again once the page is destroyed or detached', () => {
    const events = new RendererEvents(recordingLogger());
    const first = fakeTarget();
    events.attach(first.target);
    first.destroy();
    events.send('menu:command', 'open');
    expect(first.sent).toEqual([]);
    const second = fakeTarget();
    events.attach(second.target);
    events.detach(second.target);
    events.send('menu:command', 'find');
    const third = fakeTarget();
    events.attach(third.target);
    expect(second.sent).toEqual([['menu:command', 'open']]);
    expect(third.sent).toEqual([['menu:command', 'find']]);
  });

  it('drops the oldest events beyond the queue limit, saying so', () => {
    const log = recordingLogger();
    const events = new RendererEvents(log);
    for (let i = 0; i < MAX_QUEUED_EVENTS + 2; i += 1) events.send('menu:command', i < 2 ? 'open' : 'find');
    const { target, sent } = fakeTarget();
    events.attach(target);
    expect(sent).toHaveLength(MAX_QUEUED_EVENTS);
    expect(sent.every(([, payload]) => payload === 'find')).toBe(true);
    expect(log.messages('warn')).toHaveLength(2);
  });
});
