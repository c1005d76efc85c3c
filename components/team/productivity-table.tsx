import type { ProductivityAnalysisRow } from "@/lib/validation/dashboard-responses";
import { formatDuration, percent } from "@/components/format/time";
import { EmptyState } from "@/components/ui/feedback";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

function ShareBar({ t }: { t: ProductivityAnalysisRow["timeSummary"] }) {
  const whole = t.activeWorkedTimeInSeconds || 1;
  const parts = [
    ["var(--color-productive)", t.productiveWorkedTimeInSeconds],
    ["var(--color-neutral)", t.neutralWorkedTimeInSeconds],
    ["var(--color-unproductive)", t.unproductiveWorkedTimeInSeconds],
  ] as const;
  return (
    <div className="flex h-2 w-28 overflow-hidden rounded-full bg-muted" aria-hidden>
      {parts.map(([color, s], i) => (
        <div key={i} style={{ width: `${(s / whole) * 100}%`, background: color }} />
      ))}
    </div>
  );
}

/** Active time per person, split by how the organisation's rules classify it. */
export function ProductivityTable({ rows }: { rows: ProductivityAnalysisRow[] }) {
  if (rows.length === 0) return <EmptyState title="Nobody in this team yet">Add members on the admin pages.</EmptyState>;
  return (
    <Table aria-label="Productivity per person">
      <TableHeader>
        <TableRow>
          <TableHead>Person</TableHead>
          <TableHead className="text-right">Active</TableHead>
          <TableHead className="text-right">Productive</TableHead>
          <TableHead className="text-right">Neutral</TableHead>
          <TableHead className="text-right">Unproductive</TableHead>
          <TableHead>Share productive</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map(({ user, timeSummary: t }) => (
          <TableRow key={user.userId} data-testid={`productivity-${user.userId}`}>
            <TableCell className="font-medium">{user.name}</TableCell>
            <TableCell className="text-right tabular-nums" data-seconds={t.activeWorkedTimeInSeconds}>
              {formatDuration(t.activeWorkedTimeInSeconds)}
            </TableCell>
            <TableCell className="text-right tabular-nums">{formatDuration(t.productiveWorkedTimeInSeconds)}</TableCell>
            <TableCell className="text-right tabular-nums">{formatDuration(t.neutralWorkedTimeInSeconds)}</TableCell>
            <TableCell className="text-right tabular-nums">{formatDuration(t.unproductiveWorkedTimeInSeconds)}</TableCell>
            <TableCell>
              <div className="flex items-center gap-2">
                <ShareBar t={t} />
                <span className="tabular-nums">{percent(t.productiveWorkedTimeInSeconds, t.activeWorkedTimeInSeconds)}</span>
              </div>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
