"use client";

import { usePathname, useRouter } from "next/navigation";
import { useTransition } from "react";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { shiftWeek, weekLabel, weekParam } from "./week";

export interface TeamFilterValues {
  team: string;
  week: string;
  tz: string;
}

/** Team, week and time zone of the dashboard, kept in the URL so a view can be shared and reloaded. */
export function TeamFilters({
  teams,
  timeZones,
  value,
  today,
}: {
  teams: Array<{ id: string; name: string }>;
  timeZones: string[];
  value: TeamFilterValues;
  today: string;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();

  function go(next: Partial<TeamFilterValues>) {
    const v = { ...value, ...next };
    const q = new URLSearchParams({ team: v.team, week: v.week, tz: v.tz });
    startTransition(() => router.push(`${pathname}?${q.toString()}`));
  }

  return (
    <form
      className="grid grid-cols-1 gap-4 rounded-lg border border-border p-4 sm:grid-cols-2 lg:grid-cols-[1fr_auto_1fr]"
      aria-busy={pending}
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="grid grid-cols-1 gap-2">
        <Label htmlFor="team-select">Team</Label>
        <NativeSelect id="team-select" value={value.team} onChange={(e) => go({ team: e.target.value })}>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid grid-cols-1 gap-2">
        <Label htmlFor="week-input">Week of</Label>
        <div className="flex items-center gap-1">
          <Button type="button" variant="outline" size="icon" onClick={() => go({ week: shiftWeek(value.week, -1) })} aria-label="Previous week">
            <ChevronLeft aria-hidden />
          </Button>
          <Input
            id="week-input"
            type="date"
            className="w-40"
            value={value.week}
            aria-describedby="week-label"
            onChange={(e) => e.target.value && go({ week: weekParam(e.target.value, today) })}
          />
          <Button type="button" variant="outline" size="icon" onClick={() => go({ week: shiftWeek(value.week, 1) })} aria-label="Next week">
            <ChevronRight aria-hidden />
          </Button>
          <Button type="button" variant="ghost" size="sm" onClick={() => go({ week: weekParam(today, today) })}>
            This week
          </Button>
        </div>
        <p id="week-label" className="text-xs text-muted-foreground">
          Monday to Sunday: {weekLabel(value.week)}
          {pending ? " · loading…" : ""}
        </p>
      </div>
      <div className="grid grid-cols-1 gap-2 sm:col-span-2 lg:col-span-1">
        <Label htmlFor="tz-select">Time zone</Label>
        <NativeSelect id="tz-select" value={value.tz} onChange={(e) => go({ tz: e.target.value })}>
          {timeZones.map((z) => (
            <option key={z} value={z}>
              {z.replace(/_/g, " ")}
            </option>
          ))}
        </NativeSelect>
      </div>
    </form>
  );
}
