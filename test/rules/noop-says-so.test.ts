/** noop-says-so: every change a no-op, and the message does not say so. */
import { noopSaysSo } from '../../src/rules/noop-says-so';
import { runRuleTests } from '../helpers/rule-tester';

const C = 'int add(int a, int b) {\n    return a + b;\n}\n';
const REINDENT = [{ path: 'calc.c', before: C, after: C.replace('    return', '  return') }];

runRuleTests(noopSaysSo, {
  valid: [
    { name: '"No functional change."', message: 'calc: re-indent add\n\nNo functional change.\n', files: REINDENT },
    { name: 'says whitespace', message: 'calc: whitespace clean-up\n', files: REINDENT },
    { name: 'NFC', message: 'calc: tidy add\n\nNFC.\n', files: REINDENT },
    { name: 'a comment change that says comment', message: 'calc: explain add\n\nThe comment was out of date.\n', files: [{ path: 'calc.c', before: `// adds\n${C}`, after: `// adds two ints\n${C}` }] },
    { name: 'a functional change', message: 'calc: subtract\n\nWhy.\n', files: [{ path: 'calc.c', before: C, after: C.replace('a + b', 'a - b') }] },
    { name: 'no diff', message: 'calc: tidy add\n' },
  ],
  invalid: [
    { name: 'a re-indent that does not say so', message: 'calc: tidy add\n\nEasier to read.\n', files: REINDENT, expect: [{ severity: 'warn', message: /every change is a no-op \(indentation\)/ }] },
  ],
});
