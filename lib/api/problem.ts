// Errors of the customer API as RFC 9457 problem details (application/problem+json). Each kind
// of problem has a stable `type`, a link to its explanation on the API reference page, so a
// client can branch on it; `errors` names the fields a request got wrong.
import { routes } from "@/lib/routes";
import type { FieldErrors } from "@/lib/errors";

export const PROBLEMS = {
  "invalid-request": { status: 400, title: "The request is not valid." },
  unauthorized: { status: 401, title: "A valid API key is required." },
  forbidden: { status: 403, title: "This key may not do that." },
  "not-found": { status: 404, title: "Not found." },
  "method-not-allowed": { status: 405, title: "This route does not take that method." },
  "not-acceptable": { status: 406, title: "This route cannot answer in the format asked for." },
  "request-too-large": { status: 413, title: "The request body is too large." },
  "unsupported-media-type": { status: 415, title: "Send the request body as application/json." },
  refused: { status: 422, title: "The request was understood but refused." },
  "identity-check-required": { status: 403, title: "Verify your identity first." },
  "rate-limited": { status: 429, title: "Too many requests." },
  "server-error": { status: 500, title: "Something went wrong on our side." },
  unavailable: { status: 503, title: "The service is briefly unavailable." },
} as const;
export type ProblemCode = keyof typeof PROBLEMS;

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldErrors;
};

export function problem(code: ProblemCode, detail?: string, errors?: FieldErrors): Problem {
  const { status, title } = PROBLEMS[code];
  return {
    type: routes.customerApi.problem(code),
    title,
    status,
    ...(detail ? { detail } : {}),
    ...(errors && Object.keys(errors).length > 0 ? { errors } : {}),
  };
}

export function problemResponse(body: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...headers },
  });
}
