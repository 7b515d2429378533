/**
 * body-only-reference: a body made only of bug numbers, issue keys or URLs. When
 * the diff is known and trivial (a subject alone would do, see body-missing),
 * the reference is just metadata and passes.
 */
import { Rule } from '../check/rule';
import { humanBodyLines, isNonTrivial, isReferenceLine } from '../check/message-text';

export const bodyOnlyReference: Rule = {
  meta: {
    id: 'body-only-reference',
    description: 'The body is only a bug number or a URL.',
    defaultSeverity: 'error',
    scope: 'message',
    rationale:
      'Commit practice, "What a commit message must carry" 2: "Self-contained. No reliance on external sites: a bug number or URL is metadata, not an explanation." Trackers move, close and lose history; the repository outlives them.',
  },
  check(commit, config) {
    const lines = humanBodyLines(commit.message.body);
    if (lines.length === 0 || !lines.every(isReferenceLine)) return [];
    if (commit.diff !== null && !isNonTrivial(commit, config)) return [];
    return [{ message: `the body is only a reference (${lines[0].trim().slice(0, 60)}): say in the message itself what the problem is and why this fixes it; keep the reference as a trailer.` }];
  },
};
