"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

// Daily mining output as bars. The chart is decoration for sighted readers: the page renders the
// same figures as a table for screen readers (see DailyOutputTable), so the SVG is hidden from them.
export function OutputChart({ data }: { data: { day: string; sats: number }[] }) {
  return (
    <div aria-hidden="true" className="h-56 w-full" data-testid="output-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="currentColor" strokeOpacity={0.15} />
          <XAxis dataKey="day" tickFormatter={(day: string) => day.slice(5)} fontSize={11} minTickGap={16} />
          <YAxis fontSize={11} width={56} tickFormatter={(sats: number) => sats.toLocaleString("en-US")} />
          <Tooltip
            formatter={(sats) => [`${Number(sats).toLocaleString("en-US")} sats`, "Output"]}
            labelFormatter={(day) => `${String(day)} (UTC)`}
          />
          <Bar dataKey="sats" fill="#f59e0b" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
