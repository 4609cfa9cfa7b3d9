// The shape of one version of the terms of service. A published version is never edited: a
// change is a new file in versions/ and a new entry in the list (lib/privacy/terms/index.ts).
export type TermsSection = {
  /** Anchor on the page, stable across versions where the section is the same. */
  id: string;
  title: string;
  paragraphs: readonly string[];
  /** An optional list shown after the paragraphs. */
  points?: readonly string[];
};

export type TermsVersion = {
  /** The version's id, its publication date: YYYY-MM-DD. Stored with each acceptance. */
  id: string;
  /** What changed since the previous version, shown when customers are asked to accept it. */
  changes: readonly string[];
  sections: readonly TermsSection[];
};
