"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { OrgView } from "@/lib/validation/account-responses";
import type { OrgSettingsView } from "@/lib/validation/org-settings";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ErrorMessage } from "@/components/ui/feedback";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";

type Settings = OrgSettingsView;

function Saved({ show }: { show: boolean }) {
  return (
    <span role="status" className="text-sm text-muted-foreground">
      {show ? "Saved." : ""}
    </span>
  );
}

function OrganisationCard({ org, timeZones }: { org: OrgView; timeZones: string[] }) {
  const qc = useQueryClient();
  const [f, setF] = useState({ name: org.name, email: org.email ?? "", description: org.description ?? "", defaultTimeZone: org.defaultTimeZone });
  const save = useMutation({
    mutationFn: () =>
      api<OrgView>(`/v1/orgs/${org.id}`, {
        method: "PUT",
        body: { name: f.name, email: f.email.trim() || null, description: f.description.trim() || null, defaultTimeZone: f.defaultTimeZone },
      }),
    // the form already shows what was saved: store the answer without remounting the form
    onSuccess: (saved) => qc.setQueryData(queryKeys.org(org.id), saved),
  });
  return (
    <Card>
      <CardHeader>
        <CardTitle>Organisation</CardTitle>
      </CardHeader>
      <CardContent>
        <form
          className="grid grid-cols-1 gap-4 sm:grid-cols-2"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <div className="grid grid-cols-1 gap-2">
            <Label htmlFor="org-name">Name</Label>
            <Input id="org-name" value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} required maxLength={200} />
          </div>
          <div className="grid grid-cols-1 gap-2">
            <Label htmlFor="org-email">Contact e-mail</Label>
            <Input id="org-email" type="email" value={f.email} onChange={(e) => setF({ ...f, email: e.target.value })} />
          </div>
          <div className="grid grid-cols-1 gap-2 sm:col-span-2">
            <Label htmlFor="org-description">Description</Label>
            <Textarea id="org-description" value={f.description} onChange={(e) => setF({ ...f, description: e.target.value })} maxLength={2000} />
          </div>
          <div className="grid grid-cols-1 gap-2">
            <Label htmlFor="org-tz">Default time zone</Label>
            <NativeSelect id="org-tz" value={f.defaultTimeZone} onChange={(e) => setF({ ...f, defaultTimeZone: e.target.value })} aria-describedby="org-tz-hint">
              {timeZones.map((z) => (
                <option key={z} value={z}>
                  {z.replace(/_/g, " ")}
                </option>
              ))}
            </NativeSelect>
            <p id="org-tz-hint" className="text-xs text-muted-foreground">
              For new people; everyone can set their own on their profile.
            </p>
          </div>
          <ErrorMessage error={save.error} className="sm:col-span-2" />
          <div className="flex items-center gap-3 sm:col-span-2">
            <Button type="submit" disabled={save.isPending || !f.name.trim()}>
              {save.isPending ? "Saving…" : "Save organisation"}
            </Button>
            <Saved show={save.isSuccess} />
          </div>
        </form>
      </CardContent>
    </Card>
  );
}

