// Keyset (cursor) pagination for every list that can grow without bound. A page is found by
// the sort key and id of the row it continues from, never by an offset, so the 10,000th page
// costs what the first does: the database seeks into an index on (key, id) and reads one page.
//
// A cursor is opaque to the browser: base64url JSON of { k: key, id, d: direction }, parsed
// with zod on the way back. Anything malformed (hand-edited, truncated, another list's cursor)
// reads as "no cursor" and shows the first page; it never reaches the database unchecked.
import { z } from "zod";

export const PAGE_SIZE = 50;

/** "after" continues the list in its order (older rows of a newest-first list); "before" goes back. */
export type Direction = "after" | "before";

export type Boundary<K> = { key: K; id: string };
export type Cursor<K> = Boundary<K> & { direction: Direction };

export type Page<T> = {
  items: T[];
  /** The cursor of the next page, or null on the last one. */
  next: string | null;
  /** The cursor of the previous page, or null on the first one. */
  previous: string | null;
  /** A cursor was given but is not one of ours: the first page is shown instead. */
  rejectedCursor: boolean;
};

/** What a list's query is asked for: rows past `boundary` (or from the start), in `order`. */
export type Seek<K> = {
  boundary: Boundary<K> | null;
  /** "forward" is the list's own order; "backward" the reverse (for a "before" cursor). */
  order: "forward" | "backward";
  take: number;
};

const MAX_CURSOR_LENGTH = 512;

/** The sort keys lists use: instants (ISO text in the cursor) and plain strings such as emails. */
export const cursorKeys = {
  instant: z.iso.datetime({ offset: true }).transform((value) => new Date(value)),
  text: z.string().max(320),
} as const;

export type CursorCodec<K> = {
  encode(row: Boundary<K>, direction: Direction): string;
  decode(raw: unknown): Cursor<K> | null;
};

/** A codec for one list's cursors; `key` parses the sort key, `keyText` writes it. */
export function cursorCodec<K>(key: z.ZodType<K>, keyText: (value: K) => string | number): CursorCodec<K> {
  const shape = z.object({ k: key, id: z.uuid(), d: z.enum(["after", "before"]) }).strict();
  return {
    encode: (row, direction) =>
      Buffer.from(JSON.stringify({ k: keyText(row.key), id: row.id, d: direction }), "utf8").toString("base64url"),
    decode(raw) {
      if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_CURSOR_LENGTH) return null;
      if (!/^[A-Za-z0-9_-]+$/.test(raw)) return null;
      let json: unknown;
      try {
        json = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
      } catch {
        return null;
      }
      const parsed = shape.safeParse(json);
      return parsed.success ? { key: parsed.data.k, id: parsed.data.id, direction: parsed.data.d } : null;
    },
  };
}

/** The cursor codec of lists ordered by an instant (createdAt, submittedAt…) and id. */
export const instantCursor = cursorCodec(cursorKeys.instant, (value) => value.toISOString());

/**
 * Runs one page of a keyset list. `fetch` returns up to `take` rows past the boundary in the
 * asked order; `keyOf` names a row's sort key and id. One row more than a page is read to know
 * whether another page follows.
 */
export async function keysetPage<T, K>(options: {
  /** The raw cursor from the address (a search param); parsed here. */
  cursor: unknown;
  codec: CursorCodec<K>;
  size?: number;
  fetch: (seek: Seek<K>) => Promise<T[]>;
  keyOf: (row: T) => Boundary<K>;
}): Promise<Page<T>> {
  const size = options.size ?? PAGE_SIZE;
  const { codec, keyOf } = options;
  const cursor = codec.decode(options.cursor);
  const rejectedCursor = options.cursor !== undefined && options.cursor !== "" && cursor === null;
  const backward = cursor?.direction === "before";
  const rows = await options.fetch({
    boundary: cursor ? { key: cursor.key, id: cursor.id } : null,
    order: backward ? "backward" : "forward",
    take: size + 1,
  });
  const more = rows.length > size;
  const page = rows.slice(0, size);
  if (backward) page.reverse();
  const first = page[0];
  const last = page[page.length - 1];
  if (backward) {
    return {
      items: page,
      previous: more && first ? codec.encode(keyOf(first), "before") : null,
      next: last ? codec.encode(keyOf(last), "after") : null,
      rejectedCursor,
    };
  }
  return {
    items: page,
    next: more && last ? codec.encode(keyOf(last), "after") : null,
    previous: cursor && first ? codec.encode(keyOf(first), "before") : null,
    rejectedCursor,
  };
}

type Comparison = "lt" | "gt";

/**
 * The Prisma `where` that seeks past a boundary on (field, id): rows whose (field, id) is
 * below (`lt`) or above (`gt`) it. Written as `field ≤ key AND (field < key OR id < id)` so
 * PostgreSQL uses `field ≤ key` as the index condition and starts the scan at the boundary
 * (a bare OR would make it filter every row before it).
 */
export function seekWhere<F extends string, K>(field: F, boundary: Boundary<K>, comparison: Comparison) {
  const inclusive = comparison === "lt" ? "lte" : "gte";
  return {
    AND: [
      { [field]: { [inclusive]: boundary.key } },
      { OR: [{ [field]: { [comparison]: boundary.key } }, { id: { [comparison]: boundary.id } }] },
    ],
  } as {
    AND: [
      Record<F, Partial<Record<"lte" | "gte", K>>>,
      { OR: [Record<F, Partial<Record<Comparison, K>>>, { id: Partial<Record<Comparison, string>> }] },
    ];
  };
}

/**
 * The `where` and `orderBy` of one seek for a list ordered by (field, id), newest or oldest
 * first. Backward seeks flip both, and keysetPage turns the rows round again.
 */
export function seekQuery<F extends string, K>(field: F, seek: Seek<K>, listOrder: "desc" | "asc") {
  const descending = (listOrder === "desc") === (seek.order === "forward");
  const direction = descending ? "desc" : "asc";
  return {
    where: seek.boundary ? seekWhere(field, seek.boundary, descending ? "lt" : "gt") : {},
    orderBy: [{ [field]: direction }, { id: direction }] as [Record<F, "asc" | "desc">, { id: "asc" | "desc" }],
    take: seek.take,
  };
}

/** Reads a search param that must be a single short string; anything else is absent. */
export function searchParam(value: string | string[] | undefined, max = 100): string {
  return typeof value === "string" ? value.trim().slice(0, max) : "";
}

/**
 * Text for Prisma's startsWith/contains, which pass it to LIKE as it is: `%`, `_` and `\` are
 * escaped so a search for them finds them rather than everything.
 */
export function likeText(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}
