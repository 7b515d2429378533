/** body-only-reference: a body that is only bug numbers, issue keys or URLs. */
import { bodyOnlyReference } from '../../src/rules/body-only-reference';
import { runRuleTests } from '../helpers/rule-tester';

runRuleTests(bodyOnlyReference, {
  valid: [
    { name: 'an explanation and a reference', message: 'net: retry\n\nOne dropped packet failed the sync.\n\nFixes #12\n' },
    { name: 'the reference as a trailer', message: 'net: retry\n\nOne dropped packet failed the sync.\n\nBug: 1234\n' },
    { name: 'no body', message: 'net: retry\n' },
  ],
  invalid: [
    { name: 'a URL', message: 'net: retry\n\nhttps://bugs.example.com/show_bug.cgi?id=1234\n', expect: [{ severity: 'error', message: /only a reference \(https:\/\/bugs/ }] },
    { name: 'an issue number', message: 'net: retry\n\nFixes #1234\n' },
    { name: 'a JIRA key and a URL', message: 'net: retry\n\nPROJ-42\nSee https://example.com/x\n' },
    { name: 'a bug number', message: 'net: retry\n\nBug 1234.\n' },
  ].map((testCase) => ({ ...testCase, expect: testCase.expect ?? [{ severity: 'error' as const }] })),
});
