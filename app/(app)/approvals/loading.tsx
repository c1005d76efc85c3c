import { Skeleton } from "@/components/ui/skeleton";

export default function ApprovalsLoading() {
  return (
    <div className="grid grid-cols-1 gap-4" aria-busy="true">
      <span className="sr-only">Loading approvals…</span>
      <Skeleton className="h-8 w-40" />
      <Skeleton className="h-9 w-56" />
      <Skeleton className="h-12 w-full" />
      {Array.from({ length: 5 }, (_, i) => (
        <Skeleton key={i} className="h-12 w-full" />
      ))}
    </div>
  );
}
