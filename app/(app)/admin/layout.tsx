import { requirePagePermission } from "@/lib/auth/current";
import { AdminTabs } from "@/components/admin/admin-tabs";

// The check sits in the layout, outside the pages' loading.tsx Suspense boundaries, so it runs
// before the response streams and a non-admin gets a real 403. Pages check again (defence in depth).
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requirePagePermission("ORG_ADMIN");
  return (
    <>
      <AdminTabs />
      {children}
    </>
  );
}
