// Privacy exports against a real database and storage folder: what the ZIP holds (JSON, a CSV per
// table, the identity documents, a README), encryption at rest, owner-only access, expiry and
// deletion, and completeness: every relation of a model to User is exported or excluded with a reason.
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { buffer } from "node:stream/consumers";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { documentContext } from "@/lib/kyc/personal-data";
import { readEncryptedFile } from "@/lib/storage/encrypted-files";
import { buildExport, deleteExpiredExports, openExportForOwner, sendExportToRecipient } from "@/lib/privacy/export";
import { EXPORT_EXCLUSIONS, EXPORT_SECTIONS } from "@/lib/privacy/export/sections";
import { runRetention } from "@/lib/privacy/erasure";
import { createUser } from "../support/factories";
import { fullCustomer } from "../support/privacy-customer";
import { unzip } from "../support/zip";

const storage = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/hashwork-export-${process.pid}-${Date.now().toString(36)}`;
  process.env.STORAGE_DIR = dir;
  return dir;
});
afterAll(() => rmSync(storage, { recursive: true, force: true }));

const DAY = 86_400_000;
const storedFiles = () =>
  readdirSync(storage, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));

async function download(exportId: string, userId: string, now?: Date) {
  const opened = await openExportForOwner(exportId, userId, now);
  return opened ? { ...opened, files: await unzip(await buffer(opened.stream)) } : null;
}

/** Every relation field of every model whose type is User, as "Model.field", from Prisma's runtime data model. */
function relationsToUser(): string[] {
  const model = (db as unknown as { _runtimeDataModel: RuntimeDataModel })._runtimeDataModel;
  return Object.entries(model.models).flatMap(([name, { fields }]) =>
    name === "User"
      ? []
      : fields
          .filter((field) => field.kind === "object" && field.type === "User")
          .map((field) => `${name}.${field.name}`),
  );
}
type RuntimeDataModel = { models: Record<string, { fields: { name: string; kind: string; type: string }[] }> };

describe("a customer's export", () => {
  it("holds everything in data.json and a CSV per table, with decrypted identity data, and is encrypted at rest", async () => {
    const customer = await fullCustomer();
    const now = new Date();
    const { exportId } = await buildExport(customer.privacyRequest.id, now);

    const row = await db.dataExport.findUniqueOrThrow({ where: { id: exportId } });
    expect(row.userId).toBe(customer.user.id);
    expect(row.expiresAt.getTime() - now.getTime()).toBe(7 * DAY);
    // The request is completed, the customer told.
    const request = await db.privacyRequest.findUniqueOrThrow({ where: { id: customer.privacyRequest.id } });
    expect(request.status).toBe("completed");
    expect(
      await db.outboxEmail.count({ where: { to: customer.identity.email, subject: { contains: "export is ready" } } }),
    ).toBe(1);
    // Building again (a repeated job) gives the same export.
    expect((await buildExport(customer.privacyRequest.id, now)).exportId).toBe(exportId);

    // On disk: nothing readable.
    for (const file of storedFiles()) {
      const bytes = readFileSync(file).toString("latin1");
      for (const value of [customer.identity.email, customer.identity.name, customer.identity.address, "data.json"]) {
        expect(bytes).not.toContain(value);
      }
    }

    const got = await download(exportId, customer.user.id, now);
    expect(got?.fileName).toMatch(/^hashwork-data-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = got!.files;
    expect([...files.keys()]).toEqual(
      expect.arrayContaining(["README.txt", "data.json", "csv/orders.csv", "csv/contracts.csv", "csv/kyc_details.csv"]),
    );
    for (const section of EXPORT_SECTIONS) expect(files.has(`csv/${section.name}.csv`)).toBe(true);

    const data = JSON.parse(files.get("data.json")!.toString("utf8")) as Record<string, unknown> & {
      profile: { email: string; displayName: string; timeZone: string; passwordHash?: string };
      kyc_details: { legalName: string; idNumber: string };
      orders: { id: string }[];
      contracts: { id: string }[];
      settlements: { contractId: string }[];
      ledger_entries: unknown[];
      withdrawals: { address: string }[];
      payout_address: { address: string };
      privacy_requests: { id: string }[];
      api_keys: Record<string, unknown>[];
    };
    expect(data.profile).toMatchObject({
      email: customer.identity.email,
      displayName: customer.identity.name,
      timeZone: "UTC",
    });
    expect(data.profile).not.toHaveProperty("passwordHash");
    expect(data.profile).not.toHaveProperty("totpSecretEnc");
    expect(data.kyc_details).toMatchObject({ legalName: customer.identity.name, idNumber: customer.identity.idNumber });
    expect(data.orders.map((order) => order.id)).toEqual([customer.orderId]);
    expect(data.contracts.map((contract) => contract.id)).toEqual([customer.contractId]);
    expect(data.settlements).toHaveLength(1);
    expect(data.ledger_entries.length).toBeGreaterThanOrEqual(6);
    expect(data.withdrawals[0]!.address).toBe(customer.identity.address);
    expect(data.payout_address.address).toBe(customer.identity.address);
    expect(data.privacy_requests.map((item) => item.id)).toEqual([customer.privacyRequest.id]);
    // API keys: name, prefix, scopes and last use, never the keyed hash (nor, of course, the key).
    expect(data.api_keys).toEqual([
      expect.objectContaining({
        prefix: customer.apiKey.prefix,
        name: customer.apiKey.name,
        scopes: ["contracts:read"],
        lastUsedIp: customer.identity.ip,
      }),
    ]);
    expect(data.api_keys[0]).not.toHaveProperty("secretHash");
    expect(files.get("data.json")!.toString("utf8")).not.toContain(customer.apiKey.key);

    // CSV: a header and the same rows.
    const ordersCsv = files.get("csv/orders.csv")!.toString("utf8").trim().split("\r\n");
    expect(ordersCsv[0]!.split(",")).toEqual(expect.arrayContaining(["id", "userId", "totalCents", "status"]));
    expect(ordersCsv).toHaveLength(2);
    expect(ordersCsv[1]).toContain(customer.orderId);
    expect(files.get("csv/contracts.csv")!.toString("utf8")).toContain(customer.contractId);

    // The identity documents, decrypted, byte for byte.
    const documents = [...files.entries()].filter(([name]) => name.startsWith("kyc-documents/"));
    expect(documents.map(([name]) => name.split("/")[1]!.split("-")[0]).sort()).toEqual(["id_front", "selfie"]);
    const front = documents.find(([name]) => name.includes("id_front"))![1];
    const stored = await db.kycDocument.findFirstOrThrow({
      where: { case: { userId: customer.user.id }, kind: "id_front" },
      select: { storageKey: true, caseId: true },
    });
    expect(
      front.equals(await readEncryptedFile(stored.storageKey, documentContext(stored.caseId, stored.storageKey))),
    ).toBe(true);
    expect(front.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true); // a JPEG, not ciphertext

    // The README explains every file; internal notes are not exported.
    const readme = files.get("README.txt")!.toString("utf8");
    for (const section of EXPORT_SECTIONS) expect(readme).toContain(section.name);
    expect(files.get("data.json")!.toString("utf8")).not.toContain("by phone");
  });

  it("is served to its owner only and only until it expires; the retention job deletes the file and row", async () => {
    const customer = await fullCustomer();
    const other = await createUser(db);
    const now = new Date();
    const { exportId } = await buildExport(customer.privacyRequest.id, now);
    const row = await db.dataExport.findUniqueOrThrow({ where: { id: exportId } });

    expect(await openExportForOwner(exportId, other.id, now)).toBeNull();
    expect(await openExportForOwner("not-a-uuid", customer.user.id, now)).toBeNull();
    expect(await openExportForOwner(exportId, customer.user.id, new Date(now.getTime() + 7 * DAY))).toBeNull();
    const opened = await openExportForOwner(exportId, customer.user.id, new Date(now.getTime() + 7 * DAY - 1000));
    expect(opened?.sizeBytes).toBe(row.sizeBytes);
    expect((await buffer(opened!.stream)).length).toBe(row.sizeBytes);
    expect((await db.dataExport.findUniqueOrThrow({ where: { id: exportId } })).downloadedAt).not.toBeNull();

    const file = path.join(storage, row.storageKey.slice(0, 2), row.storageKey);
    expect(storedFiles()).toContain(file);
    await deleteExpiredExports(new Date(now.getTime() + 7 * DAY - 1000));
    expect(await db.dataExport.findUnique({ where: { id: exportId } })).not.toBeNull();
    const result = await runRetention(new Date(now.getTime() + 7 * DAY));
    expect(result.exportsDeleted).toBeGreaterThanOrEqual(1);
    expect(await db.dataExport.findUnique({ where: { id: exportId } })).toBeNull();
    expect(storedFiles()).not.toContain(file);
  });

  it("refuses a tampered file: the stream fails instead of handing out altered data", async () => {
    const customer = await fullCustomer();
    const { exportId } = await buildExport(customer.privacyRequest.id);
    const row = await db.dataExport.findUniqueOrThrow({ where: { id: exportId } });
    const file = path.join(storage, row.storageKey.slice(0, 2), row.storageKey);
    const bytes = readFileSync(file);
    bytes[bytes.length - 40]! ^= 1;
    const { writeFileSync } = await import("node:fs");
    writeFileSync(file, bytes);
    const opened = await openExportForOwner(exportId, customer.user.id);
    await expect(buffer(opened!.stream)).rejects.toThrow();
  });

  it("is sent to the recipient the customer named, as an attachment, and audited", async () => {
    const customer = await fullCustomer();
    const officer = await createUser(db, { role: "privacy_officer" });
    await expect(sendExportToRecipient(customer.privacyRequest.id, officer.id)).rejects.toThrow(/no export ready/);
    const { exportId } = await buildExport(customer.privacyRequest.id);
    await sendExportToRecipient(customer.privacyRequest.id, officer.id);
    const mails = await db.outboxEmail.findMany({ where: { to: customer.identity.recipient } });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toMatch(/\[attached: hashwork-data-\d{4}-\d{2}-\d{2}\.zip\]/);
    expect(
      await db.auditLog.count({
        where: { actorId: officer.id, action: "privacy.export.sent", targetId: customer.privacyRequest.id },
      }),
    ).toBe(1);
    // A request naming nobody cannot be sent anywhere.
    const plain = await db.privacyRequest.create({
      data: { userId: customer.user.id, type: "access", dueAt: new Date(Date.now() + 30 * DAY) },
    });
    await expect(sendExportToRecipient(plain.id, officer.id)).rejects.toThrow(/names no recipient/);
    expect(exportId).toBeTruthy();
  });
});

describe("export completeness", () => {
  it("answers for every relation of a model to User, or says why not", () => {
    const relations = relationsToUser();
    expect(relations.length).toBeGreaterThan(20);
    const covered = new Set(EXPORT_SECTIONS.flatMap((section) => section.covers));
    const unanswered = relations.filter((relation) => !covered.has(relation) && !(relation in EXPORT_EXCLUSIONS));
    expect(unanswered, "relations to User neither exported nor excluded (lib/privacy/export/sections.ts)").toEqual([]);
    // And nothing listed that no longer exists, or listed twice.
    const stale = [...covered, ...Object.keys(EXPORT_EXCLUSIONS)].filter((relation) => !relations.includes(relation));
    expect(stale).toEqual([]);
    expect([...covered].filter((relation) => relation in EXPORT_EXCLUSIONS)).toEqual([]);
  });

  it("finds rows for a customer who has something in every exported relation", async () => {
    const customer = await fullCustomer();
    await buildExport(customer.privacyRequest.id);
    const second = await db.privacyRequest.create({
      data: { userId: customer.user.id, type: "access", dueAt: new Date(Date.now() + 30 * DAY) },
    });
    const { exportId } = await buildExport(second.id);
    const data = JSON.parse(
      (await download(exportId, customer.user.id))!.files.get("data.json")!.toString("utf8"),
    ) as Record<string, unknown>;
    for (const section of EXPORT_SECTIONS.filter((item) => item.covers.length)) {
      const value = data[section.name];
      expect(Array.isArray(value) ? value.length : value ? 1 : 0, section.name).toBeGreaterThan(0);
    }
  });
});
