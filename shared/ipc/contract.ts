// The contract between the Electron main process and the renderer: one typed map per
// direction, each payload described by a zod schema that both sides validate against.
// The preload exposes exactly this API (see CruxApi) and nothing else.
import { z } from 'zod';

/** Largest file the main process will hand to the renderer for import (bytes). */
export const MAX_OPEN_BYTES = 50 * 1024 * 1024;

/** A file the user asked to open, read by the main process. */
export const OpenedFileSchema = z.object({
  name: z.string().min(1).max(1024),
  path: z.string().max(4096).nullable(),
  bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_OPEN_BYTES, 'file is over the size limit'),
});
/** A file the user asked to open, read by the main process. */
export type OpenedFile = z.infer<typeof OpenedFileSchema>;

/** One entry of the recent-files list. */
export const RecentFileSchema = z.object({
  path: z.string().min(1).max(4096),
  name: z.string().min(1).max(1024),
  openedAt: z.number().int().nonnegative(),
});
/** One entry of the recent-files list. */
export type RecentFile = z.infer<typeof RecentFileSchema>;

/** Commands the application menu sends to the renderer. */
export const MenuCommandSchema = z.enum([
  'open',
  'find',
  'find-next',
  'find-previous',
  'toggle-outline',
  'toggle-map',
  'zoom-in',
  'zoom-out',
  'zoom-reset',
  'focus-reader',
  'focus-outline',
  'export',
  'import-annotations',
  'history',
]);
/** Commands the application menu sends to the renderer. */
export type MenuCommand = z.infer<typeof MenuCommandSchema>;

/** A project id as the sync server names documents. */
const ProjectIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'not a valid project id');

/** Where and how the renderer connects to a project's sync server. */
export const SyncConnectionSchema = z.object({
  url: z.string().regex(/^wss?:\/\//, 'not a ws:// or wss:// address').max(2048),
  token: z.string().min(1).max(512),
  role: z.enum(['owner', 'editor', 'commenter', 'viewer']),
});
/** Where and how the renderer connects to a project's sync server. */
export type SyncConnection = z.infer<typeof SyncConnectionSchema>;

/** A hosted seminar: the page address participants open, and the host's own connection. */
export const HostingSchema = z.object({
  /** http://<LAN address>:<port>, the base of join links. */
  base: z.string().url().max(2048),
  /** Every address of this machine participants might reach it at. */
  addresses: z.array(z.string().max(256)).max(64),
  port: z.number().int().min(1).max(65535),
  /** The host's own connection on the reopened server. */
  connection: SyncConnectionSchema,
});
/** A hosted seminar. */
export type Hosting = z.infer<typeof HostingSchema>;

/** A project's token as its owner sees it (no secret). */
export const TokenInfoSchema = z.object({
  id: z.string().max(128),
  role: z.enum(['owner', 'editor', 'commenter', 'viewer']),
  label: z.string().max(200),
  createdAt: z.number(),
  revokedAt: z.number().nullable(),
});
/** A project's token as its owner sees it. */
export type TokenInfoView = z.infer<typeof TokenInfoSchema>;

/** A freshly issued token, with its secret (shown once). */
export const IssuedTokenSchema = TokenInfoSchema.extend({ token: z.string().min(1).max(512) });

/** Largest file the renderer may ask the main process to save (bytes). */
export const MAX_SAVE_BYTES = 100 * 1024 * 1024;

/**
 * Kinds of file the renderer saves through the Save dialog: map pictures and the
 * project's exports (W3C JSON-LD, AIF JSON, Argdown, GraphML, CSV, HTML and Markdown reports).
 */
export const SaveKindSchema = z.enum(['png', 'svg', 'jsonld', 'json', 'argdown', 'graphml', 'csv', 'html', 'md']);
/** Kinds of file the renderer saves through the Save dialog. */
export type SaveKind = z.infer<typeof SaveKindSchema>;

/** What a kind of saved file is: its extension (no dot), its media type, and its name in a Save dialog's filter. */
export interface SaveKindInfo {
  readonly extension: string;
  readonly mime: string;
  readonly label: string;
}

/** Each save kind's extension, media type and filter name (the desktop dialog and browser downloads both use it). */
export const SAVE_KINDS: Readonly<Record<SaveKind, SaveKindInfo>> = {
  png: { extension: 'png', mime: 'image/png', label: 'PNG image' },
  svg: { extension: 'svg', mime: 'image/svg+xml', label: 'SVG image' },
  jsonld: { extension: 'jsonld', mime: 'application/ld+json', label: 'W3C Web Annotations (JSON-LD)' },
  json: { extension: 'json', mime: 'application/json', label: 'JSON' },
  argdown: { extension: 'argdown', mime: 'text/plain', label: 'Argdown' },
  graphml: { extension: 'graphml', mime: 'application/xml', label: 'GraphML' },
  csv: { extension: 'csv', mime: 'text/csv', label: 'CSV' },
  html: { extension: 'html', mime: 'text/html', label: 'HTML page' },
  md: { extension: 'md', mime: 'text/markdown', label: 'Markdown' },
};

/** A file the renderer asks to save: the name to suggest, its kind and its bytes. */
export const SaveRequestSchema = z.strictObject({
  suggestedName: z
    .string()
    .min(1)
    .max(255)
    .refine((name) => !/[\\/\p{Cc}]/u.test(name), 'a file name, not a path'),
  kind: SaveKindSchema,
  bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_SAVE_BYTES, 'file is over the size limit'),
});
/** A file the renderer asks to save. */
export type SaveRequest = z.infer<typeof SaveRequestSchema>;

