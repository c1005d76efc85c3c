"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

export const ADMIN_SECTIONS = [
  { href: "/admin/users", label: "Users" },
  { href: "/admin/teams", label: "Teams" },
  { href: "/admin/projects", label: "Projects & tasks" },
  { href: "/admin/rules", label: "Productivity rules" },
  { href: "/admin/settings", label: "Settings" },
  { href: "/admin/sessions", label: "Sessions" },
] as const;

/** The admin sub-pages as tabs; they scroll sideways on a phone instead of wrapping. */
export function AdminTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin sections" className="-mx-4 mb-6 overflow-x-auto border-b border-border px-4 md:mx-0 md:px-0">
      <ul className="flex min-w-max gap-1">
        {[{ href: "/admin", label: "Overview" }, ...ADMIN_SECTIONS].map((s) => {
          // the overview is active only on itself; a section also on its sub-pages
          const active = pathname === s.href || (s.href !== "/admin" && pathname.startsWith(`${s.href}/`));
          return (
            <li key={s.href}>
              <Link
                href={s.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "inline-block rounded-t-md border-b-2 border-transparent px-3 py-2 text-sm outline-none hover:bg-muted focus-visible:ring-2 focus-visible:ring-primary/50",
                  active && "border-primary font-medium",
                )}
              >
                {s.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
