/**
 * noop-says-so: a commit whose changes are all no-ops (whitespace, formatting,
 * comments, refactors, moves) and whose message does not say so.
 */
import { NO_OP_KINDS, Rule } from '../check/rule';

const SAYS_NO_OP =
  /\bno[- ]?(?:functional|behaviou?ral|behaviou?r|semantic|logic|code)? ?changes?\b|\bno functional\b|\bNFCI?\b|\bno[- ]?op\b|\bnoop\b|\bnon[- ]functional\b|\bpure(?:ly)? (?:refactor|cosmetic|mechanical|whitespace|formatting|rename|move)|\bcosmetic\b|\bwhitespace\b|\bre-?indent|\bindentation\b|\breformat|\bformatting\b|\bcode style\b|\bstyle\b|\btypos?\b|\bdoes not change (?:behaviou?r|what)|\bdoesn't change (?:behaviou?r|what)|\bunchanged behaviou?r\b|\bbehaviou?r (?:is )?unchanged\b/i;
const COMMENT_WORDS = /\bcomments?\b|\bdocstrings?\b|\bdocs?\b|\bdocumentation\b|\bspelling\b/i;

export const noopSaysSo: Rule = {
  meta: {
    id: 'noop-says-so',
    description: "A whitespace-only or no-op commit whose message doesn't say so.",
    defaultSeverity: 'warn',
    scope: 'message',
    rationale:
      'Commit practice, "What a commit message must carry": "A whitespace-only or no-op refactor commit says so in its message (\'No functional change\')." It tells reviewers what to verify (that nothing changed) and lets anyone bisecting skip it.',
  },
  check(commit) {
    const changes = commit.diff?.report.changes ?? [];
    if (changes.length === 0 || !changes.every((change) => NO_OP_KINDS.has(change.verdict.kind))) return [];
    if (SAYS_NO_OP.test(commit.rawMessage)) return [];
    if (changes.every((change) => change.verdict.kind === 'comment') && COMMENT_WORDS.test(commit.rawMessage)) return [];
    const kinds = [...new Set(changes.map((change) => change.verdict.detail ?? change.verdict.kind))].join(', ');
    return [{ message: `every change is a no-op (${kinds}) but the message does not say so: add "No functional change." to it.` }];
  },
};
