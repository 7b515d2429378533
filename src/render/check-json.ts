/** `check --format json`: every commit with its findings and suggested split, totals, and the audit summary. */
import { CheckReport, totalsOf } from '../check/report';
import { TOOL } from '../version';

export function renderCheckJson(report: CheckReport): string {
  const totals = totalsOf(report.results);
  return (
    JSON.stringify(
      {
        schemaVersion: 1,
        tool: { name: TOOL.name, version: TOOL.version },
        checked: report.label,
        kind: report.kind,
        config: report.configSource,
        depth: report.depth,
        passed: totals.errors === 0,
        totals,
        commits: report.results.map((result) => ({
          sha: result.sha,
          subject: result.subject,
          author: result.author,
          findings: result.findings,
          split: result.split,
          ...(result.sha !== null ? { suggest: `split-advisor suggest ${result.sha}` } : {}),
          changedLines: result.changedLines,
          changedFiles: result.changedFiles,
          areas: result.areas,
        })),
        summary: report.summary,
        notes: report.notes,
        elapsedMs: Math.round(report.elapsedMs),
      },
      null,
      2,
    ) + '\n'
  );
}
