// Sends an email through SMTP_URL, or, without it, keeps it in the outbox table and prints it
// to the server log so a local user can still follow the link. Every message is recorded.
import "server-only";
import nodemailer from "nodemailer";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

export type Mail = { to: string; subject: string; text: string; html?: string };

const globalForMail = globalThis as unknown as { hashworkTransport?: nodemailer.Transporter };

function transport(url: string): nodemailer.Transporter {
  globalForMail.hashworkTransport ??= nodemailer.createTransport(url);
  return globalForMail.hashworkTransport;
}

export async function sendMail(mail: Mail): Promise<void> {
  const { SMTP_URL, MAIL_FROM } = env();
  const record = await db.outboxEmail.create({ data: { to: mail.to, subject: mail.subject, text: mail.text, html: mail.html } });
  if (!SMTP_URL) {
    console.log(`[mail] SMTP_URL is not set; kept in the outbox.\nTo: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}\n`);
    return;
  }
  try {
    await transport(SMTP_URL).sendMail({ from: MAIL_FROM, ...mail });
    await db.outboxEmail.update({ where: { id: record.id }, data: { sentAt: new Date() } });
  } catch (error) {
    // The message stays in the outbox with the reason; the user can ask for it again.
    await db.outboxEmail.update({ where: { id: record.id }, data: { error: String(error).slice(0, 500) } });
    console.error(`[mail] sending "${mail.subject}" failed: ${String(error)}`);
  }
}
