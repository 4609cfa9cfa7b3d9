// The export as a stream of ZIP bytes: data.json (one document with every section), one CSV per
// section, the customer's identity documents and a README. Rows come from the database in pages
// of PAGE_ROWS, ordered by each section's keys and continued after the last key seen (keyset
// paging), and PostgreSQL writes each row's JSON, so memory stays flat whatever the history's size.
import "server-only";
import { Readable } from "node:stream";
import yazl from "yazl";
import { db } from "@/lib/db";
import { pool } from "@/lib/db/pool";
import { csvCell } from "@/lib/format/csv";
import { openDetails, documentContext } from "@/lib/kyc/personal-data";
import { readEncryptedFile } from "@/lib/storage/encrypted-files";
import { EXPORT_TTL_DAYS } from "@/lib/privacy/retention-rules";
import { EXPORT_SECTIONS, type ExportSection } from "./sections";

const PAGE_ROWS = 5_000;
// Fastest deflate: the text compresses about 3:1 all the same, at a fraction of the CPU time.
const COMPRESSION_LEVEL = 1;
const EXTENSIONS: Record<string, string> = { "image/jpeg": "jpg", "image/png": "png", "application/pdf": "pdf" };

type Column = { name: string; type: string };

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The exported columns of every section's table, in table order, read from the catalogue. */
async function exportedColumns(): Promise<Map<string, Column[]>> {
  const tables = EXPORT_SECTIONS.map((section) => section.table);
  const { rows } = await pool().query<{ table_name: string; column_name: string; udt_name: string }>(
    `SELECT table_name, column_name, udt_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = ANY($1::text[]) ORDER BY table_name, ordinal_position`,
    [tables],
  );
  const columns = new Map<string, Column[]>();
  for (const row of rows) {
    const list = columns.get(row.table_name) ?? [];
    list.push({ name: row.column_name, type: row.udt_name });
    columns.set(row.table_name, list);
  }
  return columns;
}

type Page = { rows: string[]; last: string[] | null };
type Format = "json" | "csv";

const asText = { getTypeParser: () => (value: string) => value };

/**
 * The section's rows after `after` (keyset): as PostgreSQL's JSON text of each row, or as CSV
 * lines made from each value's text (PostgreSQL's own format: no parsing on the way).
 */
async function page(
  section: ExportSection,
  columns: Column[],
  userId: string,
  after: string[] | null,
  format: Format,
): Promise<Page> {
  const selected = columns.filter((column) => !section.omit?.includes(column.name));
  const keyColumns = section.keys.map((key) => columns.find((column) => column.name === key)!);
  const keyList = keyColumns.map((column) => `t.${ident(column.name)}`).join(", ");
  const params: unknown[] = [userId];
  let continueAfter = "";
  if (after) {
    const placeholders = keyColumns.map((column, index) => {
      params.push(after[index]);
      return `$${params.length}::${ident(column.type)}`;
    });
    continueAfter = `AND (${keyList}) > (${placeholders.join(", ")})`;
  }
  const values =
    format === "json" ? ["row_to_json(x)::text"] : selected.map((column) => `x.${ident(column.name)}::text`);
  const sql = `
    SELECT ${values.join(", ")}, ${keyColumns.map((column) => `x.${ident(column.name)}::text`).join(", ")}
    FROM (
      SELECT ${selected.map((column) => `t.${ident(column.name)}`).join(", ")}
      FROM ${ident(section.table)} t
      WHERE (${section.scope.replaceAll("$1", "$1::uuid")}) ${continueAfter}
      ORDER BY ${keyList}
      LIMIT ${PAGE_ROWS}
    ) x
    ORDER BY ${keyColumns.map((column) => `x.${ident(column.name)}`).join(", ")}`;
  const { rows } = await pool().query<(string | null)[]>({
    text: sql,
    values: params,
    rowMode: "array",
    types: asText,
  });
  const last = rows.at(-1);
  return {
    rows:
      format === "json"
        ? rows.map((row) => row[0]!)
        : rows.map((row) => row.slice(0, values.length).map(csvText).join(",")),
    last: rows.length === PAGE_ROWS && last ? (last.slice(values.length) as string[]) : null,
  };
}

const csvText = (value: string | null) => (value === null ? "" : csvCell(value));

/** The section's rows page by page; the next page is already being read while one is used. */
async function* sectionRows(
  section: ExportSection,
  columns: Column[],
  userId: string,
  format: Format,
): AsyncGenerator<string[]> {
  let next: Promise<Page> | null = page(section, columns, userId, null, format);
  while (next) {
    const result: Page = await next;
    next = result.last ? page(section, columns, userId, result.last, format) : null;
    if (result.rows.length) yield result.rows;
  }
}

function csvValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return csvCell(JSON.stringify(value));
  return csvCell(String(value));
}

export type ExportContents = { userId: string; generatedAt: Date };

