"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { ChevronLeft, ChevronRight } from "lucide-react";
import type { SlotView } from "@/lib/validation/timesheet-responses";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";
import { addDaysToDate } from "@/lib/time/zones";
import { cn } from "@/lib/utils";
import { formatDay } from "@/components/format/time";
import { fetchAll } from "@/components/data/queries";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorMessage } from "@/components/ui/feedback";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { ScreenshotViewer } from "./screenshot-viewer";
import { groupByHour, samePath, viewerOrder, type GalleryShot, type Shot } from "./slots";

export interface GalleryPerson {
  id: string;
  name: string;
}

/** /screenshots: one person's day, hour by hour in 10-minute slots, with a full-size viewer. */
export function Gallery({
  people,
  selfId,
  isAdmin,
  timeZone,
  initialUser,
  initialDay,
  today,
}: {
  people: GalleryPerson[];
  selfId: string;
  isAdmin: boolean;
  timeZone: string;
  initialUser: string;
  initialDay: string;
  today: string;
}) {
  const qc = useQueryClient();
  const [user, setUser] = useState(initialUser);
  const [day, setDay] = useState(initialDay);
  const [openId, setOpenId] = useState<string | null>(null);
  const q = { user, day, timeZone };
  const person = people.find((p) => p.id === user)?.name ?? "";
  const canDelete = isAdmin || user === selfId;

  function choose(next: { user?: string; day?: string }) {
    const v = { user, day, ...next };
    setUser(v.user);
    setDay(v.day);
    setOpenId(null);
    // the URL names the view, so it survives a reload and can be shared
    window.history.replaceState(null, "", `/screenshots?${new URLSearchParams({ user: v.user, day: v.day })}`);
  }

  const range = { startDate: day, endDate: day, timeZone, employeeId: user };
  const shots = useQuery({
    queryKey: queryKeys.screenshots(q),
    queryFn: () => fetchAll<Shot>("/api/timesheet/screenshot", range),
  });
  const slots = useQuery({
    queryKey: queryKeys.screenshotSlots(q),
    queryFn: () => fetchAll<SlotView>("/api/timesheet/time-slot", range),
  });
  const groups = useMemo(() => groupByHour(shots.data ?? [], slots.data ?? [], timeZone), [shots.data, slots.data, timeZone]);
  const order = useMemo(() => viewerOrder(groups), [groups]);

  const remove = useMutation({
    mutationFn: (s: GalleryShot) => api(`/api/timesheet/screenshot/${s.id}`, { method: "DELETE" }),
    onSuccess: async (_r, s) => {
      const i = order.findIndex((o) => o.id === s.id);
      setOpenId(order[i + 1]?.id ?? order[i - 1]?.id ?? null);
      await qc.invalidateQueries({ queryKey: queryKeys.screenshots(q) });
    },
  });

  return (
    <div className="grid grid-cols-1 gap-6">
      <div className="grid grid-cols-1 gap-4 rounded-lg border border-border p-4 sm:grid-cols-2">
        {people.length > 1 ? (
          <div className="grid grid-cols-1 gap-2">
            <Label htmlFor="shot-person">Person</Label>
            <NativeSelect id="shot-person" value={user} onChange={(e) => choose({ user: e.target.value })}>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                  {p.id === selfId ? " (you)" : ""}
                </option>
              ))}
            </NativeSelect>
          </div>
        ) : null}
        <div className="grid grid-cols-1 gap-2">
          <Label htmlFor="shot-day">Day</Label>
          <div className="flex items-center gap-1">
            <Button type="button" variant="outline" size="icon" aria-label="Previous day" onClick={() => choose({ day: addDaysToDate(day, -1) })}>
              <ChevronLeft aria-hidden />
            </Button>
            <Input id="shot-day" type="date" className="w-40" value={day} max={today} onChange={(e) => e.target.value && choose({ day: e.target.value })} />
            <Button type="button" variant="outline" size="icon" aria-label="Next day" disabled={day >= today} onClick={() => choose({ day: addDaysToDate(day, 1) })}>
              <ChevronRight aria-hidden />
            </Button>
            {day !== today ? (
              <Button type="button" variant="ghost" size="sm" onClick={() => choose({ day: today })}>
                Today
              </Button>
            ) : null}
          </div>
        </div>
      </div>

      <section aria-labelledby="shots-heading" className="grid grid-cols-1 gap-4">
        <h2 id="shots-heading" className="text-lg font-semibold">
          {person ? `${person}, ` : ""}
          {formatDay(day, { year: true })}
          {shots.data ? <span className="ml-2 text-sm font-normal text-muted-foreground">{shots.data.length} screenshots</span> : null}
        </h2>
        {shots.isPending ? (
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
            {Array.from({ length: 6 }, (_, i) => (
              <Skeleton key={i} className="aspect-video" />
            ))}
          </div>
        ) : shots.error ? (
          <ErrorMessage error={shots.error} />
        ) : groups.length === 0 ? (
          <EmptyState title="No screenshots on this day">The desktop agent takes them while the timer runs, if your organisation has screenshots on.</EmptyState>
        ) : (
          groups.map((h) => (
            <section key={h.startMs} aria-label={`${h.label}, ${h.count} screenshots`} className="grid grid-cols-1 gap-2">
              <h3 className="text-sm font-medium text-muted-foreground">
                {h.label} <span className="font-normal">· {h.count}</span>
              </h3>
              <ol className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
                {h.slots.map((s) => (
                  <li key={s.startMs} className={cn("rounded-md border border-border p-1.5", s.shots.length === 0 && "border-dashed")}>
                    {s.shots.length === 0 ? (
                      <div className="flex aspect-video items-center justify-center rounded bg-muted/50 text-xs text-muted-foreground">
                        <span className="sr-only">{s.start}: </span>no screenshot
                      </div>
                    ) : (
                      <div className="grid grid-cols-1 gap-1">
                        {s.shots.map((shot) => (
                          <button
                            key={shot.id}
                            type="button"
                            onClick={() => setOpenId(shot.id)}
                            className="block overflow-hidden rounded outline-none focus-visible:ring-2 focus-visible:ring-primary/60"
                            aria-label={`Open the screenshot of ${shot.clock}`}
                            data-testid="screenshot-thumb"
                          >
                            {/* eslint-disable-next-line @next/next/no-img-element -- an authorised API image, not a static asset */}
                            <img src={samePath(shot.thumb)} alt="" loading="lazy" className="aspect-video w-full bg-muted object-cover" />
                          </button>
                        ))}
                      </div>
                    )}
                    <div className="mt-1 flex items-center justify-between text-xs">
                      <span className="tabular-nums">{s.shots[0]?.clock ?? s.start}</span>
                      <span className="text-muted-foreground tabular-nums" title="Overall activity of the 10 minutes">
                        {s.activity === null ? "—" : `${s.activity}%`}
                      </span>
                    </div>
                  </li>
                ))}
              </ol>
            </section>
          ))
        )}
        {slots.error ? <ErrorMessage error={`Activity could not be loaded: ${(slots.error as Error).message}`} /> : null}
      </section>

      <ScreenshotViewer
        order={order}
        openId={openId}
        onOpenId={(id) => {
          remove.reset();
          setOpenId(id);
        }}
        canDelete={canDelete}
        onDelete={(s) => remove.mutate(s)}
        deleting={remove.isPending}
        deleteError={remove.error}
        personName={person}
        dayLabel={formatDay(day)}
      />
    </div>
  );
}
