/** Renders a report as the `--json` contract (../shared/contract/suggest-json.md). */
import { Report } from '../model';
import { TOOL } from '../version';

export interface JsonReport {
  schemaVersion: 1;
  tool: { name: string; version: string };
  source: { kind: string; rev?: string; subject?: string };
  diffOnly: boolean;
  notes: string[];
  changes: Array<{
    id: string;
    file: string;
    oldFile: string | null;
    status: string;
    old: { start: number; lines: number } | null;
    new: { start: number; lines: number } | null;
    kind: string;
    detail?: string;
    confidence: number;
    reason: string;
    heuristic: string;
  }>;
  series: Array<{ index: number; kind: string; title: string; message: string; changes: string[]; dependsOn: number[] }>;
}

export function toJson(report: Report): JsonReport {
  const source: JsonReport['source'] = { kind: report.source.kind };
  if (report.source.rev !== undefined) source.rev = report.source.rev;
  if (report.source.subject !== undefined) source.subject = report.source.subject;
  return {
    schemaVersion: 1,
    tool: { name: TOOL.name, version: TOOL.version },
    source,
    diffOnly: report.diffOnly,
    notes: report.notes,
    changes: report.changes.map((change) => ({
      id: change.id,
      file: change.file,
      oldFile: change.oldFile,
      status: change.status,
      old: change.old,
      new: change.new,
      kind: change.verdict.kind,
      ...(change.verdict.detail !== undefined ? { detail: change.verdict.detail } : {}),
      confidence: Math.round(change.verdict.confidence * 100) / 100,
      reason: change.verdict.reason,
      heuristic: change.verdict.heuristic,
    })),
    series: report.series.map((commit) => ({
      index: commit.index,
      kind: commit.kind,
      title: commit.title,
      message: commit.message,
      changes: commit.changes,
      dependsOn: commit.dependsOn,
    })),
  };
}

export function renderJson(report: Report): string {
  return JSON.stringify(toJson(report), null, 2) + '\n';
}
