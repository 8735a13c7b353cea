import { describe, expect, it } from 'vitest';
import { ImportError } from '../import/types';
import { CodedError, mainErrorMessage } from './errors';

describe('CodedError', () => {
  it('keeps the message for the user, a code and the given name, also in subclasses', () => {
    const error = new ImportError('empty', '"a.txt" is empty.');
    expect(error).toBeInstanceOf(CodedError);
    expect(error).toBeInstanceOf(ImportError);
    expect([error.name, error.code, error.message]).toEqual(['ImportError', 'empty', '"a.txt" is empty.']);
    expect(String(error)).toBe('ImportError: "a.txt" is empty.');
    // After IPC, the user reads only the message.
    expect(mainErrorMessage(new Error(`Error invoking remote method 'file:open': ${String(error)}`))).toBe('"a.txt" is empty.');
  });
});
