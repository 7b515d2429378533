/**
 * mixed-whitespace: re-indentation, trailing blanks and blank-line churn beside a
 * functional change; not the indentation of a block the change (or a test edit)
 * wrapped, nor a blank line right against new code; not a whitespace-only commit.
 */
import { mixedWhitespace } from '../../src/rules/mixed-whitespace';
import { runRuleTests } from '../helpers/rule-tester';

const MESSAGE = 'calc: return the sum\n\nThe callers need the total, not the first operand.\n';
const C_BEFORE = 'int add(int a, int b) {\n  return a;\n}\n\n\n\n\n\nint sub(int a, int b) {\n    return a - b;\n}\n';

runRuleTests(mixedWhitespace, {
  valid: [
    { name: 'functional change only', message: MESSAGE, files: [{ path: 'calc.c', before: C_BEFORE, after: C_BEFORE.replace('return a;', 'return a + b;') }] },
    { name: 'whitespace only', message: 'calc: re-indent sub\n\nNo functional change.\n', files: [{ path: 'calc.c', before: C_BEFORE, after: C_BEFORE.replace('    return a - b;', '  return a - b;') }] },
    {
      name: 'the body of a block the change wrapped',
      message: MESSAGE,
      files: [{ path: 'calc.c', before: 'void f(int x) {\n  g(x);\n  h(x);\n}\n', after: 'void f(int x) {\n  if (x > 0) {\n    g(x);\n    h(x);\n  }\n}\n' }],
    },
    {
      // The tests' own edit wraps their body in a loop: that re-indentation is the test edit's.
      name: 'the body of a block a test edit wrapped, beside a functional change',
      message: MESSAGE,
      files: [
        { path: 'calc.c', before: C_BEFORE, after: C_BEFORE.replace('return a;', 'return a + b;') },
        {
          path: 't/calc_test.c',
          before: 'void test_add(void) {\n  check(add(1, 2) == 3);\n  check(add(0, 0) == 0);\n}\n',
          after: 'void test_add(void) {\n  for (int k = 0; k < 3; k++) {\n    check(add(1, 2) == 3);\n    check(add(0, 0) == 0);\n  }\n}\n',
        },
      ],
    },
    { name: 'no diff (lint-message)', message: MESSAGE },
  ],
  invalid: [
    {
      name: 're-indented function beside a functional change elsewhere',
      message: MESSAGE,
      files: [{ path: 'calc.c', before: C_BEFORE, after: C_BEFORE.replace('return a;', 'return a + b;').replace('    return a - b;', '  return a - b;') }],
      expect: [{ severity: 'error', message: /1 whitespace or formatting change \(indentation; in calc\.c\) beside 1 functional change/, file: 'calc.c' }],
    },
    {
      name: 'trailing blanks removed in another file',
      message: MESSAGE,
      files: [
        { path: 'calc.c', before: C_BEFORE, after: C_BEFORE.replace('return a;', 'return a + b;') },
        { path: 'util.c', before: 'int one(void) {   \n  return 1;\n}\n', after: 'int one(void) {\n  return 1;\n}\n' },
      ],
      expect: [{ message: /trailing-whitespace; in util\.c/ }],
    },
    {
      name: 'a test file re-indented away from its edit',
      message: MESSAGE,
      files: [
        { path: 'calc.c', before: C_BEFORE, after: C_BEFORE.replace('return a;', 'return a + b;') },
        {
          path: 't/calc_test.c',
          before: 'void test_add(void) {\n  check(add(1, 2) == 3);\n}\n\n\n\nvoid test_sub(void) {\n    check(sub(2, 1) == 1);\n}\n',
          after: 'void test_add(void) {\n  check(add(1, 2) == 3);\n  check(add(2, 2) == 4);\n}\n\n\n\nvoid test_sub(void) {\n  check(sub(2, 1) == 1);\n}\n',
        },
      ],
      expect: [{ message: /indentation; in t\/calc_test\.c/ }],
    },
    {
      name: 'severity from the config',
      message: MESSAGE,
      config: { rules: { 'mixed-whitespace': 'warn' } },
      files: [{ path: 'calc.c', before: C_BEFORE, after: C_BEFORE.replace('return a;', 'return a + b;').replace('    return a - b;', '  return a - b;') }],
      expect: [{ severity: 'warn' }],
    },
  ],
});
