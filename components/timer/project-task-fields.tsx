"use client";

import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import type { ProjectView as Project, TaskView as Task } from "@/lib/validation/tracking-responses";

export interface Names {
  project: (id: string | null | undefined) => string;
  task: (id: string | null | undefined) => string | null;
}

/** Lookups for showing entries: a deleted or unknown project still reads as something. */
export function namesOf(projects: Project[] | undefined, tasks: Task[] | undefined): Names {
  const p = new Map((projects ?? []).map((x) => [x.id, x.name]));
  const t = new Map((tasks ?? []).map((x) => [x.id, x.name]));
  return {
    project: (id) => (id ? (p.get(id) ?? "Unknown project") : "No project"),
    task: (id) => (id ? (t.get(id) ?? "Unknown task") : null),
  };
}

/** The tasks one may pick for a project: its open ones, plus the one already chosen. */
export function tasksFor(tasks: Task[] | undefined, projectId: string, selected: string): Task[] {
  if (!projectId) return [];
  return (tasks ?? []).filter((t) => t.projectId === projectId && (t.status !== "closed" || t.id === selected));
}

export function ProjectTaskFields({
  idPrefix,
  projects,
  tasks,
  projectId,
  taskId,
  onChange,
  disabled,
  className,
}: {
  idPrefix: string;
  projects: Project[] | undefined;
  tasks: Task[] | undefined;
  projectId: string;
  taskId: string;
  onChange: (v: { projectId: string; taskId: string }) => void;
  disabled?: boolean;
  className?: string;
}) {
  const options = tasksFor(tasks, projectId, taskId);
  return (
    <div className={className ?? "grid gap-3 sm:grid-cols-2"}>
      <div className="grid gap-1.5">
        <Label htmlFor={`${idPrefix}-project`}>Project</Label>
        <NativeSelect
          id={`${idPrefix}-project`}
          value={projectId}
          disabled={disabled}
          onChange={(e) => onChange({ projectId: e.target.value, taskId: "" })}
        >
          <option value="">No project</option>
          {(projects ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={`${idPrefix}-task`}>Task</Label>
        <NativeSelect
          id={`${idPrefix}-task`}
          value={taskId}
          disabled={disabled || !projectId || options.length === 0}
          onChange={(e) => onChange({ projectId, taskId: e.target.value })}
        >
          <option value="">{!projectId ? "Pick a project first" : options.length === 0 ? "No open tasks" : "No task"}</option>
          {options.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </NativeSelect>
      </div>
    </div>
  );
}
