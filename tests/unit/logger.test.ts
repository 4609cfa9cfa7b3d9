import { describe, expect, it } from "vitest";
import { errorFields, scrub } from "@/lib/log/logger";
import { requestIdFor } from "@/server/http-server";

describe("what the logs may hold", () => {
  it("masks email addresses in free text", () => {
    expect(scrub('Unique constraint failed for "ada.lovelace+x@example.co.uk" (User.email)')).toBe(
      'Unique constraint failed for "[email]" (User.email)',
    );
  });

  it("keeps an error's kind and code and the first line of its message, scrubbed and bounded", () => {
    const error = Object.assign(
      new Error("Invalid `db.user.create()` invocation:\n{ data: { email: 'a@b.io', passwordHash: 'x' } }"),
      {
        code: "P2002",
      },
    );
    expect(errorFields(error)).toEqual({
      err: { name: "Error", code: "P2002", message: "Invalid `db.user.create()` invocation:" },
    });
    expect(errorFields(new Error("x".repeat(1_000))).err.message).toHaveLength(300);
    expect(errorFields("reset for bob@example.com failed")).toEqual({
      err: { name: "string", message: "reset for [email] failed" },
    });
  });
});

describe("request ids", () => {
  it("keeps a proxy's plain id and replaces anything else with a fresh one", () => {
    expect(requestIdFor("lb-4f2a9c1e-0001")).toBe("lb-4f2a9c1e-0001");
    expect(requestIdFor(["abcdef12-proxy", "second-header-value"])).toBe("abcdef12-proxy");
    for (const bad of [
      undefined,
      "",
      "short",
      "<script>alert(1)</script>",
      "a b c d e f g h",
      "x".repeat(200),
      "id\r\nset-cookie: a=b",
    ])
      expect(requestIdFor(bad)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});
