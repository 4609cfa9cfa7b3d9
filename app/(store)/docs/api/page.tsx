import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { ReferenceTable, SchemaType, schemaAnchor, type JsonSchema } from "@/components/api-docs/schema-type";
import { API_SCOPE_LABELS, API_SCOPES } from "@/lib/api-keys/scopes";
import { API_OPERATIONS, type ApiOperation } from "@/lib/api/operations";
import { openApiDocument } from "@/lib/api/openapi";
import { PROBLEMS } from "@/lib/api/problem";
import { LIMITS } from "@/lib/auth/rate-limit";
import { routes } from "@/lib/routes";

export const metadata: Metadata = {
  title: "API reference",
  description: "Read your contracts, daily earnings, orders and balances from your own tools, with a personal API key.",
};

type Parameter = { in: string; name: string; required?: boolean; description?: string; schema?: JsonSchema };
type ObjectSchema = JsonSchema & {
  properties?: Record<string, JsonSchema & { description?: string }>;
  required?: string[];
};
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>;
};

const code = "rounded bg-chip px-1 py-0.5 font-mono text-[0.85em]";
const pre = "overflow-x-auto rounded-lg border border-line bg-surface p-3 font-mono text-xs leading-relaxed";

export default function ApiReferencePage() {
  const document = openApiDocument() as unknown as {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, ObjectSchema> };
  };
  const operations = Object.values(API_OPERATIONS) as ApiOperation[];
  const perKey = LIMITS.apiRequestsPerKey;
  return (
    <div className="mx-auto max-w-4xl space-y-12 px-4 py-10">
      <header className="space-y-3">
        <h1 className="text-3xl font-semibold tracking-tight">API reference</h1>
        <p className="text-muted">
          Read your contracts, daily earnings, orders and balances from a spreadsheet, a tax tool or a home dashboard,
          and buy hashrate paid from your balance. Every route answers JSON under{" "}
          <code className={code}>{routes.customerApi.base}</code>; the machine-readable description is the{" "}
          <a href={routes.customerApi.openapi} className="underline underline-offset-4">
            OpenAPI 3.1 document
          </a>
          .
        </p>
        <nav aria-label="On this page">
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {[
              ["#keys", "Keys"],
              ["#limits", "Rate limits"],
              ["#pages", "Pages"],
              ["#errors", "Errors"],
              ["#routes", "Routes"],
              ["#schemas", "Schemas"],
            ].map(([href, label]) => (
              <li key={href}>
                <a href={href} className="underline underline-offset-4">
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>

      <section id="keys" aria-labelledby="keys-title" className="space-y-3">
        <h2 id="keys-title" className="text-xl font-semibold">
          Keys
        </h2>
        <p>
          Make a personal key on your{" "}
          <IntentLink href={routes.dashboard.security} className="underline underline-offset-4">
            security page
          </IntentLink>{" "}
          and send it with every request: <code className={code}>Authorization: Bearer hw_live_…</code>. The key is
          shown once; we keep only a keyed hash of it. Revoking it stops it at once. A key reads and changes its
          owner&apos;s data only, within its scopes:
        </p>
        <ul className="list-disc space-y-1 pl-6">
          {API_SCOPES.map((scope) => (
            <li key={scope}>
              <code className={code}>{scope}</code>: {API_SCOPE_LABELS[scope]}.
            </li>
          ))}
        </ul>
        <p className="text-sm text-muted">
          Keys work from your own servers and scripts. Browsers on other sites are not allowed to call the API (no
          CORS), so a web page can never use a key a visitor has.
        </p>
      </section>

      <section id="limits" aria-labelledby="limits-title" className="space-y-3">
        <h2 id="limits-title" className="text-xl font-semibold">
          Rate limits
        </h2>
        <p>
          Each key may send {perKey.points} requests per {perKey.seconds} seconds; public routes allow the same per
          address. Every answer says where you stand in <code className={code}>RateLimit-Limit</code>,{" "}
          <code className={code}>RateLimit-Remaining</code> and <code className={code}>RateLimit-Reset</code> (seconds).
          Past the limit the answer is <code className={code}>429</code> with <code className={code}>Retry-After</code>.
        </p>
      </section>

      <section id="pages" aria-labelledby="pages-title" className="space-y-3">
        <h2 id="pages-title" className="text-xl font-semibold">
          Pages and retries
        </h2>
        <p>
          Lists answer a page at a time: <code className={code}>limit</code> rows (1–200, default 50) and a{" "}
          <code className={code}>nextCursor</code> to pass as <code className={code}>cursor</code> for the next page,
          null on the last. Placing an order needs an <code className={code}>Idempotency-Key</code> header: sending the
          same key again gives back the same order, so a request retried after a network error never buys twice.
        </p>
      </section>

      <section id="errors" aria-labelledby="errors-title" className="space-y-3">
        <h2 id="errors-title" className="text-xl font-semibold">
          Errors
        </h2>
        <p>
          Refusals are <code className={code}>application/problem+json</code> (RFC 9457): a{" "}
          <code className={code}>type</code> linking to its entry below, a <code className={code}>title</code>, the{" "}
          <code className={code}>status</code>, a <code className={code}>detail</code>, and for a bad request{" "}
          <code className={code}>errors</code> with messages per field. A refused request changes nothing.
        </p>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
          {Object.entries(PROBLEMS).map(([name, entry]) => (
            <div key={name} id={`problem-${name}`} className="contents">
              <dt className="font-mono text-sm">
                {entry.status} {name}
              </dt>
              <dd className="text-sm text-muted">{entry.title}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section id="routes" aria-labelledby="routes-title" className="space-y-8">
        <h2 id="routes-title" className="text-xl font-semibold">
          Routes
        </h2>
        {operations.map((operation) => {
          const described = document.paths[operation.path]![operation.method.toLowerCase()]!;
          const body = described.requestBody?.content["application/json"]?.schema;
          return (
            <article
              key={operation.id}
              id={operation.id}
              aria-labelledby={`${operation.id}-title`}
              className="space-y-3 rounded-xl border border-line bg-surface p-5"
            >
              <h3 id={`${operation.id}-title`} className="flex flex-wrap items-baseline gap-2 text-lg font-semibold">
                <span className="rounded bg-chip px-2 py-0.5 font-mono text-sm">{operation.method}</span>
                <span className="font-mono text-base">
                  {routes.customerApi.base}
                  {operation.path}
                </span>
              </h3>
              <p className="font-medium">{operation.summary}</p>
              <p className="text-sm text-muted">{operation.description}</p>
              <p className="text-sm">
                {operation.scope ? (
                  <>
                    Needs a key with <code className={code}>{operation.scope}</code>.
                  </>
                ) : (
                  "Public: no key needed."
                )}
              </p>
              {described.parameters?.length ? (
                <ReferenceTable
                  caption={`Parameters of ${operation.summary.toLowerCase()}`}
                  columns={["Parameter", "In", "Type", "Meaning"]}
                >
                  {described.parameters.map((parameter) => (
                    <tr key={`${parameter.in}-${parameter.name}`} className="border-t border-line align-top">
                      <td className="py-1 pr-3 font-mono">
                        {parameter.name}
                        {parameter.required ? " *" : ""}
                      </td>
                      <td className="py-1 pr-3">{parameter.in}</td>
                      <td className="py-1 pr-3">
                        <SchemaType schema={parameter.schema} />
                      </td>
                      <td className="py-1">{parameter.description ?? parameter.schema?.description}</td>
                    </tr>
                  ))}
                </ReferenceTable>
              ) : null}
              {body ? (
                <p className="text-sm">
                  Body (JSON): <SchemaType schema={body} />
                </p>
              ) : null}
              <div className="text-sm">
                <p className="font-medium">Answers</p>
                <ul className="mt-1 space-y-1">
                  {Object.entries(described.responses).map(([status, response]) => {
                    const schema = response.content?.["application/json"]?.schema;
                    return (
                      <li key={status}>
                        <span className="font-mono">{status}</span> {response.description}
                        {schema ? (
                          <>
                            {" "}
                            <SchemaType schema={schema} />
                          </>
                        ) : null}
                        {response.content?.["text/csv"] ? " Also as text/csv." : null}
                      </li>
                    );
                  })}
                </ul>
              </div>
              <pre className={pre} tabIndex={0} aria-label={`Example: ${operation.summary.toLowerCase()}`}>
                <code>{operation.curl}</code>
              </pre>
            </article>
          );
        })}
        <p className="text-sm text-muted">
          In the examples, <code className={code}>$BASE</code> is this site&apos;s address and{" "}
          <code className={code}>$KEY</code> your key. Parameters marked * are required.
        </p>
      </section>

      <section id="schemas" aria-labelledby="schemas-title" className="space-y-6">
        <h2 id="schemas-title" className="text-xl font-semibold">
          Schemas
        </h2>
        {Object.entries(document.components.schemas).map(([name, schema]) => (
          <article
            key={name}
            id={schemaAnchor(name)}
            aria-labelledby={`${schemaAnchor(name)}-title`}
            className="space-y-2"
          >
            <h3 id={`${schemaAnchor(name)}-title`} className="font-mono text-base font-semibold">
              {name}
            </h3>
            <ReferenceTable caption={`Fields of ${name}`} columns={["Field", "Type", "Meaning"]}>
              {Object.entries(schema.properties ?? {}).map(([field, property]) => (
                <tr key={field} className="border-t border-line align-top">
                  <td className="py-1 pr-3 font-mono">
                    {field}
                    {schema.required?.includes(field) ? "" : " (optional)"}
                  </td>
                  <td className="py-1 pr-3">
                    <SchemaType schema={property} />
                  </td>
                  <td className="py-1">{property.description}</td>
                </tr>
              ))}
            </ReferenceTable>
          </article>
        ))}
      </section>
    </div>
  );
}
