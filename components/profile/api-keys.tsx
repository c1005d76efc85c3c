"use client";

import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Check, Copy, KeyRound, RefreshCw, Trash2 } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { EmptyState, ErrorMessage } from "@/components/ui/feedback";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { api } from "@/lib/api-client";
import { SCOPE_DESCRIPTIONS, type Scope } from "@/lib/auth/scopes";
import { fetchAll } from "@/components/data/queries";
import { queryKeys } from "@/lib/query-keys";
import type { ApiKeyView, IssuedApiKeyView } from "@/lib/validation/account-responses";
import { formatDateTime } from "@/components/format/time";

/** lastUsedAt: Unix ms, or null when never used. */
export type ApiKeyInfo = ApiKeyView;

type Issued = Pick<IssuedApiKeyView, "apiKey" | "info">;

type Pending = { kind: "rotate" | "delete"; key: ApiKeyInfo } | null;

/** The person's own API keys: a key is shown once (created or rotated), then only by its last four characters. */
export function ApiKeys({
  userId,
  timeZone,
  initial,
  allowedScopes,
}: {
  userId: string;
  timeZone: string;
  initial?: ApiKeyInfo[];
  /** The scopes the person's role allows a key: offered, all ticked by default. */
  allowedScopes: Scope[];
}) {
  const client = useQueryClient();
  const keys = useQuery({
    queryKey: queryKeys.apiKeys(),
    // admins are listed every key of the organisation; this page is about one's own
    queryFn: async () => (await fetchAll<ApiKeyInfo>("/v1/api-keys")).filter((k) => k.userId === userId),
    initialData: initial,
  });
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<Scope[]>(allowedScopes);
  const [nameError, setNameError] = useState<string | null>(null);
  const [issued, setIssued] = useState<Issued | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const refresh = () => client.invalidateQueries({ queryKey: queryKeys.apiKeys() });

  const create = useMutation({
    mutationFn: (keyName: string) => api<Issued>("/v1/api-keys", { method: "POST", body: { name: keyName, scopes } }),
    onSuccess: (r) => {
      setIssued(r);
      setName("");
    },
    onSettled: refresh,
  });
  const act = useMutation({
    mutationFn: async (p: NonNullable<Pending>) =>
      p.kind === "rotate"
        ? api<Issued>(`/v1/api-keys/${p.key.id}/rotate`, { method: "POST" })
        : api<{ message: string }>(`/v1/api-keys/${p.key.id}`, { method: "DELETE" }).then(() => null),
    onSuccess: (r) => {
      setPending(null);
      if (r) setIssued(r);
    },
    onSettled: refresh,
  });

  function onCreate(e: React.FormEvent) {
    e.preventDefault();
    if (!name.trim()) {
      setNameError("Give the key a name, e.g. the device or script that uses it");
      return;
    }
    if (scopes.length === 0) {
      setNameError("Tick at least one thing the key may do");
      return;
    }
    setNameError(null);
    create.mutate(name.trim());
  }

  return (
    <div className="grid gap-4">
      <form onSubmit={onCreate} className="flex flex-col gap-2 sm:flex-row sm:items-end" noValidate>
        <div className="grid flex-1 gap-2">
          <Label htmlFor="keyName">Key name</Label>
          <Input
            id="keyName"
            value={name}
            maxLength={200}
            placeholder="e.g. Laptop agent"
            onChange={(e) => setName(e.target.value)}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? "keyName-error" : undefined}
          />
        </div>
        <Button type="submit" disabled={create.isPending}>
          <KeyRound aria-hidden />
          {create.isPending ? "Creating…" : "Create key"}
        </Button>
      </form>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">What the key may do</legend>
        <p className="text-sm text-muted-foreground">No key can change a password, create keys or make admins: those need you signed in.</p>
        <div className="grid gap-1 sm:grid-cols-2">
          {allowedScopes.map((sc) => (
            <label key={sc} className="flex items-start gap-2 text-sm" title={SCOPE_DESCRIPTIONS[sc]}>
              <input
                type="checkbox"
                className="mt-1"
                checked={scopes.includes(sc)}
                onChange={(e) => setScopes((cur) => (e.target.checked ? allowedScopes.filter((x) => x === sc || cur.includes(x)) : cur.filter((x) => x !== sc)))}
              />
              <span>
                <span className="font-mono">{sc}</span>
                <span className="block text-muted-foreground">{SCOPE_DESCRIPTIONS[sc]}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {nameError ? (
        <p id="keyName-error" className="text-sm text-destructive">
          {nameError}
        </p>
      ) : null}
      <ErrorMessage error={create.error ?? keys.error} />

      {keys.isPending ? (
        <Skeleton className="h-24 w-full" />
      ) : (keys.data ?? []).length === 0 ? (
        <EmptyState title="No API keys yet">Desktop agents and scripts sign in with an API key instead of your password.</EmptyState>
      ) : (
        <Table aria-label="Your API keys">
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead scope="col">Name</TableHead>
              <TableHead scope="col">Key</TableHead>
              <TableHead scope="col">Scopes</TableHead>
              <TableHead scope="col">Created</TableHead>
              <TableHead scope="col">Last used</TableHead>
              <TableHead scope="col" className="text-right">
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {(keys.data ?? []).map((k) => (
              <TableRow key={k.id}>
                <TableCell className="max-w-48 truncate font-medium">{k.name}</TableCell>
                <TableCell className="font-mono text-muted-foreground">…{k.last4}</TableCell>
                <TableCell>
                  <div className="flex max-w-64 flex-wrap gap-1">
                    {k.scopes.length === 0 ? <span className="text-muted-foreground">None</span> : k.scopes.map((sc) => <Badge key={sc} variant="secondary" className="font-mono">{sc}</Badge>)}
                  </div>
                </TableCell>
                <TableCell>{formatDateTime(k.createdAt, timeZone)}</TableCell>
                <TableCell>{k.lastUsedAt ? formatDateTime(k.lastUsedAt, timeZone) : "Never"}</TableCell>
                <TableCell className="text-right">
                  <div className="flex justify-end gap-1">
                    <Button type="button" variant="ghost" size="sm" onClick={() => { act.reset(); setPending({ kind: "rotate", key: k }); }} aria-label={`Rotate ${k.name}`}>
                      <RefreshCw aria-hidden />
                      <span className="hidden sm:inline">Rotate</span>
                    </Button>
                    <Button type="button" variant="ghost" size="sm" onClick={() => { act.reset(); setPending({ kind: "delete", key: k }); }} aria-label={`Delete ${k.name}`}>
                      <Trash2 aria-hidden />
                      <span className="hidden sm:inline">Delete</span>
                    </Button>
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}

      <ConfirmDialog
        open={pending !== null}
        onOpenChange={(open) => !open && setPending(null)}
        title={pending?.kind === "rotate" ? "Rotate this API key?" : "Delete this API key?"}
        description={
          pending?.kind === "rotate"
            ? `“${pending.key.name}” (…${pending.key.last4}) stops working at once and a new key is shown once. Update every device that uses it.`
            : `“${pending?.key.name ?? ""}” stops working at once, and every session it opened ends. This cannot be undone.`
        }
        confirmLabel={pending?.kind === "rotate" ? "Rotate key" : "Delete key"}
        pending={act.isPending}
        error={act.error}
        onConfirm={() => pending && act.mutate(pending)}
      />
      <ShowOnce issued={issued} onClose={() => setIssued(null)} />
    </div>
  );
}

/** The secret, once: copy it now, it is never shown again. */
function ShowOnce({ issued, onClose }: { issued: Issued | null; onClose: () => void }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    if (!issued) return;
    try {
      await navigator.clipboard.writeText(issued.apiKey);
      setCopied(true);
    } catch {
      // no clipboard (permissions): select the text so Ctrl+C works
      const input = document.getElementById("issued-key") as HTMLInputElement | null;
      input?.select();
    }
  }
  return (
    <Dialog
      open={issued !== null}
      onOpenChange={(open) => {
        if (!open) {
          setCopied(false);
          onClose();
        }
      }}
    >
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Copy your new API key</DialogTitle>
          <DialogDescription>
            This is the only time “{issued?.info.name}” is shown in full. Store it somewhere safe; afterwards you will only see its last four characters.
          </DialogDescription>
        </DialogHeader>
        <div className="grid gap-2">
          <Label htmlFor="issued-key">Your new API key</Label>
          <div className="flex gap-2">
            <Input id="issued-key" readOnly value={issued?.apiKey ?? ""} className="font-mono" onFocus={(e) => e.currentTarget.select()} />
            <Button type="button" variant="outline" onClick={copy}>
              {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
        </div>
        <DialogFooter>
          <Button
            type="button"
            onClick={() => {
              setCopied(false);
              onClose();
            }}
          >
            Done
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
