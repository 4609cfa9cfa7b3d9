import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import type { ReactNode } from "react";
import { routes } from "@/lib/routes";

export const metadata: Metadata = {
  title: "Privacy policy",
  description:
    "How Hashwork collects, uses, shares and protects your personal data, how long we keep it, and how to use your privacy rights.",
};

const PRIVACY_EMAIL = "privacy@hashwork.example";

const linkClass =
  "rounded-sm text-amber-700 underline underline-offset-4 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-600 dark:text-amber-400";
const mutedClass = "text-muted";
const listClass = "mt-4 list-disc space-y-2 pl-5 leading-7";

const SECTIONS = [
  { id: "who-we-are", title: "Who we are" },
  { id: "data-we-collect", title: "What we collect and where it comes from" },
  { id: "how-we-use-it", title: "Why we use it and our legal basis" },
  { id: "automated-decisions", title: "Automated checks" },
  { id: "sharing", title: "Who we share it with" },
  { id: "international-transfers", title: "International transfers" },
  { id: "security", title: "How we protect it" },
  { id: "retention", title: "How long we keep it" },
  { id: "your-rights", title: "Your rights" },
  { id: "requests", title: "How we handle your requests" },
  { id: "cookies", title: "Cookies and email preferences" },
  { id: "children", title: "Children" },
  { id: "changes", title: "Changes to this policy" },
  { id: "contact", title: "Contact us" },
] as const;

type SectionId = (typeof SECTIONS)[number]["id"];

type DataCategory = { name: string; what: string; source: string };

const DATA_CATEGORIES: readonly DataCategory[] = [
  {
    name: "Account data",
    what: "Your email address, your password (which we only ever store as a one-way hash), whether your email is verified, and your settings and communication preferences.",
    source: "You, when you sign up and when you change your settings.",
  },
  {
    name: "Identity (KYC) data",
    what: "Your legal name, date of birth, nationality, address, the type and number of your ID document, images of that document, a selfie, and the outcome of our review.",
    source: "You, when you complete identity verification; the outcome comes from our KYC reviewers.",
  },
  {
    name: "Transaction and wallet data",
    what: "Your orders, hashrate contracts, payments and top-ups, and wallet balances with their ledger entries.",
    source:
      "Your use of Hashwork; our card payment processor tells us whether a card payment succeeded. We never receive your full card number.",
  },
  {
    name: "Security data",
    what: "Sign-in times, the IP address and browser used, whether two-factor authentication (2FA) is on, the secret behind your authenticator app, your recovery codes, and your activity log (sign-ins, 2FA changes, purchases and requests).",
    source: "Recorded automatically when you use your account.",
  },
  {
    name: "Device and cookie data",
    what: "The cookies that keep you signed in and remember your cookie choice and, only if you allow analytics, a random analytics id with the pages you view (without any query).",
    source: "Your browser.",
  },
  {
    name: "Communications",
    what: "Messages you send us, your privacy requests and their history, and the emails we send you.",
    source: "You and us.",
  },
];

type LegalBasis = "Contract" | "Legal obligation" | "Legitimate interests" | "Consent";

type Purpose = { purpose: string; basis: LegalBasis; detail: string };

const PURPOSES: readonly Purpose[] = [
  {
    purpose: "Running your account and your contracts",
    basis: "Contract",
    detail: "Creating your account, selling and delivering hashrate contracts, and processing payments and top-ups.",
  },
  {
    purpose: "Service and account emails",
    basis: "Contract",
    detail: "Email verification, password resets, receipts, security alerts and updates on your requests.",
  },
  {
    purpose: "Identity checks and financial records",
    basis: "Legal obligation",
    detail:
      "Anti-money-laundering and know-your-customer (AML/KYC) checks before larger purchases, keeping transaction records, and answering lawful requests from authorities.",
  },
  {
    purpose: "Handling your privacy requests",
    basis: "Legal obligation",
    detail: "Recording, answering and keeping evidence of the requests you make under data-protection law.",
  },
  {
    purpose: "Security and fraud prevention",
    basis: "Legitimate interests",
    detail:
      "Protecting your account and the platform: two-factor authentication, limits on repeated sign-in attempts, your activity log, spotting fraud and abuse, and auditing what our staff do.",
  },
  {
    purpose: "Marketing email",
    basis: "Consent",
    detail: "News and offers, only if you have said yes. You can withdraw at any time.",
  },
];

