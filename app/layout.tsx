import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: "Timebase",
  description: "Time tracking for teams: timer, timesheets, approvals and productivity dashboards.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">{children}</body>
    </html>
  );
}
