/**
 * refactor-rename: one identifier renamed consistently, at its declaration and
 * every use, in one file or across files; and the near misses where the tokens
 * line up under a mapping but the program changed (commit practice, "What the
 * tool must never do"): a partial rename, a rename onto an existing name, a call
 * switched to another function, two mappings for one name, a literal changed
 * with the name, and names that are not references to the renamed declaration
 * (a field that shares the name, a keyword argument, an object key, a shorthand
 * or destructured property, a string naming the old name).
 *
 * Renames are cross-change: the mapping must hold over the whole commit, so the
 * two-file cases use the tester's `files` form. Comments that name the renamed
 * declaration may follow the rename, and nothing else.
 */
import { commentOnly } from '../../heuristics/comment-only';
import { functionalDefault } from '../../heuristics/functional-default';
import { refactorRename } from '../../heuristics/refactor-rename';
import { classifyCase, runHeuristicTests } from '../helpers/heuristic-tester';

const rename = { kind: 'refactor' as const, detail: 'rename', messageId: 'rename', heuristic: 'refactor-rename' };

const PY_DRIVER = [
  'import os',
  '',
  '',
  'def hard_reboot(instance, timeout):',
  '    os.sync()',
  '    return instance.power_cycle(timeout)',
  '',
  '',
  'def reboot(instance, hard=False):',
  '    if hard:',
  '        return hard_reboot(instance, 30)',
  '    return instance.soft_reboot()',
  '',
  '',
  'def recover(instance):',
  '    log("recovering")',
  '    log("still recovering")',
  '    return hard_reboot(instance, 60)',
  '',
].join('\n');
const PY_RENAMED = PY_DRIVER.replace(/hard_reboot/g, '_hard_reboot');

const TS_FORMAT = 'export function formatDate(value: Date): string {\n  return value.toISOString();\n}\n';
const TS_REPORT = "import { formatDate } from './format';\n\nexport function header(day: Date): string {\n  const title = 'Report';\n  const width = 40;\n  return title.padEnd(width) + formatDate(day);\n}\n";

const GO_QUEUE = 'package queue\n\ntype Queue struct{ jobs chan int }\n\nfunc (q *Queue) Retry(job int) bool {\n\treturn job > 0\n}\n';
const GO_WORKER = 'package main\n\nfunc work(q *queue.Queue, job int) {\n\tif !q.Retry(job) {\n\t\tpanic(job)\n\t}\n}\n';
const GO_QUEUE_DOC = 'package queue\n\ntype Queue struct{ jobs chan int }\n\n// Retry puts a job back on the queue,\n// or reports false once it gave up.\nfunc (q *Queue) Retry(job int) bool {\n\treturn job > 0\n}\n';
const GO_RETRY = 'package queue\n\n// backoff returns how long to wait before the given attempt.\nfunc backoff(attempt int) int {\n\treturn attempt * 100\n}\n\nfunc first() int { return 1 }\n\nfunc second() int { return 2 }\n\nfunc third() int { return 3 }\n\nfunc Retry(n int) int {\n\treturn backoff(n) // as long as backoff says\n}\n';