/** The ZIP as a stream; nothing is read from the database until the stream is read. */
export async function exportZip({ userId, generatedAt }: ExportContents): Promise<Readable> {
  const columns = await exportedColumns();
  const columnsOf = (section: ExportSection) => {
    const list = columns.get(section.table);
    if (!list) throw new Error(`Export: table ${section.table} not found`);
    return list;
  };
  const kycCase = await db.kycCase.findUnique({
    where: { userId },
    select: {
      id: true,
      dataEnc: true,
      documents: { select: { id: true, kind: true, storageKey: true, mimeType: true, createdAt: true } },
    },
  });
  const kycDetails = kycCase?.dataEnc ? openDetails(userId, kycCase.dataEnc) : null;

  const zip = new yazl.ZipFile();
  const mtime = generatedAt;

  async function* dataJson(): AsyncGenerator<string> {
    yield `{"format":"hashwork-export/1","generatedAt":${JSON.stringify(generatedAt.toISOString())},"customerId":${JSON.stringify(userId)}`;
    yield `,"kyc_details":${JSON.stringify(kycDetails)}`;
    for (const section of EXPORT_SECTIONS) {
      const single = section.name === "profile" || section.name === "payout_address" || section.name === "kyc_case";
      yield `,${JSON.stringify(section.name)}:`;
      if (single) {
        let first: string | null = null;
        for await (const rows of sectionRows(section, columnsOf(section), userId, "json")) first ??= rows[0] ?? null;
        yield first ?? "null";
        continue;
      }
      yield "[";
      let separator = "";
      for await (const rows of sectionRows(section, columnsOf(section), userId, "json")) {
        yield separator + rows.join(",");
        separator = ",";
      }
      yield "]";
    }
    yield "}\n";
  }

  async function* csv(section: ExportSection): AsyncGenerator<string> {
    const names = columnsOf(section)
      .filter((column) => !section.omit?.includes(column.name))
      .map((column) => column.name);
    yield names.map(csvCell).join(",") + "\r\n";
    for await (const lines of sectionRows(section, columnsOf(section), userId, "csv")) {
      yield lines.join("\r\n") + "\r\n";
    }
  }

  const output = zip.outputStream as Readable;
  // A failed entry (a query error) fails the whole archive, so its writer stops and cleans up.
  const failOutput = (error: Error) => output.destroy(error);
  zip.on("error", failOutput);
  const lazy = (name: string, make: () => AsyncGenerator<string>) =>
    zip.addReadStreamLazy(name, { mtime, compressionLevel: COMPRESSION_LEVEL }, (callback) =>
      callback(null, Readable.from(make()).on("error", failOutput)),
    );

  zip.addBuffer(Buffer.from(readme(kycCase?.documents.length ?? 0), "utf8"), "README.txt", { mtime });
  lazy("data.json", dataJson);
  for (const section of EXPORT_SECTIONS) lazy(`csv/${section.name}.csv`, () => csv(section));
  if (kycDetails) {
    lazy("csv/kyc_details.csv", async function* () {
      const entries = Object.entries(kycDetails);
      yield entries.map(([key]) => csvCell(key)).join(",") + "\r\n";
      yield entries.map(([, value]) => csvValue(value)).join(",") + "\r\n";
    });
  }
  for (const document of kycCase?.documents ?? []) {
    const name = `kyc-documents/${document.kind}-${document.createdAt.toISOString().slice(0, 10)}-${document.id.slice(0, 8)}.${EXTENSIONS[document.mimeType] ?? "bin"}`;
    zip.addReadStreamLazy(name, { mtime, compress: false }, (callback) => {
      readEncryptedFile(document.storageKey, documentContext(kycCase!.id, document.storageKey)).then(
        (content) => callback(null, Readable.from([content])),
        (error: Error) => {
          failOutput(error);
          callback(error, Readable.from([]));
        },
      );
    });
  }
  zip.end();
  return output;
}

function readme(documents: number): string {
  const lines = [
    "Your Hashwork data",
    "==================",
    "",
    "This archive holds everything Hashwork keeps about you, as it was when the export was built.",
    `It can be downloaded for ${EXPORT_TTL_DAYS} days; then we delete it.`,
    "",
    "data.json         Everything below in one JSON document (sections by the names below).",
    "csv/<name>.csv    The same data, one CSV file per section (UTF-8, comma-separated, one header row).",
    documents
      ? "kyc-documents/    The identity documents you sent us, decrypted for you."
      : "kyc-documents/    (none: you sent no identity documents)",
    "",
    "Units: USD amounts are in cents, BTC amounts in satoshis (100,000,000 per BTC); times are UTC.",
    "",
    "Sections",
    "--------",
    "kyc_details       The personal details of your identity check (name, date of birth, address, ID), decrypted for you.",
    ...EXPORT_SECTIONS.map((section) => `${section.name.padEnd(17)} ${section.description}`),
    "",
    "Why we hold it",
    "--------------",
    "Account, sessions, security log and emails: to run your account and keep it safe.",
    "Orders, contracts, settlements, ledger, credits and withdrawals: to perform your contracts, and",
    "because the law requires us to keep transaction records for 5 years after an account is closed.",
    "Identity check: required by law before larger purchases and any withdrawal.",
    "Consents: to respect your choices about marketing, analytics and advertising.",
    "Privacy requests: to answer them and show that we did.",
    "",
    "Not included: passwords, two-factor secrets and single-use links (we keep only unreadable hashes",
    "of them), our staff's internal notes, and records of work a staff member did on other people's",
    "accounts. Ask our privacy officer from the Privacy centre about anything else.",
    "",
  ];
  return lines.join("\r\n");
}
