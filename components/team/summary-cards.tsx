import type { WeeklySummary } from "@/lib/validation/dashboard-responses";
import { formatDuration, percent } from "@/components/format/time";

/** The week's totals for the team; `data-seconds` carries the exact number behind each. */
export function SummaryCards({ overall }: { overall: WeeklySummary["overallSummary"] }) {
  const cards = [
    { id: "total", label: "Total time", seconds: overall.totalTimeSpendSeconds, note: "active + idle" },
    { id: "active", label: "Active", seconds: overall.totalActiveTimeSpendSeconds, note: `${percent(overall.totalActiveTimeSpendSeconds, overall.totalTimeSpendSeconds)} of total` },
    { id: "idle", label: "Idle", seconds: overall.totalIdleTimeSpendSeconds, note: `${percent(overall.totalIdleTimeSpendSeconds, overall.totalTimeSpendSeconds)} of total` },
    {
      id: "productive",
      label: "Productive",
      seconds: overall.totalProductiveTimeSpendSeconds,
      note: `${percent(overall.totalProductiveTimeSpendSeconds, overall.totalActiveTimeSpendSeconds)} of active`,
    },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      {cards.map((c) => (
        <div key={c.id} className="rounded-lg border border-border p-4">
          <dt className="text-sm text-muted-foreground">{c.label}</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid={`overall-${c.id}`} data-seconds={c.seconds}>
            {formatDuration(c.seconds)}
          </dd>
          <dd className="text-xs text-muted-foreground">{c.note}</dd>
        </div>
      ))}
    </dl>
  );
}
