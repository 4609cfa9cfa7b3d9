// The words of each email. Plain text first; every link is on its own line.
import type { Readable } from "node:stream";
import type { Mail } from "./send-mail";

export function verifyEmailMail(to: string, link: string): Mail {
  return {
    to,
    subject: "Confirm your email for Hashwork",
    text: `Welcome to Hashwork.\n\nConfirm your email address to start buying hashrate:\n\n${link}\n\nThe link works once and expires in 24 hours. If you did not sign up, ignore this email.\n`,
    secretLinks: [link],
  };
}

export function resetPasswordMail(to: string, link: string): Mail {
  return {
    to,
    subject: "Reset your Hashwork password",
    text: `Someone (hopefully you) asked to reset the password of your Hashwork account.\n\nChoose a new password here:\n\n${link}\n\nThe link works once and expires in 1 hour. Resetting signs out every other session. If this was not you, ignore this email: your password stays as it is.\n`,
    secretLinks: [link],
  };
}

export function passwordChangedMail(to: string): Mail {
  return {
    to,
    subject: "Your Hashwork password was changed",
    text: "The password of your Hashwork account was just changed, and every other session was signed out.\n\nIf this was not you, reset your password at once and contact support.\n",
  };
}

export function twoFactorChangedMail(to: string, enabled: boolean): Mail {
  return {
    to,
    subject: enabled ? "Two-factor authentication is on" : "Two-factor authentication was turned off",
    text: enabled
      ? "Two-factor authentication is now on for your Hashwork account. Keep your recovery codes somewhere safe.\n"
      : "Two-factor authentication was turned off for your Hashwork account. If this was not you, reset your password at once.\n",
  };
}

/** A personal API key was made or revoked; `link` opens the security page. Never holds the key. */
export function apiKeyMail(
  to: string,
  step:
    | { step: "created"; name: string; prefix: string; scopes: string[]; expires: string }
    | { step: "revoked"; name: string; prefix: string },
  link: string,
): Mail {
  const key = `"${step.name}" (${step.prefix}…)`;
  const ifNotYou =
    step.step === "created"
      ? `If this wasn't you, revoke the key and change your password at once, on your security page:\n\n${link}\n`
      : `If this wasn't you, someone else is signed in to your account: change your password at once and check your other keys on your security page:\n\n${link}\n`;
  return step.step === "created"
    ? {
        to,
        subject: "A new API key was created for your Hashwork account",
        text: `A personal API key ${key} was just created for your Hashwork account.\n\nIt may: ${step.scopes.join("; ")}.\nIt expires: ${step.expires}.\n\nAnyone holding the key can do these things with your account until it expires or is revoked.\n\n${ifNotYou}`,
      }
    : {
        to,
        subject: "An API key of your Hashwork account was revoked",
        text: `The personal API key ${key} of your Hashwork account was revoked: it no longer works.\n\n${ifNotYou}`,
      };
}

export function kycDecisionMail(
  to: string,
  choice:
    | { decision: "approve" }
    | { decision: "reject"; message: string }
    | { decision: "request_resubmission"; message: string; items: string[] },
): Mail {
  if (choice.decision === "approve") {
    return {
      to,
      subject: "Your identity is verified",
      text: "Your identity documents were approved. Larger purchases and withdrawals are now open to you.\n",
    };
  }
  if (choice.decision === "reject") {
    return {
      to,
      subject: "Your identity verification was not approved",
      text: `We could not approve your identity documents.\n\nReason: ${choice.message}\n\nThis decision is final. If you think it is wrong, you can ask for it to be reviewed from the Privacy centre in your dashboard.\n`,
    };
  }
  return {
    to,
    subject: "Please send your identity documents again",
    text: `A reviewer asked you to send some items again: ${choice.items.join(", ")}.\n\n${choice.message}\n\nOpen "Identity" in your dashboard to send them.\n`,
  };
}

export function cardPaymentCreditedMail(to: string, notice: string): Mail {
  return {
    to,
    subject: "Your card payment was credited to your Hashwork balance",
    text: `${notice}\n\nThe amount is in your USD balance: spend it on another order or ask support to send it back. Your wallet shows every movement.\n`,
  };
}

