/**
 * Grouping decisions of the suggested series that the accuracy benchmark
 * measured (README, "Accuracy, measured"), each on a small real commit: which
 * changes end up in one commit, and which stay apart.
 */
import { ClassifiedChange } from '../src/model';
import { buildSeries } from '../src/series';
import { cleanupRepos, createRepo, suggestJson } from './helpers/git-repo';

afterAll(cleanupRepos);

interface GroupingCase {
  name: string;
  before: Record<string, string>;
  after: Record<string, string>;
  /** Files whose changes must share one commit, per expected commit; every commit of the series listed. */
  commits: string[][];
}

const C_FIRST = 'int first_setting(void)\n{\n\treturn 1;\n}\n';
const C_SECOND = 'int second_setting(void)\n{\n\treturn 2;\n}\n';
const TS_SCALE = 'export function scale(value: number, factor: number): number {\n  return value * factor;\n}\n';
const TS_LABEL = 'export function label(name: string) {\n  return `item ${name}`;\n}\n';

/** A file that says it is generated, listing these rules. */
const GENERATED_CONFIG = (rules: string[]) =>
  `// THIS CODE WAS AUTOMATICALLY GENERATED\n// DO NOT EDIT THIS CODE BY HAND\n\nexport = {\n  rules: {\n${rules.map((rule) => `    '@example/${rule}': 'error',\n`).join('')}  },\n};\n`;

/** `count` filler functions, so that edits around them are not "nearby". */
const C_FILLER = (prefix: string, count: number) => Array.from({ length: count }, (_, k) => `static int ${prefix}_${k}(void)\n{\n\treturn ${k};\n}\n`).join('\n');
const TS_FILLER = (prefix: string, count: number) => Array.from({ length: count }, (_, k) => `export function ${prefix}${k}(): number {\n  return ${k};\n}\n`).join('\n');
/** A long header comment: the struct's name comes far after the last `;`, `{` or `}`. */
const C_LICENSE = `/*\n${' * Licensed under the terms of the project licence; see the file COPYING.\n'.replace(/;/g, ',').repeat(6)} */\n\n#include "strbuf.h"\n\n`;
const PY_FILLER = (count: number) => Array.from({ length: count }, (_, k) => `def helper_${k}():\n    return ${k}\n`).join('\n');

