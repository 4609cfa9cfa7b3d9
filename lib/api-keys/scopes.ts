// What a personal API key may do. Every scope reads or writes the key owner's own data only;
// there is no scope for staff powers (docs/api.md).
export const API_SCOPES = ["contracts:read", "earnings:read", "orders:read", "orders:write"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const API_SCOPE_LABELS: Record<ApiScope, string> = {
  "contracts:read": "Read your contracts",
  "earnings:read": "Read your daily earnings",
  "orders:read": "Read your orders and balances",
  "orders:write": "Place orders paid from your balance",
};

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}