export function alreadyRegisteredMail(to: string, signInLink: string, resetLink: string): Mail {
  return {
    to,
    subject: "You already have a Hashwork account",
    text: `Someone tried to create a Hashwork account with this email address, which already has one.\n\nSign in: ${signInLink}\nForgot your password? ${resetLink}\n\nIf this was not you, you can ignore this email.\n`,
  };
}

export function payoutAddressSetMail(to: string, address: string, withdrawalsFrom: string): Mail {
  return {
    to,
    subject: "Your BTC payout address was set",
    text: `The BTC payout address of your Hashwork account is now:\n\n${address}\n\nFor your safety, withdrawals are paused until ${withdrawalsFrom} (UTC). If this was not you, turn off access at once: reset your password and contact support.\n`,
  };
}

export function withdrawalMail(
  to: string,
  step:
    | { step: "requested"; amount: string; fee: string; address: string }
    | { step: "approved"; amount: string }
    | { step: "paid"; amount: string; txid: string }
    | { step: "rejected"; amount: string; reason: string },
): Mail {
  switch (step.step) {
    case "requested":
      return {
        to,
        subject: "Your withdrawal request was received",
        text: `You asked to withdraw ${step.amount} to ${step.address}. The network fee of ${step.fee} is deducted from it. The amount is held from your balance until an admin sends it.\n\nIf this was not you, reset your password at once and contact support.\n`,
      };
    case "approved":
      return {
        to,
        subject: "Your withdrawal was approved",
        text: `Your withdrawal of ${step.amount} was approved by a first admin. As it is a large amount, a second admin sends it; you will get another email then.\n`,
      };
    case "paid":
      return {
        to,
        subject: "Your withdrawal was sent",
        text: `Your withdrawal of ${step.amount} was sent. Bitcoin transaction id:\n\n${step.txid}\n`,
      };
    case "rejected":
      return {
        to,
        subject: "Your withdrawal was not approved",
        text: `Your withdrawal of ${step.amount} was not approved, and the amount is back in your balance.\n\nReason: ${step.reason}\n`,
      };
  }
}

export function outageExtendedMail(to: string, outage: { hoursLost: number; endsAt: Date; reason: string }): Mail {
  const hours = outage.hoursLost.toLocaleString("en-US", { maximumFractionDigits: 2 });
  const end = outage.endsAt.toISOString().replace("T", " ").slice(0, 16);
  return {
    to,
    subject: "Your Hashwork contract was extended after an outage",
    text: `The machines of one of your contracts stopped for ${hours} hour(s) (${outage.reason}).\n\nYou are not credited for those hours; instead your contract runs ${hours} hour(s) longer and now ends ${end} UTC. The details are on the contract's page in your dashboard.\n`,
  };
}

export type PrivacyMailStep =
  | { step: "filed"; type: string; dueOn: string; needsIdentity: boolean }
  | { step: "verified"; type: string }
  | { step: "extended"; type: string; dueOn: string; reason: string }
  | { step: "completed"; type: string; response: string }
  | { step: "refused"; type: string; reason: string; complaintInfo: string };

/** The customer's copy of each step of a privacy request; `link` opens their privacy centre. */
export function privacyRequestMail(to: string, step: PrivacyMailStep, link: string): Mail {
  const footer = `\nYour requests, their status and due dates:\n\n${link}\n`;
  switch (step.step) {
    case "filed":
      return {
        to,
        subject: "We received your privacy request",
        text: `We received your request (${step.type}). We will answer by ${step.dueOn} (UTC) at the latest.\n${
          step.needsIdentity
            ? "\nBefore we carry it out, please confirm it is you: open the request in your privacy centre and enter your password (and a two-factor code if it is on).\n"
            : ""
        }${footer}`,
      };
    case "verified":
      return {
        to,
        subject: "You confirmed your privacy request",
        text: `You confirmed your identity for your request (${step.type}). We are carrying it out now.\n${footer}`,
      };
    case "extended":
      return {
        to,
        subject: "We need more time for your privacy request",
        text: `We need more time to answer your request (${step.type}). The new due date is ${step.dueOn} (UTC).\n\nWhy: ${step.reason}\n${footer}`,
      };
    case "completed":
      return {
        to,
        subject: "Your privacy request is complete",
        text: `Your request (${step.type}) is complete.\n\n${step.response}\n${footer}`,
      };
    case "refused":
      return {
        to,
        subject: "We could not carry out your privacy request",
        text: `We could not carry out your request (${step.type}).\n\nWhy: ${step.reason}\n\nWhere to complain: ${step.complaintInfo}\n${footer}`,
      };
  }
}

