// The action wrapper itself: session → permission and staff 2FA → zod parse → handler, and the
// answer each refusal gives. Runs the real wrapper with the session and request lookups passed in.
import { redirect } from "next/navigation";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { RequestInfo } from "@/lib/activity/record";
import { createActionDefiner } from "@/lib/actions/create-action-definer";
import type { CurrentUser } from "@/lib/auth/session";
import { RateLimitedError, UserError } from "@/lib/errors";
import { logger } from "@/lib/log/logger";

const request: RequestInfo = { ip: "203.0.113.9", userAgent: "test" };

function someone(overrides: Partial<CurrentUser> = {}): CurrentUser {
  return {
    id: "7d1f8f2e-3c1a-4b7e-9a55-0f4f7c1f2b10",
    email: "ada@example.com",
    displayName: null,
    role: "customer",
    status: "active",
    emailVerifiedAt: new Date("2025-01-01T00:00:00Z"),
    totpEnabledAt: null,
    timeZone: "UTC",
    ...overrides,
  };
}

function definer(user: CurrentUser | null) {
  return createActionDefiner({ currentUser: async () => user, requestInfo: async () => request });
}

function form(fields: Record<string, string> = {}): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

const nameInput = z.object({ name: z.string().trim().min(2, "Enter a name.") });

afterEach(() => vi.restoreAllMocks());

describe("the action wrapper", () => {
  it("runs the handler with the parsed input, the user and the request, and wraps a plain result", async () => {
    const user = someone();
    const handler = vi.fn(async (input: { name: string }) => `hello ${input.name}`);
    const action = definer(user)({ access: "signed-in", input: nameInput }, handler);
    expect(await action(null, form({ name: "  Ada " }))).toEqual({ ok: true, data: "hello Ada" });
    expect(handler).toHaveBeenCalledWith({ name: "Ada" }, { user, request });
  });

  it("passes an ActionState the handler returns through unchanged", async () => {
    const action = definer(someone())({ access: "signed-in", input: z.object({}) }, async () => ({
      ok: true as const,
      data: undefined,
      message: "Saved.",
    }));
    expect(await action(null, form())).toEqual({ ok: true, data: undefined, message: "Saved." });
  });

  it("lets a public action run without a session, with a null user", async () => {
    const handler = vi.fn(async () => undefined);
    const action = definer(null)({ access: "public", input: z.object({}) }, handler);
    expect(await action(null, form())).toEqual({ ok: true, data: undefined });
    expect(handler).toHaveBeenCalledWith({}, { user: null, request });
  });

  it("asks for a new sign-in when there is no session, before parsing or running anything", async () => {
    const handler = vi.fn();
    const action = definer(null)({ access: "signed-in", input: nameInput }, handler);
    expect(await action(null, form())).toEqual({ ok: false, error: "Please sign in again." });
    expect(handler).not.toHaveBeenCalled();
  });

  it("refuses a role without the permission", async () => {
    const handler = vi.fn();
    const action = definer(someone({ role: "kyc_reviewer", totpEnabledAt: new Date() }))(
      { access: "users.manage", input: z.object({}) },
      handler,
    );
    expect(await action(null, form())).toEqual({ ok: false, error: "You do not have access to this." });
    expect(handler).not.toHaveBeenCalled();
  });

  it("refuses staff tools to staff without two-factor authentication, and allows them with it", async () => {
    const handler = vi.fn(async () => undefined);
    const without = definer(someone({ role: "admin", totpEnabledAt: null }))(
      { access: "users.manage", input: z.object({}) },
      handler,
    );
    expect(await without(null, form())).toEqual({
      ok: false,
      error: "Turn on two-factor authentication (Security, in your dashboard) before using staff tools.",
    });
    expect(handler).not.toHaveBeenCalled();
    const withIt = definer(someone({ role: "admin", totpEnabledAt: new Date() }))(
      { access: "users.manage", input: z.object({}) },
      handler,
    );
    expect(await withIt(null, form())).toEqual({ ok: true, data: undefined });
  });

  it("answers bad input with field errors and does not run the handler", async () => {
    const handler = vi.fn();
    const action = definer(someone())({ access: "signed-in", input: nameInput }, handler);
    expect(await action(null, form({ name: " " }))).toEqual({
      ok: false,
      error: "Please correct the highlighted fields.",
      fieldErrors: { name: ["Enter a name."] },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it("shows a UserError's message and field errors", async () => {
    const action = definer(someone())({ access: "signed-in", input: z.object({}) }, async () => {
      throw new UserError("That slug is taken.", { slug: ["Choose another slug."] });
    });
    expect(await action(null, form())).toEqual({
      ok: false,
      error: "That slug is taken.",
      fieldErrors: { slug: ["Choose another slug."] },
    });
  });

  it("says how long to wait after a RateLimitedError", async () => {
    const action = definer(someone())({ access: "signed-in", input: z.object({}) }, async () => {
      throw new RateLimitedError(120);
    });
    expect(await action(null, form())).toEqual({
      ok: false,
      error: "Too many attempts. Try again in 2 minutes.",
      retryAfterSeconds: 120,
    });
  });

  it("answers an unexpected error with a generic message that leaks nothing", async () => {
    const logged = vi.spyOn(logger, "error").mockImplementation(() => {});
    const action = definer(someone())({ access: "signed-in", input: z.object({}) }, async () => {
      throw new Error('Invalid `prisma.user.update()` invocation: column "passwordHash" secret-value');
    });
    const state = await action(null, form());
    expect(state).toEqual({
      ok: false,
      error: "Something went wrong on our side. Nothing was changed; please try again.",
    });
    expect(JSON.stringify(state)).not.toMatch(/prisma|passwordHash|secret-value/);
    expect(logged).toHaveBeenCalled();
  });

  it("lets a redirect through as navigation, not as a failure", async () => {
    const action = definer(someone())({ access: "signed-in", input: z.object({}) }, async () =>
      redirect("/dashboard/orders"),
    );
    await expect(action(null, form())).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
  });
});
