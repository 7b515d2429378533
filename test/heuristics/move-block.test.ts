/**
 * move-block: whole declarations removed in one place and added unchanged in
 * another, in the same file or across files, and the near misses where the
 * lines look moved but the program changed (commit practice, "What the tool must
 * never do"): a line changed inside the block, statements or initialisers
 * reordered, a declaration moved into another function, class or `#ifdef`,
 * whitespace changed inside a string or where it is syntax, a block added
 * twice.
 *
 * Moves are cross-change: each half is a pure removal or addition, and the
 * heuristic pairs them over the whole commit. Cases run without real parsers,
 * so the declaration shape comes from the table lexer's fallback.
 */
import { moveBlock } from '../../heuristics/move-block';
import { runHeuristicTests } from '../helpers/heuristic-tester';

const movedTo = (detail: 'same-file' | 'cross-file') => ({ kind: 'move' as const, detail, messageId: 'movedTo', heuristic: 'move-block' });
const movedFrom = (detail: 'same-file' | 'cross-file') => ({ kind: 'move' as const, detail, messageId: 'movedFrom', heuristic: 'move-block' });

// The moved declarations are shorter than the ones that stay, so the diff keeps the long one and moves the short one.
const C_MOVED = 'static int add_numbers(int first, int second)\n{\n\treturn first + second;\n}\n';
const C_STAYS = 'int main(void)\n{\n\tint total = add_numbers(1, 2);\n\tprintf("%d\\n", total);\n\treturn total > 3 ? 1 : 0;\n}\n';
const PY_MOVED = 'def parse_header(line):\n    key, value = line.split(":", 1)\n    return key.strip(), value.strip()\n';
const PY_STAYS = 'def main(argv):\n    for line in argv:\n        key, value = parse_header(line)\n        print(key, value)\n    return 0\n';
const JS_MOVED = 'function formatName(person) {\n  return person.first + " " + person.last;\n}\n';
const JS_STAYS = 'function greet(person) {\n  const name = formatName(person);\n  console.log("Hello, " + name);\n  return name.length;\n}\n';
const RS_MOVED = 'fn checksum(data: &[u8]) -> u32 {\n    data.iter().map(|b| *b as u32).sum()\n}\n';
const RS_STAYS = 'fn main() {\n    let data = b"abc";\n    let sum = checksum(data);\n    println!("{}", sum);\n}\n';
const indent = (text: string, by: string) => text.replace(/^(?=.)/gm, by);

const TS_DOCUMENTED =
  '/**\n * True when both strings hold the same words in the same order,\n * whatever the spaces between them: the comparison the report\n * needs, since its input is re-wrapped by hand.\n */\nexport function sameWords(one: string, two: string): boolean {\n  return one.split(/\\s+/).join(" ") === two.split(/\\s+/).join(" ");\n}\n';

