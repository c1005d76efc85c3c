import { requirePagePermission } from "@/lib/auth/current";

// The check sits in the layout, outside loading.tsx's Suspense boundary: it runs before the
// response starts streaming, so a person without the permission gets a real 403.
export default async function ApprovalsLayout({ children }: { children: React.ReactNode }) {
  await requirePagePermission("CAN_APPROVE_TIMESHEET");
  return children;
}
