// Every plugin key and transaction origin of the reader, in one place, so plugins and
// the modules that drive them never import each other.
import { PluginKey } from 'prosemirror-state';
import type { HighlightState } from './highlights/highlight-plugin';
import type { OutlineState } from './outline-plugin';

/** The plugin that gives the title and headings their ids and lists them. */
export const outlineKey = new PluginKey<OutlineState>('crux-outline');

/** Origin of the Yjs transaction that writes an imported reading into the document. */
export const importOrigin = Symbol('crux:import');

/** The highlight plugin (see highlights/highlight-plugin.ts). */
export const highlightsKey = new PluginKey<HighlightState>('crux-highlights');
