import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";
import { formatInteger } from "@/lib/format/number";

// Daily mining output as bars, drawn on the server as plain SVG (visx's scales and shapes): no
// chart code reaches the browser, and the page paints with its chart. The chart is decoration
// for sighted readers: the page renders the same figures as a table for screen readers (see
// DailyOutputTable), so the SVG is hidden from them and nothing in it takes focus. Each bar's
// title shows its day and figure on hover.
const WIDTH = 720;
const HEIGHT = 240;
const MARGIN = { top: 8, right: 8, bottom: 24, left: 64 };
const X_LABELS = 6;
const Y_TICKS = 4;

export function OutputChart({ data }: { data: { day: string; sats: number }[] }) {
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = scaleBand({ domain: data.map((point) => point.day), range: [0, innerWidth], padding: 0.2 });
  // At least Y_TICKS sats high, and whole ticks only: a chart of zero days has nothing fractional to say.
  const top = Math.max(Y_TICKS, ...data.map((point) => point.sats));
  const y = scaleLinear({ domain: [0, top], range: [innerHeight, 0], nice: true });
  const ticks = y.ticks(Y_TICKS).filter(Number.isInteger);
  const labelEvery = Math.max(1, Math.ceil(data.length / X_LABELS));
  const label = { fontSize: 11, fill: "currentColor", fillOpacity: 0.7 };
  return (
    <div aria-hidden="true" className="w-full" data-testid="output-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full" focusable="false">
        <Group left={MARGIN.left} top={MARGIN.top}>
          {ticks.map((tick) => (
            <g key={tick}>
              <line
                x1={0}
                x2={innerWidth}
                y1={y(tick)}
                y2={y(tick)}
                stroke="currentColor"
                strokeOpacity={0.15}
                strokeDasharray="3 3"
              />
              <text x={-8} y={y(tick)} dy="0.32em" textAnchor="end" {...label}>
                {formatInteger(tick)}
              </text>
            </g>
          ))}
          {data.map((point) => (
            <Bar
              key={point.day}
              x={x(point.day)}
              y={y(point.sats)}
              width={x.bandwidth()}
              height={innerHeight - y(point.sats)}
              fill="#f59e0b"
            >
              <title>{`${point.day} (UTC): ${formatInteger(point.sats)} sats`}</title>
            </Bar>
          ))}
          {data.map((point, index) =>
            index % labelEvery === 0 ? (
              <text
                key={point.day}
                x={(x(point.day) ?? 0) + x.bandwidth() / 2}
                y={innerHeight + 16}
                textAnchor="middle"
                {...label}
              >
                {point.day.slice(5)}
              </text>
            ) : null,
          )}
        </Group>
      </svg>
    </div>
  );
}
