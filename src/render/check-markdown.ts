/**
 * `check --format markdown`: a pull-request comment. A headline with the
 * verdict, a table of findings, and per tangled commit its suggested split in a
 * collapsed block; an audit adds its summary tables.
 */
import { CheckReport, totalsOf } from '../check/report';

const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function renderCheckMarkdown(report: CheckReport): string {
  const totals = totalsOf(report.results);
  const out: string[] = [];
  const verdict = totals.errors > 0 ? '❌' : totals.warnings > 0 ? '⚠️' : '✅';
  const counts = totals.errors + totals.warnings === 0 ? 'no findings' : `${plural(totals.errors, 'error')}, ${plural(totals.warnings, 'warning')} in ${totals.flagged} of ${plural(totals.commits, 'commit')}`;
  out.push(`### ${verdict} split-advisor check: ${counts}`);
  out.push('');
  out.push(`Checked ${report.kind === 'message' ? 'a commit message' : `${plural(totals.commits, 'commit')} (\`${cell(report.label)}\`)`} against the commit practice: one logical change per commit, and messages that say what and why.`);
  out.push('');
  const flagged = report.results.filter((result) => result.findings.length > 0);
  if (report.summary !== null) {
    const summary = report.summary;
    out.push(`Tangled commits (a "must not be mixed" rule): ${summary.tangled} of ${summary.totals.commits}.`);
    out.push('');
    out.push('| rule | commits | errors | warnings |', '| --- | ---: | ---: | ---: |');
    for (const row of summary.byRule) out.push(`| \`${row.rule}\` | ${row.commits} | ${row.errors} | ${row.warnings} |`);
    out.push('');
    for (const [title, rows] of [['area', summary.byArea], ['author', summary.byAuthor]] as const) {
      out.push(`| ${title} | commits | tangled | message findings |`, '| --- | ---: | ---: | ---: |');
      for (const row of rows) out.push(`| ${cell(row.name)} | ${row.commits} | ${row.tangled} | ${row.messages} |`);
      out.push('');
    }
  } else if (flagged.length > 0) {
    out.push('| commit | severity | rule | finding |', '| --- | --- | --- | --- |');
    for (const result of flagged) {
      const id = result.sha === null ? 'message' : `\`${result.sha.slice(0, 12)}\` ${cell(result.subject.slice(0, 50))}`;
      for (const finding of result.findings) {
        out.push(`| ${id} | ${finding.severity === 'error' ? '❌ error' : '⚠️ warn'} | \`${finding.rule}\` | ${cell(finding.message)} |`);
      }
    }
    out.push('');
    for (const result of flagged) {
      if (result.sha === null || result.split.length < 2) continue;
      const diffRule = result.findings.some((finding) => report.rules.find((rule) => rule.meta.id === finding.rule)?.meta.scope === 'diff');
      if (!diffRule) continue;
      out.push(`<details><summary>Suggested split of <code>${result.sha.slice(0, 12)}</code> into ${result.split.length} commits</summary>`, '');
      for (const step of result.split) out.push(`${step.index}. ${cell(step.title)} — ${step.kind}, ${plural(step.changes, 'change')}`);
      out.push('', `\`split-advisor suggest ${result.sha.slice(0, 12)}\` shows every change and message.`, '', '</details>', '');
    }
  }
  for (const note of report.notes) out.push(`> ${cell(note)}`, '');
  if (totals.errors + totals.warnings > 0) out.push('Why a rule exists: `split-advisor check --explain RULE`.');
  return out.join('\n') + '\n';
}