const BASIS_MEANING: Record<LegalBasis, string> = {
  Contract: "we need it to provide the service you signed up for.",
  "Legal obligation": "the law requires it.",
  "Legitimate interests":
    "it is needed for a reasonable interest of ours, such as security, that does not override your rights. You can object to it.",
  Consent: "you have agreed to it, and you can take that agreement back at any time.",
};

type Recipient = { who: string; why: string };

const RECIPIENTS: readonly Recipient[] = [
  {
    who: "Our card payment processor",
    why: "to take card payments. You enter your card details on the processor’s own secure page; we share the amount, the order reference and your email address.",
  },
  {
    who: "Our email delivery provider",
    why: "to send you account, transaction and (if you opted in) marketing emails. It receives your email address and the message.",
  },
  {
    who: "Professional advisers",
    why: "such as lawyers, auditors and accountants, when we need their advice. They are bound by confidentiality.",
  },
  {
    who: "Authorities",
    why: "such as regulators, tax authorities, courts and the police, only when the law requires us to, for example under a court order or an anti-money-laundering reporting duty.",
  },
];

type RetentionRow = { data: string; period: string; then: string };

const RETENTION: readonly RetentionRow[] = [
  {
    data: "Transaction records (orders, payments, contracts)",
    period: "5 years after your account is closed",
    then: "Kept pseudonymised and encrypted during that time, then deleted",
  },
  {
    data: "KYC data and ID documents",
    period: "As long as anti-money-laundering law requires",
    then: "Deleted when that period ends",
  },
  {
    data: "All data of a customer who never made a transaction",
    period: "Within 30 days of closure or an erasure request",
    then: "Deleted entirely",
  },
  {
    data: "Other personal data (profile, preferences, security and activity data)",
    period: "Within 30 days of closure or an erasure request",
    then: "Deleted",
  },
  {
    data: "Data exports you request",
    period: "7 days after the export is ready",
    then: "Download link expires and the file is deleted",
  },
];

type Right = { id: string; title: string; body: string; action: string };

const RIGHTS: readonly Right[] = [
  {
    id: "right-to-access",
    title: "Know what we hold and get a copy",
    body: "You can ask whether we hold personal data about you. We send a report listing each category of data we hold and why we hold it, together with a copy of the data itself.",
    action: "File an access request",
  },
  {
    id: "right-to-portability",
    title: "Take your data with you",
    body: "You can receive everything you gave us or generated by using Hashwork in a machine-readable format: a zip file with a JSON file and a CSV file for each table. Only you can download it, and only for a limited time (7 days).",
    action: "Request a data export",
  },
  {
    id: "right-to-rectification",
    title: "Correct your data",
    body: "If something we hold is wrong or incomplete, you can fix it. Most details you can edit yourself in your settings; for anything you cannot change there, such as verified identity details, our privacy officer will make the correction.",
    action: "File a correction request",
  },
  {
    id: "right-to-erasure",
    title: "Delete your data",
    body: "You can ask us to delete your personal data. We delete everything the law does not require us to keep. If you have made transactions, we keep their records for 5 years after closure, pseudonymised and encrypted, and KYC documents for as long as the law requires. If you never made a transaction, we delete everything within 30 days.",
    action: "File an erasure request",
  },
  {
    id: "right-to-restriction",
    title: "Limit how we use your data",
    body: "You can ask us to restrict processing, for example while a correction is being checked. We then stop all non-essential processing, such as marketing and analytics, and keep only what is needed to run your contracts, keep your account secure and meet our legal duties.",
    action: "File a restriction request",
  },
  {
    id: "right-to-object",
    title: "Object to a use of your data",
    body: "You can object to a stated purpose, especially one based on our legitimate interests. Objections to marketing take effect at once. For other purposes we stop unless we have compelling grounds to continue, and if so we explain them.",
    action: "File an objection",
  },
  {
    id: "right-to-review",
    title: "Have a person review an automated decision",
    body: "If one of our automated checks has affected you, for example by flagging your KYC case, you can ask for a person to look at it again, add any information you think is missing, and hear the outcome.",
    action: "Request a human review",
  },
  {
    id: "account-closure",
    title: "Close your account",
    body: "You can close your account at any time. Closure is completed within 30 days, you can no longer sign in, and the retention rules above apply to what remains.",
    action: "Request account closure",
  },
];

