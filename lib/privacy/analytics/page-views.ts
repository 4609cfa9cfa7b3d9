// First-party analytics: a page view is stored only for a browser whose signed cookie choice
// allows analytics and, when someone is signed in, whose account allows it too (not restricted,
// no newer "no"). Views are keyed by the analytics cookie's random id, never by account, and
// keep the path alone (docs/product-rules.md §11).
import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { parseAnalyticsId } from "@/lib/privacy/cookies/consent-cookie";
import { cookieState } from "@/lib/privacy/cookies/state";

export type PageViewResult = { recorded: true; visitorId: string } | { recorded: false };

export async function recordPageView(input: {
  consentCookie: string | undefined;
  analyticsCookie: string | undefined;
  userId: string | null;
  path: string;
  now?: Date;
}): Promise<PageViewResult> {
  const state = await cookieState(input.consentCookie, input.userId, input.now);
  if (!state.analytics) return { recorded: false };
  const visitorId = parseAnalyticsId(input.analyticsCookie) ?? randomUUID();
  await db.analyticsPageView.create({ data: { visitorId, path: input.path, createdAt: input.now } });
  return { recorded: true, visitorId };
}
