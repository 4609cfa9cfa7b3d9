// Reads the V8 CPU profiles `node --cpu-prof` wrote and says where the time went: the functions
// with the most self time, and self time grouped by what the code is (auth, Prisma, React…).
// The server is a production build, so app and library code sit in Next's chunks: a function is
// placed by its file when that names a package, else by its name.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

type CallFrame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/** Groups, first match wins: [label, test on "url functionName"]. */
const GROUPS: [string, RegExp][] = [
  ["garbage collection", /^\s*\(garbage collector\)/],
  ["session and JWT (next-auth, jose, lib/auth)", /next-auth|@auth[/+_]core|jose|lib[/_]auth|\bauth\b.*config/i],
  [
    "Prisma client and pg",
    /@prisma|prisma[/_]client|lib[/_]generated|[/_]pg[/_-]|pg-protocol|pg-pool|query_compiler|wasm/i,
  ],
  ["React rendering (RSC + SSR)", /react-dom|react-server|react\.|react_|[/_]react[/_]|flight/i],
  ["compression (zlib, server/compression)", /zlib|compression|brotli|gzip/i],
  ["logging (pino)", /pino|sonic-boom|logger|thread-stream/i],
  ["Next internals", /next[/_]dist|[/_]next[/_]|next-server|\.next[/]/i],
  ["Node internals (http, streams, timers)", /^node:|^internal[/]|^\s*\(/],
];

function groupOf(frame: CallFrame): string {
  const key = `${frame.url} ${frame.functionName}`;
  return GROUPS.find(([, test]) => test.test(key))?.[0] ?? "other (app code, libraries)";
}

function shortUrl(url: string): string {
  const cleaned = url.replace(/^file:\/\//, "");
  const nodeModules = cleaned.lastIndexOf("node_modules/");
  if (nodeModules >= 0) return cleaned.slice(nodeModules + "node_modules/".length);
  const next = cleaned.indexOf("/.next/");
  return next >= 0 ? cleaned.slice(next + 1) : path.basename(cleaned);
}

/** Self time of each node (µs), from the samples and their time deltas. */
function selfTimes(profile: CpuProfile): Map<number, number> {
  const times = new Map<number, number>();
  profile.samples.forEach((id, index) => times.set(id, (times.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  return times;
}

/** A text summary of the busiest profile in `dir`: the server's main thread (tsx's loader thread writes one too). */
export function summariseCpuProfiles(dir: string, top = 25): string {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(".cpuprofile"))
    .map((name) => path.join(dir, name));
  if (files.length === 0) return "No CPU profile was written.";
  const measured = files.map((file) => {
    const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const times = selfTimes(profile);
    const total = [...times.values()].reduce((sum, time) => sum + time, 0);
    const idle = [...times].reduce(
      (sum, [id, time]) => sum + (byId.get(id)?.callFrame.functionName === "(idle)" ? time : 0),
      0,
    );
    return { byId, times, total, busy: total - idle };
  });
  const { byId, times, total, busy } = measured.sort((a, b) => b.busy - a.busy)[0]!;

  const functions = new Map<string, number>();
  const groups = new Map<string, number>();
  for (const [id, time] of times) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === "(idle)") continue;
    const name = `${frame.functionName || "(anonymous)"}  ${shortUrl(frame.url)}${frame.url ? `:${frame.lineNumber + 1}` : ""}`;
    functions.set(name, (functions.get(name) ?? 0) + time);
    const group = groupOf(frame);
    groups.set(group, (groups.get(group) ?? 0) + time);
  }
  const percent = (time: number) => `${((time / busy) * 100).toFixed(1).padStart(5)} %`;
  const lines = [
    `${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy (percentages are of busy time)`,
    "",
    "Self time by group:",
    ...[...groups].sort((a, b) => b[1] - a[1]).map(([group, time]) => `  ${percent(time)}  ${group}`),
    "",
    `Top ${top} functions by self time:`,
    ...[...functions]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, time]) => `  ${percent(time)}  ${name}`),
  ];
  return lines.join("\n");
}
