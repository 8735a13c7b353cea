// The small UI-state store where the reader, the annotation panel and the map meet:
// what is selected, what is hovered, which filters apply. It holds view state only —
// everything shared lives in the Y.Doc. Values are never mutated: each update makes a
// new state object, so subscribers can compare by identity.

/** Filters of the annotation list and the map. Empty sets mean "no filter". */
export interface Filters {
  readonly query: string;
  readonly roles: ReadonlySet<string>;
  readonly authors: ReadonlySet<string>;
  readonly hubs: ReadonlySet<string>;
  readonly tags: ReadonlySet<string>;
  /** Show only orphaned annotations. */
  readonly orphanedOnly: boolean;
}

/** The UI state shared by the views. */
export interface UiState {
  /** The selected annotation or map node id (annotations are map nodes too). */
  readonly selected: string | null;
  /** The annotation or node under the pointer, for hover previews. */
  readonly hovered: string | null;
  /** Where the selection came from, so a view does not echo its own gesture back. */
  readonly selectedBy: 'reader' | 'panel' | 'map' | 'other' | null;
  readonly filters: Filters;
  /** A node whose neighbourhood the map focuses on, or null. */
  readonly focus: string | null;
}

/** Filters that let everything through. */
export const NO_FILTERS: Filters = Object.freeze({
  query: '',
  roles: new Set<string>(),
  authors: new Set<string>(),
  hubs: new Set<string>(),
  tags: new Set<string>(),
  orphanedOnly: false,
});

/** A store of UI state with subscription. */
export interface UiStore {
  /** The current state. */
  get(): UiState;
  /** Makes a new state from the current one and `changes`, and notifies subscribers if anything changed. */
  update(changes: Partial<UiState>): void;
  /** Calls `listener(state, previous)` after every change; returns the unsubscribe function. */
  subscribe(listener: (state: UiState, previous: UiState) => void): () => void;
}

/** Creates a UI store. */
export function createUiStore(initial: Partial<UiState> = {}): UiStore {
  let state: UiState = Object.freeze({ selected: null, hovered: null, selectedBy: null, filters: NO_FILTERS, focus: null, ...initial });
  const listeners = new Set<(state: UiState, previous: UiState) => void>();
  return {
    get: () => state,
    update(changes) {
      const keys = Object.keys(changes) as (keyof UiState)[];
      if (keys.every((k) => changes[k] === state[k])) return;
      const previous = state;
      state = Object.freeze({ ...state, ...changes });
      for (const listener of [...listeners]) listener(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
