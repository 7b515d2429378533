/** subject-missing: an empty message or one starting with a blank line. */
import { subjectMissing } from '../../src/rules/subject-missing';
import { runRuleTests } from '../helpers/rule-tester';

runRuleTests(subjectMissing, {
  valid: [{ name: 'a subject', message: 'parser: accept CRLF\n' }],
  invalid: [
    { name: 'an empty message', message: '', expect: [{ severity: 'error', message: /no subject/ }] },
    { name: 'only blank lines', message: '\n\n  \n', expect: [{ severity: 'error' }] },
  ],
});
