// The help page's answers, in the words of docs/product-rules.md, and the server-side search
// over them (a query param, so it works without JavaScript). Figures quoted here are the rules'
// own; a test checks the worked example against the mining formula.
import { MIN_WITHDRAWAL_SATS, WITHDRAWAL_NETWORK_FEE_SATS } from "@/lib/withdrawals/rules";
import { formatBtc, formatSats } from "@/lib/money/format";

export type HelpArticle = {
  id: string;
  topic: "Fees" | "Mining" | "Identity" | "Withdrawals" | "Privacy" | "Account";
  question: string;
  /** Paragraphs; a line starting with "    " is shown as a formula. */
  answer: string[];
  keywords: string[];
};

export const HELP_ARTICLES: readonly HelpArticle[] = [
  {
    id: "fees",
    topic: "Fees",
    question: "How do the fees work?",
    answer: [
      "A plan has three fees. The hashrate fee is paid once per TH for the whole term. The service fee (electricity and maintenance) is charged per TH per day and is prepaid with the order for the whole term, so a contract never stops for unpaid electricity. The pool fee is a share of what is mined, taken before the output is credited (250 basis points are 2.5 %).",
      "Example: “Antminer S19 Pro · 20 days” at 0.20 USD per TH and 0.0425 USD per TH per day costs 100 × (0.20 + 20 × 0.0425) = 105.00 USD for 100 TH.",
      "The total is rounded once, to the cent; prices always come from our server, and an order keeps the prices it was placed at.",
    ],
    keywords: ["price", "cost", "electricity", "maintenance", "pool", "service fee", "hashrate fee", "rounding"],
  },
  {
    id: "mining-start",
    topic: "Mining",
    question: "When does my contract start mining?",
    answer: [
      "When the order is paid it becomes a contract that starts at 00:00 UTC after the plan's start delay — the day after payment for most plans (T+1) — and runs for the plan's duration.",
      "Placing an order reserves its TH for 30 minutes; an order not paid by then expires and the TH go back on sale. You can have at most 3 unpaid orders at a time.",
    ],
    keywords: ["start", "begin", "delay", "t+1", "reservation", "reserved", "expire", "contract"],
  },
  {
    id: "settlement",
    topic: "Mining",
    question: "How is my daily output computed?",
    answer: [
      "Each UTC day of a contract is settled once, ten minutes after the day ends, into your BTC balance. For hashrate H (hashes per second), network difficulty D, block subsidy S and average fees per block F (both in satoshis), and pool fee p:",
      "    sats per day = floor( H × 86,400 × (S + F) / (D × 2³²) × (1 − p) )",
      "Worked example: 110 TH/s at a difficulty of 148.2 T with a 3.125 BTC subsidy, no fees and no pool fee mines 110×10¹² × 86,400 × 312,500,000 / (148.2×10¹² × 4,294,967,296) = 4,666 sats a day (rounded down once, to the satoshi).",
      "A day the contract only partly ran — its first or last day, or hours lost to an outage — uses the seconds actually mined instead of 86,400, and the term is extended by any outage hours. A day without market data waits until it has some; nothing is guessed. If a day's market data is corrected, the difference is credited or debited as a new line: settled lines never change. Each contract's page lists every settled day with all of its inputs, and exports them as CSV.",
    ],
    keywords: [
      "settlement",
      "output",
      "formula",
      "difficulty",
      "subsidy",
      "sats",
      "satoshi",
      "reward",
      "outage",
      "csv",
      "example",
    ],
  },
  {
    id: "kyc",
    topic: "Identity",
    question: "When do I need to verify my identity?",
    answer: [
      "Purchases above 1,000.00 USD in total need an approved identity check; the total counts your paid orders and unpaid orders whose reservation is still live. Withdrawals always need one.",
      "You send an ID document (front and back) and a selfie from “Identity” in your dashboard. An automated pre-check may flag a case for a closer look by a person; it never rejects anyone by itself, and you can ask for a person to review any automated result.",
    ],
    keywords: ["kyc", "identity", "verification", "verify", "passport", "id", "selfie", "documents", "limit"],
  },
  {
    id: "withdrawals",
    topic: "Withdrawals",
    question: "How do I withdraw my bitcoin?",
    answer: [
      `Set one BTC payout address in “Withdrawals” (this needs two-factor authentication and a fresh code). Setting or changing it starts a 24-hour hold on withdrawals, so a stolen session cannot redirect your funds at once; we email you when it changes.`,
      `A withdrawal needs an approved identity check, two-factor authentication and a fresh code, and at least ${formatBtc(MIN_WITHDRAWAL_SATS)} (${formatSats(MIN_WITHDRAWAL_SATS)}). The amount is held at once; a fixed network fee of ${formatSats(WITHDRAWAL_NETWORK_FEE_SATS)} is deducted from it, so your address receives the amount minus the fee.`,
      "An admin sends it and records the transaction id; large withdrawals are checked by a second admin. Every step is emailed to you.",
    ],
    keywords: [
      "withdraw",
      "withdrawal",
      "payout",
      "address",
      "fee",
      "network fee",
      "minimum",
      "hold",
      "btc",
      "bitcoin",
    ],
  },
  {
    id: "privacy",
    topic: "Privacy",
    question: "What are my privacy rights?",
    answer: [
      "You can ask for a copy of your data (access and portability), have it corrected, erased or its use restricted, object to its use for marketing, and ask for a person to review an automated decision. We answer within 30 days; if we need longer (at most two more months) we tell you why within those 30 days.",
      "Customers with transactions keep pseudonymised, encrypted transaction records for 5 years after the account is closed, because the law requires it; customers without transactions are deleted entirely within 30 days. The privacy policy explains the rest.",
    ],
    keywords: [
      "privacy",
      "gdpr",
      "data",
      "erase",
      "erasure",
      "delete",
      "access",
      "export",
      "rectify",
      "object",
      "restriction",
    ],
  },
  {
    id: "restricted",
    topic: "Account",
    question: "My account is restricted. What does that mean?",
    answer: [
      "An admin can pause buying and withdrawing on an account, for example while a payment dispute is looked into. You can still sign in and see everything, your contracts keep mining, and your dashboard shows the reason. Write to us with the form below to ask about it.",
    ],
    keywords: ["restricted", "blocked", "suspended", "locked", "cannot buy"],
  },
];

/** The articles matching every word of the query (question, answer or keywords), best first. */
export function searchHelp(query: string): HelpArticle[] {
  const words = query
    .toLowerCase()
    .split(/[^\p{L}\p{N}+]+/u)
    .filter((word) => word.length >= 2)
    .slice(0, 10);
  if (words.length === 0) return [...HELP_ARTICLES];
  const scored = HELP_ARTICLES.map((article) => {
    const question = article.question.toLowerCase();
    const keywords = article.keywords.join(" ").toLowerCase();
    const answer = article.answer.join(" ").toLowerCase();
    let score = 0;
    for (const word of words) {
      const hit =
        (question.includes(word) ? 3 : 0) + (keywords.includes(word) ? 2 : 0) + (answer.includes(word) ? 1 : 0);
      if (hit === 0) return { article, score: 0 };
      score += hit;
    }
    return { article, score };
  });
  return scored
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score)
    .map((entry) => entry.article);
}
