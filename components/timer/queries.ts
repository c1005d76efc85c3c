"use client";

import { useEffect } from "react";
import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";
import { fetchAll } from "@/components/data/queries";
import type { ListView as Page, SheetView as Sheet, TimeLogView as TimeLog, TimerStatusView } from "@/lib/validation/timesheet-responses";
import type { ProjectView as Project, TaskView as Task } from "@/lib/validation/tracking-responses";
import type { TimerRequest, TimerStatus } from "./timer-state";

// The employee pages' data: one query per resource through the key factory, and one place
// that says what a change invalidates. Other tabs hear about changes on a broadcast channel
// and refetch; the server stays the truth (and the timer also polls).

const CHANNEL = "timebase:time-entries";
/** Pages of 100; enough for any real week (an agent's 10-minute entries for 7 × 24 hours is 1008). */
const MAX_PAGES = 20;

/** What toTimerStatus reads of GET /api/timesheet/timer/status. */
export type TimerStatusBody = Pick<TimerStatusView, "running" | "log" | "todayDuration">;

export function toTimerStatus(body: TimerStatusBody, receivedAt: number): TimerStatus {
  return { running: body.running && body.log ? body.log : null, receivedAt };
}

export function useTimerStatus(initial?: TimerStatus) {
  return useQuery({
    queryKey: queryKeys.timer(),
    queryFn: async () => toTimerStatus(await api<TimerStatusBody>("/api/timesheet/timer/status"), Date.now()),
    initialData: initial,
    // another tab or the desktop agent may start or stop the timer: look again every 15 s
    refetchInterval: 15_000,
    refetchOnWindowFocus: "always",
  });
}

/** Every page of a list, so totals never miss entries past the first page (at most 20 pages here). */
const allPages = <T,>(path: string, query: Record<string, string | undefined>) => fetchAll<T>(path, query, api, MAX_PAGES);

export interface LogRange {
  startDate: string;
  endDate: string;
  employeeId: string;
  timeZone: string;
}

export function useTimeLogs(range: LogRange, initial?: TimeLog[]) {
  return useQuery({
    queryKey: queryKeys.timeLogs(range),
    queryFn: () => allPages<TimeLog>("/api/timesheet/time-log", { ...range }),
    initialData: initial,
  });
}

/** The person's sheet of the week starting `weekStart` (null: no entry yet, so no sheet). */
export function useWeekSheet(weekStart: string, employeeId: string, initial?: Sheet | null) {
  return useQuery({
    queryKey: queryKeys.weekSheet(employeeId, weekStart),
    queryFn: async () => {
      const body = await api<Page<Sheet>>("/api/timesheet", { query: { startDate: weekStart, endDate: weekStart, employeeId } });
      return body.items.find((s) => s.weekStart === weekStart && s.employeeId === employeeId) ?? null;
    },
    initialData: initial,
  });
}

export function useProjects(initial?: Project[]) {
  return useQuery({
    queryKey: queryKeys.projects(),
    queryFn: () => allPages<Project>("/v1/projects", {}),
    initialData: initial,
    staleTime: 60_000,
  });
}

export function useTasks(initial?: Task[]) {
  return useQuery({
    queryKey: queryKeys.tasks(),
    queryFn: () => allPages<Task>("/v1/tasks", {}),
    initialData: initial,
    staleTime: 60_000,
  });
}

function invalidateEntries(client: QueryClient) {
  return Promise.all([
    client.invalidateQueries({ queryKey: queryKeys.timer() }),
    client.invalidateQueries({ queryKey: queryKeys.allTimeLogs() }),
    client.invalidateQueries({ queryKey: queryKeys.allTimesheets() }),
  ]);
}

function tellOtherTabs() {
  if (typeof BroadcastChannel === "undefined") return;
  const ch = new BroadcastChannel(CHANNEL);
  ch.postMessage("changed");
  ch.close();
}

/** Refetches entries, timer and sheets when another tab changes them. */
export function useEntriesSync() {
  const client = useQueryClient();
  useEffect(() => {
    if (typeof BroadcastChannel === "undefined") return;
    const ch = new BroadcastChannel(CHANNEL);
    ch.onmessage = () => void invalidateEntries(client);
    return () => ch.close();
  }, [client]);
}

/**
 * Sends requests one after the other (a switch is a stop, then a start) and then refreshes
 * what they change, here and in other tabs, whether they succeeded or not: after a
 * half-done switch the page must show what the server now holds.
 */
export function useEntryMutation<V>(toRequests: (v: V) => TimerRequest[]) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (v: V) => {
      let last: unknown = null;
      for (const r of toRequests(v)) last = await api<unknown>(r.path, { method: r.method, body: r.method === "DELETE" ? undefined : r.body });
      return last;
    },
    onSettled: async () => {
      tellOtherTabs();
      await invalidateEntries(client);
    },
  });
}

export function useSubmitWeek() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (sheetId: string) => api<unknown>("/api/timesheet/submit", { method: "PUT", body: { ids: [sheetId], status: "PENDING" } }),
    onSettled: async () => {
      tellOtherTabs();
      await invalidateEntries(client);
    },
  });
}
