// KYC submissions against a real database and storage folder: encryption at rest, upload
// checks, the pre-check, reviewer decisions and the purchase/withdrawal gate.
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { UserError } from "@/lib/errors";
import { db } from "@/lib/db";
import { decideKycCase } from "@/lib/kyc/decide";
import { assertKycAllows, KycRequiredError } from "@/lib/kyc/gates";
import { documentContext } from "@/lib/kyc/personal-data";
import { submitKyc } from "@/lib/kyc/submit";
import { readEncryptedFile } from "@/lib/storage/encrypted-files";
import type { KycDetails } from "@/lib/validation/kyc";
import { createProduct, createUser } from "../support/factories";
import { jpegWithExif, png, pngBomb, TINY_PDF } from "../support/images";
import { withClient } from "../support/test-database";

// Before any import reads the environment (lib/env.ts reads it once).
// (Hoisted code cannot use imports: the folder is made by the first file written into it.)
const storage = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/hashwork-storage-${process.pid}-${Date.now().toString(36)}`;
  process.env.STORAGE_DIR = dir;
  return dir;
});
const request = { ip: "192.0.2.10", userAgent: "vitest" };
const file = (content: Buffer, name: string, type = "application/octet-stream") =>
  new File([new Uint8Array(content)], name, { type });

const DETAILS: KycDetails = {
  legalName: "Zephyrine Quillfeather",
  dateOfBirth: "1988-04-12",
  nationality: "NL",
  addressLine1: "Keizersgracht 123",
  city: "Amsterdam",
  postalCode: "1015 CJ",
  country: "NL",
  idType: "passport",
  idNumber: "XQ7Z91K4P",
};

let photo: Buffer;
beforeAll(async () => {
  photo = await jpegWithExif("PASSPORT");
});
afterAll(async () => {
  rmSync(storage, { recursive: true, force: true });
  await db.$disconnect();
});

const storedFiles = () =>
  readdirSync(storage, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));

describe("a KYC submission", () => {
  it("is encrypted at rest: no name, ID number or image bytes in the database or the storage folder", async () => {
    const user = await createUser(db);
    const result = await submitKyc(
      {
        userId: user.id,
        details: DETAILS,
        files: { id_front: file(photo, "front.jpg", "image/jpeg"), selfie: file(await png(), "me.png", "image/png") },
      },
      request,
    );
    expect(result.flags).toEqual([]);
    const kycCase = await db.kycCase.findUniqueOrThrow({ where: { userId: user.id }, include: { documents: true } });
    expect(kycCase.status).toBe("pending");
    expect(kycCase.documents.map((document) => document.kind).sort()).toEqual(["id_front", "selfie"]);

    // Every table of the database, as text.
    const dump = await withClient(process.env.DATABASE_URL!, async (client) => {
      const tables = await client.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
      );
      let text = "";
      for (const { table_name } of tables.rows) {
        const rows = await client.query(
          `SELECT row_to_json(t)::text AS row FROM ${client.escapeIdentifier(table_name)} t`,
        );
        text += rows.rows.map((row: { row: string }) => row.row).join("\n");
      }
      return text;
    });
    expect(dump).toContain(user.email); // the dump is real
    for (const secret of [DETAILS.legalName, DETAILS.idNumber, "Keizersgracht", "Quillfeather"])
      expect(dump).not.toContain(secret);

    const files = storedFiles();
    expect(files.length).toBeGreaterThanOrEqual(2);
    const originalSlice = photo.subarray(200, 264);
    for (const stored of files) {
      const bytes = readFileSync(stored);
      expect(bytes.includes(originalSlice)).toBe(false);
      expect(bytes.toString("latin1")).not.toMatch(/Quillfeather|XQ7Z91K4P|JFIF|Exif|PNG/);
      expect(path.basename(stored)).toMatch(/^[0-9a-f-]{36}$/); // random names
      expect(statSync(stored).mode & 0o077).toBe(0); // owner-only
    }

    // Decrypted, the photo is re-encoded without its EXIF and GPS data.
    const front = kycCase.documents.find((document) => document.kind === "id_front")!;
    const decrypted = await readEncryptedFile(front.storageKey, documentContext(kycCase.id, front.storageKey));
    const metadata = await sharp(decrypted).metadata();
    expect(metadata.format).toBe("jpeg");
    expect(metadata.exif).toBeUndefined();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
  });

  it.each([
    [
      "a .jpg that is really HTML",
      () => file(Buffer.from("<!doctype html><script>alert(1)</script>"), "id.jpg", "image/jpeg"),
      /not a JPEG, PNG or PDF/,
    ],
    [
      "a 12 MB file",
      () => file(Buffer.alloc(12 * 1024 * 1024, 1), "big.jpg", "image/jpeg"),
      /12\.0 MB; the limit is 10 MB/,
    ],
    ["a zero-byte file", () => file(Buffer.alloc(0), "empty.jpg", "image/jpeg"), /empty/],
    ["a PDF named .jpg", () => file(TINY_PDF, "scan.jpg", "image/jpeg"), /named \.jpg but is really a PDF/],
  ])("refuses %s with a clear message and stores nothing", async (_name, make, message) => {
    const user = await createUser(db);
    const before = storedFiles().length;
    const error = await submitKyc(
      { userId: user.id, details: DETAILS, files: { id_front: make(), selfie: file(await png(), "me.png") } },
      request,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(message);
    expect((error as UserError).fieldErrors?.id_front?.[0]).toMatch(message);
    expect(storedFiles().length).toBe(before);
    expect(await db.kycDocument.count({ where: { case: { userId: user.id } } })).toBe(0);
    expect((await db.kycCase.findUnique({ where: { userId: user.id } }))?.status ?? "not_started").toBe("not_started");
  });

  it("refuses a PNG bomb (huge dimensions in a small file)", async () => {
    const bomb = await pngBomb();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const user = await createUser(db);
    await expect(
      submitKyc(
        {
          userId: user.id,
          details: DETAILS,
          files: { id_front: file(bomb, "id.png"), selfie: file(await png(), "me.png") },
        },
        request,
      ),
    ).rejects.toThrow(/too large in pixels/);
  });

  it("accepts a PDF by its content", async () => {
    const user = await createUser(db);
    await submitKyc(
      {
        userId: user.id,
        details: DETAILS,
        files: { id_front: file(TINY_PDF, "scan.pdf"), selfie: file(await png(), "me") },
      },
      request,
    );
    const documents = await db.kycDocument.findMany({ where: { case: { userId: user.id } } });
    expect(documents.find((document) => document.kind === "id_front")?.mimeType).toBe("application/pdf");
  });

  it("asks for the back of two-sided IDs", async () => {
    const user = await createUser(db);
    const error = await submitKyc(
      {
        userId: user.id,
        details: { ...DETAILS, idType: "national_id" },
        files: { id_front: file(photo, "f.jpg"), selfie: file(photo, "s.jpg") },
      },
      request,
    ).catch((e: unknown) => e);
    expect((error as UserError).fieldErrors?.id_back).toBeDefined();
  });
});

describe("the automated pre-check", () => {
  it("flags an under-18 date of birth, never rejects it", async () => {
    const user = await createUser(db);
    const birth = new Date();
    birth.setUTCFullYear(birth.getUTCFullYear() - 17);
    const result = await submitKyc(
      {
        userId: user.id,
        details: { ...DETAILS, dateOfBirth: birth.toISOString().slice(0, 10), idNumber: "UNDER18A" },
        files: { id_front: file(photo, "f.jpg"), selfie: file(photo, "s.jpg") },
      },
      request,
    );
    expect(result.flags.join(" ")).toMatch(/younger than 18/);
    const kycCase = await db.kycCase.findUniqueOrThrow({ where: { userId: user.id } });
    expect(kycCase).toMatchObject({ status: "pending", flagged: true });
  });

  it("flags an ID number already approved on another account", async () => {
    const reviewer = await createUser(db, { role: "kyc_reviewer" });
    const first = await createUser(db);
    const details = { ...DETAILS, idNumber: "DUP-12345" };
    const { caseId } = await submitKyc(
      { userId: first.id, details, files: { id_front: file(photo, "f.jpg"), selfie: file(photo, "s.jpg") } },
      request,
    );
    await decideKycCase(caseId, reviewer, { decision: "approve" }, request);
    const second = await createUser(db);
    const result = await submitKyc(
      {
        userId: second.id,
        details: { ...details, idNumber: "dup 12345" },
        files: { id_front: file(photo, "f.jpg"), selfie: file(photo, "s.jpg") },
      },
      request,
    );
    expect(result.flags.join(" ")).toMatch(/already verified on another account/);
  });
});

describe("reviewer decisions", () => {
  let reviewer: Awaited<ReturnType<typeof createUser>>;
  beforeEach(async () => {
    reviewer = await createUser(db, { role: "kyc_reviewer" });
  });

  it("sends named items back, takes just those again, then approves — each step audited", async () => {
    const customer = await createUser(db);
    const { caseId } = await submitKyc(
      {
        userId: customer.id,
        details: DETAILS,
        files: { id_front: file(photo, "f.jpg"), selfie: file(photo, "s.jpg") },
      },
      request,
    );
    await decideKycCase(
      caseId,
      reviewer,
      { decision: "request_resubmission", message: "Your face is not visible.", items: ["selfie"] },
      request,
    );
    let kycCase = await db.kycCase.findUniqueOrThrow({ where: { id: caseId } });
    expect(kycCase).toMatchObject({
      status: "resubmission_requested",
      resubmitItems: ["selfie"],
      customerMessage: "Your face is not visible.",
    });

    await expect(submitKyc({ userId: customer.id, files: {} }, request)).rejects.toThrow(/Selfie/);
    await submitKyc({ userId: customer.id, files: { selfie: file(await png(), "new.png") } }, request);
    kycCase = await db.kycCase.findUniqueOrThrow({ where: { id: caseId } });
    expect(kycCase.status).toBe("pending");
    expect(await db.kycDocument.count({ where: { caseId, kind: "selfie", supersededAt: null } })).toBe(1);
    expect(await db.kycDocument.count({ where: { caseId, kind: "selfie" } })).toBe(2);

    await decideKycCase(caseId, reviewer, { decision: "approve" }, request);
    expect((await db.kycCase.findUniqueOrThrow({ where: { id: caseId } })).status).toBe("approved");
    const audit = await db.auditLog.findMany({ where: { targetId: caseId }, orderBy: { createdAt: "asc" } });
    expect(audit.map((entry) => entry.action)).toEqual(["kyc.request_resubmission", "kyc.approve"]);
    const events = await db.kycEvent.findMany({ where: { caseId }, orderBy: { createdAt: "asc" } });
    expect(events.map((event) => event.type)).toEqual(["submitted", "request_resubmission", "resubmitted", "approve"]);
    await expect(submitKyc({ userId: customer.id, files: { selfie: file(photo, "x.jpg") } }, request)).rejects.toThrow(
      /approved/,
    );
  });

  it("never lets a reviewer decide their own case, and a rejection is final", async () => {
    const { caseId } = await submitKyc(
      {
        userId: reviewer.id,
        details: { ...DETAILS, idNumber: "OWNCASE1" },
        files: { id_front: file(photo, "f.jpg"), selfie: file(photo, "s.jpg") },
      },
      request,
    );
    await expect(decideKycCase(caseId, reviewer, { decision: "approve" }, request)).rejects.toThrow(/your own case/);
    const other = await createUser(db, { role: "kyc_reviewer" });
    await decideKycCase(caseId, other, { decision: "reject", message: "The document is expired." }, request);
    await expect(decideKycCase(caseId, other, { decision: "approve" }, request)).rejects.toThrow(/not waiting/);
    await expect(submitKyc({ userId: reviewer.id, files: { selfie: file(photo, "x.jpg") } }, request)).rejects.toThrow(
      /rejected/,
    );
  });
});

describe("the KYC gate", () => {
  it("lets purchases through up to $1,000 in total, then needs an approved identity; withdrawals always do", async () => {
    const customer = await createUser(db);
    await expect(assertKycAllows(customer.id, { purchaseCents: 100_000n })).resolves.toBeUndefined();
    await expect(assertKycAllows(customer.id, { purchaseCents: 100_001n })).rejects.toBeInstanceOf(KycRequiredError);
    await expect(assertKycAllows(customer.id, { withdrawal: true })).rejects.toThrow(
      /Withdrawals need a verified identity/,
    );

    const product = await createProduct(db);
    await db.order.create({
      data: {
        userId: customer.id,
        productId: product.id,
        th: 10,
        durationDays: 20,
        hashrateFeePerTh: "0.2",
        serviceFeePerThDay: "0.0425",
        hashrateFeeCents: 60_000,
        serviceFeeCents: 30_000,
        totalCents: 90_000,
        status: "paid",
        paymentMethod: "balance",
        idempotencyKey: "gate-test",
        reservedUntil: new Date(),
      },
    });
    await expect(assertKycAllows(customer.id, { purchaseCents: 10_000n })).resolves.toBeUndefined(); // $900 + $100
    await expect(assertKycAllows(customer.id, { purchaseCents: 10_001n })).rejects.toThrow(/above \$1,000.00/);

    await db.kycCase.create({ data: { userId: customer.id, status: "approved" } });
    await expect(assertKycAllows(customer.id, { purchaseCents: 10_000_000n })).resolves.toBeUndefined();
    await expect(assertKycAllows(customer.id, { withdrawal: true })).resolves.toBeUndefined();
  });
});
