import Link from "next/link";

export default function HomePage() {
  return (
    <main className="mx-auto flex max-w-2xl flex-col gap-6 px-6 py-24">
      <h1 className="text-4xl font-semibold tracking-tight">Timebase</h1>
      <p className="text-lg text-muted-foreground">
        Time tracking for teams: a web timer, weekly timesheets with approvals, and productivity dashboards, with
        REST APIs for desktop agents and integrations.
      </p>
      <div className="flex gap-3">
        <Link className="rounded-md bg-primary px-4 py-2 text-primary-foreground" href="/sign-in">
          Sign in
        </Link>
        <Link className="rounded-md border border-border px-4 py-2" href="/api/health">
          API health
        </Link>
      </div>
    </main>
  );
}
