"use client";

import { useQuery } from "@tanstack/react-query";
import type { CountsView as Counts, SheetView } from "@/lib/validation/timesheet-responses";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

/** Average overall activity (percent of the week's 10-minute slots) of a sheet's owner; null when no agent reported any. */
export function useSheetActivity(sheet: Pick<SheetView, "id" | "employeeId" | "weekStart" | "weekEnd">, timeZone: string) {
  return useQuery({
    queryKey: queryKeys.sheetActivity(sheet.id),
    queryFn: () =>
      api<Counts>("/api/timesheet/statistics/counts", {
        query: { employeeId: sheet.employeeId, startDate: sheet.weekStart, endDate: sheet.weekEnd, timeZone },
      }),
    select: (c) => (c.weeklyActivities > 0 ? c.weeklyActivities : null),
    staleTime: 60_000,
  });
}
