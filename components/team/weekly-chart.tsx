"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDuration } from "@/components/format/time";
import { SERIES, type DayBar } from "./chart-data";

function ChartTooltip({ active, payload }: { active?: boolean; payload?: ReadonlyArray<{ payload?: DayBar }> }) {
  const bar = payload?.[0]?.payload;
  if (!active || !bar) return null;
  return (
    <div className="rounded-md border border-border bg-background p-2 text-xs shadow-md">
      <p className="mb-1 font-medium">
        {bar.label} {bar.date} · {formatDuration(bar.seconds.total)}
      </p>
      {SERIES.map((s) => (
        <p key={s.key} className="flex items-center gap-2">
          <span className="inline-block size-2 rounded-sm" style={{ background: s.color }} aria-hidden />
          {s.label}: {formatDuration(bar.seconds[s.key])}
        </p>
      ))}
    </div>
  );
}

/** Stacked bars per day: productive, neutral, unproductive and idle hours. The table below it carries the same numbers in words. */
export function WeeklyChart({ bars }: { bars: DayBar[] }) {
  return (
    <div className="h-64 w-full sm:h-72" role="img" aria-label="Stacked bar chart of hours per day: productive, neutral, unproductive and idle. The same numbers are in the table below.">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={bars} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={12} />
          <YAxis tickLine={false} axisLine={false} fontSize={12} unit="h" allowDecimals={false} />
          <Tooltip content={<ChartTooltip />} cursor={{ fill: "var(--color-muted)" }} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          {SERIES.map((s, i) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stackId="day"
              fill={s.color}
              isAnimationActive={false}
              radius={i === SERIES.length - 1 ? [3, 3, 0, 0] : undefined}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
