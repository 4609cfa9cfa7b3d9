// Secrets for a local run: AUTH_SECRET and ENCRYPTION_KEY are generated once into
// .data/secrets.env (never committed) unless the environment already has them.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generateKeyEntry } from "../../lib/crypto/encryption";
import { DATA_DIR } from "./app-database";

const FILE = path.join(DATA_DIR, "secrets.env");

export function ensureLocalSecrets(log: (line: string) => void): void {
  if (process.env.AUTH_SECRET && process.env.ENCRYPTION_KEY) return;
  if (!existsSync(FILE)) {
    mkdirSync(DATA_DIR, { recursive: true });
    writeFileSync(
      FILE,
      `# Generated for this machine's local Hashwork. Keep it: encrypted data needs ENCRYPTION_KEY.\n` +
        `AUTH_SECRET=${randomBytes(32).toString("base64")}\nENCRYPTION_KEY=${generateKeyEntry("local1")}\n`,
      { mode: 0o600 },
    );
    log("Generated local secrets in .data/secrets.env.");
  }
  for (const line of readFileSync(FILE, "utf8").split("\n")) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match && !process.env[match[1]!]) process.env[match[1]!] = match[2]!;
  }
}

/** Throwaway secrets for test and benchmark runs. */
export function testSecrets(): Record<string, string> {
  return { AUTH_SECRET: randomBytes(32).toString("base64"), ENCRYPTION_KEY: generateKeyEntry("test1") };
}