const cases: GroupingCase[] = [
  {
    // The same rewrite of different arguments (`Object.assign` made a spread) in
    // three functions far apart is one change: the same words taken away.
    name: 'TS: one rewrite of different arguments in three far functions is one change',
    before: {
      'src/merge.ts': `export function withDefaults(options: object) {\n  return Object.assign({}, DEFAULTS, options);\n}\n\n${TS_FILLER('spacer', 12)}\nexport function limit(): number {\n  return 10;\n}\n\n${TS_FILLER('more', 12)}\nexport function withHeaders(request: object, headers: object) {\n  return Object.assign({}, request, { headers });\n}\n\n${TS_FILLER('last', 12)}\nexport function copy(state: object) {\n  return Object.assign({}, state);\n}\n`,
    },
    after: {
      'src/merge.ts': `export function withDefaults(options: object) {\n  return { ...DEFAULTS, ...options };\n}\n\n${TS_FILLER('spacer', 12)}\nexport function limit(): number {\n  return 20;\n}\n\n${TS_FILLER('more', 12)}\nexport function withHeaders(request: object, headers: object) {\n  return { ...request, headers };\n}\n\n${TS_FILLER('last', 12)}\nexport function copy(state: object) {\n  return { ...state };\n}\n`,
    },
    commits: [['src/merge.ts'], ['src/merge.ts']],
  },
  {
    // Two edits in two files that name mostly the same things (the same settings
    // read the same way) are one change, though no name is rare and none is
    // declared here; an edit that names other things stays apart.
    name: 'Python: edits in two files naming mostly the same things are one change',
    before: {
      'pkg/client.py': 'def connect(config):\n    return open_socket(config.host)\n',
      'pkg/pool.py': 'def refill(config):\n    return spawn(config.size)\n',
      'pkg/report.py': 'def summary(stats):\n    return stats.total\n',
    },
    after: {
      'pkg/client.py': 'def connect(config):\n    retries = config.max_retries or default_retries()\n    return open_socket(config.host, retries=retries, backoff=config.backoff_factor)\n',
      'pkg/pool.py': 'def refill(config):\n    backoff = config.backoff_factor\n    if config.max_retries:\n        return spawn(config.size, retries=config.max_retries, backoff=backoff)\n    return spawn(config.size, retries=default_retries(), backoff=backoff)\n',
      'pkg/report.py': 'def summary(stats):\n    return stats.total + stats.skipped\n',
    },
    commits: [['pkg/client.py', 'pkg/pool.py'], ['pkg/report.py']],
  },
  {
    // One rewrite made in three functions far apart (`int` to `size_t` for a loop
    // index): the same tokens taken away and brought in, one change, though the
    // lines around them differ. A far edit in between that rewrites something
    // else stays apart.
    name: 'C: the same rewrite in three far functions is one change',
    before: {
      'src/list.c': `int count_items(struct list *l)\n{\n\tint n = 0;\n\tfor (int i = 0; i < l->nr; i++)\n\t\tn += l->items[i] != NULL;\n\treturn n;\n}\n\n${C_FILLER('spacer', 12)}\nint list_limit(void)\n{\n\treturn 10;\n}\n\n${C_FILLER('more', 12)}\nvoid clear_items(struct list *l)\n{\n\tfor (int k = 0; k < l->nr; k++)\n\t\tfree(l->items[k]);\n}\n\n${C_FILLER('last', 12)}\nvoid show_items(struct list *l)\n{\n\tfor (int j = 0; j < l->nr; j++)\n\t\tputs(l->items[j]);\n}\n`,
    },
    after: {
      'src/list.c': `int count_items(struct list *l)\n{\n\tint n = 0;\n\tfor (size_t i = 0; i < l->nr; i++)\n\t\tn += l->items[i] != NULL;\n\treturn n;\n}\n\n${C_FILLER('spacer', 12)}\nint list_limit(void)\n{\n\treturn 20;\n}\n\n${C_FILLER('more', 12)}\nvoid clear_items(struct list *l)\n{\n\tfor (size_t k = 0; k < l->nr; k++)\n\t\tfree(l->items[k]);\n}\n\n${C_FILLER('last', 12)}\nvoid show_items(struct list *l)\n{\n\tfor (size_t j = 0; j < l->nr; j++)\n\t\tputs(l->items[j]);\n}\n`,
    },
    commits: [['src/list.c'], ['src/list.c']],
  },
  {
    // A field the header's struct gains, filled in one function of the source and
    // read in another far below: the struct, the writer and the reader are one
    // change. A far edit of the same file that reads no new member stays apart.
    name: 'C: a new struct field links the edits that start to read it',
    before: {
      'src/pool.h': `${C_LICENSE}struct pool {\n\tint size;\n};\n`,
      'src/pool.c': `#include "pool.h"\n\nvoid pool_init(struct pool *p)\n{\n\tp->size = 0;\n}\n\n${C_FILLER('spacer', 12)}\nint pool_free(struct pool *p)\n{\n\treturn p->size;\n}\n\n${C_FILLER('more', 12)}\nint pool_limit(void)\n{\n\treturn 10;\n}\n`,
    },
    after: {
      'src/pool.h': `${C_LICENSE}struct pool {\n\tint size;\n\tstruct strbuf scratch;\n};\n`,
      'src/pool.c': `#include "pool.h"\n\nvoid pool_init(struct pool *p)\n{\n\tp->size = 0;\n\tstrbuf_init(&p->scratch, 0);\n}\n\n${C_FILLER('spacer', 12)}\nint pool_free(struct pool *p)\n{\n\tstrbuf_release(&p->scratch);\n\treturn p->size;\n}\n\n${C_FILLER('more', 12)}\nint pool_limit(void)\n{\n\treturn 20;\n}\n`,
    },
    commits: [['src/pool.c', 'src/pool.h'], ['src/pool.c']],
  },
  {
    // Across files: an attribute set in __init__ for the first time, and a module
    // that starts to read it (and never read it before) are one change; another
    // edit of that module, far from the read, is not.
    name: 'Python: a new attribute links the module that starts to read it',
    before: {
      'pkg/session.py': 'class Session:\n    def __init__(self, url):\n        self.url = url\n',
      'pkg/adapter.py': `def send(session, data):\n    return post(session.url, data)\n\n${PY_FILLER(20)}\ndef retries():\n    return 3\n`,
    },
    after: {
      'pkg/session.py': 'class Session:\n    def __init__(self, url, timeout=None):\n        self.url = url\n        self.timeout = timeout\n',
      'pkg/adapter.py': `def send(session, data):\n    return post(session.url, data, timeout=session.timeout)\n\n${PY_FILLER(20)}\ndef retries():\n    return 5\n`,
    },
    commits: [['pkg/adapter.py', 'pkg/session.py'], ['pkg/adapter.py']],
  },
  {
    // A comment rewritten in the function whose behaviour changes explains the
    // change; one in a function the commit leaves alone is a comment commit.
    name: 'TS: a comment in a changed function goes with the change',
    before: {
      'src/math.ts': 'export function clamp(value: number): number {\n  // cap the value\n  const result = value * 2;\n  if (result > 100) {\n    return 100;\n  }\n  return result;\n}\n',
      'src/other.ts': 'export function label(name: string) {\n  // the label\n  return `item ${name}`;\n}\n',
    },
    after: {
      'src/math.ts': 'export function clamp(value: number): number {\n  // cap the value at 1000\n  const result = value * 2;\n  if (result > 1000) {\n    return 1000;\n  }\n  return result;\n}\n',
      'src/other.ts': 'export function label(name: string) {\n  // the label shown in lists\n  return `item ${name}`;\n}\n',
    },
    commits: [['src/math.ts'], ['src/other.ts']],
  },
  {
    // A module the file never imported, brought in at the top and called in two
    // functions far apart, is one change; another edit between them is not.
    name: 'Python: a new import and its uses in one file are one change',
    before: {
      'pkg/runner.py': `import os\n\n\ndef start(args):\n    return os.system(' '.join(args))\n\n${PY_FILLER(12)}\ndef limit():\n    return 3\n\n${PY_FILLER(12)}\ndef stop(name):\n    return os.system('kill ' + name)\n\n${PY_FILLER(12)}\ndef show(path):\n    print('cat', path)\n`,
    },
    after: {
      'pkg/runner.py': `import os\nimport shlex\n\n\ndef start(args):\n    return os.system(' '.join(shlex.quote(arg) for arg in args))\n\n${PY_FILLER(12)}\ndef limit():\n    return 5\n\n${PY_FILLER(12)}\ndef stop(name):\n    return os.system('kill ' + shlex.quote(name))\n\n${PY_FILLER(12)}\ndef show(path):\n    print('cat', shlex.quote(path), sep=' ')\n`,
    },
    commits: [['pkg/runner.py'], ['pkg/runner.py']],
  },
  {
    // The test edit wraps its checks in a loop: their re-indentation is part of it,
    // not a whitespace commit before it (which would indent for a loop not there yet).
    name: 'C: the body of a block a test edit wrapped stays with the test edit',
    before: {
      'src/calc.c': 'int add(int a, int b)\n{\n\treturn a;\n}\n',
      't/calc_test.c': 'void test_add(void)\n{\n\tcheck(add(1, 2) == 3);\n\tcheck(add(0, 0) == 0);\n}\n',
    },
    after: {
      'src/calc.c': 'int add(int a, int b)\n{\n\treturn a + b;\n}\n',
      't/calc_test.c': 'void test_add(void)\n{\n\tfor (int k = 0; k < 3; k++) {\n\t\tcheck(add(1, 2) == 3);\n\t\tcheck(add(0, 0) == 0);\n\t}\n}\n',
    },
    commits: [['src/calc.c', 't/calc_test.c']],
  },
  {
    // The header is its source file's interface: a field the source starts to fill
    // is one change with it, though the parsers declare no struct fields.
    name: 'C: a header edit goes with its source file\'s edit, not with another file\'s',
    before: {
      'src/cache.h': 'struct cache {\n\tint size;\n};\n\nint cache_size(struct cache *c);\n',
      'src/cache.c': '#include "cache.h"\n\nint cache_size(struct cache *c)\n{\n\treturn c->size;\n}\n',
      'src/other.c': 'int other_limit(void)\n{\n\treturn 10;\n}\n',
    },
    after: {
      'src/cache.h': 'struct cache {\n\tint size;\n\tint hits;\n};\n\nint cache_size(struct cache *c);\n',
      'src/cache.c': '#include "cache.h"\n\nint cache_size(struct cache *c)\n{\n\tc->hits++;\n\treturn c->size;\n}\n',
      'src/other.c': 'int other_limit(void)\n{\n\treturn 20;\n}\n',
    },
    commits: [['src/cache.c', 'src/cache.h'], ['src/other.c']],
  },
  {
    // `struct options *first` uses the type: it does not define `options`, so two
    // unrelated edits that both mention it are not one change.
    name: 'C: two edits that only share a struct type stay apart',
    before: { 'src/alpha.c': C_FIRST, 'src/beta.c': C_SECOND },
    after: {
      'src/alpha.c': C_FIRST.replace('\treturn 1;', '\tstruct options *first = load_first();\n\treturn first->value;'),
      'src/beta.c': C_SECOND.replace('\treturn 2;', '\tstruct options *second = load_second();\n\treturn second->count;'),
    },
    commits: [['src/alpha.c'], ['src/beta.c']],
  },
  {
    // `struct repository;` in a header only announces the type for a prototype:
    // it defines nothing, so an unrelated edit elsewhere that reads a
    // `struct repository *` is not its use.
    name: 'C: a forward declaration does not define the type',
    before: { 'src/tempfile.h': 'int create_tempfile(const char *path);\n', 'src/lockfile.c': C_FIRST },
    after: {
      'src/tempfile.h': 'struct repository;\n\nint create_tempfile(struct repository *repo, const char *path);\n',
      'src/lockfile.c': C_FIRST.replace('\treturn 1;', '\tstruct repository *repo = the_repository;\n\treturn repo->value;'),
    },
    commits: [['src/lockfile.c'], ['src/tempfile.h']],
  },
  {
    // An annotation added in a file whose code the commit changes serves that change.
    name: 'TS: a type-only edit goes with the functional change of its file',
    before: { 'src/shapes.ts': `${TS_SCALE}\n${TS_LABEL}` },
    after: { 'src/shapes.ts': `${TS_SCALE.replace('value * factor', 'value * factor * 2')}\n${TS_LABEL.replace('(name: string)', '(name: string): string')}` },
    commits: [['src/shapes.ts']],
  },
  {
    // Alone in its file, the same edit is a no-op commit of its own.
    name: 'TS: a type-only edit in a file with no functional change stays apart',
    before: { 'src/shapes.ts': TS_SCALE, 'src/label.ts': TS_LABEL },
    after: { 'src/shapes.ts': TS_SCALE.replace('value * factor', 'value * factor * 2'), 'src/label.ts': TS_LABEL.replace('(name: string)', '(name: string): string') },
    commits: [['src/label.ts'], ['src/shapes.ts']],
  },
  {
    // `class Sample` inside a test's code string is sample input, not a declaration:
    // two suites that both add such a case do not define one shared name.
    name: 'TS: sample code in two test files does not join their suites',
    before: {
      'src/alpha.ts': 'export function alpha(): number {\n  return 1;\n}\n',
      'src/beta.ts': "export function beta(): string {\n  return 'b';\n}\n",
      'test/alpha.test.ts': "import { alpha } from '../src/alpha';\n\ntest('alpha', () => {\n  expect(alpha()).toBe(1);\n});\n",
      'test/beta.test.ts': "import { beta } from '../src/beta';\n\ntest('beta', () => {\n  expect(beta()).toBe('b');\n});\n",
    },
    after: {
      'src/alpha.ts': 'export function alpha(): number {\n  return 2;\n}\n',
      'src/beta.ts': "export function beta(): string {\n  return 'c';\n}\n",
      'test/alpha.test.ts': "import { alpha } from '../src/alpha';\n\ntest('alpha', () => {\n  expect(alpha()).toBe(1);\n  parseAlpha(`\nclass Sample {}\n`);\n});\n",
      'test/beta.test.ts': "import { beta } from '../src/beta';\n\ntest('beta', () => {\n  expect(beta()).toBe('b');\n  lintBeta(`\nclass Sample {}\n`);\n});\n",
    },
    commits: [
      ['src/alpha.ts', 'test/alpha.test.ts'],
      ['src/beta.ts', 'test/beta.test.ts'],
    ],
  },
  {
    // Tests travel with the code they test; for a new API with no functional change in its file, that is the API's commit.
    name: 'TS: the test of a new API goes in the API commit',
    before: {
      'src/slug.ts': 'export function pad(text: string): string {\n  return text;\n}\n',
      'src/main.ts': "import { greet } from './greet';\n\nexport function main(): void {\n  console.log(greet('a'));\n}\n",
    },
    after: {
      'src/slug.ts': "export function pad(text: string): string {\n  return text;\n}\n\nexport function slugify(text: string): string {\n  return text.toLowerCase().replace(/ +/g, '-');\n}\n",
      'test/slug.test.ts': "import { slugify } from '../src/slug';\n\ntest('slugify', () => {\n  expect(slugify('A B')).toBe('a-b');\n});\n",
      'src/main.ts': "import { greet } from './greet';\n\nexport function main(): void {\n  console.log(greet('b'));\n}\n",
    },
    commits: [['src/main.ts'], ['src/slug.ts', 'test/slug.test.ts']],
  },
  {
    // Test data without a code change: the fixture and its expected output are one
    // test case; another fixture in the same directory is another.
    name: 'a test fixture and its expected output stay together, apart from another fixture',
    before: {
      'src/scope.ts': 'export function scope(): number {\n  return 1;\n}\n',
      'tests/fixtures/jsx/namespaced.tsx': 'const first = <svg:circle />;\n',
      'tests/fixtures/jsx/namespaced.tsx.shot': 'ScopeManager {\n  references: 1,\n}\n',
      'tests/fixtures/jsx/intrinsic.tsx': 'const second = <div />;\n',
    },
    after: {
      'src/scope.ts': 'export function scope(): number {\n  return 2;\n}\n',
      'tests/fixtures/jsx/namespaced.tsx': 'const first = <svg:circle r={1} />;\n',
      'tests/fixtures/jsx/namespaced.tsx.shot': 'ScopeManager {\n  references: 2,\n}\n',
      'tests/fixtures/jsx/intrinsic.tsx': 'const second = <div id="main" />;\n',
    },
    commits: [['src/scope.ts'], ['tests/fixtures/jsx/intrinsic.tsx'], ['tests/fixtures/jsx/namespaced.tsx', 'tests/fixtures/jsx/namespaced.tsx.shot']],
  },
  {
    // `data` is too common to link by itself, but read as a member it uses the
    // member the interface gains: its writer and its reader are one change.
    name: 'TS: the writer and the reader of a new member with a common name are one change',
    before: {
      'src/model.ts': 'export interface Verdict {\n  kind: string;\n}\n',
      'src/classify.ts': "import { Verdict } from './model';\n\nexport function toVerdict(result: { kind: string; data?: Record<string, string> }): Verdict {\n  return { kind: result.kind };\n}\n",
      'src/series.ts': "import { Verdict } from './model';\n\nexport function subject(verdict: Verdict): string {\n  return verdict.kind;\n}\n",
    },
    after: {
      'src/model.ts': 'export interface Verdict {\n  kind: string;\n  data?: Record<string, string>;\n}\n',
      'src/classify.ts': "import { Verdict } from './model';\n\nexport function toVerdict(result: { kind: string; data?: Record<string, string> }): Verdict {\n  return { kind: result.kind, data: result.data };\n}\n",
      'src/series.ts': "import { Verdict } from './model';\n\nexport function subject(verdict: Verdict): string {\n  return verdict.data?.names ?? verdict.kind;\n}\n",
    },
    commits: [['src/classify.ts', 'src/series.ts'], ['src/model.ts']],
  },
  {
    // Each file has its own `export default`: two rule files whose default
    // exports change do not define one shared name.
    name: 'TS: edits of two files\' default exports stay apart',
    before: {
      'src/rules/no-loose-equality.ts': "export default createRule({\n  name: 'no-loose-equality',\n  create(context) {\n    return { BinaryExpression: check };\n  },\n});\n",
      'src/rules/prefer-const.ts': "export default createRule({\n  name: 'prefer-const',\n  create(context) {\n    return { VariableDeclaration: check };\n  },\n});\n",
    },
    after: {
      'src/rules/no-loose-equality.ts': "export default createRule({\n  name: 'no-loose-equality',\n  create(context) {\n    return { BinaryExpression: check, SwitchCase: checkCase };\n  },\n});\n",
      'src/rules/prefer-const.ts': "export default createRule({\n  name: 'prefer-const',\n  create(context) {\n    return { VariableDeclaration: check, ForOfStatement: checkLoop };\n  },\n});\n",
    },
    commits: [['src/rules/no-loose-equality.ts'], ['src/rules/prefer-const.ts']],
  },
  {
    // A page named after a rule documents that rule, whatever words it uses.
    name: 'docs go with the code file of their name',
    before: {
      'src/rules/no-loose-equality.ts': "export default createRule({\n  create(context) {\n    return { BinaryExpression: check };\n  },\n});\n",
      'src/server.ts': 'export function port(): number {\n  return 80;\n}\n',
      'docs/rules/no-loose-equality.md': '# no-loose-equality\n\nReports `==` between operands.\n',
    },
    after: {
      'src/rules/no-loose-equality.ts': "export default createRule({\n  create(context) {\n    return { BinaryExpression: check, SwitchCase: checkCase };\n  },\n});\n",
      'src/server.ts': 'export function port(): number {\n  return 8080;\n}\n',
      'docs/rules/no-loose-equality.md': '# no-loose-equality\n\nReports `==` between operands, and in `switch` statements.\n',
    },
    commits: [['docs/rules/no-loose-equality.md', 'src/rules/no-loose-equality.ts'], ['src/server.ts']],
  },
  {
    // Two files that both call the same two rarely used helpers, for different
    // reasons: names shared across files were as often two commits' as one's.
    name: 'rare names shared across files do not join their edits',
    before: {
      'src/report.ts': "import { clampAmount, roundCents } from './money';\n\nexport function reportLine(total: number): string {\n  return `total ${roundCents(clampAmount(total))}`;\n}\n",
      'src/billing.ts': "import { clampAmount, roundCents } from './money';\n\nexport function invoiceDue(amount: number, fee: number): number {\n  return roundCents(clampAmount(amount)) + fee;\n}\n",
    },
    after: {
      'src/report.ts': "import { clampAmount, roundCents } from './money';\n\nexport function reportLine(total: number): string {\n  return `total: ${roundCents(clampAmount(total))} EUR`;\n}\n",
      'src/billing.ts': "import { clampAmount, roundCents } from './money';\n\nexport function invoiceDue(amount: number, fee: number): number {\n  return roundCents(clampAmount(amount + fee));\n}\n",
    },
    commits: [['src/billing.ts'], ['src/report.ts']],
  },
  {
    // Two pages of one docs directory, each claimed by its rule: the directory
    // does not make one change of the two rules (it grouped docs before they
    // went to their code, and so joined the code too).
    name: 'docs of one area claimed by different code changes keep them apart',
    before: {
      'src/rules/no-loose-equality.ts': "export default createRule({\n  create(context) {\n    return { BinaryExpression: check };\n  },\n});\n",
      'src/rules/prefer-template.ts': "export default createRule({\n  create(context) {\n    return { Literal: visitLiteral };\n  },\n});\n",
      'docs/rules/no-loose-equality.md': '# no-loose-equality\n\nReports `==` between operands.\n',
      'docs/rules/prefer-template.md': '# prefer-template\n\nPrefers template literals to concatenation.\n',
    },
    after: {
      'src/rules/no-loose-equality.ts': "export default createRule({\n  create(context) {\n    return { BinaryExpression: check, SwitchCase: checkCase };\n  },\n});\n",
      'src/rules/prefer-template.ts': "export default createRule({\n  create(context) {\n    return { Literal: visitLiteral, TemplateLiteral: visitTemplate };\n  },\n});\n",
      'docs/rules/no-loose-equality.md': '# no-loose-equality\n\nReports `==` between operands, and in `switch` statements.\n',
      'docs/rules/prefer-template.md': '# prefer-template\n\nPrefers template literals to concatenation, also in tagged templates.\n',
    },
    commits: [
      ['docs/rules/no-loose-equality.md', 'src/rules/no-loose-equality.ts'],
      ['docs/rules/prefer-template.md', 'src/rules/prefer-template.ts'],
    ],
  },
  {
    // Generated configs that list the changed rule came from it; a generated file
    // naming no changed source is output of the same generator run as the others.
    name: 'generated files go with the source they name, else together',
    before: {
      'src/rules/no-loose-equality.ts': "export const meta = { recommended: 'strict' };\n",
      'src/server.ts': 'export function port(): number {\n  return 80;\n}\n',
      'src/configs/strict.ts': GENERATED_CONFIG([]),
      'src/configs/recommended.ts': GENERATED_CONFIG([]),
      'docs/generated/api.ts': GENERATED_CONFIG(['alpha']),
      'schemas/generated/index.ts': GENERATED_CONFIG(['beta']),
    },
    after: {
      'src/rules/no-loose-equality.ts': "export const meta = { recommended: 'recommended' };\n",
      'src/server.ts': 'export function port(): number {\n  return 8080;\n}\n',
      'src/configs/strict.ts': GENERATED_CONFIG(['no-loose-equality']),
      'src/configs/recommended.ts': GENERATED_CONFIG(['no-loose-equality']),
      'docs/generated/api.ts': GENERATED_CONFIG(['alpha', 'gamma']),
      'schemas/generated/index.ts': GENERATED_CONFIG(['beta', 'delta']),
    },
    commits: [['docs/generated/api.ts', 'schemas/generated/index.ts'], ['src/configs/recommended.ts', 'src/configs/strict.ts', 'src/rules/no-loose-equality.ts'], ['src/server.ts']],
  },
];

