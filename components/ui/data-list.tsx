"use client";

import type { ReactNode } from "react";
import { EmptyState, ErrorMessage } from "@/components/ui/feedback";
import { Skeleton } from "@/components/ui/skeleton";

// The admin pages' list sequence: loading → skeleton, failed → the error, nothing → the empty
// state, else the list (usually a table). Renders no element of its own.

export interface DataListProps<T> {
  /** The list is still loading (any of its queries). */
  pending: boolean;
  /** The first error of its queries, or null. */
  error: unknown;
  items: T[] | undefined;
  /** What loading looks like; default a skeleton block of `skeletonClassName`. */
  loading?: ReactNode;
  skeletonClassName?: string;
  /** The empty state: a title (shown as EmptyState), or any node. */
  empty: string | { title: string; children?: ReactNode } | { node: ReactNode };
  children: (items: T[]) => ReactNode;
}

export function DataList<T>({ pending, error, items, loading, skeletonClassName = "h-32 w-full", empty, children }: DataListProps<T>) {
  if (pending) return <>{loading ?? <Skeleton className={skeletonClassName} />}</>;
  if (error) return <ErrorMessage error={error} />;
  if (!items || items.length === 0) {
    if (typeof empty === "string") return <EmptyState title={empty} />;
    if ("node" in empty) return <>{empty.node}</>;
    return <EmptyState title={empty.title}>{empty.children}</EmptyState>;
  }
  return <>{children(items)}</>;
}
