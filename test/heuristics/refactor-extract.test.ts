/**
 * refactor-extract: lines moved into a new function and replaced by a call, in
 * Python, JavaScript, C and Go; and the near misses where the new function or
 * the call site does something the old lines did not (commit practice,
 * "What the tool must never do": a wrong no-op label is worse than none).
 *
 * Decisions pinned here:
 * - Both halves are refactor/extract and link to each other, so the series
 *   keeps them in one commit.
 * - The new function may add only its header, its closing lines and a
 *   `return X` when the call site is `X = helper(...)`; anything else, even
 *   one token, is new code.
 * - The call site is one call statement whose arguments are plain names.
 * - Lines that act on the function or loop they leave (`return`, `break`,
 *   `defer`...) change meaning in a function of their own, except a final
 *   `return` replaced by `return helper(...)`.
 * - At least two lines must move, and exactly one new definition must match.
 * - The proof is textual: a pasted diff is enough.
 */
import { heuristics } from '../../heuristics';
import { refactorExtract } from '../../heuristics/refactor-extract';
import { runHeuristicTests } from '../helpers/heuristic-tester';

const callSite = { kind: 'refactor' as const, detail: 'extract', messageId: 'callSite', heuristic: 'refactor-extract', links: [1] };
const definition = { kind: 'refactor' as const, detail: 'extract', messageId: 'definition', heuristic: 'refactor-extract', links: [0] };
const extraction = [callSite, definition];

/** JavaScript: three lines inside an `if` replaced by `call`, and `helper` appended after the function. */
const JS_BODY = '  const lines = items.map((item) => item.name);\n  lines.sort();\n  console.log(lines.join("\\n"));\n';
/** The same lines one level deeper, where they were before the extraction. */
const JS_BODY_IN_IF = JS_BODY.replace(/^(?=.)/gm, '  ');
const js = (call: string, helper: string) => ({
  path: 'src/report.js',
  before: `function report(items) {\n  if (items.length > 0) {\n${JS_BODY_IN_IF}  }\n}\n`,
  after: `function report(items) {\n  if (items.length > 0) {\n    ${call}\n  }\n}\n\n${helper}`,
});
const PRINT_NAMES = `function printNames(items) {\n${JS_BODY}}\n`;

/** Python: a sum inside an `if` replaced by `call`, and `helper` appended. */
const py = (call: string, helper: string) => ({
  path: 'app/report.py',
  before: 'def report(items):\n    if items:\n        total = 0\n        for item in items:\n            total += item.price\n        print(total)\n',
  after: `def report(items):\n    if items:\n        ${call}\n        print(total)\n\n\n${helper}`,
});
const SUM_PRICES = 'def sum_prices(items):\n    total = 0\n    for item in items:\n        total += item.price\n    return total\n';

