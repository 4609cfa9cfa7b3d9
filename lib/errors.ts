// The one error contract of the app's server actions. A UserError's message is safe to show;
// anything else is logged on the server and shown as a generic message.
export type FieldErrors = Record<string, string[]>;

export type ActionState<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: string; fieldErrors?: FieldErrors; retryAfterSeconds?: number; link?: ErrorLink }
  | null;

/** A page that helps with a refusal, e.g. the earlier request a duplicate points to. */
export type ErrorLink = { href: string; label: string };

export class UserError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: FieldErrors,
    readonly link?: ErrorLink,
  ) {
    super(message);
    this.name = "UserError";
  }
}

export class RateLimitedError extends UserError {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many attempts. Try again in ${describeWait(retryAfterSeconds)}.`);
    this.name = "RateLimitedError";
  }
}

export function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/** The success answer of an action that only has a message to show. */
export function done(message: string): { ok: true; data: undefined; message: string } {
  return { ok: true, data: undefined, message };
}
