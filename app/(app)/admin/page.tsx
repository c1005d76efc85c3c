import Link from "next/link";
import { getDb } from "@/db/client";
import { requirePagePermission } from "@/lib/auth/current";
import { listSessions, listInvitations, listUsers } from "@/lib/services/accounts";
import { getOrganization, listTeams } from "@/lib/services/organizations";
import { listRules } from "@/lib/services/activity";
import { now } from "@/base/clock";
import { PageHeader } from "@/components/ui/feedback";

export const metadata = { title: "Admin · Timebase" };

// /admin – the organisation at a glance, each number a way into its page.
export default async function AdminPage() {
  const caller = await requirePagePermission("ORG_ADMIN");
  const db = await getDb();
  const [org, { items: users }, { items: teams }, { items: invitations }, { items: sessions }, { items: rules }] = await Promise.all([
    getOrganization(db, caller, caller.orgId),
    listUsers(db, caller),
    listTeams(db, caller),
    listInvitations(db, caller),
    listSessions(db, caller),
    listRules(db, caller),
  ]);
  const at = now().getTime();
  const active = users.filter((u) => u.deactivatedAt === null).length;
  const pending = invitations.filter((i) => i.expiresAt.getTime() > at).length;
  const cards = [
    { href: "/admin/users", title: "Users", value: active, note: `${users.length - active} deactivated · ${pending} pending invitation${pending === 1 ? "" : "s"}` },
    { href: "/admin/teams", title: "Teams", value: teams.length, note: "members and managers" },
    { href: "/admin/projects", title: "Projects & tasks", value: null, note: "with external ids" },
    { href: "/admin/rules", title: "Productivity rules", value: rules.length, note: "apps and domains" },
    { href: "/admin/settings", title: "Settings", value: null, note: "overlaps, screenshots, retention" },
    { href: "/admin/sessions", title: "Active sessions", value: sessions.length, note: "revoke a sign-in" },
  ];
  return (
    <>
      <PageHeader title="Admin" description={org.name} />
      <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {cards.map((c) => (
          <li key={c.href}>
            <Link
              href={c.href}
              className="block h-full rounded-lg border border-border p-4 outline-none hover:bg-muted/50 focus-visible:ring-2 focus-visible:ring-primary/50"
            >
              <span className="text-sm text-muted-foreground">{c.title}</span>
              {c.value !== null ? <span className="mt-1 block text-2xl font-semibold tabular-nums">{c.value}</span> : null}
              <span className="mt-1 block text-sm text-muted-foreground">{c.note}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
