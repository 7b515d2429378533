/**
 * Renders a report for people: a one-line summary first, then the series as a
 * tree (commit → changes with kind and reason), then notes. Colour only when
 * asked (the CLI decides: a TTY and no NO_COLOR).
 */
import { ChangeKind, ClassifiedChange, Report } from '../model';

export interface TextOptions {
  color: boolean;
}

const KIND_COLOR: Record<ChangeKind, string> = {
  whitespace: '2',
  formatting: '2',
  comment: '2',
  refactor: '36',
  move: '36',
  'api-addition': '35',
  'api-change': '1;35',
  'api-removal': '1;35',
  functional: '33',
  test: '32',
  docs: '34',
  dependency: '1;31',
  generated: '2',
};

/** Makes a path safe to print on a terminal: control characters become escapes. */
export function printablePath(file: string): string {
  // eslint-disable-next-line no-control-regex
  return /[\x00-\x1f\x7f]/.test(file) ? JSON.stringify(file) : file;
}

/** Where a change is: `-10,2 +10,3` (its old and new line ranges), or its status for a change without lines. */
export function location(change: ClassifiedChange): string {
  const side = (sign: string, range: { start: number; lines: number } | null) => (range === null ? '' : `${sign}${range.start}${range.lines === 1 ? '' : ',' + range.lines}`);
  const ranges = [side('-', change.old), side('+', change.new)].filter((part) => part !== '').join(' ');
  return ranges === '' ? `(${change.status})` : ranges;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function renderText(report: Report, options: TextOptions): string {
  const paint = (code: string, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const out: string[] = [];
  const kinds = new Map<string, number>();
  for (const change of report.changes) kinds.set(change.verdict.kind, (kinds.get(change.verdict.kind) ?? 0) + 1);
  const kindSummary = [...kinds].map(([kind, count]) => `${count} ${kind}`).join(', ');
  const files = new Set(report.changes.map((change) => change.fileIndex)).size;
  const what =
    report.source.kind === 'commit'
      ? `commit ${report.source.rev?.slice(0, 12)}${report.source.subject ? ` "${report.source.subject}"` : ''}`
      : report.source.kind === 'range'
        ? `range ${report.source.rev}`
        : report.source.kind === 'staged'
          ? 'the staged changes'
          : report.source.kind === 'worktree'
            ? 'the uncommitted changes'
            : `patch ${report.source.path ?? ''}${report.source.subject ? ` "${report.source.subject}"` : ''}`.replace(/ +$/, '');

  if (report.changes.length === 0) {
    out.push(`Nothing to split in ${what}: the diff is empty.`);
    return out.join('\n') + '\n';
  }
  const headline = `${plural(report.series.length, 'commit')} suggested for ${what}`;
  out.push(`${paint('1', headline)}: ${plural(report.changes.length, 'change')} in ${plural(files, 'file')} (${kindSummary})`);
  if (report.diffOnly) out.push(paint('2', 'Analysed from the diff alone (no repository): full files were not available.'));
  out.push('');

  const byId = new Map(report.changes.map((change) => [change.id, change]));
  for (const commit of report.series) {
    const needs = commit.dependsOn.length > 0 ? paint('2', `  (after ${commit.dependsOn.map((index) => `#${index}`).join(', ')})`) : '';
    out.push(`${paint('1', `${commit.index}.`)} ${commit.title}  ${paint(KIND_COLOR[commit.kind], `[${commit.kind}]`)}${needs}`);
    const members = commit.changes.map((id) => byId.get(id)).filter((change): change is ClassifiedChange => change !== undefined);
    members.forEach((change, position) => {
      const branch = position === members.length - 1 ? '└─' : '├─';
      const kind = change.verdict.detail ? `${change.verdict.kind}/${change.verdict.detail}` : change.verdict.kind;
      out.push(`   ${branch} ${change.id} ${printablePath(change.file)} ${location(change)}  ${paint(KIND_COLOR[change.verdict.kind], kind)} ${paint('2', change.verdict.confidence.toFixed(2))}`);
      out.push(`   ${position === members.length - 1 ? '  ' : '│ '}    ${paint('2', change.verdict.reason)}`);
    });
    out.push('');
  }
  if (report.notes.length > 0) {
    out.push('Notes:');
    for (const note of report.notes) out.push(`  - ${note}`);
    out.push('');
  }
  out.push(paint('2', 'Full suggested messages: --json (or --format json).'));
  return out.join('\n') + '\n';
}
