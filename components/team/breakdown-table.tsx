import type { WeeklySummary } from "@/lib/validation/dashboard-responses";
import { formatDay, formatDuration } from "@/components/format/time";
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "@/components/ui/table";

const COLUMNS = [
  ["total", "Total", (m: WeeklySummary["breakdownSummary"][number]["metrics"]) => m.totalTimeSpendSeconds],
  ["productive", "Productive", (m: WeeklySummary["breakdownSummary"][number]["metrics"]) => m.productiveTimeSpendSeconds],
  ["neutral", "Neutral", (m: WeeklySummary["breakdownSummary"][number]["metrics"]) => m.neutralTimeSpendSeconds],
  ["unproductive", "Unproductive", (m: WeeklySummary["breakdownSummary"][number]["metrics"]) => m.unproductiveTimeSpendSeconds],
  ["idle", "Idle", (m: WeeklySummary["breakdownSummary"][number]["metrics"]) => m.idleTimeSpendSeconds],
] as const;

/** The chart's numbers as a table: readable without the chart, and by screen readers. */
export function BreakdownTable({ summary }: { summary: WeeklySummary }) {
  const o = summary.overallSummary;
  const totals = {
    total: o.totalTimeSpendSeconds,
    productive: o.totalProductiveTimeSpendSeconds,
    neutral: o.totalNeutralTimeSpendSeconds,
    unproductive: o.totalUnproductiveTimeSpendSeconds,
    idle: o.totalIdleTimeSpendSeconds,
  };
  return (
    <Table aria-label="Time per day">
      <TableHeader>
        <TableRow>
          <TableHead>Day</TableHead>
          {COLUMNS.map(([key, label]) => (
            <TableHead key={key} className="text-right">
              {label}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {summary.breakdownSummary.map((d) => (
          <TableRow key={d.date} data-testid={`day-${d.date.slice(0, 10)}`}>
            <TableCell>{formatDay(d.date)}</TableCell>
            {COLUMNS.map(([key, , pick]) => (
              <TableCell key={key} className="text-right tabular-nums" data-col={key} data-seconds={pick(d.metrics)}>
                {formatDuration(pick(d.metrics))}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
      <TableFooter>
        <TableRow>
          <TableCell>Week</TableCell>
          {COLUMNS.map(([key]) => (
            <TableCell key={key} className="text-right tabular-nums" data-col={key} data-seconds={totals[key]}>
              {formatDuration(totals[key])}
            </TableCell>
          ))}
        </TableRow>
      </TableFooter>
    </Table>
  );
}
