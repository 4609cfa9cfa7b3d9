// The one wrapper every server action goes through, in this order:
//   session lookup → permission check → zod parse of the input → the handler with a typed ctx.
// It turns UserErrors and parse failures into the ActionState contract the forms read with
// useActionState, lets Next's redirects through, and never sends a stack or a Prisma message.
// The session and request lookups are passed in, so the wrapper runs without a Next request
// (see tests/unit/define-action.test.ts); the app's instance is lib/actions/define-action.ts.
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import type { RequestInfo } from "@/lib/activity/record";
import { can, mayUse, type Permission } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { RateLimitedError, UserError, type ActionState } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation/common";
import { formDataToObject } from "./form-data";
import { errorFields, logger } from "@/lib/log/logger";

export type Access = "public" | "signed-in" | Permission;

export type ActionContext<A extends Access> = {
  request: RequestInfo;
  user: A extends "public" ? CurrentUser | null : CurrentUser;
};

export type ActionLookups = {
  currentUser: () => Promise<CurrentUser | null>;
  requestInfo: () => Promise<RequestInfo>;
};

export function createActionDefiner(lookups: ActionLookups) {
  return function defineAction<A extends Access, S extends z.ZodType, T = undefined>(
    options: { access: A; input: S },
    handler: (input: z.output<S>, ctx: ActionContext<A>) => Promise<ActionState<T> | T>,
  ): (previous: ActionState<T>, formData: FormData) => Promise<ActionState<T>> {
    return async (_previous, formData) => {
      try {
        const user = await lookups.currentUser();
        if (options.access !== "public") {
          if (!user) return { ok: false, error: "Please sign in again." };
          if (options.access !== "signed-in" && !can(user.role, options.access)) {
            return { ok: false, error: "You do not have access to this." };
          }
          if (options.access !== "signed-in" && !mayUse(user, options.access)) {
            return {
              ok: false,
              error: "Turn on two-factor authentication (Security, in your dashboard) before using staff tools.",
            };
          }
        }
        const parsed = options.input.safeParse(formDataToObject(formData));
        if (!parsed.success) {
          return {
            ok: false,
            error: "Please correct the highlighted fields.",
            fieldErrors: fieldErrorsOf(parsed.error),
          };
        }
        const ctx = { request: await lookups.requestInfo(), user } as ActionContext<A>;
        const result = await handler(parsed.data, ctx);
        if (isActionState(result)) return result;
        return { ok: true, data: result as T };
      } catch (error) {
        unstable_rethrow(error); // redirect() and notFound() are navigation, not failures
        if (error instanceof RateLimitedError) {
          return { ok: false, error: error.message, retryAfterSeconds: error.retryAfterSeconds };
        }
        if (error instanceof UserError) {
          return {
            ok: false,
            error: error.message,
            fieldErrors: error.fieldErrors,
            ...(error.link ? { link: error.link } : {}),
          };
        }
        logger.error(errorFields(error), "action failed unexpectedly");
        return { ok: false, error: "Something went wrong on our side. Nothing was changed; please try again." };
      }
    };
  };
}

function isActionState(value: unknown): value is NonNullable<ActionState<unknown>> {
  return (
    typeof value === "object" && value !== null && "ok" in value && typeof (value as { ok: unknown }).ok === "boolean"
  );
}
