/**
 * What `check` and `lint-message` report, for every output format: the results
 * per commit, totals, and for a history audit a summary (tangled commits per
 * rule, per area, per author, the worst offenders). Pure.
 */
import { CommitResult } from './analyse';
import { Rule } from './rule';

export interface CheckReport {
  /** What was checked: `origin/main..HEAD`, `push to origin`, `all branches and tags`, a message file. */
  label: string;
  kind: 'commits' | 'message';
  results: CommitResult[];
  notes: string[];
  /** Where the policy came from (null: defaults). */
  configSource: string | null;
  depth: 'full' | 'fast';
  /** Present for a history audit (`--all`, a long range, `--summary`). */
  summary: AuditSummary | null;
  /** The rules that ran, for outputs that describe them (SARIF). */
  rules: readonly Rule[];
  elapsedMs: number;
  jobs: number;
}

export interface Totals {
  commits: number;
  errors: number;
  warnings: number;
  /** Commits with at least one finding. */
  flagged: number;
}

export interface Tally {
  name: string;
  commits: number;
  /** Commits with a finding of a diff rule ("what must not be mixed"). */
  tangled: number;
  /** Commits with a finding of a message rule. */
  messages: number;
}

export interface AuditSummary {
  totals: Totals;
  tangled: number;
  byRule: Array<{ rule: string; commits: number; errors: number; warnings: number }>;
  byArea: Tally[];
  byAuthor: Tally[];
  worst: Array<{ sha: string; subject: string; author: string; errors: number; warnings: number; rules: string[] }>;
}

export function totalsOf(results: CommitResult[]): Totals {
  let errors = 0;
  let warnings = 0;
  let flagged = 0;
  for (const result of results) {
    if (result.findings.length > 0) flagged++;
    for (const finding of result.findings) {
      if (finding.severity === 'error') errors++;
      else warnings++;
    }
  }
  return { commits: results.length, errors, warnings, flagged };
}

/** The summary of a history audit; `top` rows per table. */
export function summarise(results: CommitResult[], rules: readonly Rule[], top = 10): AuditSummary {
  const diffRules = new Set(rules.filter((rule) => rule.meta.scope === 'diff').map((rule) => rule.meta.id));
  const byRule = new Map<string, { rule: string; commits: number; errors: number; warnings: number }>();
  const areas = new Map<string, Tally>();
  const authors = new Map<string, Tally>();
  const tally = (table: Map<string, Tally>, name: string, tangled: boolean, messages: boolean) => {
    const row = table.get(name) ?? { name, commits: 0, tangled: 0, messages: 0 };
    row.commits++;
    if (tangled) row.tangled++;
    if (messages) row.messages++;
    table.set(name, row);
  };
  let tangledCount = 0;
  for (const result of results) {
    const seen = new Set<string>();
    for (const finding of result.findings) {
      const row = byRule.get(finding.rule) ?? { rule: finding.rule, commits: 0, errors: 0, warnings: 0 };
      if (!seen.has(finding.rule)) row.commits++;
      seen.add(finding.rule);
      if (finding.severity === 'error') row.errors++;
      else row.warnings++;
      byRule.set(finding.rule, row);
    }
    const tangled = result.findings.some((finding) => diffRules.has(finding.rule));
    const messages = result.findings.some((finding) => !diffRules.has(finding.rule));
    if (tangled) tangledCount++;
    for (const area of result.areas.length > 0 ? result.areas : ['(empty)']) tally(areas, area, tangled, messages);
    tally(authors, result.author ?? '(unknown)', tangled, messages);
  }
  const order = rules.map((rule) => rule.meta.id);
  const ranked = (table: Map<string, Tally>) => [...table.values()].sort((a, b) => b.tangled - a.tangled || b.commits - a.commits || a.name.localeCompare(b.name)).slice(0, top);
  const worst = results
    .filter((result) => result.findings.length > 0 && result.sha !== null)
    .map((result) => ({
      sha: result.sha!,
      subject: result.subject,
      author: result.author ?? '',
      errors: result.findings.filter((finding) => finding.severity === 'error').length,
      warnings: result.findings.filter((finding) => finding.severity === 'warn').length,
      rules: [...new Set(result.findings.map((finding) => finding.rule))],
      size: result.changedLines,
    }))
    .sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || b.size - a.size)
    .slice(0, top)
    .map(({ size: _size, ...rest }) => rest);
  return {
    totals: totalsOf(results),
    tangled: tangledCount,
    byRule: [...byRule.values()].sort((a, b) => b.commits - a.commits || order.indexOf(a.rule) - order.indexOf(b.rule)),
    byArea: ranked(areas),
    byAuthor: ranked(authors),
    worst,
  };
}
