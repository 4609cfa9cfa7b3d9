// Every published version of the terms of service, oldest first; the last one is in force.
// Publishing a change: add a file to versions/ (never edit a published one) and append it here.
// Signed-in customers who have not accepted the newest version are asked to (docs/product-rules.md §11).
import type { TermsVersion } from "./types";
import { terms20260115 } from "./versions/2026-01-15";
import { terms20261126 } from "./versions/2026-11-26";

export type { TermsSection, TermsVersion } from "./types";

export const TERMS_VERSIONS: readonly TermsVersion[] = [terms20260115, terms20261126];

export const CURRENT_TERMS: TermsVersion = TERMS_VERSIONS[TERMS_VERSIONS.length - 1]!;

export function termsVersion(id: string): TermsVersion | undefined {
  return TERMS_VERSIONS.find((version) => version.id === id);
}

/** The version's date for people: "26 November 2026". */
export function termsDate(version: Pick<TermsVersion, "id">): string {
  return new Date(`${version.id}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}
