// The one wrapper every customer API route goes through, in this order:
//   key → rate limit → scope → parse (path, query, headers, body) → handler → answer.
// Refusals are problem details (lib/api/problem.ts) and change nothing; every answer carries
// RateLimit-* headers and is never cached. Keys come only from the Authorization header (never
// a cookie or the address), so a browser session cannot be used here and no page on another site
// can call the API with a visitor's credentials: no CORS headers are ever sent.
import "server-only";
import type { z } from "zod";
import { authenticateApiKey, type ApiCaller } from "@/lib/api-keys/authenticate";
import type { RequestInfo } from "@/lib/activity/record";
import { useLimit, type LimitState } from "@/lib/auth/rate-limit";
import { RateLimitedError, UserError, type FieldErrors } from "@/lib/errors";
import { BodyTooLargeError, readLimitedText } from "@/lib/http/limited-body";
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip";
import { KycRequiredError } from "@/lib/kyc/gates";
import { errorFields, logger } from "@/lib/log/logger";
import { fieldErrorsOf } from "@/lib/validation/common";
import type { ApiOperation } from "./operations";
import { problem, problemResponse, type Problem } from "./problem";

/** Bodies of the API are a few fields of JSON. */
export const API_BODY_LIMIT_BYTES = 16 * 1024;

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export type ApiInput<O extends ApiOperation> = {
  params: Parsed<O["params"]>;
  query: Parsed<O["query"]>;
  headers: Parsed<O["headers"]>;
  body: Parsed<O["body"]>;
};

export type ApiContext<O extends ApiOperation> = {
  caller: O["scope"] extends null ? null : ApiCaller;
  request: RequestInfo;
  /** The client asked for CSV (Accept: text/csv, or ?format=csv on routes that offer it). */
  wantsCsv: boolean;
};

/** A JSON answer in the operation's schema, or a finished response (CSV). */
export type ApiAnswer<O extends ApiOperation> =
  { status?: number; body: z.input<O["answer"]["schema"]> } | { response: Response };

export class ApiProblem extends Error {
  constructor(readonly body: Problem) {
    super(body.title);
    this.name = "ApiProblem";
  }
}

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

export function apiRoute<O extends ApiOperation>(
  operation: O,
  handler: (input: ApiInput<O>, ctx: ApiContext<O>) => Promise<ApiAnswer<O>>,
): (request: Request, context: RouteContext) => Promise<Response> {
  return async (request, context) => {
    const info: RequestInfo = {
      ip: request.headers.get(CLIENT_IP_HEADER)?.slice(0, 64) ?? null,
      userAgent: request.headers.get("user-agent"),
    };
    let limit: LimitState | null = null;
    const answer = (response: Response) => withStandardHeaders(response, limit);
    try {
      let caller: ApiCaller | null = null;
      if (operation.scope) {
        const found = await authenticateApiKey(request.headers.get("authorization"), info.ip);
        if (typeof found === "string") {
          limit = await useLimit("apiRequestsPerIp", info.ip ?? "unknown");
          if (!limit.allowed) return answer(rateLimited(limit.resetSeconds));
          return answer(
            problemResponse(
              problem(
                "unauthorized",
                found === "missing"
                  ? "Send your API key as Authorization: Bearer <key>. Keys are made on your dashboard's security page."
                  : "This key is not valid: it may be mistyped, revoked or expired.",
              ),
              { "www-authenticate": `Bearer realm="hashwork"${found === "invalid" ? ', error="invalid_token"' : ""}` },
            ),
          );
        }
        caller = found;
        limit = await useLimit("apiRequestsPerKey", caller.keyId);
      } else {
        limit = await useLimit("apiRequestsPerIp", info.ip ?? "unknown");
      }
      if (!limit.allowed) return answer(rateLimited(limit.resetSeconds));
      if (operation.scope && caller && !caller.scopes.includes(operation.scope)) {
        return answer(
          problemResponse(problem("forbidden", `This key does not have the ${operation.scope} scope.`), {
            "www-authenticate": `Bearer realm="hashwork", error="insufficient_scope", scope="${operation.scope}"`,
          }),
        );
      }

      const url = new URL(request.url);
      const wantsCsv = Boolean(operation.csv) && asksForCsv(request, url);
      const input = {
        params: operation.params ? parse(operation.params, await context.params) : undefined,
        query: operation.query ? parse(operation.query.strict(), queryObject(url.searchParams)) : noQuery(url),
        headers: operation.headers
          ? parse(operation.headers, headerObject(request.headers, operation.headers))
          : undefined,
        body: operation.body ? parse(operation.body, await jsonBody(request)) : undefined,
      } as ApiInput<O>;
      const ctx = { caller, request: info, wantsCsv } as ApiContext<O>;
      const result = await handler(input, ctx);
      if ("response" in result) return answer(result.response);
      return answer(Response.json(result.body, { status: result.status ?? operation.answer.status }));
    } catch (error) {
      if (error instanceof ApiProblem) return answer(problemResponse(error.body));
      if (error instanceof RateLimitedError) return answer(rateLimited(error.retryAfterSeconds, error.message));
      if (error instanceof KycRequiredError)
        return answer(problemResponse(problem("identity-check-required", error.message)));
      if (error instanceof UserError)
        return answer(problemResponse(problem("refused", error.message, error.fieldErrors)));
      logger.error({ ...errorFields(error), operation: operation.id }, "api request failed unexpectedly");
      return answer(problemResponse(problem("server-error", "Nothing was changed; please try again.")));
    }
  };
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new ApiProblem(
      problem("invalid-request", "Correct the fields named in errors.", fieldErrorsOf(parsed.error)),
    );
  }
  return parsed.data;
}

