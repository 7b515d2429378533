/**
 * `suggest --format markdown`: a comment a reviewer pastes into GitHub, GitLab
 * or Gerrit. A headline says how many changed lines need reading and how many
 * are noise (review-kinds.ts), a table counts the kinds, then each suggested
 * commit is a collapsed `<details>` block with its changes and its message.
 *
 * Everything that comes from the diff (file names, messages, reasons quoting
 * code) is untrusted: it is written so that no renderer sees markup in it.
 * Markdown text gets HTML entities for `& < > "` and a backslash before every
 * other ASCII punctuation character a renderer could read as syntax (links,
 * code, emphasis, table pipes, math); text inside the raw HTML `<summary>` gets
 * entities only (Markdown is not read there); messages go into fenced blocks
 * whose fence is longer than any backtick run inside. Control characters
 * (a newline in a file name) are shown as escapes, never written.
 */
import { ClassifiedChange, Report } from '../model';
import { reviewCategoryOf, reviewSummary } from './review-kinds';
import { location } from './text';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Control characters (and the Unicode line separators) as visible escapes, like `\n`. */
function visible(text: string): string {
  const names: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x1f\x7f\u0085\u2028\u2029]/g, (char) => names[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Untrusted text inside Markdown (a table cell, a list item, a paragraph): rendered as exactly these characters. */
export function markdownText(text: string): string {
  return visible(text).replace(/[\\`*_{}[\]()#+\-.!|~:$^=&<>"]/g, (char) => ENTITIES[char] ?? `\\${char}`);
}

/** Untrusted text inside raw HTML (the `<summary>` line), where Markdown is not read. */
export function htmlText(text: string): string {
  return visible(text).replace(/[&<>"']/g, (char) => ENTITIES[char]);
}

/**
 * A fenced code block holding `text` verbatim: the fence is one backtick longer
 * than the longest run inside, so no line of the text can close it. Carriage
 * returns and other control characters but tab are shown as escapes.
 */
export function fencedBlock(text: string): string {
  // eslint-disable-next-line no-control-regex
  const body = text.replace(/\r\n/g, '\n').replace(/[\x00-\x08\x0b-\x1f\x7f\u0085\u2028\u2029]/g, (char) => visible(char));
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}text\n${body.replace(/\n+$/, '')}\n${fence}`;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** What was analysed, as plain (still untrusted) text. */
function sourceLabel(report: Report): string {
  const { source } = report;
  const subject = source.subject ? ` "${source.subject}"` : '';
  switch (source.kind) {
    case 'commit':
      return `commit ${source.rev?.slice(0, 12) ?? ''}${subject}`;
    case 'range':
      return `range ${source.rev ?? ''}`;
    case 'staged':
      return 'the staged changes';
    case 'worktree':
      return 'the uncommitted changes';
    default:
      return `patch ${source.path ?? ''}${subject}`.replace(/ +(?=$| ")/, '');
  }
}

function kindLabel(change: ClassifiedChange): string {
  return change.verdict.detail ? `${change.verdict.kind}/${change.verdict.detail}` : change.verdict.kind;
}

export function renderMarkdown(report: Report): string {
  const out: string[] = [];
  const what = markdownText(sourceLabel(report));
  if (report.changes.length === 0) return `### split-advisor: nothing to split in ${what}\n\nThe diff is empty.\n`;

  const summary = reviewSummary(report);
  const noise = summary.lines.skim;
  out.push(`### split-advisor: ${plural(summary.lines.read, 'changed line')} to read, ${plural(noise, 'line')} of noise`);
  out.push('');
  const generated = summary.lines.generated > 0 ? `, and ${plural(summary.lines.generated, 'line')} of generated files (review their source instead)` : '';
  out.push(
    `Of ${plural(summary.totalLines, 'changed line')} in ${what}, **${summary.lines.read} need reading**; ${noise} are whitespace, formatting, comments, refactors or moves that change no behaviour${generated}. ` +
      `Suggested: ${plural(report.series.length, 'commit')}, one logical change each.`,
  );
  // The input edge may already say so in a note, listed at the end.
  if (report.diffOnly && !report.notes.some((note) => note.includes('diff alone'))) out.push('', 'Analysed from the diff alone: without the full files, fewer changes can be proven to be noise.');
  out.push('');
  out.push('| kind | for the reviewer | changes | changed lines |', '| --- | --- | ---: | ---: |');
  for (const entry of summary.byKind) out.push(`| ${markdownText(entry.kind)} | ${entry.category} | ${entry.changes} | ${entry.lines} |`);
  out.push('');

  out.push(`#### Suggested series`, '');
  const byId = new Map(report.changes.map((change) => [change.id, change]));
  for (const commit of report.series) {
    const after = commit.dependsOn.length > 0 ? `, after ${commit.dependsOn.map((index) => `#${index}`).join(', ')}` : '';
    const noiseMark = reviewCategoryOf(commit.kind) === 'read' ? '' : ` (${reviewCategoryOf(commit.kind)})`;
    out.push(`<details><summary>${commit.index}. ${htmlText(commit.title)} — ${htmlText(commit.kind)}${noiseMark}${after}</summary>`, '');
    out.push('| change | file | location | kind | reason |', '| --- | --- | --- | --- | --- |');
    for (const id of commit.changes) {
      const change = byId.get(id);
      if (change === undefined) continue;
      const file = change.oldFile !== null && change.oldFile !== change.file ? `${change.oldFile} → ${change.file}` : change.file;
      out.push(`| ${markdownText(change.id)} | ${markdownText(file)} | ${markdownText(location(change))} | ${markdownText(kindLabel(change))} | ${markdownText(change.verdict.reason)} |`);
    }
    out.push('', 'Suggested message:', '', fencedBlock(commit.message), '', '</details>', '');
  }
  if (report.notes.length > 0) {
    out.push('Notes:', '');
    for (const note of report.notes) out.push(`- ${markdownText(note)}`);
    out.push('');
  }
  out.push('<sub>split-advisor suggest --format markdown</sub>');
  return out.join('\n') + '\n';
}
