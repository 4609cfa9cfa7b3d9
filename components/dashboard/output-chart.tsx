"use client";

import dynamic from "next/dynamic";

// Drawn in the browser only: the chart sizes itself to its box, which the server cannot measure
// (it would render an empty chart), and rendering it there cost every dashboard request a chart's
// worth of work for nothing. The box keeps its height meanwhile, so nothing moves.
const OutputBars = dynamic(() => import("./output-bars").then((module) => module.OutputBars), { ssr: false });

// Daily mining output as bars. The chart is decoration for sighted readers: the page renders the
// same figures as a table for screen readers (see DailyOutputTable), so the SVG is hidden from them.
export function OutputChart({ data }: { data: { day: string; sats: number }[] }) {
  return (
    <div aria-hidden="true" className="h-56 w-full" data-testid="output-chart">
      <OutputBars data={data} />
    </div>
  );
}