runHeuristicTests(refactorExtract, {
  valid: [
    // --- The new function is not the old lines.
    { name: 'JavaScript: the new function body differs by one token (sort → reverse)', ...js('printNames(items);', PRINT_NAMES.replace('lines.sort()', 'lines.reverse()')) },
    { name: 'JavaScript: the new function adds a statement after the moved lines', ...js('printNames(items);', PRINT_NAMES.replace('  console.log', '  audit(lines);\n  console.log')) },
    { name: 'JavaScript: the new function adds two statements inside the moved lines', ...js('printNames(items);', PRINT_NAMES.replace('  lines.sort();\n', '  lines.sort();\n  lines.push("end");\n  lines.push("x");\n')) },
    { name: 'Python: the new function returns an expression, not the variable', ...py('total = sum_prices(items)', SUM_PRICES.replace('return total', 'return total * 2')) },
    {
      name: 'JavaScript: a one-line "extraction"',
      path: 'src/a.js',
      before: 'function f(xs) {\n  if (xs) {\n    console.log(xs.length);\n  }\n}\n',
      after: 'function f(xs) {\n  if (xs) {\n    show(xs);\n  }\n}\n\nfunction show(xs) {\n  console.log(xs.length);\n}\n',
    },
    {
      name: 'JavaScript: two new definitions of the called name match (ambiguous)',
      files: [
        { path: 'src/a.js', before: `function report(items) {\n  if (items.length > 0) {\n${JS_BODY_IN_IF}  }\n}\n`, after: 'function report(items) {\n  if (items.length > 0) {\n    printNames(items);\n  }\n}\n' },
        { path: 'src/b.js', before: 'export const b = 1;\n', after: `export const b = 1;\n\n${PRINT_NAMES}` },
        { path: 'src/c.js', before: 'export const c = 1;\n', after: `export const c = 1;\n\n${PRINT_NAMES}` },
      ],
    },

    // --- The call site is not the call alone, or uses a result the function does not give.
    { name: 'JavaScript: the call site adds a fallback (printNames(items) || fallback())', ...js('printNames(items) || fallback();', PRINT_NAMES) },
    { name: 'JavaScript: an argument computes something (items.slice(1))', ...js('printNames(items.slice(1));', PRINT_NAMES) },
    { name: 'JavaScript: the call site assigns a result the function does not return', ...js('const shown = printNames(items);', PRINT_NAMES) },
    { name: 'JavaScript: the call site returns, but the old lines did not', ...js('return printNames(items);', PRINT_NAMES) },
    { name: 'Python: the result is assigned to another name than the one returned', ...py('count = sum_prices(items)', SUM_PRICES) },
    { name: 'Python: the returned value is dropped, but the caller still uses it', ...py('sum_prices(items)', SUM_PRICES) },

    // --- The moved lines act on the function or loop they left.
    {
      name: 'JavaScript: an early return moved into the new function',
      path: 'src/a.js',
      before: 'function run(x) {\n  if (x) {\n    if (!x.ok) return;\n    x.go();\n  }\n  after();\n}\n',
      after: 'function run(x) {\n  if (x) {\n    check(x);\n  }\n  after();\n}\n\nfunction check(x) {\n  if (!x.ok) return;\n  x.go();\n}\n',
    },
    {
      name: 'JavaScript: a break moved out of its loop',
      path: 'src/a.js',
      before: 'function run(xs) {\n  for (const x of xs) {\n    if (x.done) break;\n    x.go();\n  }\n}\n',
      after: 'function run(xs) {\n  for (const x of xs) {\n    step(x);\n  }\n}\n\nfunction step(x) {\n  if (x.done) break;\n  x.go();\n}\n',
    },
    {
      name: 'Go: a defer moved into the new function runs when it returns',
      path: 'lock.go',
      before: 'package a\n\nfunc Run(m *sync.Mutex) {\n\tif m != nil {\n\t\tm.Lock()\n\t\tdefer m.Unlock()\n\t}\n\twork()\n}\n',
      after: 'package a\n\nfunc Run(m *sync.Mutex) {\n\tif m != nil {\n\t\tlock(m)\n\t}\n\twork()\n}\n\nfunc lock(m *sync.Mutex) {\n\tm.Lock()\n\tdefer m.Unlock()\n}\n',
    },
  ],
  invalid: [
    { name: 'JavaScript: three lines moved into a new function and replaced by a call', ...js('printNames(items);', PRINT_NAMES), expect: extraction },
    { name: 'Python: a computed value extracted (total = sum_prices(items), return total)', ...py('total = sum_prices(items)', SUM_PRICES), expect: extraction },
    {
      name: 'C: two lines moved into a new static function',
      path: 'src/report.c',
      before: 'void report(int *v, int n) {\n    if (n > 0) {\n        int sum = total(v, n);\n        printf("%d\\n", sum);\n    }\n}\n',
      after: 'void report(int *v, int n) {\n    if (n > 0) {\n        print_sum(v, n);\n    }\n}\n\nstatic void print_sum(int *v, int n) {\n    int sum = total(v, n);\n    printf("%d\\n", sum);\n}\n',
      expect: extraction,
    },
    {
      name: 'Go: two lines moved into a new func',
      path: 'report.go',
      before: 'package report\n\nfunc Report(v []int) {\n\tif len(v) > 0 {\n\t\tsum := total(v)\n\t\tfmt.Println(sum)\n\t}\n}\n',
      after: 'package report\n\nfunc Report(v []int) {\n\tif len(v) > 0 {\n\t\tprintSum(v)\n\t}\n}\n\nfunc printSum(v []int) {\n\tsum := total(v)\n\tfmt.Println(sum)\n}\n',
      expect: extraction,
    },
    {
      name: 'JavaScript: lines ending in a return, replaced by return twice(xs)',
      path: 'src/a.js',
      before: 'function f(xs) {\n  if (xs) {\n    const n = xs.length;\n    return n * 2;\n  }\n  return 0;\n}\n',
      after: 'function f(xs) {\n  if (xs) {\n    return twice(xs);\n  }\n  return 0;\n}\n\nfunction twice(xs) {\n  const n = xs.length;\n  return n * 2;\n}\n',
      expect: extraction,
    },
    { name: 'JavaScript: an extraction in a pasted diff (the proof is textual)', ...js('printNames(items);', PRINT_NAMES), diffOnly: true, expect: extraction },
    {
      name: 'Python: an extraction under the full registry, with the real parsers, stays an extraction',
      ...py('total = sum_prices(items)', SUM_PRICES),
      syntax: true,
      heuristics,
      expect: extraction,
    },
  ],
});
