// Finds a Chromium for the end-to-end tests: CHROMIUM_PATH, Debian's /usr/bin/chromium, or a
// browser Playwright installed itself. Null when there is none.
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  try {
    candidates.push(chromium.executablePath());
  } catch {
    // Playwright has no browser of its own here
  }
  return candidates.find((candidate): candidate is string => Boolean(candidate && existsSync(candidate))) ?? null;
}

export const HOW_TO_GET_CHROMIUM = [
  "The end-to-end tests need Chromium, and none was found.",
  "Install one, then run the tests again:",
  "  Debian/Ubuntu:  sudo apt-get install -y chromium",
  "  elsewhere:      npx playwright install chromium",
  "or point CHROMIUM_PATH at an existing Chromium or Chrome binary.",
].join("\n");
