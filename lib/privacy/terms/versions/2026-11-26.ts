// Terms of service, second version: cookie choices, communication preferences, the privacy
// centre and how a new version is accepted. Published; never edit (docs/product-rules.md §11).
import type { TermsVersion } from "../types";

export const terms20261126: TermsVersion = {
  id: "2026-11-26",
  changes: [
    "Cookies: only essential cookies are set unless you choose analytics or advertising cookies, and you can change your choice at any time from “Cookie settings”.",
    "Emails: marketing is chosen on your settings page and stops when you restrict processing or object to it; account emails are always sent.",
    "Your privacy rights are now requested from the privacy centre in your dashboard.",
    "New versions of these terms are shown to you in your dashboard to accept.",
  ],
  sections: [
    {
      id: "agreement",
      title: "Who we are and what you agree to",
      paragraphs: [
        "Hashwork runs a marketplace where you buy Bitcoin hashrate on mining machines we operate, for a fixed number of days. These terms are the agreement between you and Hashwork when you create an account, buy a contract or use the site.",
        "You must be at least 18 and able to enter a binding contract where you live. An account is for one person; you may not open one for somebody else or share yours.",
      ],
    },
    {
      id: "account",
      title: "Your account",
      paragraphs: [
        "Give us a working email address and keep it up to date: we send receipts, security alerts and the answers to your requests there. You are responsible for what happens under your account, so choose a strong password and keep it to yourself. We strongly recommend two-factor authentication; withdrawals require it.",
        "Tell us at once if you think someone else has used your account. We may pause purchases and withdrawals on an account while we look into fraud, a security incident or a breach of these terms, and we tell you why unless the law forbids it.",
      ],
    },
    {
      id: "identity",
      title: "Identity checks",
      paragraphs: [
        "The law requires us to know who our larger customers are. Once your purchases pass 1,000 USD in total, and before any withdrawal, you need an approved identity check: your legal name, date of birth, nationality, address and an identity document with a selfie. A person decides every check; an automated pre-check may only flag a case for a closer look.",
      ],
    },
    {
      id: "contracts",
      title: "What a hashrate contract is",
      paragraphs: [
        "A contract gives you the output of an amount of hashrate (in TH/s) on a named machine model for the plan's term. Mining starts at 00:00 UTC after the plan's start delay (the next day, unless the plan says otherwise) and runs for the number of days the plan states.",
        "You do not own a machine or any part of one, and a contract is not a security, a deposit or a promise of profit.",
        "When a farm outage stops the machines your contract runs on, the lost hours earn nothing and your term is extended by exactly those hours. Your dashboard shows every outage that affected you.",
      ],
    },
    {
      id: "prices",
      title: "Prices and payment",
      paragraphs: [
        "A contract costs a hashrate fee per TH for the whole term plus a service fee per TH per day that covers electricity and maintenance. Both are shown before you pay, in US dollars, and the service fee is paid in advance for the whole term, so your contract never stops for unpaid electricity. The mining pool's fee is a share of the output and is shown on every plan.",
        "Placing an order holds its hashrate for you for 30 minutes. Pay by card through our payment processor or from your USD balance; an order unpaid after 30 minutes expires and the hashrate goes back on sale.",
        "Once an order is paid, the hashrate is set aside and the electricity for the whole term is bought, so a paid contract cannot be cancelled or refunded, except where the law gives you a right to it. A payment that arrives for an order that can no longer be filled is credited to your USD balance.",
      ],
    },
    {
      id: "output",
      title: "Mining output",
      paragraphs: [
        "Estimates on the site use the latest network difficulty, block reward and Bitcoin price. They are estimates, not promises: difficulty rises, the price moves, and your real output can be lower or higher.",
        "After each UTC day ends, your contract is credited with its share of that day's output, in satoshis, rounded down. Every credit shows the figures it was worked out from so you can check it. If we find that the figures for a day were wrong, we correct the credit by a new entry that you can see; earlier entries are never changed.",
      ],
    },
    {
      id: "wallet",
      title: "Your balance and withdrawals",
      paragraphs: [
        "Your USD balance (top-ups) and BTC balance (mining output) are kept in a ledger that shows every movement. Balances earn no interest.",
        "To withdraw bitcoin you need an approved identity check, two-factor authentication and a payout address saved at least 24 hours earlier. The minimum withdrawal and the network fee are shown on the withdrawal page. Check the address: a bitcoin transaction cannot be reversed.",
      ],
    },
    {
      id: "risks",
      title: "Risks you accept",
      paragraphs: [
        "The value of bitcoin can fall sharply, and mining difficulty changes without notice. You may earn less than you paid. Nothing on Hashwork is financial, tax or investment advice.",
      ],
    },
    {
      id: "conduct",
      title: "What you may not do",
      paragraphs: ["Using Hashwork, you agree not to:"],
      points: [
        "use money that comes from crime, or use Hashwork to hide where money comes from;",
        "give false identity details or use someone else's documents;",
        "probe, overload or get around the security of the site, or use automated tools to place orders;",
        "sign in to an account that is not yours.",
      ],
    },
    {
      id: "privacy",
      title: "Your data, cookies and our emails",
      paragraphs: [
        "How we handle your personal data, and how to use your rights over it, is set out in our privacy policy. You make requests (a copy of your data, a correction, erasure, restriction, objection, a human review, closing your account) from the privacy centre in your dashboard.",
        "We set only the cookies the site needs to work (keeping you signed in, protecting forms, remembering your cookie choice) unless you choose otherwise. Analytics cookies, which count page views with our own tool, and advertising cookies are used only if you switch them on, and you can switch them off again at any time from “Cookie settings” at the foot of every page.",
        "We send you the emails that running your account requires, such as receipts, security alerts and answers to your requests; you cannot turn these off while you have an account. News about new plans is sent only if you switch it on in your settings, and you can switch it off there at any time. While you restrict processing, or after you object to marketing or analytics, we stop that use at once.",
      ],
    },
    {
      id: "closing",
      title: "Closing your account",
      paragraphs: [
        "You may close your account at any time. Contracts that are still running are settled to your balance until they end; withdraw what you want to keep before closing. We may close an account that breaks these terms, after telling you why unless the law forbids it. What we must keep after closure, and for how long, is set out in the privacy policy.",
      ],
    },
    {
      id: "liability",
      title: "Our responsibility",
      paragraphs: [
        "We run the machines with care, but we do not promise that the site or the farm will always be available. Except where the law does not allow it, our total responsibility to you is limited to the fees you paid us in the 12 months before the claim, and we are not responsible for lost profits or for losses caused by changes in the Bitcoin network or its price. Nothing in these terms limits rights that the law gives you and that cannot be waived.",
      ],
    },
    {
      id: "changes",
      title: "Changes to these terms",
      paragraphs: [
        "When we change these terms we publish a new version here with its date and a short note of what changed, and keep the earlier versions on this page. When you next use your dashboard we show you the new version and ask you to accept it; we record which version you accepted and when.",
        "A contract you bought stays under the version in force when you bought it. If you do not accept a new version you may close your account; your running contracts continue to their end under the version you accepted.",
      ],
    },
    {
      id: "contact",
      title: "Contact",
      paragraphs: ["Questions about these terms: support@hashwork.example."],
    },
  ],
};
