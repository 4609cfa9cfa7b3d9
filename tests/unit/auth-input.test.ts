// The account forms' input: what a person (or a script) can send, and what we make of it.
import { describe, expect, it } from "vitest";
import { formDataToObject } from "@/lib/actions/form-data";
import { fieldErrorsOf } from "@/lib/validation/common";
import { passwordProblem } from "@/lib/auth/password-policy";
import { CURRENT_TERMS } from "@/lib/privacy/terms";
import { safeCallbackUrl, signInInput, signUpInput } from "@/lib/validation/auth";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

describe("sign-up input", () => {
  const valid = {
    email: "  Ada@Example.COM ",
    password: "copper-lantern-orbit-57",
    acceptTerms: "on",
    termsVersion: CURRENT_TERMS.id,
  };

  it("normalises the email and needs the terms accepted", () => {
    const parsed = signUpInput.parse(formDataToObject(form(valid)));
    expect(parsed.email).toBe("ada@example.com");
    expect(parsed.marketingOptIn).toBeUndefined(); // unticked by default
    const refused = signUpInput.safeParse(formDataToObject(form({ ...valid, acceptTerms: "" })));
    expect(refused.success).toBe(false);
    if (!refused.success) expect(fieldErrorsOf(refused.error).acceptTerms?.[0]).toMatch(/Accept the terms/);
  });

  it.each([
    ["missing fields", {}, ["email", "password", "acceptTerms", "termsVersion"]],
    ["an over-long terms version", { ...valid, termsVersion: "x".repeat(21) }, ["termsVersion"]],
    ["an invalid email", { ...valid, email: "ada@" }, ["email"]],
    ["an email with spaces inside", { ...valid, email: "a da@example.com" }, ["email"]],
    ["an over-long email", { ...valid, email: `${"a".repeat(250)}@example.com` }, ["email"]],
    ["an over-long password", { ...valid, password: "x".repeat(129) }, ["password"]],
    ["a right-to-left override in the email", { ...valid, email: "ada\u202E@example.com" }, ["email"]],
    ["a null byte in the email", { ...valid, email: "ada\u0000@example.com" }, ["email"]],
  ])("names the fields wrong with %s", (_name, fields, wrong) => {
    const result = signUpInput.safeParse(formDataToObject(form(fields as Record<string, string>)));
    expect(result.success).toBe(false);
    if (!result.success) expect(Object.keys(fieldErrorsOf(result.error)).sort()).toEqual([...wrong].sort());
  });

  it("keeps repeated fields as a list (which the schema then refuses)", () => {
    const data = form(valid);
    data.append("email", "second@example.com");
    expect(formDataToObject(data).email).toEqual(["  Ada@Example.COM ", "second@example.com"]);
    expect(signInInput.safeParse(formDataToObject(data)).success).toBe(false);
  });
});

describe("password policy", () => {
  it("refuses short, long and common passwords with advice, and accepts a passphrase", async () => {
    expect(await passwordProblem("short")).toMatch(/at least 10/);
    expect(await passwordProblem("x".repeat(129))).toMatch(/at most 128/);
    expect(await passwordProblem("password123")).toMatch(/too easy to guess/);
    expect(await passwordProblem("qwertyuiop")).toMatch(/too easy to guess/);
    expect(await passwordProblem("ada@example.com1", ["ada@example.com", "ada"])).toMatch(/too easy to guess/);
    expect(await passwordProblem("copper-lantern-orbit-57")).toBeNull();
    expect(await passwordProblem("🦊 лиса 狐狸 renard zorro")).toBeNull(); // any script, no composition rules
  });
});

describe("where sign-in returns to", () => {
  it("only follows paths on this site", () => {
    expect(safeCallbackUrl("/checkout/antminer?th=10", "http://localhost:3000")).toBe("/checkout/antminer?th=10");
    for (const evil of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", ""]) {
      expect(safeCallbackUrl(evil, "http://localhost:3000")).toBe("/dashboard");
    }
  });
});

describe("where sign-in returns to, against hostile values", () => {
  const app = "https://hashwork.example";
  it.each([
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/%09/evil.example",
    "/%0A/evil.example",
    "/%0d%0a/evil.example",
    "/%5Cevil.example",
    "/%5cevil.example",
    "/%2F/evil.example",
    "https:evil.example",
    "https://evil.example/dashboard",
    "http://hashwork.example.evil.example/",
    "//evil.example",
    "/\\evil.example",
    "\\/evil.example",
    " /\t/evil.example",
    "javascript:alert(1)",
    "/\u0000/evil.example",
    "dashboard",
  ])("sends %j to /dashboard", (value) => {
    expect(safeCallbackUrl(value, app)).toBe("/dashboard");
  });

  it("keeps same-site paths with their query and fragment", () => {
    expect(safeCallbackUrl("/checkout/antminer?th=10#pay", app)).toBe("/checkout/antminer?th=10#pay");
    expect(safeCallbackUrl("/dashboard/orders", app)).toBe("/dashboard/orders");
    expect(safeCallbackUrl(undefined, app)).toBe("/dashboard");
  });
});
