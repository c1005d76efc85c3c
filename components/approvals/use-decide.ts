"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { SheetView } from "@/lib/validation/timesheet-responses";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

export type Decision = { action: "approve"; ids: string[] } | { action: "deny"; ids: string[]; reason: string };

/** Approves or denies sheets (all or none, as the API does); every timesheet query is refreshed after. */
export function useDecide(onDone?: (d: Decision, result: { items: SheetView[] }) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (d: Decision) =>
      api<{ items: SheetView[]; total: number }>(`/api/timesheet/${d.action}`, {
        method: "PUT",
        body: d.action === "deny" ? { ids: d.ids, reason: d.reason } : { ids: d.ids },
      }),
    onSuccess: (result, d) => {
      onDone?.(d, result);
    },
    // a refused bulk call may still mean someone else changed a sheet meanwhile: refresh either way
    onSettled: () => qc.invalidateQueries({ queryKey: queryKeys.allTimesheets() }),
  });
}
