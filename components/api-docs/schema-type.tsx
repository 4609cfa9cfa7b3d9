// How a JSON Schema reads in the API reference: "string (uuid)", "integer", "one of …", or a
// link to a named schema further down the page.
type JsonSchema = {
  $ref?: string;
  description?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
};

export const schemaAnchor = (name: string) => `schema-${name}`;

export function SchemaType({ schema }: { schema: JsonSchema | undefined }) {
  if (!schema) return <span>any</span>;
  if (schema.$ref) {
    const name = schema.$ref.split("/").pop()!;
    return (
      <a href={`#${schemaAnchor(name)}`} className="font-mono underline underline-offset-4">
        {name}
      </a>
    );
  }
  const options = schema.anyOf ?? schema.oneOf;
  if (options) {
    return (
      <>
        {options.map((option, index) => (
          <span key={index}>
            {index > 0 ? " or " : null}
            <SchemaType schema={option} />
          </span>
        ))}
      </>
    );
  }
  if (schema.enum)
    return <span className="font-mono">{schema.enum.map((value) => JSON.stringify(value)).join(" | ")}</span>;
  if (schema.const !== undefined) return <span className="font-mono">{JSON.stringify(schema.const)}</span>;
  if (schema.type === "array") {
    return (
      <span>
        list of <SchemaType schema={schema.items} />
      </span>
    );
  }
  if (schema.type === "object" && typeof schema.additionalProperties === "object") {
    return (
      <span>
        map of field → <SchemaType schema={schema.additionalProperties} />
      </span>
    );
  }
  const type = Array.isArray(schema.type) ? schema.type.join(" or ") : (schema.type ?? "any");
  return <span className="font-mono">{schema.format ? `${type} (${schema.format})` : type}</span>;
}

export type { JsonSchema };

/** A reference table: a caption for screen readers, a header row, then the rows given. */
export function ReferenceTable({
  caption,
  columns,
  children,
}: {
  caption: string;
  columns: string[];
  children: React.ReactNode;
}) {
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="text-muted">
        <tr>
          {columns.map((column, index) => (
            <th key={column} scope="col" className={`py-1 font-medium ${index < columns.length - 1 ? "pr-3" : ""}`}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
