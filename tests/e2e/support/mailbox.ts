// Reads the mail the app sent during this run (written by the test runner's SMTP server).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseMail, type ReceivedMail } from "../../../scripts/lib/smtp-inbox";

export async function waitForMail(to: string, subject: RegExp, timeoutMs = 15_000): Promise<ReceivedMail> {
  const dir = process.env.MAILBOX_DIR;
  if (!dir) throw new Error("MAILBOX_DIR is not set: run the end-to-end tests with `npm run test:e2e`.");
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const file of readdirSync(dir).sort().reverse()) {
      const stored = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as { to: string[]; raw: string };
      const mail = parseMail(stored.raw, stored.to);
      if (mail.to.includes(to.toLowerCase()) && subject.test(mail.subject)) return mail;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No mail to ${to} matching ${subject}`);
}
