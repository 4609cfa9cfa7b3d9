// A real SMTP server, in-process (the smtp-server package), that keeps what it receives.
// The end-to-end run also writes each message to a folder the browser tests read.
import { mkdirSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { to: string[]; subject: string; text: string; raw: string };

/** Decodes the parts of a raw message that matter to tests: recipients, subject, plain text. */
export function parseMail(raw: string, to: string[]): ReceivedMail {
  const [head = "", ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n[ \t]+/g, " ");
  const subject = /^Subject: (.*)$/im.exec(headers)?.[1] ?? "";
  let body = rest.join("\n\n");
  if (/Content-Transfer-Encoding: quoted-printable/i.test(raw)) {
    body = body
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
  return { to, subject, text: body, raw };
}

export async function startSmtpInbox({ saveTo }: { saveTo?: string } = {}) {
  const messages: ReceivedMail[] = [];
  if (saveTo) mkdirSync(saveTo, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase());
        const raw = Buffer.concat(chunks).toString("utf8");
        messages.push(parseMail(raw, to));
        if (saveTo)
          writeFileSync(path.join(saveTo, `${Date.now()}-${messages.length}.json`), JSON.stringify({ to, raw }));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    /** The newest message to `address` whose subject matches, waiting up to `timeoutMs`. */
    async waitFor(address: string, subject: RegExp, timeoutMs = 10_000): Promise<ReceivedMail> {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = messages
          .filter((mail) => mail.to.includes(address.toLowerCase()) && subject.test(mail.subject))
          .at(-1);
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`No mail to ${address} matching ${subject} within ${timeoutMs} ms`);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link in a message's text that starts with `prefix`. */
export function linkIn(mail: ReceivedMail, prefix: string): string {
  const match = new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[^\\s"'<>]+`).exec(mail.text);
  if (!match) throw new Error(`No link starting with ${prefix} in "${mail.subject}"`);
  return match[0];
}
