import { getDb } from "@/db/client";
import { requirePagePermission } from "@/lib/auth/current";
import { isAdmin } from "@/lib/auth/permissions";
import { now } from "@/base/clock";
import { AppError } from "@/lib/errors";
import { productivityAnalysis, proofOfWork, weeklySummary } from "@/lib/services/dashboards";
import { listTeams } from "@/lib/services/organizations";
import { isKnownTimeZone } from "@/lib/time/known-zones";
import { localDate } from "@/lib/time/zones";
import { dashboardBody, POW_MAX_PAGE_SIZE } from "@/lib/validation/dashboards";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState, ErrorMessage, PageHeader } from "@/components/ui/feedback";
import { BreakdownTable } from "@/components/team/breakdown-table";
import { isEmptyWeek, weeklyBars } from "@/components/team/chart-data";
import { csvFileName } from "@/components/team/csv";
import { CsvDownload } from "@/components/team/csv-download";
import { ProductivityTable } from "@/components/team/productivity-table";
import { ProofOfWorkTable } from "@/components/team/proof-of-work-table";
import { SummaryCards } from "@/components/team/summary-cards";
import { TeamFilters } from "@/components/team/team-filters";
import { timeZoneOptions } from "@/components/team/time-zones";
import { weekLabel, weekParam, weekRange } from "@/components/team/week";
import { WeeklyChart } from "@/components/team/weekly-chart-lazy";
import Link from "next/link";

export const metadata = { title: "Team dashboard · Timebase" };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** One of the dashboard's sections: a titled card with its CSV download in the corner. */
function Section({ title, description, download, className, children }: { title: string; description: React.ReactNode; download: React.ReactNode; className?: string; children: React.ReactNode }) {
  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-2">
        <div className="grid grid-cols-1 gap-1.5">
          <CardTitle>{title}</CardTitle>
          <CardDescription>{description}</CardDescription>
        </div>
        {download}
      </CardHeader>
      <CardContent className={className}>{children}</CardContent>
    </Card>
  );
}

// /team – the weekly breakdown, productivity per person and proof of work of a team, read
// through the same dashboard services as /v1/dashboard, so the numbers agree with the API.
export default async function TeamPage({ searchParams }: { searchParams: Promise<Search> }) {
  const caller = await requirePagePermission("CAN_APPROVE_TIMESHEET");
  const sp = await searchParams;
  const db = await getDb();
  const teams = (await listTeams(db, caller)).items.filter(
    (t) => isAdmin(caller) || t.members.some((m) => m.userId === caller.userId && m.manager),
  );

  if (teams.length === 0) {
    return (
      <>
        <PageHeader title="Team dashboard" />
        <EmptyState title="You do not manage a team yet">An admin makes you the manager of a team on the admin pages.</EmptyState>
      </>
    );
  }

  const requestedTz = one(sp.tz);
  const tz = requestedTz && isKnownTimeZone(requestedTz) ? requestedTz : caller.timeZone;
  const today = localDate(now(), tz);
  const week = weekParam(one(sp.week), today);
  const team = teams.find((t) => t.id === one(sp.team)) ?? teams[0]!;
  const page = Math.max(1, Number.parseInt(one(sp.page) ?? "1", 10) || 1);
  const input = dashboardBody.parse({ ...weekRange(week), timeZone: tz, userId: [], teamId: [team.id] });

  let data;
  let error: string | null = null;
  try {
    const [summary, analysis, pow] = await Promise.all([
      weeklySummary(db, caller, input),
      productivityAnalysis(db, caller, input),
      proofOfWork(db, caller, { ...input, offset: page, limit: POW_MAX_PAGE_SIZE }),
    ]);
    data = { summary, analysis, pow };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    error = err.message;
  }

  const pages = data ? Math.ceil(data.pow.totalActiveUsers / POW_MAX_PAGE_SIZE) : 1;
  const pageHref = (p: number) => `/team?${new URLSearchParams({ team: team.id, week, tz, page: String(p) })}`;

  return (
    <>
      <PageHeader title="Team dashboard" description={`${team.name} · ${weekLabel(week)} · times in ${tz.replace(/_/g, " ")}`} />
      <div className="grid grid-cols-1 gap-6">
        <TeamFilters teams={teams.map((t) => ({ id: t.id, name: t.name }))} timeZones={timeZoneOptions([tz, caller.timeZone])} value={{ team: team.id, week, tz }} today={today} />
        {requestedTz && requestedTz !== tz ? <ErrorMessage error={`“${requestedTz}” is not a time zone; showing ${tz}.`} /> : null}
        {error || !data ? (
          <ErrorMessage error={`The dashboard could not be loaded: ${error}`} />
        ) : (
          <>
            <SummaryCards overall={data.summary.overallSummary} />
            <Section
              title="Weekly breakdown"
              description="Hours per day for the whole team."
              download={<CsvDownload table={{ kind: "breakdown", data: data.summary }} fileName={csvFileName("breakdown", week, team.name)} />}
              className="grid grid-cols-1 gap-4"
            >
              {isEmptyWeek(data.summary.breakdownSummary) ? (
                <EmptyState title="No time tracked this week">Pick another week, or check back once the team has tracked time.</EmptyState>
              ) : (
                <WeeklyChart bars={weeklyBars(data.summary.breakdownSummary)} />
              )}
              <BreakdownTable summary={data.summary} />
            </Section>
            <Section
              title="Productivity per person"
              description="Active time, classified by the organisation's productivity rules."
              download={<CsvDownload table={{ kind: "productivity", data: data.analysis }} fileName={csvFileName("productivity", week, team.name)} />}
            >
              <ProductivityTable rows={data.analysis} />
            </Section>
            <Section
              title="Proof of work"
              description={`First start and last stop of each worked day, in ${tz.replace(/_/g, " ")}.`}
              download={
                <CsvDownload table={{ kind: "proof-of-work", data: data.pow.usersList, timeZone: tz }} fileName={csvFileName("proof-of-work", week, team.name)} />
              }
              className="grid grid-cols-1 gap-3"
            >
              <ProofOfWorkTable users={data.pow.usersList} timeZone={tz} />
              {pages > 1 ? (
                <nav aria-label="Proof of work pages" className="flex items-center justify-between text-sm">
                  {page > 1 ? <Link className="underline" href={pageHref(page - 1)}>Previous people</Link> : <span />}
                  <span className="text-muted-foreground">
                    Page {page} of {pages}
                  </span>
                  {page < pages ? <Link className="underline" href={pageHref(page + 1)}>More people</Link> : <span />}
                </nav>
              ) : null}
            </Section>
          </>
        )}
      </div>
    </>
  );
}