/** A project file open in the app: the document it is served as, and where it lives. */
export const ProjectInfoSchema = z.strictObject({
  /** The sync server's name for it (fresh each time the file is opened). */
  id: ProjectIdSchema,
  /** Absolute path of the `.crux` file. */
  path: z.string().min(1).max(4096),
  /** The file's name (`week3.crux`), for the window title. */
  name: z.string().min(1).max(1024),
  /** The project's title as the file records it ('' if none). */
  title: z.string().max(1024),
});
/** A project file open in the app. */
export type ProjectInfo = z.infer<typeof ProjectInfoSchema>;

/**
 * What came of asking to open, create or save a project: opened (with a notice to
 * show, e.g. what recovery saved), failed (the message is for the user; `recoverable`
 * when the file is damaged and `project:recover` may salvage it), or cancelled (a dialog).
 */
export const ProjectOutcomeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('opened'), project: ProjectInfoSchema, notice: z.string().max(4096).nullable() }),
  z.strictObject({
    kind: z.literal('failed'),
    name: z.string().max(1024),
    path: z.string().max(4096),
    message: z.string().max(4096),
    recoverable: z.boolean(),
  }),
  z.strictObject({ kind: z.literal('cancelled') }),
]);
/** What came of a project request. */
export type ProjectOutcome = z.infer<typeof ProjectOutcomeSchema>;

/** An absolute path to a `.crux` file, as the renderer may name one (dropped, or from the recent list). */
const ProjectPathSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => /\.crux$/i.test(p), 'not a .crux file');

/** A reading just imported, for the project that will hold it (its original file goes in too). */
export const ReadingSourceSchema = z.strictObject({
  /** The imported file's name. */
  name: z.string().min(1).max(1024),
  format: z.enum(['txt', 'md', 'html', 'pdf', 'docx']),
  /** The reading's title ('' if it has none). */
  title: z.string().max(1024),
  bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_OPEN_BYTES, 'file is over the size limit'),
});
/** A reading just imported. */
export type ReadingSource = z.infer<typeof ReadingSourceSchema>;

/**
 * Renderer → main requests (ipcRenderer.invoke / ipcMain.handle): channel name to
 * request and response schemas. Every request is validated in main before use.
 */
