// Every address of the app in one place: pages, links, redirects and revalidation name a route
// here instead of spelling a path, so a renamed page is one edit and a typo is a type error.
// Section prefixes used for matching (CSP, proxy) live beside their code.
const withCallback = (path: string, callbackUrl?: string) =>
  callbackUrl ? `${path}?callbackUrl=${encodeURIComponent(callbackUrl)}` : path;

/** `path` with the given search params (empty and missing ones left out). */
export function withParams(path: string, params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

export const routes = {
  home: "/",
  plans: "/#plans",
  privacy: "/privacy",
  privacyCookies: "/privacy#cookies",
  terms: "/terms",
  termsVersion: (version: string) => `/terms/${version}`,
  help: "/help",
  helpSearch: (q: string) => withParams("/help", { q }),
  helpSent: (ticket: number) => `/help?sent=${ticket}#contact`,
  product: (slug: string) => `/products/${slug}`,
  checkout: (slug: string, th?: number) => `/checkout/${slug}${th ? `?th=${th}` : ""}`,

  signIn: (callbackUrl?: string) => withCallback("/sign-in", callbackUrl),
  signInVerified: "/sign-in?verified=1",
  signInAfterReset: "/sign-in?reset=1",
  twoFactor: (callbackUrl: string) => withCallback("/sign-in/two-factor", callbackUrl),
  signUp: (callbackUrl?: string) => withCallback("/sign-up", callbackUrl),
  checkEmail: "/sign-up/check-email",
  verifyEmail: (token?: string) => (token ? `/verify-email?token=${token}` : "/verify-email"),
  resetPassword: (token?: string) => (token ? `/reset-password?token=${token}` : "/reset-password"),

  dashboard: {
    home: "/dashboard",
    verified: "/dashboard?verified=1",
    orders: "/dashboard/orders",
    paidOrder: (orderId: string) => `/dashboard/orders?paid=${orderId}`,
    contracts: "/dashboard/contracts",
    contract: (id: string) => `/dashboard/contracts/${id}`,
    wallet: "/dashboard/wallet",
    withdrawals: "/dashboard/withdrawals",
    kyc: "/dashboard/kyc",
    security: "/dashboard/security",
    privacy: "/dashboard/privacy",
    privacyRequest: (id: string) => `/dashboard/privacy#request-${id}`,
    settings: "/dashboard/settings",
    passwordChanged: "/dashboard/security?changed=password",
    staffTwoFactor: "/dashboard/security?required=staff-2fa",
  },

  admin: {
    home: "/admin",
    kyc: "/admin/kyc",
    kycCase: (id: string) => `/admin/kyc/${id}`,
    kycByStatus: (status: string) => `/admin/kyc?status=${status}`,
    orders: "/admin/orders",
    ordersByStatus: (status: string) => `/admin/orders?status=${status}`,
    ordersOfCustomer: (email: string) => withParams("/admin/orders", { customer: email }),
    ordersSince: (from: string, status = "paid") => withParams("/admin/orders", { status, from }),
    products: "/admin/products",
    newProduct: "/admin/products/new",
    product: (id: string) => `/admin/products/${id}`,
    savedProduct: (id: string) => `/admin/products/${id}?saved=1`,
    users: "/admin/users",
    usersByStatus: (status: string) => `/admin/users?status=${status}`,
    user: (id: string) => `/admin/users/${id}`,
    audit: "/admin/audit",
    auditOfTarget: (targetId: string) => withParams("/admin/audit", { target: targetId }),
    ordersOfProduct: (productId: string) => withParams("/admin/orders", { product: productId }),
    ordersWithContract: (contract: string) => withParams("/admin/orders", { contract }),
    jobs: "/admin/jobs",
    jobsByState: (state: string) => `/admin/jobs?state=${state}`,
    support: "/admin/support",
    supportByStatus: (status: string) => `/admin/support?status=${status}`,
    supportTicket: (id: string) => `/admin/support/${id}`,
    withdrawals: "/admin/withdrawals",
    market: "/admin/market",
    outages: "/admin/outages",
    privacy: "/admin/privacy",
    privacyQueue: (filter: { type?: string; status?: string; due?: "overdue" | "soon" }) => {
      const query = new URLSearchParams(
        Object.entries(filter).filter((entry): entry is [string, string] => Boolean(entry[1])),
      ).toString();
      return query ? `/admin/privacy?${query}` : "/admin/privacy";
    },
    privacyRequest: (id: string) => `/admin/privacy/${id}`,
  },

  api: {
    consent: "/api/consent",
    analytics: "/api/analytics",
    kycDocument: (id: string) => `/api/kyc/documents/${id}`,
    kycSubmission: "/api/kyc/submission",
    contractSettlementsCsv: (id: string) => `/api/contracts/${id}/settlements`,
    privacyExport: (id: string) => `/api/privacy/exports/${id}`,
    // Answered by the app's HTTP server (server/http-server.ts) before Next sees the request.
    health: "/api/health",
    ready: "/api/ready",
  },

  // The customer API (docs/api.md): its base, its OpenAPI document and its readable reference.
  customerApi: {
    base: "/api/v1",
    openapi: "/api/v1/openapi.json",
    reference: "/docs/api",
    problem: (code: string) => `/docs/api#problem-${code}`,
  },
} as const;
