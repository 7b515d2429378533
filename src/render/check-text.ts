/**
 * `check` for people: per commit a mark, the short sha and subject, then one line
 * per finding (severity, rule, sentence) and, for a tangled commit, the suggested
 * split; a last line with the totals. A history audit prints its summary instead
 * of every commit.
 */
import { CommitResult } from '../check/analyse';
import { CheckReport, Tally, totalsOf } from '../check/report';
import { printablePath } from './text';

export interface CheckTextOptions {
  color: boolean;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
const percent = (part: number, whole: number) => (whole === 0 ? '0%' : `${Math.round((part / whole) * 100)}%`);

export function renderCheckText(report: CheckReport, options: CheckTextOptions): string {
  const paint = (code: string, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const out: string[] = [];
  const totals = totalsOf(report.results);
  const what = report.kind === 'message' ? report.label : `${plural(totals.commits, 'commit')} (${report.label})`;
  if (report.kind === 'commits' && totals.commits === 0) {
    out.push(`Nothing to check: no commits in ${report.label}.`);
    for (const note of report.notes) out.push(paint('2', `  ${note}`));
    return out.join('\n') + '\n';
  }
  if (report.summary === null) {
    out.push(paint('1', `split-advisor check: ${what}`));
    out.push('');
    for (const result of report.results) out.push(...commitLines(result, report, paint));
  } else {
    out.push(...summaryLines(report, paint));
  }
  for (const note of report.notes) out.push(paint('2', `Note: ${note}`));
  out.push(totalLine(report, paint));
  return out.join('\n') + '\n';
}

function commitLines(result: CommitResult, report: CheckReport, paint: (code: string, text: string) => string): string[] {
  const lines: string[] = [];
  const errors = result.findings.some((finding) => finding.severity === 'error');
  const mark = result.findings.length === 0 ? paint('32', '✓') : errors ? paint('31', '✗') : paint('33', '!');
  const id = result.sha === null ? 'message' : result.sha.slice(0, 12);
  lines.push(`${mark} ${paint('2', id)}  ${result.subject === '' ? paint('2', '(no subject)') : result.subject}`);
  const width = Math.max(0, ...result.findings.map((finding) => finding.rule.length));
  for (const finding of result.findings) {
    const severity = finding.severity === 'error' ? paint('31', 'error') : paint('33', 'warn ');
    const where = finding.file !== undefined ? paint('2', ` [${printablePath(finding.file)}${finding.line !== undefined ? `:${finding.line}` : ''}]`) : '';
    lines.push(`    ${severity}  ${finding.rule.padEnd(width)}  ${finding.message}${where}`);
  }
  const tangled = result.findings.some((finding) => report.rules.find((rule) => rule.meta.id === finding.rule)?.meta.scope === 'diff');
  if (tangled && result.split.length > 1 && result.sha !== null) {
    lines.push(`    suggested split into ${result.split.length} commits (${paint('1', `split-advisor suggest ${result.sha.slice(0, 12)}`)}):`);
    for (const step of result.split) lines.push(`      ${step.index}. ${step.title}  ${paint('2', `[${step.kind}, ${plural(step.changes, 'change')}]`)}`);
  }
  if (result.findings.length > 0) lines.push('');
  return lines;
}

function totalLine(report: CheckReport, paint: (code: string, text: string) => string): string {
  const totals = totalsOf(report.results);
  const seconds = (report.elapsedMs / 1000).toFixed(1);
  const rate = report.summary !== null ? `, ${Math.round(totals.commits / Math.max(report.elapsedMs / 1000, 0.001))} commits/s with ${plural(report.jobs, 'thread')}, ${report.depth} analysis` : '';
  if (totals.errors === 0 && totals.warnings === 0) {
    return paint('32', `${report.kind === 'message' ? 'The message passes' : `${plural(totals.commits, 'commit')} checked`}: no findings`) + paint('2', ` (${seconds} s${rate})`);
  }
  const counts = `${plural(totals.errors, 'error')}, ${plural(totals.warnings, 'warning')}${report.kind === 'commits' ? ` in ${totals.flagged} of ${plural(totals.commits, 'commit')}` : ''}`;
  const verdict =
    totals.errors > 0
      ? paint('31', `${counts}: failed.`) + ' Fix the errors (`git rebase -i` to split or reword), or see why with `split-advisor check --explain RULE`.'
      : paint('33', `${counts}: passed with warnings.`);
  return `${verdict}${paint('2', ` (${seconds} s${rate})`)}`;
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((cell, k) => Math.max(cell.length, ...rows.map((row) => row[k].length)));
  const line = (cells: string[]) => '  ' + cells.map((cell, k) => (k === 0 ? cell.padEnd(widths[k]) : cell.padStart(widths[k]))).join('  ');
  return [line(header), ...rows.map(line)];
}

function summaryLines(report: CheckReport, paint: (code: string, text: string) => string): string[] {
  const summary = report.summary!;
  const { totals } = summary;
  const out: string[] = [];
  out.push(paint('1', `split-advisor check: history audit of ${plural(totals.commits, 'commit')} (${report.label})`));
  out.push('');
  out.push(`Commits with findings: ${totals.flagged} of ${totals.commits} (${percent(totals.flagged, totals.commits)}); tangled (a "must not be mixed" rule): ${summary.tangled} (${percent(summary.tangled, totals.commits)}).`);
  out.push('');
  if (summary.byRule.length > 0) {
    out.push(paint('1', 'By rule'));
    out.push(...table(['rule', 'commits', 'errors', 'warnings'], summary.byRule.map((row) => [row.rule, String(row.commits), String(row.errors), String(row.warnings)])));
    out.push('');
  }
  const tallies = (title: string, column: string, rows: Tally[]) => {
    out.push(paint('1', title));
    out.push(...table([column, 'commits', 'tangled', '%', 'message findings'], rows.map((row) => [row.name, String(row.commits), String(row.tangled), percent(row.tangled, row.commits), String(row.messages)])));
    out.push('');
  };
  tallies('By area (most tangled first)', 'area', summary.byArea);
  tallies('By author (most tangled first)', 'author', summary.byAuthor);
  if (summary.worst.length > 0) {
    out.push(paint('1', 'Worst offenders'));
    for (const row of summary.worst) {
      out.push(`  ${paint('2', row.sha.slice(0, 12))}  ${plural(row.errors, 'error')}, ${plural(row.warnings, 'warning')}  ${row.subject.slice(0, 60)}`);
      out.push(paint('2', `                ${row.rules.join(', ')}; ${row.author}`));
    }
    out.push('');
  }
  out.push(paint('2', 'Every finding: --format json. One commit: split-advisor check <sha>.'));
  return out;
}
