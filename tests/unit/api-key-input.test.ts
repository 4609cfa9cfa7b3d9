// The API key form's input as the browser (or a script) sends it, and the expiry it stands for.
import { describe, expect, it } from "vitest";
import { formDataToObject } from "@/lib/actions/form-data";
import { apiKeyExpiry } from "@/lib/api-keys/rules";
import { apiKeyStatus } from "@/lib/api-keys/status-labels";
import { createApiKeyInput, revokeApiKeyInput } from "@/lib/validation/api-keys";
import { fieldErrorsOf } from "@/lib/validation/common";

function form(fields: [string, string][]): Record<string, unknown> {
  const data = new FormData();
  for (const [key, value] of fields) data.append(key, value);
  return formDataToObject(data);
}
const base: [string, string][] = [
  ["name", "  Portfolio sheet  "],
  ["expiresIn", "90"],
  ["password", "copper-lantern-orbit-57"],
  ["code", ""],
];

describe("new API key input", () => {
  it("takes one ticked scope or several, in the list's order, once each; an empty code is no code", () => {
    const one = createApiKeyInput.parse(form([...base, ["scopes", "orders:write"]]));
    expect(one).toMatchObject({ name: "Portfolio sheet", scopes: ["orders:write"], expiresIn: "90" });
    expect(one.code).toBeUndefined();
    const several = createApiKeyInput.parse(
      form([...base, ["scopes", "orders:write"], ["scopes", "contracts:read"], ["scopes", "orders:write"]]),
    );
    expect(several.scopes).toEqual(["contracts:read", "orders:write"]);
  });

  it("refuses no scope, an unknown one, odd names, an unknown expiry and a malformed code, field by field", () => {
    const refused = (fields: [string, string][]) => {
      const result = createApiKeyInput.safeParse(form(fields));
      expect(result.success).toBe(false);
      return Object.keys(fieldErrorsOf(result.error!));
    };
    expect(refused(base)).toEqual(["scopes"]);
    expect(refused([...base, ["scopes", "admin"]])).toEqual(["scopes"]);
    expect(
      refused([
        ...base,
        ["scopes", "orders:read"],
        ...Array.from({ length: 30 }, () => ["scopes", "orders:read"] as [string, string]),
      ]),
    ).toEqual(["scopes"]);
    for (const name of ["", "   ", "x".repeat(61), "tab\there", "two\nlines", "rtl\u202Eoverride", "zero\u200Bwidth"]) {
      expect(refused([["name", name], ...base.slice(1), ["scopes", "orders:read"]]), JSON.stringify(name)).toEqual([
        "name",
      ]);
    }
    expect(
      refused([
        ["name", "ok"],
        ["expiresIn", "3650"],
        ["password", "x"],
        ["scopes", "orders:read"],
      ]),
    ).toEqual(["expiresIn"]);
    expect(
      refused([
        ["name", "ok"],
        ["expiresIn", "never"],
        ["password", "x"],
        ["code", "12345a"],
        ["scopes", "orders:read"],
      ]),
    ).toEqual(["code"]);
    expect(
      refused([
        ["name", "ok"],
        ["expiresIn", "never"],
        ["scopes", "orders:read"],
      ]),
    ).toEqual(["password"]);
  });

  it("counts a name's characters, not its UTF-16 units", () => {
    const name = "ключ🔑".repeat(12); // 60 characters, 72 UTF-16 units
    expect(createApiKeyInput.parse(form([["name", name], ...base.slice(1), ["scopes", "orders:read"]])).name).toBe(
      name,
    );
  });

  it("takes a key id only in UUID form", () => {
    expect(revokeApiKeyInput.safeParse({ keyId: "1; DROP TABLE" }).success).toBe(false);
    expect(revokeApiKeyInput.safeParse({ keyId: crypto.randomUUID() }).success).toBe(true);
  });
});

describe("expiry and status", () => {
  it("turns a choice into an instant, and a key's dates into its status", () => {
    const now = new Date("2026-11-26T10:00:00Z");
    expect(apiKeyExpiry("30", now)?.toISOString()).toBe("2026-12-26T10:00:00.000Z");
    expect(apiKeyExpiry("365", now)?.toISOString()).toBe("2027-11-26T10:00:00.000Z");
    expect(apiKeyExpiry("never", now)).toBeNull();
    expect(apiKeyStatus({ revokedAt: null, expiresAt: null }, now)).toBe("active");
    expect(apiKeyStatus({ revokedAt: null, expiresAt: now }, now)).toBe("expired");
    expect(apiKeyStatus({ revokedAt: now, expiresAt: new Date(0) }, now)).toBe("revoked");
  });
});
