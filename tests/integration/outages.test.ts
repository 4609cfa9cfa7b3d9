// Outages: lost hours earn nothing and extend the contract hour for hour, never twice for one hour.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { recordOutage } from "@/lib/outages/record-outage";
import { settleRange } from "@/lib/settlement/settle";
import { outageInput } from "@/lib/validation/outages";
import { createContract, createProduct, createSnapshot, createUser } from "../support/factories";

const request = { ip: "192.0.2.40", userAgent: "vitest" };
const at = (iso: string) => new Date(iso);
const model = () => `Test rig ${Math.random().toString(36).slice(2, 8)}`;

async function contractOn(machineModel: string, startsAt: string, endsAt: string) {
  const [user, product] = [await createUser(db), await createProduct(db, { machineModel })];
  const contract = await createContract(db, {
    userId: user.id,
    productId: product.id,
    th: 110,
    startsAt: at(startsAt),
    endsAt: at(endsAt),
  });
  return { user, contract };
}

describe("an outage", () => {
  it("6 hours on day 3 of a 20-day contract: day 3 pays 18/24, the term ends 6 hours later and its last day pays 6/24", async () => {
    const admin = await createUser(db, { role: "admin" });
    const machine = model();
    const other = await contractOn("Untouched rig", "2035-01-01T00:00:00Z", "2035-01-21T00:00:00Z");
    const { user, contract } = await contractOn(machine, "2035-01-01T00:00:00Z", "2035-01-21T00:00:00Z");
    const outcome = await recordOutage(
      admin,
      outageInput.parse({
        startedAt: "2035-01-03T06:00",
        endedAt: "2035-01-03T12:00",
        machineModels: [machine],
        reason: "Cooling failure",
      }),
      request,
    );
    expect(outcome.contracts).toBe(1);
    const after = await db.contract.findUniqueOrThrow({ where: { id: contract.id }, include: { extensions: true } });
    expect(after.endsAt).toEqual(at("2035-01-21T06:00:00Z"));
    expect(after.extensions.map((e) => e.hours.toString())).toEqual(["6"]);
    expect((await db.contract.findUniqueOrThrow({ where: { id: other.contract.id } })).endsAt).toEqual(
      at("2035-01-21T00:00:00Z"),
    );
    expect(await db.outboxEmail.count({ where: { to: user.email, subject: { contains: "extended" } } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "outage.record", targetId: outcome.outageId } })).toBe(1);

    for (let day = 1; day <= 21; day++) await createSnapshot(db, `2035-01-${String(day).padStart(2, "0")}`);
    await settleRange("2035-01-01", "2035-01-21", at("2035-01-22T00:10:00Z"));
    const rows = await db.settlement.findMany({ where: { contractId: contract.id }, orderBy: { day: "asc" } });
    expect(rows).toHaveLength(21);
    expect(rows[2]).toMatchObject({ seconds: 18 * 3600, sats: 3_499n });
    expect(rows[0]).toMatchObject({ seconds: 86_400, sats: 4_666n });
    expect(rows[20]).toMatchObject({ seconds: 6 * 3600, sats: 1_166n });
    // Twenty days of mining in all: the lost six hours come back at the end.
    expect(rows.reduce((total, row) => total + row.seconds, 0)).toBe(20 * 86_400);
    expect((await db.contract.findUniqueOrThrow({ where: { id: contract.id } })).status).toBe("completed");
  });

  it("overlapping outages extend only the hours not already lost", async () => {
    const admin = await createUser(db, { role: "admin" });
    const machine = model();
    const { contract } = await contractOn(machine, "2036-02-01T00:00:00Z", "2036-02-11T00:00:00Z");
    const record = (startedAt: string, endedAt: string) =>
      recordOutage(
        admin,
        outageInput.parse({ startedAt, endedAt, machineModels: [machine], reason: "Power cut" }),
        request,
      );
    await record("2036-02-03T06:00", "2036-02-03T12:00");
    await record("2036-02-03T09:00", "2036-02-03T15:00");
    const after = await db.contract.findUniqueOrThrow({ where: { id: contract.id }, include: { extensions: true } });
    expect(after.endsAt).toEqual(at("2036-02-11T09:00:00Z"));
    expect(after.extensions.map((e) => e.hours.toString()).sort()).toEqual(["3", "6"]);
    await createSnapshot(db, "2036-02-03");
    await settleRange("2036-02-03", "2036-02-03", at("2036-02-04T00:10:00Z"));
    const [day3] = await db.settlement.findMany({ where: { contractId: contract.id } });
    expect(day3).toMatchObject({ seconds: 15 * 3600, sats: 2_916n });
  });

  it("refuses hostile or impossible input with field errors, and an outage reaching into a settled day", async () => {
    const bad = outageInput.safeParse({
      startedAt: "2036-02-03T12:00",
      endedAt: "2036-02-03T06:00",
      machineModels: [],
      reason: "<script>",
    });
    expect(bad.success).toBe(false);
    const fields = bad.error!.issues.map((issue) => issue.path.join("."));
    expect(fields).toContain("machineModels");
    for (const hostile of [
      { startedAt: '\'; DROP TABLE "Outage"; --', endedAt: "x", machineModels: ["a"], reason: "why" },
      { startedAt: "2036-01-01T00:00", endedAt: "2036-03-01T00:00", machineModels: ["a"], reason: "too long" },
      { startedAt: "2036-01-01T00:00", endedAt: "2036-01-01T01:00", machineModels: [""], reason: "why" },
      { startedAt: "2036-01-01T00:00", endedAt: "2036-01-01T01:00", machineModels: ["a"], reason: "x".repeat(501) },
    ])
      expect(outageInput.safeParse(hostile).success).toBe(false);

    const admin = await createUser(db, { role: "admin" });
    const machine = model();
    const { contract } = await contractOn(machine, "2037-03-01T00:00:00Z", "2037-03-05T00:00:00Z");
    await createSnapshot(db, "2037-03-01");
    await settleRange("2037-03-01", "2037-03-01", at("2037-03-02T00:10:00Z"));
    const outages = await db.outage.count();
    await expect(
      recordOutage(
        admin,
        outageInput.parse({
          startedAt: "2037-03-01T06:00",
          endedAt: "2037-03-02T06:00",
          machineModels: [machine],
          reason: "Late report",
        }),
        request,
      ),
    ).rejects.toBeInstanceOf(UserError);
    expect(await db.outage.count()).toBe(outages);
    expect((await db.contract.findUniqueOrThrow({ where: { id: contract.id } })).endsAt).toEqual(
      at("2037-03-05T00:00:00Z"),
    );
  });
});
