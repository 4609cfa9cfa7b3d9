// Sends an email through SMTP_URL and records it in the outbox table. Single-use links (sign-in
// secrets in effect) are never stored: the outbox keeps the message with each link replaced by a
// placeholder. Without SMTP_URL nothing is sent; in development the whole message, links
// included, is printed to the server log so a local user can still follow them.
import "server-only";
import type { Readable } from "node:stream";
import nodemailer from "nodemailer";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { errorFields, logger } from "@/lib/log/logger";

/**
 * `secretLinks`: parts of `text`/`html` that grant access (reset, verification links).
 * `attachments` are sent but not kept in the outbox (it records that they were attached).
 */
export type Mail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  secretLinks?: string[];
  attachments?: { filename: string; content: Buffer | Readable; contentType: string }[];
};

export const REDACTED_LINK = "[link removed from this copy; it was in the email]";

const globalForMail = globalThis as unknown as { hashworkTransport?: nodemailer.Transporter };

function transport(url: string): nodemailer.Transporter {
  globalForMail.hashworkTransport ??= nodemailer.createTransport(url);
  return globalForMail.hashworkTransport;
}

function redact(body: string, secrets: readonly string[]): string {
  return secrets.reduce((text, secret) => (secret ? text.replaceAll(secret, REDACTED_LINK) : text), body);
}

export async function sendMail(mail: Mail): Promise<void> {
  const { SMTP_URL, MAIL_FROM, NODE_ENV } = env();
  const { secretLinks = [], ...message } = mail;
  const record = await db.outboxEmail.create({
    data: {
      to: message.to,
      subject: message.subject,
      text:
        redact(message.text, secretLinks) +
        (message.attachments?.length
          ? `\n[attached: ${message.attachments.map((file) => file.filename).join(", ")}]\n`
          : ""),
      html: message.html === undefined ? undefined : redact(message.html, secretLinks),
    },
  });
  if (!SMTP_URL) {
    if (NODE_ENV === "production") {
      // The recipient is personal data: the outbox row (by id) says who it was for.
      logger.info({ outboxId: record.id, subject: message.subject }, "mail not sent: SMTP_URL is not set");
    } else {
      // Development only (a local user follows links from here); production never prints mail.
      console.log(
        `[mail] SMTP_URL is not set; not sent (development: printed here).\nTo: ${message.to}\nSubject: ${message.subject}\n\n${message.text}\n`,
      );
    }
    return;
  }
  try {
    await transport(SMTP_URL).sendMail({ from: MAIL_FROM, ...message });
    await db.outboxEmail.update({ where: { id: record.id }, data: { sentAt: new Date() } });
  } catch (error) {
    // The message stays in the outbox with the reason; the user can ask for it again.
    await db.outboxEmail.update({
      where: { id: record.id },
      data: { error: redact(String(error), secretLinks).slice(0, 500) },
    });
    logger.error(
      { outboxId: record.id, subject: message.subject, ...errorFields(redact(String(error), secretLinks)) },
      "mail: sending failed",
    );
  }
}