export const RendererToMain = {
  'file:open-dialog': { request: z.tuple([]), response: OpenedFileSchema.nullable() },
  'file:open-recent': { request: z.tuple([z.string().min(1).max(4096)]), response: OpenedFileSchema },
  'file:recent-list': { request: z.tuple([]), response: z.array(RecentFileSchema) },
  'file:note-opened': { request: z.tuple([z.string().min(1).max(4096)]), response: z.void() },
  /** The Open dialog for a W3C annotation file (.json, .jsonld); null if cancelled. Not added to the recent list. */
  'file:open-annotations': { request: z.tuple([]), response: OpenedFileSchema.nullable() },
  /** Asks where to save with the Save dialog, then writes; answers false if cancelled. */
  'file:save': { request: z.tuple([SaveRequestSchema]), response: z.boolean() },
  'shell:open-external': { request: z.tuple([z.string().url().max(2048)]), response: z.void() },
  /** The commands the page cannot run now (no reading open, a role that may not): their menu items are greyed. */
  'menu:disabled': { request: z.tuple([z.array(MenuCommandSchema).max(MenuCommandSchema.options.length)]), response: z.void() },
  /** The project open now; at startup, the most recent project reopened (`cancelled`: none). */
  'project:current': { request: z.tuple([]), response: ProjectOutcomeSchema },
  /** New Project: asks where with the Save dialog and creates an empty project there. */
  'project:new': { request: z.tuple([]), response: ProjectOutcomeSchema },
  /** Opens a project file the user dropped on the window or chose from the recent list. */
  'project:open': { request: z.tuple([ProjectPathSchema]), response: ProjectOutcomeSchema },
  /** Save As: asks where, copies the project there and goes on in the copy. */
  'project:save-as': { request: z.tuple([]), response: ProjectOutcomeSchema },
  /** The project to put a just-imported reading in: the open one while it is empty, else a new file. */
  'project:for-reading': { request: z.tuple([ReadingSourceSchema]), response: ProjectOutcomeSchema },
  /** Recovers the damaged file the last failure named into `x.recovered.crux` and opens that. */
  'project:recover': { request: z.tuple([ProjectPathSchema]), response: ProjectOutcomeSchema },
  'sync:connection': { request: z.tuple([ProjectIdSchema]), response: SyncConnectionSchema },
  'sync:host': {
    request: z.tuple([ProjectIdSchema, z.number().int().min(0).max(65535)]),
    response: HostingSchema,
  },
  'sync:stop-hosting': { request: z.tuple([ProjectIdSchema]), response: SyncConnectionSchema },
  'sync:tokens:list': { request: z.tuple([ProjectIdSchema]), response: z.array(TokenInfoSchema) },
  'sync:tokens:issue': {
    request: z.tuple([ProjectIdSchema, z.enum(['editor', 'commenter', 'viewer']), z.string().max(200)]),
    response: IssuedTokenSchema,
  },
  'sync:tokens:revoke': { request: z.tuple([ProjectIdSchema, z.string().min(1).max(128)]), response: z.void() },
} as const;
/** Renderer → main request channel names. */
export type RendererToMainChannel = keyof typeof RendererToMain;
/** The argument tuple of a renderer → main request. */
export type RequestOf<C extends RendererToMainChannel> = z.infer<(typeof RendererToMain)[C]['request']>;
/** The response of a renderer → main request. */
export type ResponseOf<C extends RendererToMainChannel> = z.infer<(typeof RendererToMain)[C]['response']>;

/** Main → renderer events (webContents.send / ipcRenderer.on): channel name to payload schema. */
export const MainToRenderer = {
  'file:opened': OpenedFileSchema,
  'file:open-failed': z.object({ name: z.string().max(1024), message: z.string().max(4096) }),
  'menu:command': MenuCommandSchema,
  /** A project the main process opened, created or failed to open on its own (menu, command line). */
  'project:outcome': ProjectOutcomeSchema,
} as const;
/** Main → renderer event channel names. */
export type MainToRendererChannel = keyof typeof MainToRenderer;
/** The payload of a main → renderer event. */
export type EventOf<C extends MainToRendererChannel> = z.infer<(typeof MainToRenderer)[C]>;

/** The part of a DOM `File` the contract names (shared/ has no DOM types). */
export interface DroppedFile {
  readonly name: string;
  readonly size: number;
}

/**
 * The one object the preload exposes as `window.crux`. Methods return promises;
 * `on` subscribes to a main → renderer event and returns an unsubscribe function.
 */
export interface CruxApi {
  /** Calls a main-process request; rejects with the main process's error message. */
  invoke<C extends RendererToMainChannel>(channel: C, ...args: RequestOf<C>): Promise<ResponseOf<C>>;
  /** Subscribes to a main-process event; returns the function that unsubscribes. */
  on<C extends MainToRendererChannel>(channel: C, listener: (payload: EventOf<C>) => void): () => void;
  /** The file-system path of a dropped DOM `File`, or null where it has none. */
  pathForFile(file: DroppedFile): string | null;
  /** The platform the app runs on (for shortcut labels). */
  readonly platform: string;
}
