// One key factory for TanStack Query, so mutations invalidate exactly what they change.
export const queryKeys = {
  timer: () => ["timer"] as const,
  timeLogs: (range: { startDate: string; endDate: string; employeeId?: string }) => ["time-logs", range] as const,
  allTimeLogs: () => ["time-logs"] as const,
  timesheets: (range: { startDate: string; endDate: string }) => ["timesheets", range] as const,
  allTimesheets: () => ["timesheets"] as const,
  projects: () => ["projects"] as const,
  tasks: (projectId?: string) => ["tasks", projectId ?? "all"] as const,
  screenshots: (q: Record<string, string | undefined>) => ["screenshots", q] as const,
  dashboard: (kind: string, body: unknown) => ["dashboard", kind, body] as const,
  apiKeys: () => ["api-keys"] as const,
  users: () => ["users"] as const,
  teams: () => ["teams"] as const,
  sessions: () => ["sessions"] as const,
  rules: () => ["productivity-rules"] as const,
  invitations: () => ["invitations"] as const,
  // employee pages: one person's sheet of one week (null until the week has an entry)
  weekSheet: (employeeId: string, weekStart: string) => ["timesheets", "week", employeeId, weekStart] as const,
  // manager and admin pages
  approvalQueue: (q: { status: string; page?: number }) => ["timesheets", "queue", q] as const,
  timesheetEntries: (sheetId: string) => ["time-logs", "sheet", sheetId] as const,
  org: (orgId: string) => ["org", orgId] as const,
  orgSettings: (orgId: string) => ["org", orgId, "settings"] as const,
  screenshotSlots: (q: Record<string, string | undefined>) => ["screenshots", q, "slots"] as const,
  sheetActivity: (sheetId: string) => ["timesheets", "activity", sheetId] as const,
};
