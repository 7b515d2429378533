/**
 * Renders the editable plan: the `--json` contract of `suggest` (changes and
 * series), plus what `apply --plan` needs to refuse a plan made for other
 * changes: the commit's parent and tree, and a digest of every change. A user
 * edits `series` (moves change ids, reorders, rewords, merges commits) and feeds
 * the file back to `apply --plan FILE`.
 */
import { Report } from '../model';
import { Plan, changeDigest } from '../plan';
import { JsonReport, toJson } from './json';

export interface PlanJson extends JsonReport {
  /** The analysed commit's first parent (null for a root commit) and tree. */
  base: string | null;
  tree: string;
  changes: Array<JsonReport['changes'][number] & { digest: string }>;
}

export function renderPlanJson(report: Report, plan: Plan, original: { parent: string | null; tree: string }): string {
  const json = toJson(report);
  const digests = new Map(report.changes.map((change) => [change.id, changeDigest(change)]));
  const suggested = JSON.stringify(plan.steps.map((step) => step.changes)) === JSON.stringify(report.series.map((commit) => commit.changes));
  const out: PlanJson = {
    ...json,
    base: original.parent,
    tree: original.tree,
    changes: json.changes.map((change) => ({ ...change, digest: digests.get(change.id)! })),
    series: plan.steps.map((step, index) => ({
      index: index + 1,
      kind: step.kind,
      title: step.title,
      message: step.message,
      changes: step.changes,
      // The suggested series knows what each commit needs; a hand-made order is the user's.
      dependsOn: suggested ? report.series[index].dependsOn : [],
    })),
  };
  return JSON.stringify(out, null, 2) + '\n';
}