function PolicyCard({ orgId, settings }: { orgId: string; settings: Settings }) {
  const qc = useQueryClient();
  const [f, setF] = useState({
    overlapPolicy: settings.overlapPolicy,
    screenshotsEnabled: settings.screenshotsEnabled,
    screenshotBlur: settings.screenshotBlur,
    screenshotRetentionDays: String(settings.screenshotRetentionDays),
  });
  const save = useMutation({
    mutationFn: () =>
      api<Settings>(`/v1/orgs/${orgId}/settings`, {
        method: "PUT",
        body: { ...f, screenshotRetentionDays: Number(f.screenshotRetentionDays) },
      }),
    onSuccess: (saved) => qc.setQueryData(queryKeys.orgSettings(orgId), saved),
  });
  return (
    <form
      className="grid grid-cols-1 gap-6"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Card>
        <CardHeader>
          <CardTitle>Overlapping time</CardTitle>
          <CardDescription>What happens when someone records time that overlaps an entry they already have.</CardDescription>
        </CardHeader>
        <CardContent>
          <fieldset className="grid grid-cols-1 gap-3">
            <legend className="sr-only">Overlap policy</legend>
            {(
              [
                ["reject", "Refuse the new entry", "The entry is not saved; the person is told which entry it collides with."],
                ["trim", "Trim the older entry", "The older entry is shortened so the new one fits; the answer lists what changed."],
              ] as const
            ).map(([value, label, hint]) => (
              <label key={value} className="flex cursor-pointer items-start gap-3 rounded-md border border-border p-3 has-[:checked]:border-primary">
                <input
                  type="radio"
                  name="overlapPolicy"
                  value={value}
                  className="mt-1 size-4"
                  checked={f.overlapPolicy === value}
                  onChange={() => setF({ ...f, overlapPolicy: value })}
                />
                <span>
                  <span className="block text-sm font-medium">{label}</span>
                  <span className="block text-sm text-muted-foreground">{hint}</span>
                </span>
              </label>
            ))}
          </fieldset>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Screenshots</CardTitle>
          <CardDescription>Taken by the desktop agent; seen by their owner, the owner&apos;s team managers and admins.</CardDescription>
        </CardHeader>
        <CardContent className="grid grid-cols-1 gap-4">
          <label className="flex items-center gap-3 text-sm">
            <input type="checkbox" className="size-4" checked={f.screenshotsEnabled} onChange={(e) => setF({ ...f, screenshotsEnabled: e.target.checked })} />
            Take screenshots
          </label>
          <label className="flex items-center gap-3 text-sm">
            <input
              type="checkbox"
              className="size-4"
              checked={f.screenshotBlur}
              disabled={!f.screenshotsEnabled}
              onChange={(e) => setF({ ...f, screenshotBlur: e.target.checked })}
              aria-describedby="blur-hint"
            />
            Blur screenshots
          </label>
          <p id="blur-hint" className="-mt-2 pl-7 text-xs text-muted-foreground">
            Blurred when stored: the sharp original is never kept.
          </p>
          <div className="grid grid-cols-1 max-w-xs gap-2">
            <Label htmlFor="retention">Keep screenshots for (days)</Label>
            <Input
              id="retention"
              type="number"
              inputMode="numeric"
              min={1}
              max={3650}
              required
              value={f.screenshotRetentionDays}
              onChange={(e) => setF({ ...f, screenshotRetentionDays: e.target.value })}
              aria-describedby="retention-hint"
            />
            <p id="retention-hint" className="text-xs text-muted-foreground">
              Older screenshots and their files are deleted every day.
            </p>
          </div>
        </CardContent>
      </Card>
      <ErrorMessage error={save.error} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save policies"}
        </Button>
        <Saved show={save.isSuccess} />
      </div>
    </form>
  );
}

/** /admin/settings: the organisation's details, overlap policy and screenshot privacy. */
export function SettingsAdmin({ orgId, timeZones }: { orgId: string; timeZones: string[] }) {
  const org = useQuery({ queryKey: queryKeys.org(orgId), queryFn: () => api<OrgView>(`/v1/orgs/${orgId}`) });
  const settings = useQuery({ queryKey: queryKeys.orgSettings(orgId), queryFn: () => api<Settings>(`/v1/orgs/${orgId}/settings`) });
  return (
    <div className="grid grid-cols-1 gap-6">
      {org.isPending ? <Skeleton className="h-64 w-full" /> : org.error ? <ErrorMessage error={org.error} /> : <OrganisationCard org={org.data} timeZones={timeZones} />}
      {settings.isPending ? (
        <Skeleton className="h-64 w-full" />
      ) : settings.error ? (
        <ErrorMessage error={settings.error} />
      ) : (
        <PolicyCard orgId={orgId} settings={settings.data} />
      )}
    </div>
  );
}
