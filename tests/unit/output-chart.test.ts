// The daily-output chart is drawn on the server: it must draw any month, including one with
// nothing settled yet (every bar zero), and say each bar's day and figure.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { OutputChart } from "@/components/dashboard/output-chart";

const days = (sats: number[]) =>
  sats.map((value, index) => ({ day: `2026-11-${String(index + 1).padStart(2, "0")}`, sats: value }));
const draw = (data: { day: string; sats: number }[]) => renderToStaticMarkup(createElement(OutputChart, { data }));

describe("the daily-output chart", () => {
  it("draws a month with nothing settled: flat bars and whole-number ticks", () => {
    const svg = draw(days(Array(30).fill(0)));
    expect(svg.match(/<rect/g)).toHaveLength(30);
    const ticks = [...svg.matchAll(/text-anchor="end"[^>]*>([^<]+)</g)].map((match) => match[1]);
    expect(ticks.length).toBeGreaterThan(1);
    for (const tick of ticks) expect(tick).toMatch(/^\d[\d,]*$/);
  });

  it("titles each bar with its day and figure, and draws no bar for no days", () => {
    const svg = draw(days([0, 83_456, 1_234_567]));
    expect(svg).toContain("<title>2026-11-02 (UTC): 83,456 sats</title>");
    expect(svg).toContain("<title>2026-11-03 (UTC): 1,234,567 sats</title>");
    expect(draw([])).not.toContain("<rect");
  });
});
