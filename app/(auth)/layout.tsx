import Link from "next/link";

// Signed-out pages: one centred card under the product name.
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-6 bg-muted px-4 py-12">
      <Link href="/" className="text-xl font-semibold tracking-tight">
        Timebase
      </Link>
      <div className="w-full max-w-md">{children}</div>
    </main>
  );
}
