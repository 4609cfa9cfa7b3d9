// The app's one logger: JSON lines on stdout (pino), one object per event, with the id of the
// request being served when there is one. Secrets and personal data never reach it: fields that
// hold them are censored by name, and email addresses inside messages are masked, so a stray
// value in an error message is not written either.
import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";

export type RequestContext = { requestId: string };

// One store for the whole process: the HTTP server (outside Next's bundle) opens the context and
// code inside Next's bundle reads it, so it lives on globalThis rather than in a module.
const globalForLog = globalThis as unknown as { hashworkRequestContext?: AsyncLocalStorage<RequestContext> };
export const requestContext = (globalForLog.hashworkRequestContext ??= new AsyncLocalStorage<RequestContext>());

/** Field names whose values are never written, wherever they appear in a logged object. */
const SECRET_FIELDS = [
  "password",
  "newPassword",
  "currentPassword",
  "passwordHash",
  "token",
  "secret",
  "totpSecret",
  "code",
  "recoveryCode",
  "authorization",
  "cookie",
  "set-cookie",
  "email",
  "to",
  "idNumber",
  "legalName",
  "dateOfBirth",
  "street",
  "address",
  "payoutAddress",
];

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/** Masks email addresses in free text (error messages can quote the value that failed). */
export function scrub(text: string): string {
  return text.replace(EMAIL, "[email]");
}

const paths = SECRET_FIELDS.flatMap((name) => {
  const key = /^[A-Za-z_$][\w$]*$/.test(name) ? name : `["${name}"]`;
  const at = (prefix: string) => (key.startsWith("[") ? `${prefix}${key}` : `${prefix}.${key}`);
  return [key, at("*"), at("*.*"), at("req.headers"), at("err")].map((path) => path.replace(/^\./, ""));
});

export const logger = pino(
  {
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
    base: { service: process.env.HASHWORK_PROCESS ?? "web", pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths, censor: "[redacted]" },
    mixin: () => {
      const context = requestContext.getStore();
      return context ? { requestId: context.requestId } : {};
    },
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === "string" ? scrub(arg) : arg)) as Parameters<typeof method>,
        );
      },
    },
    // Synchronous writes: a line logged just before a crash or an exit is not lost.
  },
  pino.destination({ dest: 1, sync: true }),
);

/** What may be logged about an error: its kind, code and a scrubbed, bounded message; no stack of values. */
export function errorFields(error: unknown): { err: { name: string; code?: string; message: string } } {
  if (!(error instanceof Error)) return { err: { name: typeof error, message: scrub(String(error)).slice(0, 300) } };
  const code = (error as { code?: unknown }).code;
  return {
    err: {
      name: error.name,
      ...(typeof code === "string" ? { code } : {}),
      // Prisma's validation errors quote the whole call, values included: keep the first line only.
      message: scrub(error.message.split("\n").find((line) => line.trim()) ?? "").slice(0, 300),
    },
  };
}