/** The suggested series of a commit from `before` to `after`, and the file of each change. */
async function suggestCommit(before: Record<string, string>, after: Record<string, string>, message: string) {
  const repo = createRepo();
  repo.commitFiles('base', before);
  const rev = repo.commitFiles(message, after);
  const json = await suggestJson(repo.dir, [rev]);
  return { json, fileOf: new Map(json.changes.map((change) => [change.id, change.file])) };
}

/** Each suggested commit's files, sorted, the commits ordered by their first file. */
function filesPerCommit({ json, fileOf }: Awaited<ReturnType<typeof suggestCommit>>): string[][] {
  const series = json.series.map((commit) => [...new Set(commit.changes.map((id) => fileOf.get(id)!))].sort());
  return series.sort((a, b) => a[0].localeCompare(b[0]));
}

describe('series grouping', () => {
  test.each(cases)('$name', async ({ before, after, commits }) => {
    expect(filesPerCommit(await suggestCommit(before, after, 'change'))).toEqual(commits);
  });
});

const SERVICE_BEFORE = 'export interface Service {\n  readonly languages: ReadonlySet<string>;\n}\n';
const SERVICE_AFTER = 'export interface Service {\n  readonly languages: ReadonlySet<string>;\n  readonly engines?: ReadonlyMap<string, string>;\n}\n';
const REPORT = (read: string) =>
  `import { Service } from './syntax/service';\n\nexport function report(service: Service): string {\n  const engines = ${read};\n  return [...(engines ?? [])].join(', ');\n}\n`;

