"use client";

import { useSyncExternalStore } from "react";
import { localDate } from "@/lib/time/zones";

// One shared ticking clock per granularity: every component that shows a running duration
// reads the same instant, and hydration renders the server's instant first so the HTML
// matches, then follows this device.

function createClock(intervalMs: number) {
  let current = Date.now();
  let timer: number | undefined;
  const listeners = new Set<() => void>();
  return {
    subscribe(listener: () => void) {
      listeners.add(listener);
      current = Date.now();
      if (timer === undefined) {
        timer = window.setInterval(() => {
          current = Date.now();
          for (const l of listeners) l();
        }, intervalMs);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer !== undefined) {
          window.clearInterval(timer);
          timer = undefined;
        }
      };
    },
    get: () => current,
  };
}

const seconds = createClock(1000);
const halfMinutes = createClock(30_000);

/** This device's clock in ms, ticking every second (or every 30 s when `coarse`). */
export function useNow(serverNow: number, coarse = false): number {
  const clock = coarse ? halfMinutes : seconds;
  return useSyncExternalStore(clock.subscribe, clock.get, () => serverNow);
}

/** Today (YYYY-MM-DD) in the person's zone; moves on at local midnight while the page stays open. */
export function useToday(timeZone: string, serverNow: number): string {
  return localDate(new Date(useNow(serverNow, true)), timeZone);
}
