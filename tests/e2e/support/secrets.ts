// The personal data and secrets the browser tests type in. The test runner checks that none of
// them reaches the server's log (scripts/test.ts).
export const E2E_PASSWORD = "copper-lantern-orbit-57";
/** Identity-document numbers entered in the KYC tests. */
export const E2E_ID_NUMBERS = ["SE-9034-5521", "C01X00T47"] as const;
