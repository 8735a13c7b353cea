// Starts browser mode once for all end-to-end test files and stops it afterwards.
// Test files read its address with `inject('webUrl')`.
import type { TestProject } from 'vitest/node';
import { startWebServer } from './web-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Address of the browser-mode server, e.g. `http://127.0.0.1:41234/`. */
    webUrl: string;
  }
}

/** Vitest global setup: start the server, hand its URL to the tests, stop it at the end. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startWebServer();
  project.provide('webUrl', server.url);
  return () => server.stop();
}
