// CPU time (user + system) a process and its descendants have used, from Linux's /proc. Unlike
// requests/s it does not depend on what else the machine is running, so it compares runs.
import { existsSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function children(pid: number): number[] {
  const file = `/proc/${pid}/task/${pid}/children`;
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
}

function ownTicks(pid: number): number {
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

/** Milliseconds of CPU used so far by `pid` and everything it started; null where /proc is missing. */
export function treeCpuMs(pid: number | undefined): number | null {
  if (!pid || !existsSync(`/proc/${pid}/stat`)) return null;
  let ticks = 0;
  const pending = [pid];
  while (pending.length > 0) {
    const next = pending.pop()!;
    try {
      ticks += ownTicks(next);
      pending.push(...children(next));
    } catch {
      // it ended meanwhile
    }
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}
