import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { round } from "./measure";

// bench/RESULTS.md and bench/results.json: the figures, the goals met or missed, and why.

export interface Goal {
  scenario: string;
  figure: string;
  goal: string;
  met: boolean | null;
  note?: string;
}

export function machine() {
  const cpus = os.cpus();
  return { cpu: cpus[0]?.model ?? "unknown", cores: cpus.length, memGiB: round(os.totalmem() / 2 ** 30, 1), platform: `${os.platform()} ${os.release()}`, node: process.version };
}

/** The hand-written analysis of the goals (bench/NOTES.md), carried into every report. */
function notes(dir: string): string[] {
  const file = path.join(dir, "NOTES.md");
  return fs.existsSync(file) ? [fs.readFileSync(file, "utf8").trim(), ""] : [];
}

export function writeReport(results: Record<string, unknown>, goals: Goal[], details: string[], command: string): void {
  const dir = path.join(process.cwd(), "bench");
  fs.writeFileSync(path.join(dir, "results.json"), JSON.stringify({ ...results, goals }, null, 2) + "\n");
  const m = results.machine as ReturnType<typeof machine>;
  const lines = [
    "# Benchmark results",
    "",
    `Run \`${command}\` on ${results.date}. Machine: ${m.cpu}, ${m.cores} cores, ${m.memGiB} GiB, ${m.platform}, Node ${m.node}. Database: ${results.database}.`,
    `Data: ${results.data}.`,
    "",
    "Every figure is a ratio to a baseline measured in the same run (interleaved where possible), because absolute times on a shared machine vary.",
    "The full run: `npm run bench` (200 users in 10 teams, 90 days, about 5 million activities; `--users N --teams T --days D` change the size, `--quick` is the CI size, `--rebuild` rebuilds the app first, `--explain` adds query plans).",
    "",
    "## Goals",
    "",
    "| scenario | figure | goal | status |",
    "| --- | --- | --- | --- |",
    ...goals.map((g) => `| ${g.scenario} | ${g.figure} | ${g.goal} | ${g.met === null ? "not measured" : g.met ? "met" : "missed"} |`),
    "",
    ...goals.filter((g) => g.note).map((g) => `- **${g.scenario}**: ${g.note}`),
    "",
    ...notes(dir),
    "## Figures",
    "",
    ...details,
    "",
  ];
  fs.writeFileSync(path.join(dir, "RESULTS.md"), lines.join("\n"));
}
