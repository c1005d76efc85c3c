import type { TimeEntry } from "@/db/schema";

/**
 * Sources whose entries an agent recorded (the desktop app, the browser extension, the mobile
 * app): their type and times are evidence, so the owner may not reclassify them (IDLE into
 * TRACKED) and every change of their type or times is audited (lib/services/tracking/time-entries/).
 */
export const AGENT_SOURCES: readonly TimeEntry["source"][] = ["DESKTOP", "BROWSER_EXTENSION", "MOBILE"];

export const isAgentRecorded = (e: Pick<TimeEntry, "source">): boolean => AGENT_SOURCES.includes(e.source);
