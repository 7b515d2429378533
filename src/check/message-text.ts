/**
 * Reading commit messages for the message rules: references (bug numbers, URLs),
 * known trailer keys, words, and whether a change is trivial enough for a
 * subject-only message. Pure text helpers.
 */
import { CheckConfig } from './config';
import { CommitAnalysis, FUNCTIONAL_KINDS } from './rule';

/** Trailer keys the commit practice names, and their common relatives (git interpret-trailers, kernel, Gerrit). */
export const KNOWN_TRAILERS = [
  'Signed-off-by', 'Reviewed-by', 'Acked-by', 'Tested-by', 'Reported-by', 'Suggested-by', 'Co-authored-by', 'Co-developed-by',
  'Helped-by', 'Requested-by', 'Reviewed-on', 'Cc', 'Fixes', 'Closes', 'Resolves', 'Bug', 'Change-Id', 'Link', 'Refs', 'See-also',
];

export const TRAILER_LINE = new RegExp(`^(${KNOWN_TRAILERS.join('|')}):\\s*\\S`, 'i');

/** A line that is only a reference: a URL, `#123`, `JIRA-123`, `Bug: 123`, `Fixes #12`, `See https://…`. */
const REFERENCE_LINE =
  /^\s*(?:[-*]\s*)?(?:(?:see|see also|refs?|references?|related(?: to)?|bug|bugs|issue|issues|ticket|fix(?:es|ed)?|close[sd]?|resolve[sd]?|link|jira|cc)\b\s*:?\s*)?(?:(?:https?:\/\/\S+|#\d+|[A-Z][A-Z0-9]+-\d+|[\w.-]+\/[\w.-]+#\d+|(?:bug|issue|lp)\s*#?\s*\d+|\d{3,})[\s.,;:)]*)+$/i;

export function isReferenceLine(line: string): boolean {
  return REFERENCE_LINE.test(line.trim());
}

/** The human words of a text (URLs and references left out). */
export function wordsOf(text: string): string[] {
  return text
    .replace(/https?:\/\/\S+/g, ' ')
    .split(/\s+/)
    .filter((word) => /[A-Za-z]{2,}/.test(word));
}

/** The body's lines that are neither blank nor a known trailer (a trailer misplaced in the body is not human text). */
export function humanBodyLines(body: string): string[] {
  return body.split('\n').filter((line) => line.trim() !== '' && !TRAILER_LINE.test(line));
}

/** Lines of a change that change behaviour (functional kinds and non-lockfile dependency edits). */
export function behaviourLines(commit: CommitAnalysis): number {
  let lines = 0;
  for (const change of commit.diff?.report.changes ?? []) {
    const kind = change.verdict.kind;
    if (FUNCTIONAL_KINDS.has(kind) || (kind === 'dependency' && change.verdict.detail !== 'lockfile')) lines += change.removed.length + change.added.length;
  }
  return lines;
}

/** A change big enough that its message needs a body: more behaviour-changing lines than thresholds.trivialLines. */
export function isNonTrivial(commit: CommitAnalysis, config: CheckConfig): boolean {
  return behaviourLines(commit) > config.thresholds.trivialLines;
}

/** The raw message's paragraphs (blank-line separated), with their first line number (1-based). */
export function paragraphs(raw: string): Array<{ line: number; lines: string[] }> {
  const result: Array<{ line: number; lines: string[] }> = [];
  let current: { line: number; lines: string[] } | null = null;
  raw.replace(/\r\n/g, '\n').split('\n').forEach((text, index) => {
    if (text.trim() === '') {
      current = null;
      return;
    }
    if (current === null) {
      current = { line: index + 1, lines: [] };
      result.push(current);
    }
    current.lines.push(text);
  });
  return result;
}
