"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { ProjectView, TaskView } from "@/lib/validation/tracking-responses";
import { api } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";
import { cn } from "@/lib/utils";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { ErrorMessage } from "@/components/ui/feedback";
import { DataList } from "@/components/ui/data-list";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableRow, TableHeaderRow } from "@/components/ui/table";
import { Textarea } from "@/components/ui/textarea";
import { ConfirmButton } from "./confirm-dialog";
import { fetchAll } from "@/components/data/queries";

type Project = ProjectView;
type Task = TaskView;
interface Fields {
  name: string;
  externalId: string;
  description: string;
}

const EMPTY: Fields = { name: "", externalId: "", description: "" };
const bodyOf = (f: Fields) => ({ name: f.name, externalId: f.externalId.trim() || null, description: f.description.trim() || null });

/** Name, external id and description: the same fields for a project and a task. */
function FieldsForm({
  idPrefix,
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
  compact,
}: {
  idPrefix: string;
  initial: Fields;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (f: Fields) => Promise<unknown>;
  compact?: boolean;
}) {
  const [f, setF] = useState(initial);
  return (
    <form
      className={cn("grid gap-3", compact ? "sm:grid-cols-[1fr_10rem_auto] sm:items-end" : "")}
      onSubmit={(e) => {
        e.preventDefault();
        // a new row's fields empty only once it is saved; on a refusal they stay to be corrected
        onSubmit(f).then(
          () => compact && setF(EMPTY),
          () => undefined,
        );
      }}
    >
      <div className="grid grid-cols-1 gap-2">
        <Label htmlFor={`${idPrefix}-name`}>Name</Label>
        <Input id={`${idPrefix}-name`} value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} required maxLength={200} />
      </div>
      <div className="grid grid-cols-1 gap-2">
        <Label htmlFor={`${idPrefix}-ext`}>External id</Label>
        <Input id={`${idPrefix}-ext`} value={f.externalId} onChange={(e) => setF({ ...f, externalId: e.target.value })} placeholder="JIRA-102" maxLength={200} />
      </div>
      {compact ? null : (
        <div className="grid grid-cols-1 gap-2">
          <Label htmlFor={`${idPrefix}-desc`}>Description</Label>
          <Textarea id={`${idPrefix}-desc`} value={f.description} onChange={(e) => setF({ ...f, description: e.target.value })} maxLength={5000} />
        </div>
      )}
      <Button type="submit" disabled={pending || !f.name.trim()}>
        {pending ? "Saving…" : submitLabel}
      </Button>
      <ErrorMessage error={error} className={compact ? "sm:col-span-3" : undefined} />
    </form>
  );
}

function EditProject({ project }: { project: Project }) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const save = useMutation({
    mutationFn: (f: Fields) => api<Project>(`/v1/projects/${project.id}`, { method: "PUT", body: bodyOf(f) }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: queryKeys.projects() });
      setOpen(false);
    },
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button type="button" variant="ghost" size="sm" aria-label={`Edit ${project.name}`}>
          Edit
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Edit project</DialogTitle>
          <DialogDescription>The external id links it to your issue tracker; it is unique in the organisation.</DialogDescription>
        </DialogHeader>
        <FieldsForm
          idPrefix={`edit-${project.id}`}
          initial={{ name: project.name, externalId: project.externalId ?? "", description: project.description ?? "" }}
          submitLabel="Save"
          pending={save.isPending}
          error={save.error}
          onSubmit={(f) => save.mutateAsync(f)}
        />
      </DialogContent>
    </Dialog>
  );
}