runHeuristicTests(refactorRename, {
  valid: [
    {
      // `q.Retry` is the method; a bare `Retry(...)` is some other function of that name.
      name: 'Go: a method and a bare call of the same name renamed together',
      syntax: true,
      files: [
        { path: 'queue/queue.go', before: GO_QUEUE, after: GO_QUEUE.replace('Retry(', 'Requeue(') },
        { path: 'cmd/worker.go', before: GO_WORKER.replace('panic(job)', 'Retry(job)'), after: GO_WORKER.replace('q.Retry(job)', 'q.Requeue(job)').replace('panic(job)', 'Requeue(job)') },
      ],
    },
    {
      // The comment says something new besides the new name: a rename and a comment edit.
      name: 'a doc comment rewritten beyond the renamed name',
      path: 'queue/retry.go',
      before: GO_RETRY,
      after: GO_RETRY.replace(/backoff/g, 'retryDelay').replace('returns how long to wait', 'returns the wait'),
    },
    {
      // The rename commit alone would leave `hard_reboot(instance, 60)` calling a name that is gone.
      name: 'a site of the rename is mixed into another edit (a call whose argument changed too)',
      path: 'driver.py',
      before: PY_DRIVER,
      after: PY_RENAMED.replace('return _hard_reboot(instance, 60)', 'return _hard_reboot(instance, 90)'),
    },
    {
      name: 'mixed across files: a caller renamed inside a line that also changes',
      files: [
        { path: 'src/format.ts', before: TS_FORMAT, after: TS_FORMAT.replace('formatDate', 'formatIsoDate') },
        { path: 'src/report.ts', before: TS_REPORT, after: TS_REPORT.replace("import { formatDate } from './format';", "import { formatIsoDate } from './format';").replace('title.padEnd(width) + formatDate(day)', 'title.padStart(width) + formatIsoDate(day)') },
      ],
    },
    {
      name: 'partial: the old name is still called after the change',
      path: 'driver.py',
      before: PY_DRIVER,
      after: PY_DRIVER.replace('def hard_reboot', 'def _hard_reboot').replace('return hard_reboot(instance, 30)', 'return _hard_reboot(instance, 30)'),
    },
    {
      name: 'partial across files: a caller in another touched file keeps the old name',
      files: [
        { path: 'src/format.ts', before: TS_FORMAT, after: TS_FORMAT.replace('formatDate', 'formatIsoDate') },
        { path: 'src/report.ts', before: TS_REPORT, after: TS_REPORT.replace("const width = 40;", "const width = 42;") },
      ],
    },
    {
      name: 'collision: the new name already exists in the file',
      path: 'driver.py',
      before: `${PY_DRIVER}\n\ndef _hard_reboot(instance):\n    return None\n`,
      after: `${PY_RENAMED}\n\ndef _hard_reboot(instance):\n    return None\n`,
    },
    {
      name: 'collision through shadowing: the new name is a parameter in scope at a renamed use',
      path: 'x.js',
      before: 'const a = 1;\nfunction g(b) {\n  return a + b;\n}\n',
      after: 'const b = 1;\nfunction g(b) {\n  return b + b;\n}\n',
    },
    {
      name: 'partial through shadowing: only the inner of two variables named x is renamed',
      path: 'x.js',
      before: 'function f() {\n  const x = 1;\n  function g() {\n    const x = 2;\n    return x;\n  }\n  return x + g();\n}\n',
      after: 'function f() {\n  const x = 1;\n  function g() {\n    const y = 2;\n    return y;\n  }\n  return x + g();\n}\n',
    },
    { name: 'min(x) to max(x) switches the call; no declaration is renamed', path: 'x.py', before: 'def f(values):\n    return min(values)\n', after: 'def f(values):\n    return max(values)\n' },
    {
      name: 'two mappings for one name: a to b here, a to c there',
      path: 'x.js',
      before: 'function f() {\n  const a = 1;\n  log(a);\n  more();\n  more();\n  more();\n  return a;\n}\n',
      after: 'function f() {\n  const b = 1;\n  log(b);\n  more();\n  more();\n  more();\n  return c;\n}\n',
    },
    { name: 'a rename and a literal changed in the same line', path: 'x.js', before: 'function f() {\n  const a = 1;\n  return a;\n}\n', after: 'function f() {\n  const b = 2;\n  return b;\n}\n' },
    { name: 'a new declaration under the old name is added', path: 'x.py', before: 'def load(path):\n    return read(path)\n\n\ndef main():\n    return load("x")\n', after: 'def load_file(path):\n    return read(path)\n\n\ndef main():\n    return load_file("x")\n\n\ndef load():\n    return None\n' },
    { name: 'JS: a shorthand property { count } changes the object key', path: 'x.js', before: 'function f() {\n  const count = 1;\n  return { count };\n}\n', after: 'function f() {\n  const total = 1;\n  return { total };\n}\n' },
    { name: 'JS: an object key renamed with the variable', path: 'x.js', before: 'function f() {\n  const mode = "r";\n  return { mode: mode };\n}\n', after: 'function f() {\n  const m = "r";\n  return { m: m };\n}\n' },
    { name: 'JS: a destructured property reads another property', path: 'x.js', before: 'function f(options) {\n  const { mode } = options;\n  return mode;\n}\n', after: 'function f(options) {\n  const { kind } = options;\n  return kind;\n}\n' },
    { name: 'Python: a keyword argument renamed with the variable passed', path: 'x.py', before: 'def f(path):\n    mode = "r"\n    return open(path, mode=mode)\n', after: 'def f(path):\n    m = "r"\n    return open(path, m=m)\n' },
    { name: 'Python: a parameter with a default is passed by keyword by callers', path: 'x.py', before: 'def connect(host, timeout=10):\n    return socket(host, timeout)\n', after: 'def connect(host, limit=10):\n    return socket(host, limit)\n' },
    { name: 'Python: a local and an attribute that share a name', path: 'x.py', before: 'def f(args):\n    mode = "r"\n    return open(args.path, args.mode or mode)\n', after: 'def f(args):\n    m = "r"\n    return open(args.path, args.m or m)\n' },
    { name: 'C: a local and a struct field that share a name', path: 'x.c', before: 'int f(struct s *p)\n{\n\tint count = 0;\n\tcount += p->count;\n\treturn count;\n}\n', after: 'int f(struct s *p)\n{\n\tint total = 0;\n\ttotal += p->total;\n\treturn total;\n}\n' },
    { name: 'Python: a string still names the old function (getattr)', path: 'x.py', before: 'def hard_reboot():\n    pass\n\n\nhandler = getattr(module, "hard_reboot")\n', after: 'def _hard_reboot():\n    pass\n\n\nhandler = getattr(module, "hard_reboot")\n' },
    { name: 'Go: a struct literal key renamed with a local', path: 'x.go', before: 'package p\n\nfunc f() Point {\n\tvar X = 1\n\treturn Point{X: X}\n}\n', after: 'package p\n\nfunc f() Point {\n\tvar Y = 1\n\treturn Point{Y: Y}\n}\n' },
  ],
  invalid: [
    {
      name: 'Go: a doc comment line changed beyond the rename stays apart from the sites',
      syntax: true,
      heuristics: [commentOnly, refactorRename, functionalDefault],
      files: [
        { path: 'queue/queue.go', before: GO_QUEUE_DOC, after: GO_QUEUE_DOC.replace(/Retry/g, 'Requeue').replace('on the queue,', 'on the list,') },
        { path: 'cmd/worker.go', before: GO_WORKER, after: GO_WORKER.replace('q.Retry(job)', 'q.Requeue(job)') },
      ],
      expect: [
        { kind: 'comment', heuristic: 'comment-only' },
        { ...rename, links: [2] },
        { ...rename, links: [1] },
      ],
    },
    {
      // The doc comment's first line is a change of its own (the second line is unchanged between):
      // comment-only keeps it, and the rename's sites link it into their commit.
      name: 'Go: a doc comment line naming the renamed method, apart from the sites, is linked to them',
      syntax: true,
      heuristics: [commentOnly, refactorRename, functionalDefault],
      files: [
        { path: 'queue/queue.go', before: GO_QUEUE_DOC, after: GO_QUEUE_DOC.replace(/Retry/g, 'Requeue') },
        { path: 'cmd/worker.go', before: GO_WORKER, after: GO_WORKER.replace('q.Retry(job)', 'q.Requeue(job)') },
      ],
      expect: [
        { kind: 'comment', heuristic: 'comment-only' },
        { ...rename, links: [0, 2] },
        { ...rename, links: [0, 1] },
      ],
    },
    {
      // The declaration `func (q *Queue) Retry(` names the method after its receiver; calls are `q.Retry(...)`.
      name: 'Go: a method renamed at its declaration and its caller in another file (Retry → Requeue)',
      syntax: true,
      files: [
        { path: 'queue/queue.go', before: GO_QUEUE, after: GO_QUEUE.replace('Retry(', 'Requeue(') },
        { path: 'cmd/worker.go', before: GO_WORKER, after: GO_WORKER.replace('q.Retry(job)', 'q.Requeue(job)') },
      ],
      expect: [rename, rename],
    },
    {
      name: 'Go: a function renamed with the doc comments that name it (backoff → retryDelay)',
      path: 'queue/retry.go',
      before: GO_RETRY,
      after: GO_RETRY.replace(/backoff/g, 'retryDelay'),
      expect: [rename, rename],
    },
    {
      name: 'Python: a function and all its call sites in one file (hard_reboot → _hard_reboot)',
      path: 'driver.py',
      before: PY_DRIVER,
      after: PY_RENAMED,
      expect: [rename, rename, rename],
    },
    {
      name: 'Python: a method and its call through self',
      path: 'driver.py',
      before: 'class Driver:\n    def hard_reboot(self, instance):\n        return instance.power_cycle()\n\n    def reboot(self, instance):\n        log("a")\n        log("b")\n        log("c")\n        return self.hard_reboot(instance)\n',
      after: 'class Driver:\n    def _hard_reboot(self, instance):\n        return instance.power_cycle()\n\n    def reboot(self, instance):\n        log("a")\n        log("b")\n        log("c")\n        return self._hard_reboot(instance)\n',
      expect: [rename, rename],
    },
    {
      name: 'TypeScript: an exported function renamed across two files',
      files: [
        { path: 'src/format.ts', before: TS_FORMAT, after: TS_FORMAT.replace('formatDate', 'formatIsoDate') },
        { path: 'src/report.ts', before: TS_REPORT, after: TS_REPORT.replace(/formatDate/g, 'formatIsoDate') },
      ],
      expect: [rename, rename, rename],
    },
    {
      name: 'JS: a local declared with let renamed',
      path: 'x.js',
      before: 'function total(items) {\n  let sum = 0;\n  for (const item of items) {\n    sum += item.price;\n  }\n  return sum;\n}\n',
      after: 'function total(items) {\n  let totalPrice = 0;\n  for (const item of items) {\n    totalPrice += item.price;\n  }\n  return totalPrice;\n}\n',
      expect: [rename, rename, rename],
    },
    {
      name: 'TypeScript: a local declared with const renamed',
      path: 'x.ts',
      before: 'export function area(r: number): number {\n  const pi = Math.PI;\n  return pi * r * r;\n}\n',
      after: 'export function area(r: number): number {\n  const circle = Math.PI;\n  return circle * r * r;\n}\n',
      expect: [rename],
    },
    {
      name: 'JS: a renamed variable used as an object value (not a key)',
      path: 'x.js',
      before: 'function f() {\n  const mode = "r";\n  return { kind: mode };\n}\n',
      after: 'function f() {\n  const m = "r";\n  return { kind: m };\n}\n',
      expect: [rename],
    },
    {
      name: 'Python: a local assigned without a keyword renamed',
      path: 'x.py',
      before: 'def total(items):\n    count = 0\n    for item in items:\n        count += item.price\n    return count\n',
      after: 'def total(items):\n    amount = 0\n    for item in items:\n        amount += item.price\n    return amount\n',
      expect: [rename, rename],
    },
    {
      name: 'C: a local renamed',
      path: 'x.c',
      before: 'int f(int n)\n{\n\tint count = 0;\n\twhile (n--)\n\t\tcount++;\n\treturn count;\n}\n',
      after: 'int f(int n)\n{\n\tint total = 0;\n\twhile (n--)\n\t\ttotal++;\n\treturn total;\n}\n',
      expect: [rename, rename],
    },
    {
      name: 'Go: a local declared with := renamed',
      path: 'x.go',
      before: 'package p\n\nfunc Sum(values []int) int {\n\ttotal := 0\n\tfor _, v := range values {\n\t\ttotal += v\n\t}\n\treturn total\n}\n',
      after: 'package p\n\nfunc Sum(values []int) int {\n\tacc := 0\n\tfor _, v := range values {\n\t\tacc += v\n\t}\n\treturn acc\n}\n',
      expect: [rename, rename, rename],
    },
    {
      name: 'Rust: a parameter renamed (no named arguments in Rust)',
      path: 'x.rs',
      before: 'fn area(radius: f64) -> f64 {\n    3.14 * radius * radius\n}\n',
      after: 'fn area(r: f64) -> f64 {\n    3.14 * r * r\n}\n',
      expect: [rename],
    },
  ],
});

describe('refactor-rename reason', () => {
  it('names the mapping and counts the sites', () => {
    const classified = classifyCase(refactorRename, { name: 'reason', path: 'driver.py', before: PY_DRIVER, after: PY_RENAMED });
    expect(classified[0].verdict.reason).toBe('Renames hard_reboot → _hard_reboot consistently (3 site(s) in 1 file(s)); no other token changes.');
  });
});
