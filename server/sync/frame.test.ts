import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  authFrame,
  awarenessFrame,
  seededBytes,
  syncStep1Frame,
  syncStep2Frame,
  textUpdate,
  undecodableUpdate,
  unintegrableUpdate,
  updateFrame,
} from '../test-support/messages';
import { FrameError, readFrame } from './frame';

function rawFrame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

function refusal(data: Uint8Array): string {
  try {
    readFrame(data);
  } catch (error) {
    expect(error).toBeInstanceOf(FrameError);
    return (error as Error).message;
  }
  throw new Error('the frame was accepted');
}

describe('readFrame', () => {
  it('reads the frames a provider sends', () => {
    const doc = new Y.Doc();
    expect(readFrame(authFrame('seminar', 'secret'))).toEqual({ kind: 'auth', doc: 'seminar' });
    expect(readFrame(syncStep1Frame('seminar', doc))).toEqual({ kind: 'sync-step1', doc: 'seminar' });
    const update = textUpdate('article', 'hello');
    expect(readFrame(syncStep2Frame('seminar', update))).toMatchObject({ kind: 'sync-step2', update });
    expect(readFrame(updateFrame('seminar', update))).toMatchObject({ kind: 'update', update });
    expect(readFrame(new Uint8Array([10]))).toEqual({ kind: 'pong' });
  });

  it('strips a session suffix from the document name', () => {
    expect(readFrame(syncStep1Frame('seminar\0abc', new Y.Doc()))).toEqual({ kind: 'sync-step1', doc: 'seminar' });
  });

  it('accepts an update that decodes even if it will not integrate (the update guard decides that)', () => {
    expect(readFrame(updateFrame('seminar', unintegrableUpdate())).kind).toBe('update');
  });

  it('refuses random bytes', () => {
    expect(refusal(seededBytes(7, 200))).toMatch(/cannot read|unknown message type|unexpected bytes|empty document/);
  });

  it('refuses an empty frame and an empty document name', () => {
    expect(refusal(new Uint8Array())).toBe('cannot read the document name: Unexpected end of array');
    expect(refusal(rawFrame((e) => encoding.writeVarString(e, '')))).toBe('empty document name');
  });

  it('refuses a sync step 2 cut off in the middle', () => {
    const full = syncStep2Frame('seminar', textUpdate('article', 'a longer sentence to cut'));
    expect(refusal(full.slice(0, full.length - 5))).toBe('cannot read the sync step 2: Unexpected end of array');
  });

  it('refuses an update whose content is cut off, with the outer length intact', () => {
    const update = textUpdate('article', 'a longer sentence to cut');
    expect(refusal(updateFrame('seminar', update.slice(0, update.length - 8)))).toBe(
      'cannot read the update content: Unexpected end of array',
    );
  });

  it('refuses an update with an unknown content type', () => {
    expect(refusal(updateFrame('seminar', undecodableUpdate()))).toMatch(/^cannot read the update content: /);
  });

  it('refuses unknown message and sync types', () => {
    expect(refusal(rawFrame((e) => (encoding.writeVarString(e, 'd'), encoding.writeVarUint(e, 42))))).toBe(
      'unknown message type 42',
    );
    expect(
      refusal(
        rawFrame((e) => {
          encoding.writeVarString(e, 'd');
          encoding.writeVarUint(e, 0);
          encoding.writeVarUint(e, 9);
        }),
      ),
    ).toBe('unknown sync message type 9');
  });

  it('refuses bytes trailing a complete message', () => {
    const frame = syncStep1Frame('seminar', new Y.Doc());
    expect(refusal(new Uint8Array([...frame, 1, 2, 3]))).toBe('3 unexpected bytes after a sync-step1 message');
  });

  it('refuses awareness updates that are not JSON objects', () => {
    const awareness = (state: string) =>
      rawFrame((e) => {
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint(e, 99);
        encoding.writeVarUint(e, 1);
        encoding.writeVarString(e, state);
      });
    expect(readFrame(awarenessFrame('d', awareness('{"user":{"name":"Ada"}}'))).kind).toBe('awareness');
    expect(readFrame(awarenessFrame('d', awareness('null'))).kind).toBe('awareness');
    expect(refusal(awarenessFrame('d', awareness('{not json')))).toMatch(/^cannot read the awareness update: /);
    expect(refusal(awarenessFrame('d', awareness('[1,2]')))).toBe(
      'cannot read the awareness update: awareness state is not an object',
    );
  });

  it('reads only the envelope when not deep', () => {
    expect(readFrame(updateFrame('seminar', undecodableUpdate()), false).kind).toBe('update');
  });
});
