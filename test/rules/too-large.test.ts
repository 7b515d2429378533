/**
 * too-large: over thresholds.maxLines with separable steps and nothing in the
 * message saying why it is one piece; not under the threshold, not a large
 * mechanical commit, not when the message says it cannot be split.
 */
import { tooLarge } from '../../src/rules/too-large';
import { runRuleTests } from '../helpers/rule-tester';

const lines = (prefix: string, count: number) => Array.from({ length: count }, (_value, k) => `${prefix}_${k} = ${k}\n`).join('');
const TWO_FEATURES = [
  { path: 'a.py', before: 'A = 0\n', after: `A = 0\n${lines('alpha', 40)}` },
  { path: 'b.py', before: 'B = 0\n', after: `B = 0\n${lines('beta', 40)}` },
];
const SMALL = { thresholds: { maxLines: 50 } };
const MESSAGE = 'settings: add the alpha and beta tables\n\nBoth services read their limits from here now.\n';

runRuleTests(tooLarge, {
  valid: [
    { name: 'under the threshold', message: MESSAGE, files: TWO_FEATURES },
    { name: 'the message says it cannot be split', message: `${MESSAGE}\nThis cannot be split: both tables are read at start-up.\n`, config: SMALL, files: TWO_FEATURES },
    { name: 'a large whitespace-only commit', message: 'settings: re-indent\n\nNo functional change.\n', config: { thresholds: { maxLines: 5 } }, files: [{ path: 'a.c', before: lines('int x', 10).replace(/^/gm, '    '), after: lines('int x', 10) }] },
  ],
  invalid: [
    { name: 'over maxLines with two steps', message: MESSAGE, config: SMALL, files: TWO_FEATURES, expect: [{ severity: 'warn', message: /80 changed lines \(over 50\), and the analysis finds 2 separable steps/ }] },
    { name: 'over maxFiles', message: MESSAGE, config: { thresholds: { maxFiles: 1 } }, files: TWO_FEATURES, expect: [{ message: /2 changed files \(over 1\)/ }] },
  ],
});
