// The committed migrations must build exactly the database that prisma/schema.prisma describes.
// Database A gets the SQL Prisma writes for the schema from nothing; database B gets every
// migration in order; their catalogues must match. CHECK constraints and triggers are written
// by hand (Prisma's schema cannot express them), so they are compared against a list instead.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diffSchemas } from "@/scripts/lib/schema-diff";
import { readCatalog } from "../support/pg-catalog";
import { createTestDatabase, withClient, type TestDatabase } from "../support/test-database";

const databases: TestDatabase[] = [];
afterAll(async () => {
  for (const database of databases) await database.drop();
});

const HAND_WRITTEN_CHECKS = [
  "AnalyticsPageView_path_check",
  "ApiKey_name_length",
  "ApiKey_prefix_format",
  "ApiKey_scopes_known",
  "BalanceCredit_amount_positive",
  "BalanceCredit_four_eyes",
  "BalanceCredit_not_own",
  "BalanceCredit_posted_has_transaction",
  "Contract_dates_ordered",
  "Contract_th_positive",
  "LedgerEntry_amount_nonzero",
  "LedgerTransaction_reward_day",
  "MarketSnapshot_positive",
  "Order_th_positive",
  "Order_total_is_sum",
  "Outage_period",
  "Product_order_bounds",
  "Product_soldTh_range",
  "Product_terms_positive",
  "SettlementCorrection_figures",
  "Settlement_figures",
  "Settlement_sats_nonnegative",
  "User_timeZone_format",
  "Withdrawal_amount_covers_fee",
  "Withdrawal_amounts",
  "Withdrawal_four_eyes",
  "Withdrawal_not_own",
  "Withdrawal_paid_has_txid",
  "Withdrawal_rejected_has_reason",
  "Withdrawal_txid_format",
];
const HAND_WRITTEN_TRIGGERS = [
  "AuditLog_append_only",
  "LedgerEntry_append_only",
  "LedgerEntry_transaction_balances",
  "SettlementCorrection_append_only",
  "Settlement_append_only",
];

describe("schema drift", () => {
  it("migrations and schema.prisma describe the same database", async () => {
    const schema = readFileSync(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8");
    const fromSchema = await createTestDatabase({ migrated: false });
    databases.push(fromSchema);
    await withClient(fromSchema.url, (client) => client.query(diffSchemas(null, schema)));

    const fromMigrations = await createTestDatabase({ migrated: true });
    databases.push(fromMigrations);

    const expected = await readCatalog(fromSchema.url);
    const actual = await readCatalog(fromMigrations.url);
    expect(actual.enums).toEqual(expected.enums);
    expect(actual.columns).toEqual(expected.columns);
    expect(actual.indexes).toEqual(expected.indexes);
    expect(actual.constraints).toEqual(expected.constraints);
    expect(expected.columns.length).toBeGreaterThan(100);

    const checks = await withClient(fromMigrations.url, (client) =>
      client.query<{ conname: string }>(
        `SELECT conname FROM pg_constraint WHERE contype = 'c' AND connamespace = 'public'::regnamespace`,
      ),
    );
    expect(checks.rows.map((row) => row.conname).sort()).toEqual(HAND_WRITTEN_CHECKS);
    const triggers = await withClient(fromMigrations.url, (client) =>
      client.query<{ tgname: string }>(`SELECT tgname FROM pg_trigger WHERE NOT tgisinternal`),
    );
    expect(triggers.rows.map((row) => row.tgname).sort()).toEqual(HAND_WRITTEN_TRIGGERS);
  });

  it("notices a difference: a column the migrations do not create", async () => {
    const schema = readFileSync(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8");
    const changed = schema.replace("model OutboxEmail {", "model OutboxEmail {\n  priority Int @default(0)");
    const fromChanged = await createTestDatabase({ migrated: false });
    databases.push(fromChanged);
    await withClient(fromChanged.url, (client) => client.query(diffSchemas(null, changed)));
    const fromMigrations = databases[1]!;
    const expected = await readCatalog(fromChanged.url);
    const actual = await readCatalog(fromMigrations.url);
    expect(actual.columns).not.toEqual(expected.columns);
    expect(expected.columns.filter((line) => !actual.columns.includes(line))).toEqual([
      expect.stringMatching(/^OutboxEmail \| priority \| integer/),
    ]);
  });
});
