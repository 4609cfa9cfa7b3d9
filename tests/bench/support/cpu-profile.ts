// Reads the V8 CPU profiles `node --cpu-prof` wrote and says where the time went: busy time by
// what the code is (session and JWT, Prisma, rendering…), and the functions with the most self
// time. The server runs a production build, so app and library code sit in Next's chunks: a
// frame there is placed through the chunk's source map. A sample counts for the first frame,
// from the running function up, that is not Node's own, so time spent writing a socket or
// hashing on behalf of a library counts for that library.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

const NODE_INTERNALS = "Node internals (http, streams, timers, crypto)";

/** Groups by source path, first match wins. */
const GROUPS: [string, RegExp][] = [
  ["session and JWT (next-auth, @auth/core, jose, lib/auth)", /next-auth|@auth\/core|%40auth|jose|hkdf|lib\/auth\//],
  ["Prisma and pg (queries, lib/db)", /@prisma|%40prisma|prisma|lib\/generated|\/pg\/|pg-protocol|pg-pool|lib\/db\//],
  ["React rendering and Next's app render (RSC + SSR)", /app-page-turbo|app-page-runtime|react-dom|react-server/],
  ["compression (zlib, server/compression)", /zlib|compression|compressible/],
  ["logging (pino, lib/log)", /pino|sonic-boom|thread-stream|lib\/log\//],
  ["jobs in the web process (pg-boss timers)", /pg-boss|cron-parser|luxon|lib\/jobs\//],
  ["the app's HTTP server (server/)", /\/server\/(http-server|micro-cache|readiness)/],
  ["Next internals (routing, proxy, other)", /next\/|\.next\//],
  ["app code (app/, components/, lib/)", /(^|\/)(app|components|lib)\//],
  ["tsx and module loading", /tsx\/|^node:internal\/modules/],
];

function mapFor(maps: Map<string, SourceMap | null>, url: string): SourceMap | null {
  if (!maps.has(url)) {
    const file = `${url.replace(/^file:\/\//, "")}.map`;
    let map: SourceMap | null = null;
    try {
      if (existsSync(file)) map = new SourceMap(JSON.parse(readFileSync(file, "utf8")));
    } catch {
      // an unreadable map: placed by the chunk's name
    }
    maps.set(url, map);
  }
  return maps.get(url)!;
}

/** The source file a frame ran in: through the source map for Next's chunks. */
function sourceOf(frame: CallFrame, maps: Map<string, SourceMap | null>): string {
  if (!frame.url) return frame.functionName;
  if (frame.url.includes("/.next/")) {
    const entry = mapFor(maps, frame.url)?.findEntry(frame.lineNumber, frame.columnNumber);
    const original = entry && "originalSource" in entry ? entry.originalSource : undefined;
    if (original) return decodeURIComponent(original.replace(/^.*\[project\]\//, "").replace(/^(\.\.\/)+/, ""));
  }
  return frame.url.replace(/^file:\/\//, "");
}

function groupOf(source: string): string | null {
  if (source === "(garbage collector)") return "garbage collection";
  if (source === "(program)") return "V8 (program)";
  return GROUPS.find(([, test]) => test.test(source))?.[0] ?? null;
}

function shortSource(source: string): string {
  const nodeModules = source.lastIndexOf("node_modules/");
  if (nodeModules >= 0) return source.slice(nodeModules + "node_modules/".length);
  const root = source.indexOf(process.cwd());
  return root >= 0 ? source.slice(root + process.cwd().length + 1) : source;
}

type Summary = { busy: number; total: number; groups: Map<string, number>; functions: Map<string, number> };

function summarise(profile: CpuProfile): Summary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const maps = new Map<string, SourceMap | null>();
  const sources = new Map<number, string>();
  const source = (id: number) => {
    if (!sources.has(id)) sources.set(id, sourceOf(byId.get(id)!.callFrame, maps));
    return sources.get(id)!;
  };
  const owner = new Map<number, string>();
  const ownerOf = (leaf: number): string => {
    if (!owner.has(leaf)) {
      let group: string | null = null;
      for (let id: number | undefined = leaf; id !== undefined && !group; id = parent.get(id))
        group = groupOf(source(id));
      owner.set(leaf, group ?? NODE_INTERNALS);
    }
    return owner.get(leaf)!;
  };

  const summary: Summary = { busy: 0, total: 0, groups: new Map(), functions: new Map() };
  profile.samples.forEach((id, index) => {
    const time = profile.timeDeltas[index] ?? 0;
    summary.total += time;
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === "(idle)") return;
    summary.busy += time;
    const group = ownerOf(id);
    summary.groups.set(group, (summary.groups.get(group) ?? 0) + time);
    const name = `${frame.functionName || "(anonymous)"}  ${shortSource(source(id))}`;
    summary.functions.set(name, (summary.functions.get(name) ?? 0) + time);
  });
  return summary;
}

/** A text summary of the busiest profile in `dir`: the server's main thread (tsx's loader thread writes one too). */
export function summariseCpuProfiles(dir: string, top = 25): string {
  const files = readdirSync(dir).filter((name) => name.endsWith(".cpuprofile"));
  if (files.length === 0) return "No CPU profile was written.";
  const summaries = files.map((name) =>
    summarise(JSON.parse(readFileSync(path.join(dir, name), "utf8")) as CpuProfile),
  );
  const { busy, total, groups, functions } = summaries.sort((a, b) => b.busy - a.busy)[0]!;
  const percent = (time: number) => `${((time / busy) * 100).toFixed(1).padStart(5)} %`;
  const ranked = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]);
  return [
    `${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy (percentages are of busy time;`,
    "start-up, sign-in and warm-up included)",
    "",
    "Busy time by owner:",
    ...ranked(groups).map(([group, time]) => `  ${percent(time)}  ${group}`),
    "",
    `Top ${top} functions by self time:`,
    ...ranked(functions)
      .slice(0, top)
      .map(([name, time]) => `  ${percent(time)}  ${name}`),
  ].join("\n");
}
