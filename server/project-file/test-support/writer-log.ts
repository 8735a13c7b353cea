// The log the crash-test writer keeps in its project: "1,2,3,…" in one Y.Text.

/** The root the writer appends to. */
export const LOG_ROOT = 'log';

/** The numbers in a writer's log text, in order. */
export function parseLog(text: string): number[] {
  return text
    .split(',')
    .filter((part) => part !== '')
    .map(Number);
}