/** The privacy officers' daily list of requests due within a week and overdue ones. */
export function privacyDeadlinesMail(
  to: string,
  day: string,
  lists: { overdue: string[]; dueSoon: string[] },
  link: string,
): Mail {
  const section = (title: string, lines: string[]) =>
    lines.length ? `${title} (${lines.length}):\n${lines.map((line) => `- ${line}`).join("\n")}\n\n` : "";
  return {
    to,
    subject: `Privacy requests: ${lists.overdue.length} overdue, ${lists.dueSoon.length} due within 7 days (${day})`,
    text: `${section("Overdue", lists.overdue)}${section("Due within 7 days", lists.dueSoon)}The queue:\n\n${link}\n`,
  };
}

export function exportReadyMail(to: string, link: string, expiresAt: Date): Mail {
  const until = expiresAt.toISOString().replace("T", " ").slice(0, 16);
  return {
    to,
    subject: "Your Hashwork data export is ready",
    text: `The copy of your data you asked for is ready. Sign in and download it from the Privacy centre:\n\n${link}\n\nIt can be downloaded until ${until} UTC; then it is deleted. Only you can download it, after signing in.\n`,
  };
}

export function exportForRecipientMail(to: string, attachment: { filename: string; content: Readable }): Mail {
  return {
    to,
    subject: "Personal data sent to you at a Hashwork customer's request",
    text: "A Hashwork customer asked us to send a copy of their personal data to this address (data portability). It is attached as a ZIP archive; its README.txt explains each file.\n\nIf you did not expect this email, delete it and the attachment.\n",
    attachments: [{ filename: attachment.filename, content: attachment.content, contentType: "application/zip" }],
  };
}

export function accountClosedMail(to: string, eraseBy: Date): Mail {
  const by = eraseBy.toISOString().slice(0, 10);
  return {
    to,
    subject: "Your Hashwork account is closed",
    text: `Your Hashwork account is closed: it can no longer be signed in to, and every session was ended.\n\nYour personal data is erased by ${by} (UTC). If you made transactions, the law makes us keep their records for 5 years after closure; they are kept pseudonymised and encrypted, then deleted.\n\nIf you did not ask for this, contact support at once.\n`,
  };
}

/** Marketing: a new plan is on sale. Only ever sent through sendMarketingMail. */
export function newPlanMail(
  to: string,
  plan: { title: string; durationDays: number; link: string },
  preferencesLink: string,
): Mail {
  return {
    to,
    subject: `New on Hashwork: ${plan.title}`,
    text: `A new hashrate plan is on sale: ${plan.title}, running for ${plan.durationDays} days.\n\nSee its prices and the estimated daily output:\n\n${plan.link}\n\nYou get this email because you asked for news about new plans. To stop it, switch off marketing email in your settings:\n\n${preferencesLink}\n`,
  };
}

export function accountRestrictionMail(to: string, reason: string | null): Mail {
  return reason
    ? {
        to,
        subject: "Your Hashwork account is restricted",
        text: `An administrator restricted your Hashwork account: you can sign in and see everything, but you cannot buy or withdraw for now.\n\nReason: ${reason}\n\nYour contracts keep mining. To ask about it, use the contact form on the help page.\n`,
      }
    : {
        to,
        subject: "Your Hashwork account is no longer restricted",
        text: "The restriction on your Hashwork account was lifted: you can buy and withdraw again.\n",
      };
}

export function supportTicketReceivedMail(to: string, ticket: number, subject: string): Mail {
  return {
    to,
    subject: `We received your question (ticket ${ticket})`,
    text: `Thank you for writing to Hashwork support.\n\nYour question "${subject}" is ticket ${ticket}. A person will answer by email, usually within one working day.\n`,
  };
}

export function supportReplyMail(to: string, ticket: number, subject: string, reply: string, closed: boolean): Mail {
  return {
    to,
    subject: `Re: ${subject} (ticket ${ticket})`,
    text: `${reply}\n\n—\nHashwork support, ticket ${ticket}.${closed ? " We closed this ticket; write again from the help page if anything is left open." : " To add something, write again from the help page and mention the ticket number."}\n`,
  };
}
