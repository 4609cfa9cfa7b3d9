// Calls the customer API's route handlers in-process, the way Next would, and checks every
// answer against the OpenAPI document with openapi-backend (its ajv validators for the body of
// the status answered, and for the response headers): a contract test on each call.
import addFormats from "ajv-formats";
import OpenAPIBackend from "openapi-backend";
import { expect } from "vitest";
import { newApiKey } from "@/lib/api-keys/token";
import type { ApiScope } from "@/lib/api-keys/scopes";
import { openApiDocument } from "@/lib/api/openapi";
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip";
import type { Db } from "@/lib/db/client";
import * as handlers from "@/lib/api/handlers";

type Document = ReturnType<typeof openApiDocument>;
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/**
 * openapi-backend validates JSON bodies declared as application/json only. Our refusals are
 * application/problem+json; the validator gets a copy where those are declared as JSON (the
 * same schemas), and each call separately checks that the answered media type is the declared one.
 */
function forValidator(document: Document): Document {
  const copy = structuredClone(document) as unknown as {
    paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
  };
  for (const path of Object.values(copy.paths))
    for (const operation of Object.values(path))
      for (const response of Object.values(operation.responses)) {
        const problem = response.content?.["application/problem+json"];
        if (problem) response.content = { "application/json": problem };
      }
  return copy as unknown as Document;
}

let backend: Promise<OpenAPIBackend> | null = null;
function validator(): Promise<OpenAPIBackend> {
  backend ??= (async () => {
    const api = new OpenAPIBackend({
      definition: forValidator(openApiDocument()) as never,
      strict: true,
      validate: true,
      // `quick` skips openapi-backend's own check of the document, which knows OpenAPI 3.0 only;
      // the 3.1 document is checked by @seriousme/openapi-schema-validator in the API test.
      quick: true,
      // uuid, date and date-time are checked, not skipped.
      customizeAjv: (ajv) => {
        addFormats(ajv);
        return ajv;
      },
    });
    await api.init();
    return api;
  })();
  return backend;
}

export const seen = new Map<string, Set<number>>();

export type Call = {
  operation: keyof typeof handlers;
  key?: string | null;
  params?: Record<string, string>;
  query?: string;
  headers?: Record<string, string>;
  body?: string;
  ip?: string;
};

export type Answer = { status: number; headers: Headers; body: unknown; text: string };

export async function call(options: Call): Promise<Answer> {
  const handler = handlers[options.operation] as unknown as Handler;
  const path = options.params?.id ? `/contracts/${options.params.id}` : "/";
  const headers: Record<string, string> = {
    [CLIENT_IP_HEADER]: options.ip ?? "192.0.2.77",
    ...(options.key ? { authorization: `Bearer ${options.key}` } : {}),
    ...options.headers,
  };
  const request = new Request(`http://127.0.0.1/api/v1${path}${options.query ?? ""}`, {
    method: options.body !== undefined ? "POST" : "GET",
    headers,
    body: options.body,
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  const type = response.headers.get("content-type") ?? "";
  const body = /json/.test(type) ? JSON.parse(text) : null;
  await expectDocumented(options.operation, response.status, type, body, response.headers);
  return { status: response.status, headers: response.headers, body, text };
}

/** The answer is one the document declares: its status, media type, headers and body schema. */
async function expectDocumented(operationId: string, status: number, type: string, body: unknown, headers: Headers) {
  const document = openApiDocument() as unknown as {
    paths: Record<string, Record<string, { operationId: string; responses: Record<string, { content?: object }> }>>;
  };
  const operation = Object.values(document.paths)
    .flatMap((path) => Object.values(path))
    .find((candidate) => candidate.operationId === operationId);
  expect(operation, `${operationId} is in the document`).toBeDefined();
  const declared = operation!.responses[String(status)];
  expect(declared, `${operationId} declares status ${status}`).toBeDefined();
  const mediaType = type.split(";")[0]!.trim();
  expect(Object.keys(declared!.content ?? {}), `${operationId} ${status} declares ${mediaType}`).toContain(mediaType);
  const api = await validator();
  if (mediaType.endsWith("json")) {
    const result = api.validator.validateResponse(body, operationId, status);
    expect(result.errors ?? [], `${operationId} ${status} body matches the document`).toEqual([]);
  }
  const headerResult = api.validator.validateResponseHeaders(Object.fromEntries(headers.entries()), operationId, {
    statusCode: status,
  });
  expect(headerResult.errors ?? [], `${operationId} ${status} headers match the document`).toEqual([]);
  let statuses = seen.get(operationId);
  if (!statuses) seen.set(operationId, (statuses = new Set()));
  statuses.add(status);
}

/** A key stored the way key management stores one (hash only); the whole key is returned. */
export async function insertApiKey(
  db: Db,
  userId: string,
  scopes: readonly ApiScope[],
  overrides: { expiresAt?: Date; revokedAt?: Date } = {},
): Promise<{ key: string; id: string }> {
  const made = newApiKey();
  const row = await db.apiKey.create({
    data: {
      userId,
      name: `test ${made.prefix}`,
      prefix: made.prefix,
      secretHash: made.secretHash,
      scopes: [...scopes],
      ...overrides,
    },
  });
  return { key: made.key, id: row.id };
}
