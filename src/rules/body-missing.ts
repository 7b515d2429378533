/**
 * body-missing: a subject-only message (trailers aside) for a change with more
 * than thresholds.trivialLines behaviour-changing lines. Needs the diff.
 */
import { Rule, plural } from '../check/rule';
import { behaviourLines, humanBodyLines, isNonTrivial } from '../check/message-text';

export const bodyMissing: Rule = {
  meta: {
    id: 'body-missing',
    description: 'A subject-only message for a non-trivial change.',
    defaultSeverity: 'error',
    scope: 'message',
    rationale:
      'Commit practice, "What a commit message must carry" 1 and 3: "The problem, stated plainly. Don\'t assume the reviewer knows the original problem or read the bug tracker." "Why, not only how. The motivation and the reason for the chosen approach". A subject line has room for neither.',
  },
  check(commit, config) {
    if (commit.diff === null || commit.message.subject.trim() === '') return [];
    if (humanBodyLines(commit.message.body).length > 0) return [];
    if (!isNonTrivial(commit, config)) return [];
    return [{ message: `a subject-only message for ${plural(behaviourLines(commit), 'behaviour-changing line')}: add a body that states the problem and why this is the fix.` }];
  },
};
