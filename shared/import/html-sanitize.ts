// The sanitiser every imported HTML fragment passes through (web pages, Word documents
// via mammoth, raw HTML inside Markdown). shared/ has no DOM, so DOMPurify (which needs
// one) can't run here; sanitize-html is the pure-JS equal: it parses with htmlparser2
// and keeps only an allowlist. Its output is not shown as HTML anywhere: it is parsed
// once more into Crux's schema, which has no node for anything risky at all.
import sanitize from 'sanitize-html';

/** Tags that survive; everything else is dropped, its text kept (see `droppedWithText`). */
const allowedTags = [
  'title',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'figure', 'figcaption',
  'blockquote', 'pre', 'hr', 'br',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption',
  'em', 'i', 'cite', 'dfn', 'strong', 'b', 'code', 'kbd', 'samp', 'tt', 'a', 'sup', 'sub', 'span',
];

/** Tags dropped together with their content: code, styling, embedded and interactive things. */
const droppedWithText = [
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'svg', 'math', 'canvas', 'audio', 'video', 'textarea', 'select', 'option', 'button', 'nav', 'xmp',
];

/** Attributes that survive. Ids, classes and roles only serve footnote detection. */
const allowedAttributes: Record<string, string[]> = {
  a: ['href', 'id', 'class', 'role'],
  ol: ['start'],
  sup: ['id', 'class', 'role'],
  li: ['id', 'class', 'role'],
  section: ['id', 'class', 'role'],
  aside: ['id', 'class', 'role'],
  div: ['id', 'class', 'role'],
  p: ['id'],
};

/** What the sanitiser found and left out, for the import's warnings. */
export interface SanitizeReport {
  /** The clean HTML. */
  html: string;
  /** How many images were dropped. */
  images: number;
}

/**
 * Cleans untrusted HTML down to text structure: no scripts, styles, frames, forms,
 * event handlers or style attributes; links only to http, https and mailto (plus
 * in-page `#` links, which the importer uses to spot footnotes and then drops).
 */
export function sanitizeImportedHtml(html: string): SanitizeReport {
  let images = 0;
  const clean = sanitize(html, {
    allowedTags,
    allowedAttributes,
    nonTextTags: droppedWithText,
    disallowedTagsMode: 'discard',
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: {},
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
    allowProtocolRelative: false,
    parseStyleAttributes: false,
    onOpenTag: (tag: string) => {
      if (tag === 'img') images++;
    },
  });
  return { html: clean, images };
}