const WEIGHT_HELPERS =
  'const seen = new Map<string, number>();\nlet misses = 0;\n\nfunction measureUncached(text: string): number {\n  misses++;\n  return text.split(/\\s+/).filter((word) => word.length > 0).length;\n}\n\n' +
  'function measure(text: string): number {\n  const known = seen.get(text);\n  if (known !== undefined) return known;\n  const count = measureUncached(text);\n  seen.set(text, count);\n  return count;\n}\n\n';
const WEIGH = 'export function weigh(text: string): number {\n  return measure(text) * 2 + misses;\n}\n';
const SHOUT = '\nexport function shout(text: string): string {\n  return text.toUpperCase();\n}\n';

interface OrderCase {
  name: string;
  before: Record<string, string>;
  after: Record<string, string>;
  message: string;
  /** Files in the order their commits must come (a file may share its commit with the next). */
  order: string[];
  /** Files whose commits must differ, or be the same, as a list of sets. */
  commits?: string[][];
  /** The file whose commit carries the original subject. */
  subjectWith?: string;
}

const orderCases: OrderCase[] = [
  {
    // `const engines = service.engines`: the local is not what the member read needs;
    // the declaration of the member it reads is.
    name: 'TS: a member read through a local of the same name comes after the member it reads',
    before: { 'src/syntax/service.ts': SERVICE_BEFORE, 'src/cli.ts': REPORT('(service as { engines?: ReadonlyMap<string, string> }).engines') },
    after: { 'src/syntax/service.ts': SERVICE_AFTER, 'src/cli.ts': REPORT('service.engines') },
    message: 'cli: read Service.engines, without a cast\n',
    order: ['src/syntax/service.ts', 'src/cli.ts'],
  },
  {
    // The original message names its area: it goes to that commit, not to the first one of the same size.
    name: 'the original subject goes to the commit in the area it names',
    before: { 'src/syntax/service.ts': SERVICE_BEFORE, 'src/cli.ts': REPORT('(service as { engines?: ReadonlyMap<string, string> }).engines') },
    after: { 'src/syntax/service.ts': SERVICE_AFTER, 'src/cli.ts': REPORT('service.engines') },
    message: 'cli: read Service.engines, without a cast\n',
    order: ['src/syntax/service.ts', 'src/cli.ts'],
    subjectWith: 'src/cli.ts',
  },
  {
    // No functional change in the area the subject names, but its new API: the message describes that.
    name: 'the original subject goes to the new API of the area it names',
    before: {
      'src/slug.ts': 'export function pad(text: string): string {\n  return text;\n}\n',
      'src/main.ts': "import { greet } from './greet';\n\nexport function main(): void {\n  console.log(greet('a'));\n}\n",
    },
    after: {
      'src/slug.ts': "export function pad(text: string): string {\n  return text;\n}\n\nexport function slugify(text: string): string {\n  return text.toLowerCase().replace(/ +/g, '-');\n}\n",
      'src/main.ts': "import { greet } from './greet';\n\nexport function main(): void {\n  console.log(greet('b'));\n}\n",
    },
    message: 'slug: add slugify, lower case with dashes\n',
    order: [],
    subjectWith: 'src/slug.ts',
  },
  {
    // A local `const` in one function is invisible to another file: a use of the
    // same word there is no def-use link.
    name: 'JS: a local const does not link a use of the same word in another file',
    before: {
      'src/alpha.js': 'export function alpha(limit) {\n  return limit;\n}\n',
      'src/beta.js': 'export function beta(options) {\n  return options.size;\n}\n',
    },
    after: {
      'src/alpha.js': 'export function alpha(limit) {\n  const budget = limit * 2;\n  return budget;\n}\n',
      'src/beta.js': 'export function beta(options) {\n  return options.size + budget;\n}\n',
    },
    message: 'alpha: double the limit\n',
    order: [],
    commits: [['src/alpha.js'], ['src/beta.js']],
  },
  {
    // 0032b6a of this repository, in small: helpers and the function that uses
    // them move to a module of their own, and the caller imports it from there.
    // Each needs the other (the old file loses what the caller's old import
    // read; the caller's new import reads what the new file declares): no order
    // builds, so one commit.
    name: 'TS: a function moved to a module of its own, with its caller switched, is one commit',
    before: {
      'src/util.ts': WEIGHT_HELPERS + WEIGH + SHOUT,
      'src/main.ts': "import { shout, weigh } from './util';\n\nexport function main(text: string): string {\n  return `${shout(text)}: ${weigh(text)}`;\n}\n",
    },
    after: {
      'src/util.ts': SHOUT.trimStart(),
      'src/weight.ts': WEIGHT_HELPERS + WEIGH,
      'src/main.ts': "import { shout } from './util';\nimport { weigh } from './weight';\n\nexport function main(text: string): string {\n  return `${shout(text)}: ${weigh(text)}`;\n}\n",
    },
    message: 'util: weights in a module of their own\n',
    order: [],
    commits: [['src/main.ts', 'src/util.ts', 'src/weight.ts']],
  },
];

