"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { CalendarDays, CheckSquare, Clock, Image as ImageIcon, LayoutDashboard, Menu, Settings, User, X } from "lucide-react";
import { cn } from "@/lib/utils";
import { Avatar } from "@/components/ui/avatar";

export interface NavUser {
  name: string;
  email: string;
  /** profilePicUrl of the signed-in person. */
  pictureUrl: string | null;
  isAdmin: boolean;
  isApprover: boolean;
}

const items = [
  { href: "/today", label: "Today", icon: Clock, show: () => true },
  { href: "/week", label: "Week", icon: CalendarDays, show: () => true },
  { href: "/approvals", label: "Approvals", icon: CheckSquare, show: (u: NavUser) => u.isApprover },
  { href: "/team", label: "Team dashboard", icon: LayoutDashboard, show: (u: NavUser) => u.isApprover },
  { href: "/screenshots", label: "Screenshots", icon: ImageIcon, show: () => true },
  { href: "/admin", label: "Admin", icon: Settings, show: (u: NavUser) => u.isAdmin },
  { href: "/profile", label: "Profile", icon: User, show: () => true },
];

export function AppNav({ user, signOut }: { user: NavUser; signOut: React.ReactNode }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const visible = items.filter((i) => i.show(user));
  const links = (
    <ul className="flex flex-col gap-1">
      {visible.map(({ href, label, icon: Icon }) => {
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <li key={href}>
            <Link
              href={href}
              onClick={() => setOpen(false)}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex items-center gap-2 rounded-md px-3 py-2 text-sm outline-none hover:bg-muted focus-visible:ring-2 focus-visible:ring-primary/50",
                active && "bg-muted font-medium",
              )}
            >
              <Icon className="size-4" aria-hidden />
              {label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
  return (
    <>
      <header className="flex items-center justify-between border-b border-border px-4 py-3 md:hidden">
        <Link href="/today" className="font-semibold">
          Timebase
        </Link>
        <Avatar name={user.name} url={user.pictureUrl} className="ml-auto mr-2" />
        <button
          type="button"
          className="rounded-md p-2 hover:bg-muted focus-visible:ring-2 focus-visible:ring-primary/50"
          aria-expanded={open}
          aria-controls="mobile-nav"
          onClick={() => setOpen((o) => !o)}
        >
          {open ? <X className="size-5" aria-hidden /> : <Menu className="size-5" aria-hidden />}
          <span className="sr-only">{open ? "Close menu" : "Open menu"}</span>
        </button>
      </header>
      {open ? (
        <nav id="mobile-nav" aria-label="Main" className="border-b border-border p-3 md:hidden">
          {links}
          <div className="mt-3 border-t border-border pt-3">{signOut}</div>
        </nav>
      ) : null}
      <aside className="hidden w-60 shrink-0 flex-col border-r border-border p-4 md:flex">
        <Link href="/today" className="mb-6 px-3 text-lg font-semibold">
          Timebase
        </Link>
        <nav aria-label="Main" className="flex-1">
          {links}
        </nav>
        <div className="mt-6 border-t border-border pt-4 text-sm">
          <div className="flex items-center gap-2 px-3">
            <Avatar name={user.name} url={user.pictureUrl} />
            <div className="min-w-0">
              <div className="truncate font-medium">{user.name}</div>
              <div className="truncate text-muted-foreground">{user.email}</div>
            </div>
          </div>
          <div className="mt-2">{signOut}</div>
        </div>
      </aside>
    </>
  );
}
