import { Skeleton } from "@/components/ui/skeleton";

export default function ScreenshotsLoading() {
  return (
    <div className="grid grid-cols-1 gap-6" aria-busy="true">
      <span className="sr-only">Loading screenshots…</span>
      <Skeleton className="h-8 w-48" />
      <Skeleton className="h-20 w-full" />
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {Array.from({ length: 12 }, (_, i) => (
          <Skeleton key={i} className="aspect-video" />
        ))}
      </div>
    </div>
  );
}
