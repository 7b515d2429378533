/**
 * too-large: a commit over the size thresholds (changed lines or files, generated
 * files and lockfiles aside) with no sign that it cannot be split: the analysis
 * suggests more than one commit, the changes are not all one mechanical kind, and
 * the message does not say why it is one piece.
 */
import { Rule, plural } from '../check/rule';

/** Words in a message that say the change is one piece on purpose. */
const ONE_PIECE = /\b(cannot|can't|can ?not|could not|couldn't) be split\b|\bnot split\b|\batomic(ally)?\b|\bmechanical(ly)?\b|\btree-?wide\b|\bautomated\b|\bgenerated (by|with)\b|\bscripted\b|\bcoccinelle\b|\bcodemod\b|\bsed\b|\bin one (go|piece|commit)\b|\bsquash(ed)?\b|\bimport(ed)? (of|from)\b|\binitial (commit|import|version)\b/i;
/** Kinds whose bulk is mechanical: a large commit of only these is one logical step. */
const MECHANICAL = new Set(['whitespace', 'formatting', 'move', 'refactor', 'generated', 'dependency']);

export const tooLarge: Rule = {
  meta: {
    id: 'too-large',
    description: 'A commit over the size thresholds with no sign that it cannot be split.',
    defaultSeverity: 'warn',
    scope: 'diff',
    rationale:
      'Commit practice, "What must not be mixed" 5: "A large feature in one giant commit. The feature may only be useful in full, but it is still delivered as a series: refactor existing code first, then add internal APIs, then the implementation, then the switch-over." Small changes are quicker to review and flaws are easier to spot. Sizes are thresholds.maxLines and thresholds.maxFiles.',
  },
  check(commit, config) {
    const diff = commit.diff;
    if (diff === null) return [];
    const { maxLines, maxFiles } = config.thresholds;
    if (diff.changedLines <= maxLines && diff.changedFiles <= maxFiles) return [];
    if (diff.report.series.length < 2) return [];
    if (diff.report.changes.every((change) => MECHANICAL.has(change.verdict.kind))) return [];
    if (ONE_PIECE.test(commit.rawMessage)) return [];
    const over = diff.changedLines > maxLines ? `${plural(diff.changedLines, 'changed line')} (over ${maxLines})` : `${plural(diff.changedFiles, 'changed file')} (over ${maxFiles})`;
    return [{ message: `${over}, and the analysis finds ${diff.report.series.length} separable steps: deliver it as a series, or say in the message why it cannot be split.` }];
  },
};
