"use client";

import { Lock } from "lucide-react";
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils";
import { formatDay, formatDuration, formatHm } from "@/components/format/time";
import type { Names } from "@/components/timer/project-task-fields";
import type { WeekGrid } from "./week-grid";

/**
 * Days × projects with row and column totals. Each cell is a button that adds time to that
 * project on that day; locked weeks and days still to come have no such button.
 */
export function WeekTable({
  grid,
  names,
  today,
  locked,
  onAdd,
}: {
  grid: WeekGrid;
  names: Names;
  today: string;
  locked: boolean;
  onAdd: (day: string, projectId: string | null) => void;
}) {
  return (
    <Table aria-label="Hours per project and day" className="min-w-[40rem]">
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead scope="col" className="sticky left-0 z-10 bg-background">
            Project
          </TableHead>
          {grid.days.map((d) => (
            <TableHead key={d} scope="col" className={cn("text-center", d === today && "text-foreground")}>
              {formatDay(d)}
            </TableHead>
          ))}
          <TableHead scope="col" className="text-right">
            Total
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {grid.rows.map((row) => {
          const project = names.project(row.projectId);
          return (
            <TableRow key={row.projectId ?? "none"}>
              <TableHead scope="row" className="sticky left-0 z-10 max-w-48 truncate bg-background font-medium text-foreground">
                {project}
              </TableHead>
              {row.cells.map((seconds, i) => {
                const day = grid.days[i]!;
                const text = formatHm(seconds);
                const future = day > today;
                const label = `${project}, ${formatDay(day)}: ${seconds ? formatDuration(seconds) : "nothing logged"}`;
                return (
                  <TableCell key={day} className="p-1 text-center tabular-nums">
                    {locked || future ? (
                      <span className="inline-flex h-8 min-w-12 items-center justify-center gap-1 px-2 text-muted-foreground" aria-label={label}>
                        {text || "–"}
                        {locked && seconds ? <Lock className="size-3" aria-hidden /> : null}
                      </span>
                    ) : (
                      <button
                        type="button"
                        onClick={() => onAdd(day, row.projectId)}
                        aria-label={`${label}. Add time`}
                        className="inline-flex h-8 min-w-12 items-center justify-center rounded-md px-2 outline-none hover:bg-muted focus-visible:ring-2 focus-visible:ring-primary/50"
                      >
                        {text || <span className="text-muted-foreground">+</span>}
                      </button>
                    )}
                  </TableCell>
                );
              })}
              <TableCell className="text-right font-medium tabular-nums">{formatHm(row.total)}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
      <TableFooter>
        <TableRow className="hover:bg-transparent">
          <TableHead scope="row" className="sticky left-0 z-10 bg-muted font-semibold text-foreground">
            Total
          </TableHead>
          {grid.dayTotals.map((s, i) => (
            <TableCell key={grid.days[i]} className="text-center font-semibold tabular-nums">
              {formatHm(s) || "–"}
            </TableCell>
          ))}
          <TableCell className="text-right font-semibold tabular-nums" data-testid="grid-total">
            {formatHm(grid.total) || "0:00"}
          </TableCell>
        </TableRow>
      </TableFooter>
    </Table>
  );
}