function Tasks({ project }: { project: Project }) {
  const qc = useQueryClient();
  const key = queryKeys.tasks(project.id);
  const tasks = useQuery({ queryKey: key, queryFn: () => fetchAll<Task>(`/v1/projects/${project.id}/tasks`) });
  const create = useMutation({
    mutationFn: (f: Fields) => api<Task>(`/v1/projects/${project.id}/tasks`, { method: "POST", body: bodyOf(f) }),
    onSuccess: (task) => {
      qc.setQueryData<Task[]>(key, (old) => (old && !old.some((t) => t.id === task.id) ? [...old, task] : old));
      return qc.invalidateQueries({ queryKey: key });
    },
  });
  const setStatus = useMutation({
    mutationFn: (v: { id: string; status: Task["status"] }) => api<Task>(`/v1/tasks/${v.id}`, { method: "PUT", body: { status: v.status } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
  const remove = async (t: Task) => {
    await api(`/v1/projects/${project.id}/tasks/${t.id}`, { method: "DELETE" });
    await Promise.all([qc.invalidateQueries({ queryKey: key }), qc.invalidateQueries({ queryKey: queryKeys.allTimeLogs() })]);
  };
  return (
    <Card>
      <CardHeader>
        <CardTitle>Tasks of {project.name}</CardTitle>
        <CardDescription>Closed tasks cannot be started.</CardDescription>
      </CardHeader>
      <CardContent className="grid grid-cols-1 gap-4">
        <FieldsForm
          idPrefix={`task-${project.id}`}
          initial={EMPTY}
          submitLabel="Add task"
          pending={create.isPending}
          error={create.error}
          onSubmit={(f) => create.mutateAsync(f)}
          compact
        />
        <ErrorMessage error={setStatus.error} />
        <DataList pending={tasks.isPending} error={tasks.error} items={tasks.data} skeletonClassName="h-24 w-full" empty="No tasks yet">
          {(rows) => (
            <Table aria-label={`Tasks of ${project.name}`}>
              <TableHeaderRow columns={["Task", "External id", "Status"]} actions />
              <TableBody>
                {rows.map((t) => (
                  <TableRow key={t.id}>
                    <TableCell className="font-medium">{t.name}</TableCell>
                    <TableCell className="font-mono text-xs">{t.externalId ?? "—"}</TableCell>
                    <TableCell>
                      <Badge variant={t.status === "open" ? "success" : "secondary"}>{t.status}</Badge>
                    </TableCell>
                    <TableCell className="space-x-1 text-right">
                      <Button
                        type="button"
                        size="sm"
                        variant="outline"
                        disabled={setStatus.isPending}
                        onClick={() => setStatus.mutate({ id: t.id, status: t.status === "open" ? "closed" : "open" })}
                      >
                        {t.status === "open" ? "Close" : "Reopen"}
                      </Button>
                      <ConfirmButton
                        title={`Delete ${t.name}?`}
                        description="The task and every time entry tracked on it are deleted. This cannot be undone."
                        confirmLabel="Delete task and its time"
                        onConfirm={() => remove(t)}
                        variant="ghost"
                        aria-label={`Delete ${t.name}`}
                      >
                        Delete
                      </ConfirmButton>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </DataList>
      </CardContent>
    </Card>
  );
}

/** /admin/projects: projects and their tasks, each with an optional external id (Jira, GitHub, …). */
export function ProjectsAdmin() {
  const qc = useQueryClient();
  const projects = useQuery({ queryKey: queryKeys.projects(), queryFn: () => fetchAll<Project>("/v1/projects") });
  const [selected, setSelected] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (f: Fields) => api<Project>("/v1/projects", { method: "POST", body: bodyOf(f) }),
    onSuccess: async (p) => {
      await qc.invalidateQueries({ queryKey: queryKeys.projects() });
      setSelected(p.id);
    },
  });
  const current = projects.data?.find((p) => p.id === selected) ?? null;

  return (
    <div className="grid grid-cols-1 gap-6">
      <Card>
        <CardHeader>
          <CardTitle>New project</CardTitle>
        </CardHeader>
        <CardContent>
          <FieldsForm
            idPrefix="new-project"
            initial={EMPTY}
            submitLabel="Create project"
            pending={create.isPending}
            error={create.error}
            onSubmit={(f) => create.mutateAsync(f)}
            compact
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Projects</CardTitle>
        </CardHeader>
        <CardContent>
          <DataList pending={projects.isPending} error={projects.error} items={projects.data} empty={{ title: "No projects yet", children: "Create one above; people pick projects and tasks when they track time." }}>
            {(rows) => (
              <Table aria-label="Projects">
                <TableHeaderRow columns={["Project", "External id", "Description"]} actions />
                <TableBody>
                  {rows.map((p) => (
                    <TableRow key={p.id} aria-selected={p.id === selected} className={cn(p.id === selected && "bg-muted")}>
                      <TableCell className="font-medium">{p.name}</TableCell>
                      <TableCell className="font-mono text-xs">{p.externalId ?? "—"}</TableCell>
                      <TableCell className="max-w-64 truncate text-muted-foreground">{p.description ?? ""}</TableCell>
                      <TableCell className="space-x-1 text-right">
                        <EditProject project={p} />
                        <Button
                          type="button"
                          size="sm"
                          variant={p.id === selected ? "secondary" : "outline"}
                          aria-pressed={p.id === selected}
                          onClick={() => setSelected(p.id === selected ? null : p.id)}
                        >
                          Tasks
                        </Button>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </DataList>
        </CardContent>
      </Card>
      {current ? <Tasks key={current.id} project={current} /> : null}
    </div>
  );
}
