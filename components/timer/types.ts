// The shapes the employee pages read from the API (toTimeLog in lib/services/entry-views.ts,
// the /v1 project and task views), declared here so client code does not import server code.

export interface TimeLog {
  id: string;
  startedAt: string;
  stoppedAt: string | null;
  /** Whole seconds; a running log counts up to the moment the server answered. */
  duration: number;
  logType: "TRACKED" | "MANUAL" | "IDLE" | "RESUMED";
  source: string;
  description: string | null;
  employeeId: string;
  projectId: string | null;
  taskId: string | null;
  timesheetId?: string | null;
  isBillable?: boolean;
  isRunning?: boolean;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface Project {
  id: string;
  name: string;
  externalId?: string | null;
}

export interface Task {
  id: string;
  name: string;
  projectId: string | null;
  status?: "open" | "closed";
}

/** What the timer shows: the running log (or none), as the server saw it when it answered. */
export interface TimerStatus {
  running: TimeLog | null;
  /** Date.now() on this device when the answer arrived (to correct for clock skew). */
  receivedAt: number;
}

/** A weekly timesheet (GET /api/timesheet): status and totals of the entries filed in it. */
export interface Sheet {
  id: string;
  employeeId: string;
  weekStart: string;
  weekEnd: string;
  status: "DRAFT" | "PENDING" | "IN_REVIEW" | "APPROVED" | "DENIED";
  /** Seconds. */
  duration: number;
  logCount: number;
  submittedAt: string | null;
  reviewedAt: string | null;
  /** Why it was denied. */
  reason: string | null;
}
