"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { RuleView } from "@/lib/validation/dashboard-responses";
import type { TeamView } from "@/lib/validation/account-responses";
import { api } from "@/lib/api-client";
import { fetchAll } from "@/components/data/queries";
import { queryKeys } from "@/lib/query-keys";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ErrorMessage } from "@/components/ui/feedback";
import { DataList } from "@/components/ui/data-list";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableRow, TableHeaderRow } from "@/components/ui/table";
import { ConfirmButton } from "./confirm-dialog";

type Team = TeamView;
type Classification = RuleView["classification"];
type MatchType = RuleView["matchType"];

const CLASSIFICATIONS: Array<{ value: Classification; label: string }> = [
  { value: "PRODUCTIVE", label: "Productive" },
  { value: "NEUTRAL", label: "Neutral" },
  { value: "UNPRODUCTIVE", label: "Unproductive" },
];
const badge = { PRODUCTIVE: "success", NEUTRAL: "secondary", UNPRODUCTIVE: "destructive" } as const;

function useInvalidateRules() {
  const qc = useQueryClient();
  // the dashboards classify with these rules, so their cached answers are stale too
  return () => Promise.all([qc.invalidateQueries({ queryKey: queryKeys.rules() }), qc.invalidateQueries({ queryKey: ["dashboard"] })]);
}

function NewRule({ teams }: { teams: Team[] }) {
  const invalidate = useInvalidateRules();
  const [matchType, setMatchType] = useState<MatchType>("DOMAIN");
  const [pattern, setPattern] = useState("");
  const [classification, setClassification] = useState<Classification>("PRODUCTIVE");
  const [teamId, setTeamId] = useState("");
  const create = useMutation({
    mutationFn: () => api<RuleView>("/v1/productivity-rules", { method: "POST", body: { matchType, pattern, classification, teamId: teamId || null } }),
    onSuccess: () => {
      setPattern("");
      return invalidate();
    },
  });
  return (
    <Card>
      <CardHeader>
        <CardTitle>Add a rule</CardTitle>
        <CardDescription>
          An app by its name (e.g. “code”) or a web domain with its subdomains (e.g. “github.com”). The most specific rule wins; a team rule overrides the
          organisation&apos;s for that team. Anything unmatched is neutral.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid grid-cols-1 gap-3">
        <form
          className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-[8rem_1fr_10rem_12rem_auto] lg:items-end"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <div className="grid grid-cols-1 gap-2">
            <Label htmlFor="rule-type">Match</Label>
            <NativeSelect id="rule-type" value={matchType} onChange={(e) => setMatchType(e.target.value as MatchType)}>
              <option value="DOMAIN">Domain</option>
              <option value="APP">App</option>
            </NativeSelect>
          </div>
          <div className="grid grid-cols-1 gap-2">
            <Label htmlFor="rule-pattern">{matchType === "APP" ? "App name" : "Domain"}</Label>
            <Input id="rule-pattern" value={pattern} onChange={(e) => setPattern(e.target.value)} placeholder={matchType === "APP" ? "slack" : "github.com"} required />
          </div>
          <div className="grid grid-cols-1 gap-2">
            <Label htmlFor="rule-class">Counts as</Label>
            <NativeSelect id="rule-class" value={classification} onChange={(e) => setClassification(e.target.value as Classification)}>
              {CLASSIFICATIONS.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="grid grid-cols-1 gap-2">
            <Label htmlFor="rule-team">For</Label>
            <NativeSelect id="rule-team" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
              <option value="">The whole organisation</option>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  Team {t.name}
                </option>
              ))}
            </NativeSelect>
          </div>
          <Button type="submit" disabled={create.isPending || !pattern.trim()}>
            Add rule
          </Button>
        </form>
        <ErrorMessage error={create.error} />
      </CardContent>
    </Card>
  );
}

function RuleRow({ rule, teamName }: { rule: RuleView; teamName: string }) {
  const invalidate = useInvalidateRules();
  const update = useMutation({
    mutationFn: (c: Classification) => api<RuleView>(`/v1/productivity-rules/${rule.id}`, { method: "PUT", body: { classification: c } }),
    onSuccess: invalidate,
  });
  const remove = async () => {
    await api(`/v1/productivity-rules/${rule.id}`, { method: "DELETE" });
    await invalidate();
  };
  return (
    <TableRow>
      <TableCell>
        <Badge variant="outline">{rule.matchType === "APP" ? "app" : "domain"}</Badge>
      </TableCell>
      <TableCell className="font-mono text-xs">{rule.pattern}</TableCell>
      <TableCell>
        <div className="flex items-center gap-2">
          <NativeSelect
            aria-label={`Classification of ${rule.pattern}`}
            className="w-36"
            value={rule.classification}
            disabled={update.isPending}
            onChange={(e) => update.mutate(e.target.value as Classification)}
          >
            {CLASSIFICATIONS.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </NativeSelect>
          <Badge variant={badge[rule.classification]} aria-hidden>
            {rule.classification.toLowerCase()}
          </Badge>
        </div>
        {update.error ? <ErrorMessage error={update.error} className="mt-2 whitespace-normal" /> : null}
      </TableCell>
      <TableCell>{teamName}</TableCell>
      <TableCell className="text-right">
        <ConfirmButton
          title={`Delete the rule for ${rule.pattern}?`}
          description="Its time counts as neutral again unless another rule matches. Dashboards change for past weeks too."
          confirmLabel="Delete rule"
          onConfirm={remove}
          aria-label={`Delete the rule for ${rule.pattern}`}
        >
          Delete
        </ConfirmButton>
      </TableCell>
    </TableRow>
  );
}

/** /admin/productivity-rules: which apps and domains count as productive or unproductive. */
export function RulesAdmin() {
  const rules = useQuery({ queryKey: queryKeys.rules(), queryFn: () => fetchAll<RuleView>("/v1/productivity-rules") });
  const teams = useQuery({ queryKey: queryKeys.teams(), queryFn: () => fetchAll<Team>("/v1/teams") });
  const [filter, setFilter] = useState("");
  const teamNames = new Map((teams.data ?? []).map((t) => [t.id, t.name]));
  const shown = (rules.data ?? []).filter((r) => !filter || r.pattern.includes(filter.trim().toLowerCase()));
  return (
    <div className="grid grid-cols-1 gap-6">
      <NewRule teams={teams.data ?? []} />
      <Card>
        <CardHeader className="flex-row flex-wrap items-end justify-between gap-3">
          <CardTitle>Rules</CardTitle>
          <div className="grid grid-cols-1 gap-2">
            <Label htmlFor="rule-filter">Find</Label>
            <Input id="rule-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} className="w-48" placeholder="pattern" />
          </div>
        </CardHeader>
        <CardContent>
          <DataList pending={rules.isPending} error={rules.error} items={shown} skeletonClassName="h-48 w-full" empty={{ title: filter ? "No rule matches" : "No rules yet", children: filter ? null : "Add one above; until then all active time is neutral." }}>
            {(rows) => (
              <Table aria-label="Productivity rules">
                <TableHeaderRow columns={["Match", "Pattern", "Counts as", "For"]} actions />
                <TableBody>
                  {rows.map((r) => (
                    <RuleRow key={r.id} rule={r} teamName={r.teamId ? `Team ${teamNames.get(r.teamId) ?? "…"}` : "Organisation"} />
                  ))}
                </TableBody>
              </Table>
            )}
          </DataList>
        </CardContent>
      </Card>
    </div>
  );
}
