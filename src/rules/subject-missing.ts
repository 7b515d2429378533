/** subject-missing: a message without a subject line. */
import { Rule } from '../check/rule';

export const subjectMissing: Rule = {
  meta: {
    id: 'subject-missing',
    description: 'The message has no subject line.',
    defaultSeverity: 'error',
    scope: 'message',
    rationale:
      'Commit practice, "What a commit message must carry" 5: "A first line that summarises and names the area (module, driver, component, file) in little space: it is what shortlogs, blame and mail subjects show."',
  },
  check(commit) {
    if (commit.message.subject.trim() !== '') return [];
    return [{ message: 'the message has no subject: start with one line that names the area and summarises the change (`area: what changed`).' }];
  },
};
