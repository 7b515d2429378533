/**
 * mixed-whitespace: whitespace or formatting changes in a commit that also
 * changes behaviour. Re-indentation and blank lines right against a functional
 * or test edit in the same hunk (the body of a block the edit wrapped, the blank
 * line before a new function) belong to that edit and are not counted.
 */
import { FUNCTIONAL_KINDS, Rule, lineOf, listFiles, plural } from '../check/rule';
import { isIncidental } from '../incidental';

const LAYOUT_KINDS = new Set(['whitespace', 'formatting']);

export const mixedWhitespace: Rule = {
  meta: {
    id: 'mixed-whitespace',
    description: 'Whitespace or formatting changes beside functional ones.',
    defaultSeverity: 'error',
    scope: 'diff',
    rationale:
      'Commit practice, "What must not be mixed" 1: "Whitespace with functional changes. Re-indentation, trailing blanks and blank-line churn hide the real change. Whitespace goes in a commit of its own, usually first." A reviewer reading a mixed commit has to tell noise from behaviour line by line; `git blame` then points at the wrong commit for every re-indented line.',
  },
  check(commit) {
    const changes = commit.diff?.report.changes ?? [];
    const functional = changes.filter((change) => FUNCTIONAL_KINDS.has(change.verdict.kind));
    if (functional.length === 0) return [];
    const layout = changes.filter((change) => LAYOUT_KINDS.has(change.verdict.kind) && !isIncidental(change, changes));
    if (layout.length === 0) return [];
    const kinds = [...new Set(layout.map((change) => change.verdict.detail ?? change.verdict.kind))].join(', ');
    return [
      {
        message: `${plural(layout.length, 'whitespace or formatting change')} (${kinds}; in ${listFiles(layout.map((change) => change.file))}) beside ${plural(functional.length, 'functional change')}: put them in a commit of their own, first.`,
        file: layout[0].file,
        line: lineOf(layout[0]),
      },
    ];
  },
};
