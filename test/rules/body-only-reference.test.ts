/**
 * body-only-reference: a body that is only bug numbers, issue keys or URLs; not
 * for a trivial change, where a subject alone would do.
 */
import { bodyOnlyReference } from '../../src/rules/body-only-reference';
import { runRuleTests } from '../helpers/rule-tester';

const code = (count: number) => Array.from({ length: count }, (_value, k) => `call_${k}();\n`).join('');

runRuleTests(bodyOnlyReference, {
  valid: [
    { name: 'an explanation and a reference', message: 'net: retry\n\nOne dropped packet failed the sync.\n\nFixes #12\n' },
    { name: 'the reference as a trailer', message: 'net: retry\n\nOne dropped packet failed the sync.\n\nBug: 1234\n' },
    { name: 'no body', message: 'net: retry\n' },
    { name: 'a trivial change', message: 'docs: fix a typo\n\nFixes #12\n', files: [{ path: 'README.md', before: 'teh\n', after: 'the\n' }] },
  ],
  invalid: [
    { name: 'a URL', message: 'net: retry\n\nhttps://bugs.example.com/show_bug.cgi?id=1234\n', expect: [{ severity: 'error' as const, message: /only a reference \(https:\/\/bugs/ }] },
    { name: 'an issue number', message: 'net: retry\n\nFixes #1234\n' },
    { name: 'a JIRA key and a URL', message: 'net: retry\n\nPROJ-42\nSee https://example.com/x\n' },
    { name: 'a bug number', message: 'net: retry\n\nBug 1234.\n' },
    { name: 'a non-trivial change', message: 'net: retry\n\nFixes #12\n', files: [{ path: 'src/net.c', before: 'int x;\n', after: `int x;\n${code(12)}` }] },
  ].map((testCase) => ({ ...testCase, expect: testCase.expect ?? [{ severity: 'error' as const }] })),
});
