import { getDb } from "@/db/client";
import { requireCaller } from "@/lib/auth/current";
import { hasPermission, isAdmin } from "@/lib/auth/permissions";
import { now } from "@/base/clock";
import { listUsers } from "@/lib/services/accounts";
import { isCalendarDay, localDate } from "@/lib/time";
import { personName } from "@/components/format/person";
import { PageHeader } from "@/components/ui/feedback";
import { Gallery, type GalleryPerson } from "@/components/screenshots/gallery";

export const metadata = { title: "Screenshots · Timebase" };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

// /screenshots – everyone sees their own; managers also their teams', admins everyone's.
export default async function ScreenshotsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const caller = await requireCaller();
  const sp = await searchParams;
  const db = await getDb();
  const self: GalleryPerson = { id: caller.userId, name: personName(caller) };
  const people: GalleryPerson[] = hasPermission(caller, "CAN_APPROVE_TIMESHEET")
    ? (await listUsers(db, caller)).items.map((u) => ({ id: u.id, name: personName(u) }))
    : [self];
  if (!people.some((p) => p.id === self.id)) people.unshift(self);
  const today = localDate(now(), caller.timeZone);
  const requestedUser = one(sp.user);
  const requestedDay = one(sp.day);
  const user = people.some((p) => p.id === requestedUser) ? requestedUser! : self.id;
  const day = requestedDay && isCalendarDay(requestedDay) && requestedDay <= today ? requestedDay : today;

  return (
    <>
      <PageHeader title="Screenshots" description={`Grouped by hour in 10-minute slots; times in ${caller.timeZone.replace(/_/g, " ")}.`} />
      <Gallery people={people} selfId={caller.userId} isAdmin={isAdmin(caller)} timeZone={caller.timeZone} initialUser={user} initialDay={day} today={today} />
    </>
  );
}