describe('series order', () => {
  test.each(orderCases)('$name', async ({ before, after, message, order, commits, subjectWith }) => {
    const suggested = await suggestCommit(before, after, message);
    const { json, fileOf } = suggested;
    const commitOf = (file: string) => json.series.findIndex((commit) => commit.changes.some((id) => fileOf.get(id) === file));
    for (let k = 1; k < order.length; k++) expect(commitOf(order[k - 1])).toBeLessThanOrEqual(commitOf(order[k]));
    if (commits !== undefined) expect(filesPerCommit(suggested)).toEqual(commits);
    if (subjectWith !== undefined) expect(json.series[commitOf(subjectWith)].title).toBe(message.trim());
  });
});

/** A hand-made change of one kind, with the lines it removes and adds. */
function syntheticChange(id: string, fileIndex: number, file: string, kind: ClassifiedChange['verdict']['kind'], removed: string[], added: string[]): ClassifiedChange {
  return {
    id,
    fileIndex,
    hunkIndex: 0,
    file,
    oldFile: file,
    status: 'modified',
    old: { start: 10, lines: removed.length },
    new: { start: 10, lines: added.length },
    removed,
    added,
    blockStart: 0,
    blockLength: removed.length + added.length,
    removedOffset: 0,
    addedOffset: 0,
    verdict: { kind, confidence: 0.8, reason: 'synthetic', heuristic: 'test' },
  };
}