const SECURITY_MEASURES: readonly string[] = [
  "Passwords are hashed with argon2id, so nobody, including our staff, can read them.",
  "Two-factor authentication with an authenticator app, backed by single-use recovery codes.",
  "Authenticator secrets, KYC data and ID documents are encrypted at rest with AES-256-GCM. Documents are only ever shown to you and to our KYC reviewers.",
  "Staff access is limited by role: KYC reviewers see only the KYC queue, privacy officers see only privacy requests.",
  "Every staff action is written to an audit log, and you can see your own account activity in your activity log.",
  "Connections are encrypted, repeated sign-in attempts are limited, and all your sessions are signed out when your password changes.",
];

function Section({ id, children }: { id: SectionId; children: ReactNode }) {
  const title = SECTIONS.find((section) => section.id === id)?.title ?? id;
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="mt-10 scroll-mt-24 text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function P({ children }: { children: ReactNode }) {
  return <p className="mt-4 leading-7">{children}</p>;
}

function CentreLink() {
  return (
    <IntentLink href={routes.dashboard.privacy} className={linkClass}>
      privacy centre
    </IntentLink>
  );
}

function EmailLink() {
  return (
    <a href={`mailto:${PRIVACY_EMAIL}`} className={`${linkClass} break-all`}>
      {PRIVACY_EMAIL}
    </a>
  );
}

