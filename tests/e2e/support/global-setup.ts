// Every browser test starts as a visitor who chose essential cookies only, so the cookie banner
// stays out of the way of pages it is not about; tests of the banner start without a choice.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { FullConfig } from "@playwright/test";
import { consentCookie, signedChoice } from "./cookie-choice";

export const STORAGE_STATE = path.join(import.meta.dirname, "../../../test-results/e2e-storage-state.json");

export default function globalSetup(config: FullConfig) {
  const baseURL = config.projects[0]?.use.baseURL ?? "http://127.0.0.1:3100";
  const cookie = { ...consentCookie(baseURL, signedChoice({ analytics: false, advertising: false })) };
  mkdirSync(path.dirname(STORAGE_STATE), { recursive: true });
  writeFileSync(
    STORAGE_STATE,
    JSON.stringify({
      cookies: [{ ...cookie, expires: Math.floor(Date.now() / 1000) + 86_400, httpOnly: false, secure: false }],
      origins: [],
    }),
  );
}