runHeuristicTests(moveBlock, {
  valid: [
    {
      // Only comments: nothing to move, whatever the parser says.
      name: 'TS: a doc comment alone moved to another file is not a move (parsed)',
      syntax: true,
      files: [
        { path: 'src/a.ts', before: `export const x = 1;\n\n${TS_DOCUMENTED.slice(0, TS_DOCUMENTED.indexOf('export'))}export const y = 2;\n`, after: 'export const x = 1;\n\nexport const y = 2;\n' },
        { path: 'src/b.ts', before: 'export const z = 3;\n', after: `export const z = 3;\n\n${TS_DOCUMENTED.slice(0, TS_DOCUMENTED.indexOf('export'))}` },
      ],
    },
    { name: 'C: a moved function with one line changed inside is not a move', path: 'x.c', before: `${C_MOVED}\n${C_STAYS}`, after: `${C_STAYS}\n${C_MOVED.replace('first + second', 'first - second')}` },
    {
      name: 'C: statements moved inside a function body change the order they run in',
      path: 'x.c',
      before: 'void setup(struct device *dev)\n{\n\tint status = init_device(dev, DEVICE_FLAGS);\n\tint result = register_device(dev, status);\n\tint other = start_device(dev, result);\n\tlog_device(dev);\n\tlog_device(dev);\n\tfinish(dev);\n}\n',
      after: 'void setup(struct device *dev)\n{\n\tlog_device(dev);\n\tlog_device(dev);\n\tfinish(dev);\n\tint status = init_device(dev, DEVICE_FLAGS);\n\tint result = register_device(dev, status);\n\tint other = start_device(dev, result);\n}\n',
    },
    {
      name: 'Python: statements moved inside a function body change the order they run in',
      path: 'x.py',
      before: 'def f():\n    connection = open_connection(host, port)\n    connection.authenticate(user, password)\n    connection.send(payload)\n    log("sent")\n    log("done")\n    log("bye")\n    log("end")\n',
      after: 'def f():\n    log("sent")\n    log("done")\n    log("bye")\n    log("end")\n    connection = open_connection(host, port)\n    connection.authenticate(user, password)\n    connection.send(payload)\n',
    },
    {
      name: 'Java: field initialisers reordered run in another order',
      path: 'X.java',
      before: 'class X {\n  private int first = compute();\n  private int second = first + 1;\n  private int third = second * 2;\n\n  void run() {\n    System.out.println(first);\n    System.out.println(second);\n  }\n}\n',
      after: 'class X {\n  void run() {\n    System.out.println(first);\n    System.out.println(second);\n  }\n\n  private int first = compute();\n  private int second = first + 1;\n  private int third = second * 2;\n}\n',
    },
    {
      name: 'C: a block duplicated (removed once, added twice) is ambiguous',
      path: 'x.c',
      before: `${C_MOVED}\n${C_STAYS}\n${C_STAYS.replace('main', 'main2')}`,
      after: `${C_STAYS}\n${C_MOVED}\n${C_STAYS.replace('main', 'main2')}\n${C_MOVED}`,
    },
    {
      name: 'JS: a function moved into another function is nested there (scope changes)',
      path: 'x.js',
      before: `${JS_MOVED}\n${JS_STAYS}`,
      after: `${JS_STAYS.replace(/\}\n$/, '')}\n${indent(JS_MOVED, '  ')}}\n`,
    },
    {
      name: 'Java: a method moved to another class belongs to another type',
      path: 'X.java',
      before: 'class A {\n  int size() {\n    return items.length + offset + padding;\n  }\n}\n\nclass B {\n  int y;\n  int z;\n  int w;\n}\n',
      after: 'class A {\n}\n\nclass B {\n  int y;\n  int z;\n  int w;\n\n  int size() {\n    return items.length + offset + padding;\n  }\n}\n',
    },
    {
      name: 'Python: a top-level function moved into a class becomes a method',
      path: 'x.py',
      before: `${PY_MOVED}\n\nclass Parser:\n    x = 1\n    y = 2\n    z = 3\n`,
      after: `class Parser:\n    x = 1\n    y = 2\n    z = 3\n\n${indent(PY_MOVED, '    ')}`,
    },
    {
      name: 'Python: a function moved into an if body is defined only when the condition holds',
      path: 'x.py',
      before: `${PY_MOVED}\n\nif FEATURE:\n    x = 1\n    y = 2\n`,
      after: `if FEATURE:\n    x = 1\n    y = 2\n\n${indent(PY_MOVED, '    ')}`,
    },
    {
      name: 'Python: a moved function whose lines changed indentation relative to each other',
      path: 'x.py',
      before: `def parse(line):\n    if line:\n        key = line.strip()\n    return key.upper()\n\n\n${PY_STAYS}`,
      after: `${PY_STAYS}\n\ndef parse(line):\n    if line:\n        key = line.strip()\n        return key.upper()\n`,
    },
    {
      name: 'Python: a moved function whose docstring text was re-indented',
      path: 'x.py',
      before: `def usage():\n    return """\n  usage: tool [options]\n  more text here\n"""\n\n\n${PY_STAYS}`,
      after: `${PY_STAYS}\n\ndef usage():\n    return """\n    usage: tool [options]\n    more text here\n"""\n`,
    },
    {
      name: 'JS: a moved function whose template literal was re-indented',
      path: 'x.js',
      before: `function usage() {\n  return \`\n  usage: tool [options]\n  more text\n\`;\n}\n\n${JS_STAYS}`,
      after: `${JS_STAYS}\nfunction usage() {\n  return \`\n    usage: tool [options]\n    more text\n\`;\n}\n`,
    },
    {
      name: 'C: a moved function with spaces changed inside a string literal',
      path: 'x.c',
      before: `static const char *greeting(void)\n{\n\treturn "hello  world, friend";\n}\n\n${C_STAYS}`,
      after: `${C_STAYS}\nstatic const char *greeting(void)\n{\n\treturn "hello world, friend";\n}\n`,
    },
    {
      name: 'C: a function moved into an #ifdef block is compiled only with DEBUG',
      path: 'x.c',
      before: `${C_MOVED}\n${C_STAYS}\n#ifdef DEBUG\nint debug_level = 2;\n#endif\n`,
      after: `${C_STAYS}\n#ifdef DEBUG\nint debug_level = 2;\n\n${C_MOVED}#endif\n`,
    },
    {
      name: 'shell: a moved function with a = 1 instead of a=1 runs a command',
      path: 'x.sh',
      before: 'setup() {\n  count=1\n  echo "$count items"\n}\n\nmain() {\n  setup\n  echo done here\n  exit 0\n}\n',
      after: 'main() {\n  setup\n  echo done here\n  exit 0\n}\n\nsetup() {\n  count = 1\n  echo "$count items"\n}\n',
    },
    {
      name: 'JS: a function moved across files with one line changed',
      files: [
        { path: 'src/a.js', before: `const x = 1;\n\n${JS_MOVED}\nmodule.exports = { x };\n`, after: 'const x = 1;\n\nmodule.exports = { x };\n' },
        { path: 'src/b.js', before: null, after: JS_MOVED.replace('" "', '", "') },
      ],
    },
    {
      name: 'a pasted diff (diff only) cannot show what the block sits in',
      path: 'x.rs',
      before: `${RS_MOVED}\n${RS_STAYS}`,
      after: `${RS_STAYS}\n${RS_MOVED}`,
      diffOnly: true,
    },
    {
      name: 'Python: a function moved below the main guard that calls it',
      path: 'cli.py',
      before: `${PY_MOVED}\n\n${PY_STAYS}\n\nif __name__ == "__main__":\n    main(sys.argv)\n`,
      after: `${PY_STAYS}\n\nif __name__ == "__main__":\n    main(sys.argv)\n\n\n${PY_MOVED}`,
    },
    {
      name: 'Ruby: a method moved below private becomes private',
      path: 'account.rb',
      before: 'class Account\n  def balance_in_cents\n    @balance * 100 + @pending_cents\n  end\n\n  private\n\n  def audit\n    log("audit the account")\n    log("audit done")\n  end\nend\n',
      after: 'class Account\n  private\n\n  def audit\n    log("audit the account")\n    log("audit done")\n  end\n\n  def balance_in_cents\n    @balance * 100 + @pending_cents\n  end\nend\n',
    },
    {
      name: 'Python: a decorated function moved changes the registration order',
      path: 'shutdown.py',
      before: `@atexit.register\n${PY_MOVED}\n\n${PY_STAYS}`,
      after: `${PY_STAYS}\n\n@atexit.register\n${PY_MOVED}`,
    },
    {
      name: 'Go: a function moved from a test file into the package',
      files: [
        { path: 'sum_test.go', before: 'package p\n\nfunc sumValues(values []int) int {\n\ttotal := 0\n\tfor _, v := range values {\n\t\ttotal += v\n\t}\n\treturn total\n}\n', after: 'package p\n' },
        { path: 'sum.go', before: 'package p\n\nconst Limit = 10\n', after: 'package p\n\nconst Limit = 10\n\nfunc sumValues(values []int) int {\n\ttotal := 0\n\tfor _, v := range values {\n\t\ttotal += v\n\t}\n\treturn total\n}\n' },
      ],
    },
    {
      name: 'Go: a function moved into a file built only on Linux',
      files: [
        { path: 'sum.go', before: 'package p\n\nfunc Sum(values []int) int {\n\ttotal := 0\n\tfor _, v := range values {\n\t\ttotal += v\n\t}\n\treturn total\n}\n', after: 'package p\n' },
        { path: 'sum_linux.go', before: 'package p\n\nconst Limit = 10\n', after: 'package p\n\nconst Limit = 10\n\nfunc Sum(values []int) int {\n\ttotal := 0\n\tfor _, v := range values {\n\t\ttotal += v\n\t}\n\treturn total\n}\n' },
      ],
    },
    {
      name: 'Python: a base class moved below its subclass (class Admin(User) runs where it stands)',
      path: 'models.py',
      before: 'class User:\n    def display_name(self):\n        return self.first + " " + self.last\n\n\nclass Admin(User):\n    level = 10\n    scope = "all"\n    audit = True\n',
      after: 'class Admin(User):\n    level = 10\n    scope = "all"\n    audit = True\n\n\nclass User:\n    def display_name(self):\n        return self.first + " " + self.last\n',
    },
    {
      name: 'JS: a base class moved below its subclass (temporal dead zone)',
      path: 'models.js',
      before: 'class User {\n  displayName() {\n    return this.first + " " + this.last;\n  }\n}\n\nclass Admin extends User {\n  level() {\n    return 10;\n  }\n}\n',
      after: 'class Admin extends User {\n  level() {\n    return 10;\n  }\n}\n\nclass User {\n  displayName() {\n    return this.first + " " + this.last;\n  }\n}\n',
    },
    { name: 'a short block moved matches by coincidence too often', path: 'x.c', before: `int f(void)\n{\n\treturn 1;\n}\n\n${C_STAYS}`, after: `${C_STAYS}\nint f(void)\n{\n\treturn 1;\n}\n` },
  ],
  invalid: [
    { name: 'C: a function moved within a file', path: 'x.c', before: `${C_MOVED}\n${C_STAYS}`, after: `${C_STAYS}\n${C_MOVED}`, expect: [movedTo('same-file'), movedFrom('same-file')] },
    { name: 'Python: a top-level function moved within a file', path: 'x.py', before: `${PY_MOVED}\n\n${PY_STAYS}`, after: `${PY_STAYS}\n\n${PY_MOVED}`, expect: [movedTo('same-file'), movedFrom('same-file')] },
    { name: 'Rust: a function moved within a file', path: 'x.rs', before: `${RS_MOVED}\n${RS_STAYS}`, after: `${RS_STAYS}\n${RS_MOVED}`, expect: [movedTo('same-file'), movedFrom('same-file')] },
    {
      name: 'JS: a function moved to a new file',
      files: [
        { path: 'src/a.js', before: `const x = 1;\n\n${JS_MOVED}\nmodule.exports = { x };\n`, after: 'const x = 1;\n\nmodule.exports = { x };\n' },
        { path: 'src/b.js', before: null, after: JS_MOVED },
      ],
      expect: [movedTo('cross-file'), movedFrom('cross-file')],
    },
    {
      name: 'JS: a function moved to another existing file',
      files: [
        { path: 'src/a.js', before: `const x = 1;\n\n${JS_MOVED}\nmodule.exports = { x };\n`, after: 'const x = 1;\n\nmodule.exports = { x };\n' },
        { path: 'src/b.js', before: 'const y = 2;\n', after: `const y = 2;\n\n${JS_MOVED}` },
      ],
      expect: [movedTo('cross-file'), movedFrom('cross-file')],
    },
    {
      name: 'Java: a method moved within its class',
      path: 'X.java',
      before: 'class X {\n  int size() {\n    return items.length + offset + padding;\n  }\n\n  void clear() {\n    items = new int[0];\n    offset = 0;\n    padding = 0;\n  }\n}\n',
      after: 'class X {\n  void clear() {\n    items = new int[0];\n    offset = 0;\n    padding = 0;\n  }\n\n  int size() {\n    return items.length + offset + padding;\n  }\n}\n',
      expect: [movedTo('same-file'), movedFrom('same-file')],
    },
    {
      name: 'C#: a method moved within its class, Allman braces',
      path: 'X.cs',
      before: 'class X\n{\n    int Size()\n    {\n        return items.Length + offset + padding;\n    }\n\n    void Clear()\n    {\n        items = new int[0];\n        offset = 0;\n        padding = 0;\n    }\n}\n',
      after: 'class X\n{\n    void Clear()\n    {\n        items = new int[0];\n        offset = 0;\n        padding = 0;\n    }\n\n    int Size()\n    {\n        return items.Length + offset + padding;\n    }\n}\n',
      expect: [movedTo('same-file'), movedFrom('same-file')],
    },
    {
      name: 'Python: a function moved across another function only',
      path: 'parse.py',
      before: `${PY_MOVED}\n\n${PY_STAYS}\n\nif __name__ == "__main__":\n    main(sys.argv)\n`,
      after: `${PY_STAYS}\n\n${PY_MOVED}\n\nif __name__ == "__main__":\n    main(sys.argv)\n`,
      expect: [movedTo('same-file'), movedFrom('same-file')],
    },
    {
      // The parser's declaration starts at `export function`, after the doc comment (found on this repository's 0032b6a).
      name: 'TS: an exported function moved to a new file with its doc comment (parsed)',
      syntax: true,
      files: [
        { path: 'src/a.ts', before: `export const x = 1;\n\n${TS_DOCUMENTED}`, after: 'export const x = 1;\n' },
        { path: 'src/b.ts', before: null, after: TS_DOCUMENTED },
      ],
      expect: [movedTo('cross-file'), movedFrom('cross-file')],
    },
    {
      name: 'Go: a function moved to another file of the package',
      files: [
        { path: 'a.go', before: 'package p\n\nfunc Sum(values []int) int {\n\ttotal := 0\n\tfor _, v := range values {\n\t\ttotal += v\n\t}\n\treturn total\n}\n', after: 'package p\n' },
        { path: 'my_helpers.go', before: 'package p\n\nconst Limit = 10\n', after: 'package p\n\nconst Limit = 10\n\nfunc Sum(values []int) int {\n\ttotal := 0\n\tfor _, v := range values {\n\t\ttotal += v\n\t}\n\treturn total\n}\n' },
      ],
      expect: [movedTo('cross-file'), movedFrom('cross-file')],
    },
  ],
});
