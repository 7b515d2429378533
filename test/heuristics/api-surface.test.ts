/**
 * api-surface: new public declarations in every language it claims, CLI
 * options, changed signatures and removed declarations; and the near misses
 * that must not be offered as "API first, in its own commit" (commit practice
 * rule 4): private helpers, overrides, names the file already used, a new
 * function mixed into a change of existing code, code that runs when loaded,
 * test files.
 *
 * Decisions pinned here:
 * - Public is each language's rule, from the real parsers (every case runs with
 *   `syntax: true`): TS/JS `export`, a Python name without a leading
 *   underscore, a capitalised Go name, Rust `pub`, Java/C# `public`, Kotlin
 *   unless `private`/`internal`/`protected`, C/C++ non-static (and header
 *   prototypes), Ruby before a bare `private`.
 * - A method that overrides (a protocol name such as `__eq__`/`toString`, or
 *   an explicit `@Override`/`override` marker) changes behaviour at once: not
 *   an addition.
 * - A new constant whose initializer calls something runs at load: not an
 *   addition. A literal constant is.
 * - Without the full files (a pasted diff) there are no declarations: nothing
 *   is claimed but CLI options, which are read from the added lines.
 * - A function moved from one file to another is a move (full registry), not a
 *   removal plus an addition.
 */
import { apiSurface } from '../../heuristics/api-surface';
import { heuristics } from '../../heuristics';
import { runHeuristicTests } from '../helpers/heuristic-tester';

const added = { kind: 'api-addition' as const, messageId: 'added', heuristic: 'api-surface' };
const cliOption = { kind: 'api-addition' as const, detail: 'cli-option', messageId: 'cliOption', heuristic: 'api-surface' };
const changed = { kind: 'api-change' as const, messageId: 'changed', heuristic: 'api-surface' };
const removed = { kind: 'api-removal' as const, messageId: 'removed', heuristic: 'api-surface' };
const real = { kind: 'functional' as const, heuristic: 'functional-default' };

/** A file `before` that gains `addition` at its end (after a blank line). */
const append = (name: string, path: string, before: string, addition: string) => ({ name, path, before, after: `${before}\n${addition}`, syntax: true });

const TS = 'export function a(): number {\n  return 1;\n}\n';
const PY = 'def a():\n    return 1\n';
const PY_CLASS = 'class A:\n    def a(self):\n        return 1\n';
const GO = 'package a\n\nfunc A() int {\n\treturn 1\n}\n';
const RS = 'pub fn a() -> i32 {\n    1\n}\n';
const C = 'int a(void) {\n    return 1;\n}\n';
/** A Java, Kotlin, C# or Ruby class with one method, and a member added at the end of its body. */
const java = (member: string) => ({
  before: 'public class A {\n    public int a() {\n        return 1;\n    }\n}\n',
  after: `public class A {\n    public int a() {\n        return 1;\n    }\n\n${member}}\n`,
});
const kotlin = (member: string) => ({
  before: 'class A {\n    fun a(): Int {\n        return 1\n    }\n}\n',
  after: `class A {\n    fun a(): Int {\n        return 1\n    }\n\n${member}}\n`,
});

