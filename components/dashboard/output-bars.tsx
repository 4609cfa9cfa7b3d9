"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

// The bars of the daily output chart (output-chart.tsx loads them in the browser only). No
// keyboard layer: the chart is hidden from assistive technology, and the table beside it carries
// its figures, so nothing in it may take focus.
export function OutputBars({ data }: { data: { day: string; sats: number }[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
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
  );
}
