"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";

/**
 * The weekly chart, loaded after the page: recharts is most of the /team page's JavaScript,
 * and the chart measures its container in the browser anyway, so the server renders its
 * placeholder and the table below carries the numbers from the first byte.
 */
export const WeeklyChart = dynamic(() => import("./weekly-chart").then((m) => m.WeeklyChart), {
  ssr: false,
  loading: () => <Skeleton className="h-64 w-full sm:h-72" />,
});