describe('series steps that build', () => {
  it('removes the reads of a declaration before (or with) the declaration', () => {
    // A refactor would come before a functional change in the canonical order;
    // but it takes away `legacyHelper`, which the functional change stops reading.
    const changes = [
      syntheticChange('c1', 0, 'src/lib.ts', 'move', ['function legacyHelper(value: number): number {', '  return value;', '}'], []),
      syntheticChange('c2', 1, 'src/app.ts', 'functional', ['  total += legacyHelper(amount);'], ['  total += amount;']),
    ];
    const symbols = new Map([
      ['c1', { defines: new Set(['legacyHelper']), uses: new Set<string>(), enclosing: null, container: null, sides: { old: { defines: new Set(['legacyHelper']), uses: new Set<string>() }, new: { defines: new Set<string>(), uses: new Set<string>() } }, removes: new Set(['legacyHelper']) }],
      ['c2', { defines: new Set<string>(), uses: new Set(['total', 'legacyHelper', 'amount']), enclosing: null, container: null, sides: { old: { defines: new Set<string>(), uses: new Set(['total', 'legacyHelper', 'amount']) }, new: { defines: new Set<string>(), uses: new Set(['total', 'amount']) } }, removes: new Set<string>() }],
    ]);
    const { series } = buildSeries(changes, [], null, symbols);
    expect(series.map((commit) => commit.changes)).toEqual([['c2'], ['c1']]);
    expect(series[1].dependsOn).toEqual([1]);
  });

  it('keeps the canonical order when the removed declaration is declared again in that file', () => {
    const changes = [
      syntheticChange('c1', 0, 'src/lib.ts', 'move', ['function legacyHelper(value: number): number {'], ['function legacyHelper(value: number, scale = 1): number {']),
      syntheticChange('c2', 1, 'src/app.ts', 'functional', ['  total += legacyHelper(amount);'], ['  total += amount;']),
    ];
    const sides = (old: string[], added: string[]) => ({ old: { defines: new Set(old), uses: new Set<string>() }, new: { defines: new Set(added), uses: new Set<string>() } });
    const symbols = new Map([
      ['c1', { defines: new Set(['legacyHelper']), uses: new Set<string>(), enclosing: null, container: null, sides: sides(['legacyHelper'], ['legacyHelper']), removes: new Set<string>() }],
      ['c2', { defines: new Set<string>(), uses: new Set(['total', 'legacyHelper', 'amount']), enclosing: null, container: null, sides: { old: { defines: new Set<string>(), uses: new Set(['total', 'legacyHelper', 'amount']) }, new: { defines: new Set<string>(), uses: new Set(['total', 'amount']) } }, removes: new Set<string>() }],
    ]);
    expect(buildSeries(changes, [], null, symbols).series.map((commit) => commit.changes)).toEqual([['c1'], ['c2']]);
  });
});

