import type { ProofOfWorkUser } from "@/lib/validation/dashboard-responses";
import { clockIn, formatDay, formatDuration } from "@/components/format/time";
import { EmptyState } from "@/components/ui/feedback";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

/** Per person and worked day: first start, last end and the day's time, with average check-in and check-out. */
export function ProofOfWorkTable({ users, timeZone }: { users: ProofOfWorkUser[]; timeZone: string }) {
  if (users.length === 0) return <EmptyState title="Nobody in this team yet" />;
  return (
    <Table aria-label="Proof of work">
      <TableHeader>
        <TableRow>
          <TableHead>Day</TableHead>
          <TableHead>In</TableHead>
          <TableHead>Out</TableHead>
          <TableHead className="text-right">Total</TableHead>
          <TableHead className="text-right">Active</TableHead>
          <TableHead className="text-right">Idle</TableHead>
          <TableHead className="text-right">Productive</TableHead>
        </TableRow>
      </TableHeader>
      {users.map((u) => (
        <TableBody key={u.user.userId} data-testid={`pow-${u.user.userId}`}>
          <TableRow className="bg-muted/40 hover:bg-muted/40">
            <TableCell colSpan={3} className="font-medium whitespace-normal">
              <span>{u.user.name}</span>
              <span className="ml-2 text-xs font-normal text-muted-foreground">
                {u.session.avgCheckInTime ? `avg check-in ${u.session.avgCheckInTime.slice(0, 5)} · avg check-out ${u.session.avgCheckOutTime?.slice(0, 5)}` : "no time tracked"}
              </span>
            </TableCell>
            <TableCell className="text-right font-medium tabular-nums" data-seconds={u.overallSummary.totalTimeSpendSeconds}>
              {formatDuration(u.overallSummary.totalTimeSpendSeconds)}
            </TableCell>
            <TableCell className="text-right tabular-nums">{formatDuration(u.overallSummary.totalActiveTimeSpendSeconds)}</TableCell>
            <TableCell className="text-right tabular-nums">{formatDuration(u.overallSummary.totalIdleTimeSpendSeconds)}</TableCell>
            <TableCell className="text-right tabular-nums">{formatDuration(u.overallSummary.totalProductiveTimeSpendSeconds)}</TableCell>
          </TableRow>
          {u.dailySummary.map((d) => (
            <TableRow key={d.date}>
              <TableCell className="pl-4">{formatDay(d.date)}</TableCell>
              <TableCell className="tabular-nums">
                <time dateTime={d.inTime}>{clockIn(d.inTime, timeZone)}</time>
              </TableCell>
              <TableCell className="tabular-nums">
                <time dateTime={d.outTime}>{clockIn(d.outTime, timeZone)}</time>
              </TableCell>
              <TableCell className="text-right tabular-nums">{formatDuration(d.totalTimeSpendSeconds)}</TableCell>
              <TableCell className="text-right tabular-nums">{formatDuration(d.activeTimeSpendSeconds)}</TableCell>
              <TableCell className="text-right tabular-nums">{formatDuration(d.idleTimeSpendSeconds)}</TableCell>
              <TableCell className="text-right tabular-nums">{formatDuration(d.productiveTimeSpendSeconds)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      ))}
    </Table>
  );
}
