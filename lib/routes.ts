// Every address of the app in one place: pages, links, redirects and revalidation name a route
// here instead of spelling a path, so a renamed page is one edit and a typo is a type error.
// Section prefixes used for matching (CSP, proxy) live beside their code.
const withCallback = (path: string, callbackUrl?: string) =>
  callbackUrl ? `${path}?callbackUrl=${encodeURIComponent(callbackUrl)}` : path;

export const routes = {
  home: "/",
  plans: "/#plans",
  privacy: "/privacy",
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
    products: "/admin/products",
    newProduct: "/admin/products/new",
    product: (id: string) => `/admin/products/${id}`,
    savedProduct: (id: string) => `/admin/products/${id}?saved=1`,
    users: "/admin/users",
    user: (id: string) => `/admin/users/${id}`,
    audit: "/admin/audit",
    withdrawals: "/admin/withdrawals",
    market: "/admin/market",
    outages: "/admin/outages",
  },

  api: {
    kycDocument: (id: string) => `/api/kyc/documents/${id}`,
    kycSubmission: "/api/kyc/submission",
    contractSettlementsCsv: (id: string) => `/api/contracts/${id}/settlements`,
    // Answered by the app's HTTP server (server/http-server.ts) before Next sees the request.
    health: "/api/health",
    ready: "/api/ready",
  },
} as const;
