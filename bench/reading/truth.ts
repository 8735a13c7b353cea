// The scored truth of a corpus document (corpus/NAME.truth.json), made from its source by
// build-corpus.ts and checked by eye.

/** A block of a reading as the truth and the scorer see it. */
export interface TruthBlock {
  kind: 'title' | 'byline' | 'heading' | 'paragraph' | 'code' | 'math';
  /** Heading level (1 = section). */
  level?: number;
  text: string;
}

/** A word broken across a line end with a hyphen, and whether the hyphen belongs to it. */
export interface HyphenCase {
  /** The word as the reading should show it ("reconstruction", "well-known"). */
  word: string;
  /** The text at the line end ("recon-") and at the start of the next line ("struction"). */
  before: string;
  after: string;
  /** True when the hyphen goes (the line end broke one word), false when it stays. */
  join: boolean;
}

/** Everything a document is scored against. */
export interface Truth {
  /** Body blocks in reading order, footnotes left out. */
  blocks: TruthBlock[];
  /** Footnote texts, in order. */
  footnotes: string[];
  hyphens: HyphenCase[];
  /** Running heads, feet and page numbers as the pages print them. */
  furniture: string[];
}

/** One document of the corpus (corpus/corpus.json). */
export interface CorpusEntry {
  /** Name of the document in reports. */
  name: string;
  /** The file the importer reads, relative to corpus/. */
  file: string;
  /** Its truth, relative to corpus/. */
  truth: string;
  /** The raw text of the input (for pdfs, pdftotext's extraction), relative to corpus/. */
  input: string;
}