export default function PrivacyPage() {
  return (
    <article className="mx-auto max-w-3xl px-4 py-10 text-zinc-900 sm:py-14 dark:text-zinc-100">
      <header>
        <h1 className="text-3xl font-semibold tracking-tight">Privacy policy</h1>
        <p className={`mt-2 text-sm ${mutedClass}`}>
          Last updated <time dateTime="2026-11-25">25 November 2026</time>
        </p>
        <P>
          This policy explains what personal data Hashwork collects when you use our cloud-mining marketplace, why we
          use it, who we share it with, how long we keep it, and how you can use your rights. To make a request, use
          your <CentreLink />; if you cannot sign in, email our privacy office at <EmailLink />.
        </P>
      </header>

      <nav aria-label="Contents" className="mt-8 rounded-lg border border-zinc-200 p-4 sm:p-5 dark:border-zinc-800">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-muted">Contents</h2>
        <ol className="mt-3 list-decimal space-y-1 pl-5 text-sm leading-6 sm:columns-2 sm:gap-8">
          {SECTIONS.map((section) => (
            <li key={section.id} className="break-inside-avoid">
              <a href={`#${section.id}`} className={linkClass}>
                {section.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>

      <Section id="who-we-are">
        <P>
          Hashwork runs a marketplace where you can buy hashrate contracts, such as “Antminer S19 Pro · 20 days”, and
          that run on our miners for a fixed term. For the personal data described here, Hashwork is the controller: we
          decide why and how it is used, and we are responsible for it.
        </P>
        <P>
          You can reach our privacy office by email at <EmailLink /> or by post at Hashwork, Privacy Office.
        </P>
      </Section>

      <Section id="data-we-collect">
        <P>We collect only what we need to run the service safely and to meet our legal duties.</P>
        <ul className="mt-4 space-y-4">
          {DATA_CATEGORIES.map((category) => (
            <li key={category.name} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
              <h3 className="font-semibold">{category.name}</h3>
              <p className="mt-1 leading-7">{category.what}</p>
              <p className={`mt-2 text-sm leading-6 ${mutedClass}`}>
                <span className="font-medium">Where it comes from:</span> {category.source}
              </p>
            </li>
          ))}
        </ul>
      </Section>

      <Section id="how-we-use-it">
        <P>We use your data only for the purposes below, each with the legal basis that allows it.</P>
        <ul className="mt-4 divide-y divide-zinc-200 border-y border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {PURPOSES.map((item) => (
            <li key={item.purpose} className="py-4">
              <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                <h3 className="font-semibold">{item.purpose}</h3>
                <span className="rounded-full border border-zinc-200 px-2.5 py-0.5 text-xs font-medium text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
                  {item.basis}
                </span>
              </div>
              <p className="mt-1 leading-7">{item.detail}</p>
            </li>
          ))}
        </ul>
        <h3 className="mt-6 font-semibold">What the legal bases mean</h3>
        <ul className={listClass}>
          {(Object.keys(BASIS_MEANING) as LegalBasis[]).map((basis) => (
            <li key={basis}>
              <span className="font-medium">{basis}:</span> {BASIS_MEANING[basis]}
            </li>
          ))}
        </ul>
      </Section>

      <Section id="automated-decisions">
        <P>
          When you submit your identity details, an automated pre-check looks for things a person should look at more
          closely, for example a date of birth showing you are under 18, or an ID number that has already been verified
          on another account.
        </P>
        <P>
          A flag is never a rejection. Every KYC case is decided by one of our reviewers, and no application is rejected
          automatically. If you think a flag or a decision about you was wrong, you can ask for a human review on the{" "}
          <IntentLink href={routes.dashboard.kyc} className={linkClass}>
            identity page
          </IntentLink>{" "}
          of your dashboard or in your <CentreLink />. We do not use automated decisions for anything else that
          significantly affects you.
        </P>
      </Section>

      <Section id="sharing">
        <P>We share personal data only where it is needed, and only with:</P>
        <ul className={listClass}>
          {RECIPIENTS.map((recipient) => (
            <li key={recipient.who}>
              <span className="font-medium">{recipient.who}</span>, {recipient.why}
            </li>
          ))}
        </ul>
        <P>
          Our providers may use your data only to carry out work for us, under written agreements. We do not sell your
          personal data, rent it out, or trade it with anyone.
        </P>
      </Section>

      <Section id="international-transfers">
        <P>
          Some of our providers may process data in a country other than yours. When that country does not offer a level
          of protection recognised as adequate, we put safeguards in place before the transfer, such as standard
          contractual clauses approved by data-protection authorities, together with encryption and access limits. You
          can ask us for details of these safeguards at <EmailLink />.
        </P>
      </Section>

      <Section id="security">
        <P>We protect your data with technical and organisational measures, including:</P>
        <ul className={listClass}>
          {SECURITY_MEASURES.map((measure) => (
            <li key={measure}>{measure}</li>
          ))}
        </ul>
        <P>
          No system is perfectly secure. If a breach puts your data at risk, we will tell you and the relevant authority
          as the law requires.
        </P>
      </Section>

      <Section id="retention">
        <P>We keep personal data only as long as we need it. When the periods below end, the data is deleted.</P>
        <div className="mt-4 overflow-x-auto rounded-lg border border-line">
          <table className="w-full min-w-[32rem] border-collapse text-left text-sm">
            <caption className={`px-4 pt-3 pb-2 text-left text-sm ${mutedClass}`}>
              How long we keep each kind of data
            </caption>
            <thead className="bg-zinc-50 dark:bg-zinc-900">
              <tr className="border-b border-line">
                <th scope="col" className="px-4 py-2 font-semibold">
                  Data
                </th>
                <th scope="col" className="px-4 py-2 font-semibold">
                  How long
                </th>
                <th scope="col" className="px-4 py-2 font-semibold">
                  What happens
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {RETENTION.map((row) => (
                <tr key={row.data} className="align-top">
                  <td className="px-4 py-3 leading-6">{row.data}</td>
                  <td className="px-4 py-3 leading-6">{row.period}</td>
                  <td className={`px-4 py-3 leading-6 ${mutedClass}`}>{row.then}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <P>
          Pseudonymised means the records no longer show your name or contact details directly. If the law requires us
          to keep a particular item for longer, we keep only that item, and only for as long as required.
        </P>
      </Section>

      <Section id="your-rights">
        <P>
          You have the rights below. To use any of them, file a request in your <CentreLink />, where you also see its
          status and due date. If you cannot sign in, email <EmailLink /> from the address on your account.
        </P>
        <ul className="mt-4 space-y-4">
          {RIGHTS.map((right) => (
            <li
              key={right.id}
              id={right.id}
              className="scroll-mt-24 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
            >
              <h3 className="font-semibold">{right.title}</h3>
              <p className="mt-1 leading-7">{right.body}</p>
              <p className={`mt-2 text-sm leading-6 ${mutedClass}`}>
                <IntentLink href={routes.dashboard.privacy} className={linkClass}>
                  {right.action}
                </IntentLink>{" "}
                in your privacy centre.
              </p>
            </li>
          ))}
        </ul>
      </Section>

      <Section id="requests">
        <ul className={listClass}>
          <li>We answer every request within 30 days of the day you file it.</li>
          <li>
            If a request is complex, or you have made several, we may extend that time by at most two further months. If
            we do, we tell you within the first 30 days and explain why.
          </li>
          <li>
            Before we prepare an export of your data or erase it, we ask you to confirm it is really you: with your
            password, and with a two-factor code if you have 2FA turned on.
          </li>
          <li>
            If we cannot do what you ask, we tell you why and explain how to complain to a data-protection supervisory
            authority, such as the one where you live or work.
          </li>
        </ul>
        <P>
          You may also complain to a supervisory authority at any time. If you cannot sign in, write to <EmailLink />{" "}
          and we will help you.
        </P>
      </Section>

      <Section id="cookies">
        <P>
          Essential cookies keep you signed in, protect your sign-in and forms, and remember your cookie choice. The
          site cannot work without them, so they are always on.
        </P>
        <P>
          Analytics and advertising cookies are off until you switch them on in the cookie banner. Analytics is our own
          page-view counter: a random id in a cookie and the path of each page you view, kept on our servers and shared
          with nobody. We run no advertising scripts today; if we add any, they will run only with your consent. No
          optional script is loaded before you choose, and you can change your choice at any time with “Cookie settings”
          at the foot of every page. Your choice is kept for 6 months, then we ask again.
        </P>
        <P>
          Marketing emails are sent only with your consent. Switch them on or off under{" "}
          <IntentLink href={routes.dashboard.settings} className={linkClass}>
            Settings
          </IntentLink>{" "}
          in your dashboard, where you also see the history of your choices. Transactional emails, such as receipts and
          security alerts, are always on, because they are part of running your account safely.
        </P>
      </Section>

      <Section id="children">
        <P>
          Hashwork is not for anyone under 18, and we do not knowingly collect data about children. If we learn that an
          account belongs to someone under 18, we close it and delete the data we are allowed to delete. If you believe
          a child has given us their data, please contact us.
        </P>
      </Section>

      <Section id="changes">
        <P>
          We may update this policy when our service or the law changes. The date at the top always shows the latest
          version. If a change matters to how we use your data, we will tell you by email or in your dashboard before it
          takes effect.
        </P>
      </Section>

      <Section id="contact">
        <P>For any question about this policy or your data, contact our privacy office:</P>
        <address className="mt-4 rounded-lg border border-zinc-200 p-4 not-italic leading-7 dark:border-zinc-800">
          <span className="block">
            Email: <EmailLink />
          </span>
          <span className="block">Post: Hashwork, Privacy Office</span>
        </address>
      </Section>
    </article>
  );
}