describe('series performance', () => {
  // README, Performance: grouping and ordering of a 2,000-change commit stays
  // well under a second. A mix of kinds in 20 files, every fifth change type-only
  // or a new API, so every linking pass has work; the budget leaves room for a
  // loaded 2-core machine.
  it('groups and orders 2,000 changes in under a second', () => {
    const kinds = ['functional', 'functional', 'refactor', 'api-addition', 'test'] as const;
    const changes: ClassifiedChange[] = Array.from({ length: 2000 }, (_value, position) => {
      const fileIndex = position % 20;
      const kind = kinds[position % kinds.length];
      const file = kind === 'test' ? `test/file${fileIndex}.test.ts` : `src/file${fileIndex}.ts`;
      const line = 10 + Math.floor(position / 20) * 40;
      return {
        id: `c${position + 1}`,
        fileIndex: kind === 'test' ? 20 + fileIndex : fileIndex,
        hunkIndex: Math.floor(position / 20),
        file,
        oldFile: file,
        status: 'modified',
        old: { start: line, lines: 1 },
        new: { start: line, lines: 1 },
        removed: [`  const value${position} = compute(${position});`],
        added: [`  const value${position}: number = compute${position % 7}(${position});`],
        blockStart: 0,
        blockLength: 2,
        removedOffset: 0,
        addedOffset: 0,
        verdict: { kind, detail: kind === 'refactor' ? 'type-only' : undefined, confidence: 0.8, reason: 'synthetic', heuristic: 'test' },
      };
    });
    const symbols = new Map(
      changes.map((change, position) => [change.id, { defines: new Set([`value${position}`]), uses: new Set([`compute${position % 7}`, `value${(position * 7) % 2000}`]), enclosing: `${change.file}::f${position % 50}`, container: null }]),
    );
    // The best of three runs: the budget is the algorithm's, not a moment of load
    // from the suites Jest runs beside this one.
    let seconds = Infinity;
    let series: ReturnType<typeof buildSeries>['series'] = [];
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      series = buildSeries(changes, [], null, symbols).series;
      seconds = Math.min(seconds, (performance.now() - started) / 1000);
    }
    expect(series.flatMap((commit) => commit.changes)).toHaveLength(2000);
    process.stdout.write(`grouping and ordering of 2,000 changes: ${seconds.toFixed(2)} s\n`);
    expect(seconds).toBeLessThan(1);
  });
});
