import Link from "next/link";

// Rendered with status 403 when a page calls forbidden(): the page exists, this person may not see it.
export default function Forbidden() {
  return (
    <main className="mx-auto flex max-w-md flex-col gap-3 px-6 py-24 text-center">
      <h1 className="text-2xl font-semibold">Not allowed</h1>
      <p className="text-muted-foreground">Your role does not give access to this page. Ask an admin of your organisation if you need it.</p>
      <Link className="underline" href="/today">
        Back to your day
      </Link>
    </main>
  );
}
