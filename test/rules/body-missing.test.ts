/**
 * body-missing: a subject-only message for more than thresholds.trivialLines
 * behaviour-changing lines; trailers are not a body; not for small, no-op or
 * docs-only changes; not without a diff.
 */
import { bodyMissing } from '../../src/rules/body-missing';
import { runRuleTests } from '../helpers/rule-tester';

const code = (count: number) => Array.from({ length: count }, (_value, k) => `call_${k}();\n`).join('');
const BIG = [{ path: 'src/run.c', before: 'int x;\n', after: `int x;\n${code(12)}` }];

runRuleTests(bodyMissing, {
  valid: [
    { name: 'a body', message: 'run: call everything\n\nThe start-up order needs every call.\n', files: BIG },
    { name: 'a small change', message: 'run: call one more\n', files: [{ path: 'src/run.c', before: 'int x;\n', after: `int x;\n${code(3)}` }] },
    { name: 'docs only', message: 'docs: more text\n', files: [{ path: 'README.md', before: 'a\n', after: `a\n${code(20)}` }] },
    { name: 'a larger threshold', message: 'run: call everything\n', config: { thresholds: { trivialLines: 20 } }, files: BIG },
    { name: 'no diff', message: 'run: call everything\n' },
  ],
  invalid: [
    { name: 'subject only', message: 'run: call everything\n', files: BIG, expect: [{ severity: 'error', message: /subject-only message for 12 behaviour-changing lines/ }] },
    { name: 'subject and trailers only', message: 'run: call everything\n\nSigned-off-by: A <a@example.com>\n', files: BIG, expect: [{ severity: 'error' }] },
  ],
});