/** Query parameters as an object; one sent twice is refused rather than guessed at. */
function queryObject(search: URLSearchParams): Record<string, string> {
  // No prototype: a parameter named __proto__ is a key like any other (and refused as unknown).
  const result = Object.create(null) as Record<string, string>;
  const twice: FieldErrors = {};
  for (const [key, value] of search) {
    if (key in result) twice[key] = ["Give this parameter once."];
    result[key] = value;
  }
  if (Object.keys(twice).length > 0)
    throw new ApiProblem(problem("invalid-request", "A parameter was repeated.", twice));
  return result;
}

function noQuery(url: URL): undefined {
  const unknown = [...new Set(url.searchParams.keys())];
  if (unknown.length > 0) {
    throw new ApiProblem(
      problem(
        "invalid-request",
        "This route takes no query parameters.",
        Object.fromEntries(unknown.map((key) => [key, ["Unknown parameter."]])),
      ),
    );
  }
  return undefined;
}

function headerObject(headers: Headers, schema: z.ZodObject): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of Object.keys(schema.shape)) {
    const value = headers.get(name);
    if (value !== null) result[name] = value;
  }
  return result;
}

async function jsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new ApiProblem(problem("unsupported-media-type", "Send Content-Type: application/json."));
  }
  let text: string;
  try {
    text = await readLimitedText(request, API_BODY_LIMIT_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      throw new ApiProblem(problem("request-too-large", `Bodies are at most ${API_BODY_LIMIT_BYTES} bytes.`));
    }
    throw error;
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiProblem(problem("invalid-request", "The body is not valid JSON.", { body: ["Not valid JSON."] }));
  }
}

function asksForCsv(request: Request, url: URL): boolean {
  if (url.searchParams.get("format") === "csv") return true;
  if (url.searchParams.get("format") === "json") return false;
  const accept = request.headers.get("accept") ?? "";
  return /(^|,)\s*text\/csv\s*(;|,|$)/i.test(accept) && !/(^|,)\s*application\/json\s*(;|,|$)/i.test(accept);
}

function rateLimited(retryAfterSeconds: number, detail = "Wait before sending more requests."): Response {
  return problemResponse(problem("rate-limited", `${detail} Retry after ${retryAfterSeconds} s.`), {
    "retry-after": String(retryAfterSeconds),
  });
}

function withStandardHeaders(response: Response, limit: LimitState | null): Response {
  const headers = new Headers(response.headers);
  headers.set("cache-control", "no-store");
  headers.set("x-content-type-options", "nosniff");
  if (limit) {
    headers.set("ratelimit-limit", String(limit.limit));
    headers.set("ratelimit-remaining", String(limit.remaining));
    headers.set("ratelimit-reset", String(limit.resetSeconds));
    headers.set("ratelimit-policy", `${limit.limit};w=${limit.windowSeconds}`);
  }
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
