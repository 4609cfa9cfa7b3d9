// The customer API's OpenAPI 3.1 document, generated from the operations table and the zod
// schemas the routes parse with (lib/api/operations.ts, lib/api/schemas.ts). Served at
// /api/v1/openapi.json and rendered at /docs/api.
import "server-only";
import { z } from "zod";
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponseObject,
  type ZodOpenApiResponsesObject,
} from "zod-openapi";
import { API_SCOPE_LABELS, API_SCOPES } from "@/lib/api-keys/scopes";
import { routes } from "@/lib/routes";
import { API_OPERATIONS, type ApiOperation } from "./operations";
import { PROBLEMS, problem, problemResponse, type ProblemCode } from "./problem";
import { problemSchema } from "./schemas";

export const API_VERSION = "1.0.0";

const rateLimitHeaders = z.object({
  "RateLimit-Limit": z.string().meta({ description: "Requests allowed per window." }),
  "RateLimit-Remaining": z.string().meta({ description: "Requests left in this window." }),
  "RateLimit-Reset": z.string().meta({ description: "Seconds until the window resets." }),
  "RateLimit-Policy": z.string().meta({ description: 'The limit and its window, e.g. "60;w=60".' }),
});

const retryAfter = z.object({
  "Retry-After": z.string().meta({ description: "Seconds to wait before the next request." }),
});

const problemAnswer = (code: ProblemCode, description: string) => ({
  description: `${PROBLEMS[code].title} ${description}`.trim(),
  // A 503 comes from the server in front of the API, before any limit is counted.
  headers:
    code === "unavailable"
      ? retryAfter
      : code === "rate-limited"
        ? rateLimitHeaders.extend(retryAfter.shape)
        : rateLimitHeaders,
  content: { "application/problem+json": { schema: problemSchema } },
});

function responsesOf(operation: ApiOperation): ZodOpenApiResponsesObject {
  const responses: Record<string, ZodOpenApiResponseObject> = {
    [String(operation.answer.status)]: {
      description: operation.answer.description,
      headers: rateLimitHeaders,
      content: {
        "application/json": { schema: operation.answer.schema },
        ...(operation.csv
          ? {
              "text/csv": {
                schema: z.string().meta({ description: "Every matching settled day, with a header row." }),
              },
            }
          : {}),
      },
    },
  };
  if (operation.replay) {
    responses[String(operation.replay.status)] = {
      description: operation.replay.description,
      headers: rateLimitHeaders,
      content: { "application/json": { schema: operation.answer.schema } },
    };
  }
  // Every route refuses unknown or repeated query parameters, so every route may answer 400.
  responses["400"] = problemAnswer("invalid-request", "See errors for each field.");
  if (operation.scope) {
    responses["401"] = problemAnswer("unauthorized", "The key is missing, mistyped, revoked or expired.");
    responses["403"] = problemAnswer(
      "forbidden",
      operation.method === "POST"
        ? `The key lacks the ${operation.scope} scope, or the account must verify its identity first.`
        : `The key lacks the ${operation.scope} scope.`,
    );
  }
  if (operation.notFound) responses["404"] = problemAnswer("not-found", operation.notFound);
  if (operation.body) {
    responses["413"] = problemAnswer("request-too-large", "");
    responses["415"] = problemAnswer("unsupported-media-type", "");
  }
  if (operation.refusals) responses["422"] = problemAnswer("refused", operation.refusals);
  responses["429"] = problemAnswer("rate-limited", "Wait for Retry-After seconds.");
  responses["500"] = problemAnswer("server-error", "Nothing was changed.");
  responses["503"] = problemAnswer(
    "unavailable",
    "Our database is out of reach for a moment; nothing was changed. Retry after Retry-After seconds.",
  );
  return responses as ZodOpenApiResponsesObject;
}

function operationObject(operation: ApiOperation): ZodOpenApiOperationObject {
  return {
    operationId: operation.id,
    summary: operation.summary,
    description: operation.description,
    tags: [operation.path.split("/")[1]!],
    security: operation.scope ? [{ apiKey: [operation.scope] }] : [],
    ...(operation.params || operation.query || operation.headers
      ? {
          requestParams: {
            ...(operation.params ? { path: operation.params } : {}),
            ...(operation.query ? { query: operation.query } : {}),
            ...(operation.headers ? { header: operation.headers } : {}),
          },
        }
      : {}),
    ...(operation.body
      ? { requestBody: { required: true, content: { "application/json": { schema: operation.body } } } }
      : {}),
    responses: responsesOf(operation),
    "x-scope": operation.scope,
    "x-curl": operation.curl,
  };
}

function buildDocument() {
  const paths: ZodOpenApiPathsObject = {};
  for (const operation of Object.values(API_OPERATIONS) as ApiOperation[]) {
    paths[operation.path] = { ...paths[operation.path], [operation.method.toLowerCase()]: operationObject(operation) };
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Hashwork customer API",
      version: API_VERSION,
      description:
        "Read your contracts, daily earnings, orders and balances, and buy hashrate paid from your balance. " +
        "Authenticate with a personal API key from your dashboard's security page: `Authorization: Bearer hw_live_…`. " +
        "Amounts are integers in USD cents or satoshis; days are UTC.",
    },
    servers: [{ url: routes.customerApi.base }],
    components: {
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          description: `A personal API key. Scopes: ${API_SCOPES.map((scope) => `${scope} (${API_SCOPE_LABELS[scope]})`).join("; ")}.`,
        },
      },
    },
    paths,
  });
}

let cached: ReturnType<typeof buildDocument> | null = null;

/** The document (built once per process). */
export function openApiDocument() {
  cached ??= buildDocument();
  return cached;
}

/** GET /api/v1/openapi.json */
export function serveOpenApiDocument(): Response {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}

/** Any address under the API that is not a route. */
export async function unknownApiRoute(): Promise<Response> {
  return problemResponse(
    problem("not-found", `No such route. The routes are listed at ${routes.customerApi.openapi}.`),
  );
}
