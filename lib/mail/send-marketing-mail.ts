// The only way a marketing email leaves: each recipient is checked with mayReceiveMarketing
// (consent, restriction, objection, account state) right before the message is sent.
// Transactional mail (receipts, security, requests) goes through sendMail directly.
import "server-only";
import { db } from "@/lib/db";
import { mayReceiveMarketing } from "@/lib/privacy/consent";
import { sendMail, type Mail } from "./send-mail";

/** Sends the mail built for the customer when they may receive marketing; true when sent. */
export async function sendMarketingMail(userId: string, build: (to: string) => Mail): Promise<boolean> {
  if (!(await mayReceiveMarketing(userId))) return false;
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) return false;
  await sendMail(build(user.email));
  return true;
}
