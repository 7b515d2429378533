/**
 * body-why: a short body with no sign of explaining why. Generous on purpose: a
 * body of thresholds.bodyWords words or more passes, and so does any word of
 * cause, purpose, problem or previous behaviour ("because", "so that", "to
 * avoid", "fails", "was", "instead", ...). Only for non-trivial changes when the
 * diff is known.
 */
import { Rule } from '../check/rule';
import { humanBodyLines, isNonTrivial, isReferenceLine, wordsOf } from '../check/message-text';

const WHY =
  /\b(because|since|so that|so (?:the|it|we|that|a|an|this|they|callers?|users?)|in order to|otherwise|to (?:avoid|allow|make|fix|prevent|support|let|keep|ensure|handle|stop|get|match|reduce|improve|simplify|speed|work|follow|save|enable|unblock)|needed|needs?|requires?|required|without|problem|issue|bug|fail(?:s|ed|ing|ure)?|broken|breaks?|crash(?:es|ed)?|errors?|wrong|incorrect|instead|rather than|previously|currently|used to|no longer|why|reason|motivation|allows?|avoids?|prevents?|ensures?|fixes|leads? to|causes?|caused|results? in|regression|slow(?:er)?|faster|easier|cannot|can't|couldn't|unable|missing|was|were|did not|didn't|does not|doesn't|never|only|when|if)\b/i;

export const bodyWhy: Rule = {
  meta: {
    id: 'body-why',
    description: 'The body says what changed but gives no sign of why (generous heuristics).',
    defaultSeverity: 'warn',
    scope: 'message',
    rationale:
      'Commit practice, "What a commit message must carry" 3: "Why, not only how. The motivation and the reason for the chosen approach; the overall structure for large changes." The diff already shows how; only the message can say why.',
  },
  check(commit, config) {
    if (commit.diff !== null && !isNonTrivial(commit, config)) return [];
    const lines = humanBodyLines(commit.message.body).filter((line) => !isReferenceLine(line));
    if (lines.length === 0) return [];
    const text = lines.join(' ');
    if (wordsOf(text).length >= config.thresholds.bodyWords || WHY.test(text)) return [];
    return [{ message: 'the body says what changed but not why: add the problem it solves or the reason for this approach.' }];
  },
};
