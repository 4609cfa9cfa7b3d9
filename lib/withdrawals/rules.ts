// The numbers of withdrawals (docs/product-rules.md §8), in one place for the domain, the pages
// and the docs. Amounts are satoshis.

/** The smallest withdrawal: 0.0005 BTC. */
export const MIN_WITHDRAWAL_SATS = 50_000n;

/**
 * The BTC network fee charged on every withdrawal, a fixed amount **deducted** from the amount
 * withdrawn: the customer's balance goes down by the amount, the address receives amount − fee.
 */
export const WITHDRAWAL_NETWORK_FEE_SATS = 5_000n;

/** Withdrawals above this (0.1 BTC) need two different admins: one approves, another pays out. */
export const WITHDRAWAL_FOUR_EYES_SATS = 10_000_000n;

/** How long withdrawals wait after the payout address is set or changed. */
export const ADDRESS_HOLD_HOURS = 24;
