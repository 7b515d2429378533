/**
 * subject-length: the subject (git's first paragraph, joined) is over
 * thresholds.subjectWarn characters (a warning) or thresholds.subjectMax (the
 * configured severity).
 */
import { Rule } from '../check/rule';
import { paragraphs } from '../check/message-text';

export const subjectLength: Rule = {
  meta: {
    id: 'subject-length',
    description: 'The subject is long: a warning over 50 characters, an error over 72 (thresholds.subjectWarn, thresholds.subjectMax).',
    defaultSeverity: 'error',
    scope: 'message',
    rationale:
      'Commit practice, "What a commit message must carry" 5: the first line "summarises and names the area ... in little space: it is what shortlogs, blame and mail subjects show. Keep it short (about 50 characters, never over 72)." Longer subjects are cut off by `git log --oneline`, GitHub and mail clients.',
  },
  check(commit, config) {
    const subject = commit.message.subject;
    const length = [...subject].length;
    const { subjectWarn, subjectMax } = config.thresholds;
    if (length <= subjectWarn) return [];
    const first = paragraphs(commit.rawMessage)[0];
    const joined = first !== undefined && first.lines.length > 1 ? ` (its first paragraph has ${first.lines.length} lines: git joins them; leave a blank line after the first)` : '';
    if (length > subjectMax) return [{ message: `the subject is ${length} characters${joined}, over ${subjectMax}: shorten it to about ${subjectWarn}.` }];
    return [{ message: `the subject is ${length} characters${joined}: keep it to about ${subjectWarn} (never over ${subjectMax}).`, severity: 'warn' }];
  },
};
