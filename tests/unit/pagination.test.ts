// The keyset pagination helper: cursors survive a round trip, anything else reads as "no cursor"
// (never an exception), and paging forward then back over an in-memory list visits every row once.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { instantCursor, keysetPage, type Seek } from "@/lib/pagination";
import { userAccessInput } from "@/lib/validation/users";
import { auditListFilter, readFilter } from "@/lib/validation/lists";

const ID = "7d1f8f2e-3c1a-4b7e-9a55-0f4f7c1f2b10";

describe("cursors", () => {
  it("round-trip an instant and an id in both directions", () => {
    const at = new Date("2026-11-20T10:00:00.123Z");
    for (const direction of ["after", "before"] as const) {
      const decoded = instantCursor.decode(instantCursor.encode({ key: at, id: ID }, direction));
      expect(decoded).toEqual({ key: at, id: ID, direction });
    }
  });

  it("read hostile input as no cursor", () => {
    const json = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const hostile: unknown[] = [
      undefined,
      null,
      "",
      "x".repeat(10_000),
      "not base64!",
      "%00%27--",
      json({ k: "2026-11-20T10:00:00Z", id: '1; DROP TABLE "User"', d: "after" }),
      json({ k: "yesterday", id: ID, d: "after" }),
      json({ k: "2026-11-20T10:00:00Z", id: ID, d: "sideways" }),
      json({ k: "2026-11-20T10:00:00Z", id: ID, d: "after", __proto__: { admin: true }, extra: 1 }),
      json(["2026-11-20T10:00:00Z", ID]),
      json("a string"),
      Buffer.from("{not json").toString("base64url"),
      ["an", "array"],
      42,
    ];
    for (const value of hostile) expect(instantCursor.decode(value)).toBeNull();
  });

  it("never throw, whatever the string", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (raw) => {
        expect(() => instantCursor.decode(raw)).not.toThrow();
      }),
    );
  });
});

describe("keysetPage", () => {
  // 23 rows, newest first by (at, id), with ties on `at` so the id has to break them.
  const rows = Array.from({ length: 23 }, (_, n) => ({
    at: new Date(Date.UTC(2026, 0, 1, 0, Math.floor(n / 3))),
    id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
  }));
  const newestFirst = [...rows].sort((a, b) => b.at.getTime() - a.at.getTime() || b.id.localeCompare(a.id));
  const compare = (row: { at: Date; id: string }, key: Date, id: string) =>
    row.at.getTime() - key.getTime() || row.id.localeCompare(id);
  const fetch = async (seek: Seek<Date>) => {
    const ordered = seek.order === "forward" ? newestFirst : [...newestFirst].reverse();
    const past = seek.boundary
      ? ordered.filter((row) =>
          seek.order === "forward"
            ? compare(row, seek.boundary!.key, seek.boundary!.id) < 0
            : compare(row, seek.boundary!.key, seek.boundary!.id) > 0,
        )
      : ordered;
    return past.slice(0, seek.take);
  };
  const page = (cursor?: string) =>
    keysetPage({ cursor, codec: instantCursor, size: 5, fetch, keyOf: (row) => ({ key: row.at, id: row.id }) });

  it("walks forward over every row once, then back to the first page", async () => {
    const seen: string[] = [];
    const cursors: (string | undefined)[] = [undefined];
    let current = await page();
    expect(current.previous).toBeNull();
    for (;;) {
      seen.push(...current.items.map((row) => row.id));
      if (!current.next) break;
      cursors.push(current.next);
      current = await page(current.next);
    }
    expect(seen).toEqual(newestFirst.map((row) => row.id));
    expect(current.items).toHaveLength(3);

    const back: string[][] = [current.items.map((row) => row.id)];
    while (current.previous) {
      current = await page(current.previous);
      back.unshift(current.items.map((row) => row.id));
    }
    expect(back.flat()).toEqual(seen);
    expect(current.previous).toBeNull();
    expect(current.items.map((row) => row.id)).toEqual(seen.slice(0, 5));
  });

  it("shows the first page and says so for a cursor that is not one of ours", async () => {
    const first = await page();
    const rejected = await page("garbage");
    expect(rejected.rejectedCursor).toBe(true);
    expect(rejected.items).toEqual(first.items);
    expect(first.rejectedCursor).toBe(false);
  });
});

describe("list filters and the access form", () => {
  it("drop values that do not parse instead of throwing", () => {
    expect(
      readFilter(auditListFilter, {
        action: ["a", "b"],
        from: "2026-13-45",
        to: "2026-11-20",
        actor: "x".repeat(1000),
      }),
    ).toEqual({ to: "2026-11-20" });
  });

  it("needs a reason to restrict an account, and none to lift it", () => {
    const restrict = userAccessInput.safeParse({ userId: ID, role: "customer", status: "restricted", reason: "  " });
    expect(restrict.success).toBe(false);
    expect(JSON.stringify(restrict.error?.issues)).toMatch(/customer reads this/);
    expect(
      userAccessInput.safeParse({
        userId: ID,
        role: "customer",
        status: "restricted",
        reason: "Chargeback under review",
      }).success,
    ).toBe(true);
    expect(
      userAccessInput.parse({ userId: ID, role: "customer", status: "active", reason: "" }).reason,
    ).toBeUndefined();
  });
});
