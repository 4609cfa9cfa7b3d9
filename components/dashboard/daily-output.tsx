import { OutputChart } from "@/components/dashboard/output-chart";
import { formatBtc, formatSats } from "@/lib/money/format";

// The chart and, for screen readers, the same figures as a table.
export function DailyOutput({ daily }: { daily: { day: string; sats: bigint }[] }) {
  return (
    <div>
      <OutputChart data={daily.map((point) => ({ day: point.day, sats: Number(point.sats) }))} />
      <table className="sr-only" data-testid="daily-output-table">
        <caption>Daily mining output, last 30 days (UTC)</caption>
        <thead>
          <tr>
            <th scope="col">Day (UTC)</th>
            <th scope="col">Output</th>
          </tr>
        </thead>
        <tbody>
          {daily.map((point) => (
            <tr key={point.day}>
              <td>{point.day}</td>
              <td>
                {formatSats(point.sats)} ({formatBtc(point.sats)})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
