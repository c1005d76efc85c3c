"use client";

import { Download } from "lucide-react";
import type { ProductivityAnalysisRow, ProofOfWorkUser, WeeklySummary } from "@/lib/validation/dashboard-responses";
import { Button } from "@/components/ui/button";
import { breakdownCsv, productivityCsv, proofOfWorkCsv } from "./csv";

type Table =
  | { kind: "breakdown"; data: WeeklySummary }
  | { kind: "productivity"; data: ProductivityAnalysisRow[] }
  | { kind: "proof-of-work"; data: ProofOfWorkUser[]; timeZone: string };

function build(t: Table): string {
  if (t.kind === "breakdown") return breakdownCsv(t.data);
  if (t.kind === "productivity") return productivityCsv(t.data);
  return proofOfWorkCsv(t.data, t.timeZone);
}

/** Downloads the table as shown, built in the browser (nothing is fetched again). */
export function CsvDownload({ table, fileName, label = "Export CSV" }: { table: Table; fileName: string; label?: string }) {
  function download() {
    const blob = new Blob([build(table)], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  return (
    <Button type="button" variant="outline" size="sm" onClick={download}>
      <Download aria-hidden />
      {label}
    </Button>
  );
}
