"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

// Difficulty and BTC price over the days shown. Hidden from screen readers: the table beside it
// carries the same figures.
export function MarketChart({ data }: { data: { day: string; difficultyT: number; priceUsd: number }[] }) {
  return (
    <div aria-hidden="true" className="h-56 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="currentColor" strokeOpacity={0.15} />
          <XAxis dataKey="day" tickFormatter={(day: string) => day.slice(5)} fontSize={11} minTickGap={16} />
          <YAxis yAxisId="d" fontSize={11} width={48} tickFormatter={(t: number) => `${t}T`} />
          <YAxis yAxisId="p" orientation="right" fontSize={11} width={64} tickFormatter={(p: number) => `$${p}`} />
          <Tooltip />
          <Line
            yAxisId="d"
            dataKey="difficultyT"
            name="Difficulty (T)"
            stroke="#f59e0b"
            dot={false}
            isAnimationActive={false}
          />
          <Line
            yAxisId="p"
            dataKey="priceUsd"
            name="BTC price (USD)"
            stroke="#0ea5e9"
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