runHeuristicTests(apiSurface, {
  valid: [
    // --- Private helpers: not public by the language's rule.
    append('TypeScript: a new function without export', 'src/a.ts', TS, 'function twice(x: number): number {\n  return x * 2;\n}\n'),
    append('Python: a new _helper', 'pkg/a.py', PY, '\ndef _twice(x):\n    return x * 2\n'),
    append('Python: a new method of a private class', 'pkg/a.py', 'class _A:\n    def a(self):\n        return 1\n', '    def twice(self, x):\n        return x * 2\n'),
    append('Go: a new lowercase func', 'a.go', GO, 'func twice(x int) int {\n\treturn x * 2\n}\n'),
    append('Rust: a new fn without pub', 'src/a.rs', RS, 'fn twice(x: i32) -> i32 {\n    x * 2\n}\n'),
    { name: 'Java: a new private method', path: 'src/A.java', ...java('    private int twice(int x) {\n        return x * 2;\n    }\n'), syntax: true },
    { name: 'Kotlin: a new private fun', path: 'src/A.kt', ...kotlin('    private fun twice(x: Int): Int {\n        return x * 2\n    }\n'), syntax: true },
    append('C: a new static function', 'src/a.c', C, 'static int twice(int x) {\n    return x * 2;\n}\n'),
    {
      name: 'C++: a new function in an anonymous namespace',
      path: 'src/a.cpp',
      before: 'namespace {\nint a() {\n    return 1;\n}\n}\n',
      after: 'namespace {\nint a() {\n    return 1;\n}\n\nint twice(int x) {\n    return x * 2;\n}\n}\n',
      syntax: true,
    },
    append('Ruby: a new method after a bare private', 'lib/a.rb', 'class A\n  def a\n    1\n  end\n\n  private\n\n  def helper\n    2\n  end\nend\n', 'class A\n  def twice(x)\n    x * 2\n  end\nend\n'),

    // --- Overrides: existing code already reaches them through the base class or protocol.
    append('Python: a new __eq__', 'pkg/a.py', PY_CLASS, '    def __eq__(self, other):\n        return True\n'),
    { name: 'Java: a new public toString', path: 'src/A.java', ...java('    public String toString() {\n        return "A";\n    }\n'), syntax: true },
    append('Go: a new String() method', 'a.go', 'package a\n\ntype T struct{}\n', 'func (t T) String() string {\n\treturn "T"\n}\n'),
    append('Rust: a new impl Display for T', 'src/a.rs', 'pub struct T;\n', 'impl fmt::Display for T {\n    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {\n        write!(f, "T")\n    }\n}\n'),
    { name: 'Java: a new @Override method under any name', path: 'src/A.java', ...java('    @Override\n    public String describe() {\n        return "A";\n    }\n'), syntax: true },
    append('TypeScript: a new override method', 'src/b.ts', 'export class B extends A {\n  a(): number {\n    return 1;\n  }\n}\n', 'export class C extends B {\n  override describe(): string {\n    return "C";\n  }\n}\n'),
    { name: 'Kotlin: a new override fun', path: 'src/A.kt', ...kotlin('    override fun describe(): String {\n        return "A"\n    }\n'), syntax: true },
    append('Python: a new @typing.override method', 'pkg/b.py', 'class B(A):\n    def a(self):\n        return 1\n', 'class C(B):\n    @typing.override\n    def describe(self):\n        return "C"\n'),

    // --- The name is not new, or the addition is not alone.
    {
      name: 'TypeScript: a new exported function whose name the old file already used',
      path: 'src/a.ts',
      before: 'export function a(): number {\n  return twice(1);\n}\n',
      after: 'export function a(): number {\n  return twice(1);\n}\n\nexport function twice(x: number): number {\n  return x * 2;\n}\n',
      syntax: true,
    },
    {
      name: 'TypeScript: a new exported function in the same block as a changed constant',
      path: 'src/a.ts',
      before: 'export const LIMIT = 1;\n',
      after: 'export const LIMIT = 2;\nexport function twice(x: number): number {\n  return x * LIMIT;\n}\n',
      syntax: true,
    },
    append('TypeScript: a new exported function and a call to it in one block', 'src/a.ts', TS, 'export function twice(x: number): number {\n  return x * 2;\n}\n\nconsole.log(twice(2));\n'),
    append('TypeScript: a new exported constant that starts a server on import', 'src/a.ts', TS, 'export const server = startServer(8080);\n'),
    append('TypeScript: a new exported class with a static initializer that calls', 'src/a.ts', TS, 'export class Registry {\n  static instance = create();\n}\n'),
    append('Go: a new exported var initialised by a call', 'a.go', GO, 'var Registry = register("a")\n'),

    // --- Not this heuristic's files, or no declarations to read.
    append('TypeScript: a new exported function in x.test.ts', 'src/a.test.ts', TS, 'export function twice(x: number): number {\n  return x * 2;\n}\n'),
    { name: 'TypeScript: a signature change in x.spec.ts', path: 'src/a.spec.ts', before: TS, after: 'export function a(x: number): number {\n  return 1;\n}\n', syntax: true },
    { name: 'TypeScript: an exported function removed from x.test.ts', path: 'src/a.test.ts', before: `${TS}\nexport function twice(x: number): number {\n  return x * 2;\n}\n`, after: TS, syntax: true },
    { name: 'Python: a new test function in tests/test_a.py', path: 'tests/test_a.py', before: 'def test_a():\n    assert 1\n', after: 'def test_a():\n    assert 1\n\n\ndef test_b():\n    assert 2\n', syntax: true },
    { ...append('TypeScript: a new exported function in a pasted diff', 'src/a.ts', TS, 'export function twice(x: number): number {\n  return x * 2;\n}\n'), diffOnly: true },
    { ...append('TypeScript: a new exported function without the real parsers', 'src/a.ts', TS, 'export function twice(x: number): number {\n  return x * 2;\n}\n'), syntax: false },

    // --- Changes that leave the public surface as it was.
    { name: 'TypeScript: an exported function body changed', path: 'src/a.ts', before: 'export function a(x: number): number {\n  return x;\n}\n', after: 'export function a(x: number): number {\n  return x + 1;\n}\n', syntax: true },
    { name: 'Python: a private def signature changed', path: 'pkg/a.py', before: 'def _a(x):\n    return x\n', after: 'def _a(x, y=0):\n    return x\n', syntax: true },
    { name: 'TypeScript: a function without export removed', path: 'src/a.ts', before: `${TS}\nfunction twice(x: number): number {\n  return x * 2;\n}\n`, after: TS, syntax: true },
  ],
  invalid: [
    // --- One new public function per language.
    { ...append('TypeScript: a new exported function', 'src/a.ts', TS, 'export function twice(x: number): number {\n  return x * 2;\n}\n'), expect: [added] },
    { ...append('JavaScript: a new exported function', 'lib/a.js', 'export function a() {\n  return 1;\n}\n', 'export function twice(x) {\n  return x * 2;\n}\n'), expect: [added] },
    { ...append('JavaScript: a new CommonJS export', 'lib/a.js', 'function a() {\n  return 1;\n}\n\nexports.a = a;\n', 'exports.twice = function twice(x) {\n  return x * 2;\n};\n'), expect: [added] },
    { ...append('Python: a new public def', 'pkg/a.py', PY, '\ndef twice(x):\n    return x * 2\n'), expect: [added] },
    { ...append('Python: a new decorated public def', 'pkg/a.py', PY, '\n@cache\ndef twice(x):\n    return x * 2\n'), expect: [added] },
    { ...append('Go: a new exported func', 'a.go', GO, 'func Twice(x int) int {\n\treturn x * 2\n}\n'), expect: [added] },
    { ...append('Rust: a new pub fn', 'src/a.rs', RS, 'pub fn twice(x: i32) -> i32 {\n    x * 2\n}\n'), expect: [added] },
    { name: 'Java: a new public method', path: 'src/A.java', ...java('    public int twice(int x) {\n        return x * 2;\n    }\n'), syntax: true, expect: [added] },
    { name: 'Kotlin: a new fun (public by default)', path: 'src/A.kt', ...kotlin('    fun twice(x: Int): Int {\n        return x * 2\n    }\n'), syntax: true, expect: [added] },
    {
      name: 'C#: a new public method',
      path: 'src/A.cs',
      before: 'public class A\n{\n    public int Get()\n    {\n        return 1;\n    }\n}\n',
      after: 'public class A\n{\n    public int Get()\n    {\n        return 1;\n    }\n\n    public int Twice(int x)\n    {\n        return x * 2;\n    }\n}\n',
      syntax: true,
      expect: [added],
    },
    { ...append('C: a new non-static function', 'src/a.c', C, 'int twice(int x) {\n    return x * 2;\n}\n'), expect: [added] },
    {
      name: 'C: a new prototype in a header',
      path: 'include/a.h',
      before: '#ifndef A_H\n#define A_H\n\nint a(void);\n\n#endif\n',
      after: '#ifndef A_H\n#define A_H\n\nint a(void);\nint twice(int x);\n\n#endif\n',
      syntax: true,
      expect: [added],
    },
    { ...append('C++: a new function', 'src/a.cpp', 'int a() {\n    return 1;\n}\n', 'int twice(int x) {\n    return x * 2;\n}\n'), expect: [added] },
    {
      name: 'Ruby: a new public method',
      path: 'lib/a.rb',
      before: 'class A\n  def a\n    1\n  end\nend\n',
      after: 'class A\n  def a\n    1\n  end\n\n  def twice(x)\n    x * 2\n  end\nend\n',
      syntax: true,
      expect: [added],
    },
    {
      name: 'Java: a new method of a public interface (public without a modifier)',
      path: 'src/I.java',
      before: 'public interface I {\n    int a();\n}\n',
      after: 'public interface I {\n    int a();\n    int twice(int x);\n}\n',
      syntax: true,
      expect: [added],
    },
    {
      name: 'C++: a new public method declared in a class in a header',
      path: 'src/a.hpp',
      before: 'class A {\npublic:\n    int a();\n};\n',
      after: 'class A {\npublic:\n    int a();\n    int twice(int x);\n};\n',
      syntax: true,
      expect: [added],
    },
    { name: 'Go: an exported constant added to a const ( ) group', path: 'a.go', before: 'package a\n\nconst (\n\tA = 1\n)\n', after: 'package a\n\nconst (\n\tA = 1\n\tLimit = 3\n)\n', syntax: true, expect: [added] },
    { name: 'Kotlin: a new val (public by default)', path: 'src/A.kt', ...kotlin('    val limit: Int = 3\n'), syntax: true, expect: [added] },
    { ...append('TypeScript: a new exported interface', 'src/a.ts', TS, 'export interface Options {\n  verbose: boolean;\n}\n'), expect: [added] },
    { ...append('TypeScript: a new exported literal constant', 'src/a.ts', TS, 'export const MAX_SIZE = 1024;\n'), expect: [added] },
    { ...append('TypeScript: a new exported arrow function (its body does not run)', 'src/a.ts', TS, 'export const twice = (x: number): number => a() * x;\n'), expect: [added] },

    // --- CLI options, read from the added lines.
    {
      name: "yargs: a new .option('quiet', ...)",
      path: 'src/cli.js',
      before: "yargs\n  .option('verbose', { type: 'boolean' })\n  .parse();\n",
      after: "yargs\n  .option('verbose', { type: 'boolean' })\n  .option('quiet', { type: 'boolean', describe: 'Say less' })\n  .parse();\n",
      syntax: true,
      expect: [cliOption],
    },
    {
      name: "argparse: a new add_argument('--quiet')",
      path: 'tool/cli.py',
      before: "parser = argparse.ArgumentParser()\nparser.add_argument('--verbose', action='store_true')\nargs = parser.parse_args()\n",
      after: "parser = argparse.ArgumentParser()\nparser.add_argument('--verbose', action='store_true')\nparser.add_argument('--quiet', action='store_true')\nargs = parser.parse_args()\n",
      syntax: true,
      expect: [cliOption],
    },

    // --- Changed signatures and removals: flagged, never hidden.
    {
      name: 'TypeScript: an exported function gains a parameter',
      path: 'src/a.ts',
      before: 'export function a(x: number): number {\n  return x;\n}\n',
      after: 'export function a(x: number, y = 0): number {\n  return x;\n}\n',
      syntax: true,
      expect: [changed],
    },
    {
      name: 'Kotlin: a fun parameter type changed',
      path: 'src/A.kt',
      before: 'class A {\n    fun a(x: Int): Int {\n        return x\n    }\n}\n',
      after: 'class A {\n    fun a(x: Long): Int {\n        return 1\n    }\n}\n',
      syntax: true,
      expect: [changed],
    },
    { name: 'Python: a public def gains a parameter', path: 'pkg/a.py', before: 'def a(x):\n    return x\n', after: 'def a(x, y=0):\n    return x\n', syntax: true, expect: [changed] },
    {
      name: 'TypeScript: an exported function removed',
      path: 'src/a.ts',
      before: `${TS}\nexport function twice(x: number): number {\n  return x * 2;\n}\n`,
      after: TS,
      syntax: true,
      expect: [removed],
    },

    {
      name: 'C: a prototype removed from a header',
      path: 'include/a.h',
      before: '#ifndef A_H\n#define A_H\n\nint a(void);\nint twice(int x);\n\n#endif\n',
      after: '#ifndef A_H\n#define A_H\n\nint a(void);\n\n#endif\n',
      syntax: true,
      expect: [removed],
    },
    { name: 'Go: an exported constant removed from a const ( ) group', path: 'a.go', before: 'package a\n\nconst (\n\tA = 1\n\tLimit = 3\n)\n', after: 'package a\n\nconst (\n\tA = 1\n)\n', syntax: true, expect: [removed] },

    // --- Mixed blocks: the new function is split off only when it stands alone.
    {
      name: 'TypeScript: a body change and a new exported function in separate blocks',
      path: 'src/a.ts',
      before: TS,
      after: 'export function a(): number {\n  return 2;\n}\n\nexport function twice(x: number): number {\n  return x * 2;\n}\n',
      syntax: true,
      expect: [real, added],
    },

    // --- Across heuristics (full registry): a moved exported function is a move.
    {
      name: 'TypeScript: an exported function moved from a.ts to b.ts is a move, not a removal and an addition',
      files: [
        { path: 'src/a.ts', before: `${TS}\nexport function twice(x: number): number {\n  const y = x * 2;\n  return y;\n}\n`, after: TS },
        { path: 'src/b.ts', before: 'export function c(): number {\n  return 3;\n}\n', after: 'export function c(): number {\n  return 3;\n}\n\nexport function twice(x: number): number {\n  const y = x * 2;\n  return y;\n}\n' },
      ],
      syntax: true,
      heuristics,
      expect: [
        { kind: 'move', heuristic: 'move-block', links: [1] },
        { kind: 'move', heuristic: 'move-block', links: [0] },
      ],
    },
  ],
});
