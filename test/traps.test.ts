/**
 * The trap corpus: small realistic commits whose changes look like whitespace,
 * formatting, a comment edit, a rename, a move or an import reorder, but change
 * what the program does or what a tool reads. Commit practice, "What the tool
 * must never do": calling such a change a no-op is worse than no label. So the
 * full registry, as `analyse` runs it, must give no change of any trap one of
 * the no-op kinds.
 *
 * Each trap runs three ways: with whole files and the table lexer, with whole
 * files and the real parsers (as the CLI loads them), and from the diff alone
 * (a pasted patch). Each entry's comment says why it is a trap.
 */
import { heuristics } from '../heuristics';
import { ChangeKind } from '../src/model';
import { loadSyntaxServices } from '../src/syntax/load';
import { SyntaxService } from '../src/syntax/types';
import { FileCase, FilesCase, caseLanguages, classifyCaseWith, summarise } from './helpers/heuristic-tester';

type Trap = FileCase | FilesCase;

/** Kinds that tell the reader "nothing to review here". */
const NO_OP_KINDS: readonly ChangeKind[] = ['whitespace', 'formatting', 'comment', 'refactor', 'move'];

const PY_DRIVER = 'def hard_reboot(instance):\n    return instance.power_cycle()\n\n\ndef reboot(instance, hard=False):\n    if hard:\n        return hard_reboot(instance)\n    return instance.soft_reboot()\n\n\ndef recover(instance):\n    return hard_reboot(instance)\n';
const C_MOVED = 'static int add_numbers(int first, int second)\n{\n\treturn first + second;\n}\n';
const C_STAYS = 'int main(void)\n{\n\tint total = add_numbers(1, 2);\n\tprintf("%d\\n", total);\n\treturn total > 3 ? 1 : 0;\n}\n';
const JS_MOVED = 'function formatName(person) {\n  return person.first + " " + person.last;\n}\n';

export const traps: Trap[] = [
  // ---------------------------------------------------------------- strings and literals
  // Spaces inside a C string literal are the string's bytes.
  { name: 'C: spaces inside a string literal', path: 'src/msg.c', before: 'const char *banner = "Ready:  ok";\n', after: 'const char *banner = "Ready: ok";\n' },
  // The indentation of a template literal's lines is part of the string.
  { name: 'JS: re-indented lines inside a template literal', path: 'src/usage.js', before: 'const usage = `\n  usage: tool [options]\n    -h  help\n`;\n', after: 'const usage = `\n    usage: tool [options]\n      -h  help\n`;\n' },
  // Trailing blanks inside a template literal are data (a Markdown line break once rendered).
  { name: 'TS: trailing blanks removed inside a template literal', path: 'src/note.ts', before: 'export const note = `\nfirst line  \nsecond line\n`;\n', after: 'export const note = `\nfirst line\nsecond line\n`;\n' },
  // `f"{x=}"` prints its expression text: `f"{x = }"` prints "x = 1" instead of "x=1".
  { name: 'Python: spaces inside f-string braces with =', path: 'tools/debug.py', before: 'def show(x):\n    print(f"{x=}")\n', after: 'def show(x):\n    print(f"{x = }")\n' },
  // A heredoc body is the command's input, indentation included.
  { name: 'shell: re-indented heredoc body', path: 'scripts/gen.sh', before: 'cat <<EOF > config\n  port: 80\nEOF\n', after: 'cat <<EOF > config\n    port: 80\nEOF\n' },
  // A <<~ heredoc strips the common indentation only: one line re-indented keeps extra spaces.
  { name: 'Ruby: one line of a squiggly heredoc re-indented', path: 'lib/text.rb', before: 'TEXT = <<~EOS\n  hello\n    world\nEOS\n', after: 'TEXT = <<~EOS\n  hello\n  world\nEOS\n' },
  // Spaces inside a regular expression literal are matched characters.
  { name: 'JS: spaces inside a regex literal', path: 'src/match.js', before: 'const sep = /, /;\n', after: 'const sep = /,  /;\n' },
  // The regex loses its spaces while the quote change beside it looks like pure formatting.
  { name: 'JS: regex spacing changed next to a quote-style change', path: 'src/split.js', before: "const re = / +/; const mode = 'fast';\n", after: 'const re = /+/; const mode = "fast";\n' },
  // A Rust raw string's content is verbatim.
  { name: 'Rust: spaces inside a raw string', path: 'src/sql.rs', before: 'const Q: &str = r#"SELECT "a b" FROM t"#;\n', after: 'const Q: &str = r#"SELECT "a  b" FROM t"#;\n' },
  // A C++ raw string spanning lines keeps its indentation.
  { name: 'C++: re-indented lines inside a raw string', path: 'src/help.cpp', before: 'auto help = R"(\n  run   the tool\n)";\n', after: 'auto help = R"(\n    run   the tool\n)";\n' },
  // A Go raw string keeps its indentation (struct tags, templates, SQL).
  { name: 'Go: re-indented lines inside a raw string', path: 'tmpl.go', before: 'package p\n\nconst page = `\n<ul>\n  <li>{{.}}</li>\n</ul>\n`\n', after: 'package p\n\nconst page = `\n<ul>\n\t<li>{{.}}</li>\n</ul>\n`\n' },
  // A blank line inside a doctest's expected output ends it there: the test now fails on "b".
  { name: 'Python: blank line inside a docstring (a doctest output)', path: 'lib/api.py', before: 'def letters():\n    """Print letters.\n\n    >>> letters()\n    a\n    b\n    """\n    print("a\\nb")\n', after: 'def letters():\n    """Print letters.\n\n    >>> letters()\n    a\n\n    b\n    """\n    print("a\\nb")\n' },
  // A Java text block strips the common indentation only: one line re-indented keeps extra spaces.
  { name: 'Java: one line of a text block re-indented', path: 'src/Sql.java', before: 'class Sql {\n  String q = """\n      SELECT a\n      FROM t\n      """;\n}\n', after: 'class Sql {\n  String q = """\n      SELECT a\n        FROM t\n      """;\n}\n' },
  // A C# verbatim string spans lines verbatim.
  { name: 'C#: re-indented lines inside a verbatim string', path: 'src/Query.cs', before: 'class Q {\n  string s = @"select a\n  from t";\n}\n', after: 'class Q {\n  string s = @"select a\n      from t";\n}\n' },
  // A Lua long string keeps its indentation.
  { name: 'Lua: re-indented lines inside a long string', path: 'src/help.lua', before: 'local help = [[\n  usage: run\n]]\n', after: 'local help = [[\n    usage: run\n]]\n' },
  // A heredoc keeps the CR bytes of CRLF lines: the generated file's line endings change.
  { name: 'shell: CRLF to LF inside a heredoc body', path: 'scripts/win.sh', before: 'cat <<EOF > out.bat\r\n@echo off\r\nEOF\r\n', after: 'cat <<EOF > out.bat\n@echo off\nEOF\n' },
  // A SQL string literal's spaces are data.
  { name: 'SQL: spaces inside a string literal', path: 'db/seed.sql', before: "INSERT INTO t VALUES ('a b');\n", after: "INSERT INTO t VALUES ('a  b');\n" },
  // A TOML string's spaces are data.
  { name: 'TOML: spaces inside a string value', path: 'config.toml', before: 'greeting = "hello world"\n', after: 'greeting = "hello  world"\n' },
  // A space char literal turned into a tab char literal (only whitespace differs in the text).
  { name: "Rust: a ' ' char literal turned into a tab", path: 'src/sep.rs', before: "const SEP: char = ' ';\n", after: "const SEP: char = '\t';\n" },

  // ---------------------------------------------------------------- indentation that is syntax
  // Re-indenting a Python line into an if body makes it conditional.
  { name: 'Python: a statement moved into an if by indentation', path: 'app/run.py', before: 'def run(job):\n    if job.ready:\n        job.start()\n    job.log()\n', after: 'def run(job):\n    if job.ready:\n        job.start()\n        job.log()\n' },
  // Dedenting a Python line out of a loop runs it once instead of every time.
  { name: 'Python: a statement moved out of a for loop by indentation', path: 'app/sum.py', before: 'def total(items):\n    acc = 0\n    for item in items:\n        acc += item\n        log(acc)\n    return acc\n', after: 'def total(items):\n    acc = 0\n    for item in items:\n        acc += item\n    log(acc)\n    return acc\n' },
  // A dedent hidden in the same change as a call wrapped inside its parentheses.
  { name: 'Python: a dedent next to a wrapped call and a quote change', path: 'app/wrap.py', before: "if ready:\n    start(job, now)\n    notify('done')\n", after: 'if ready:\n    start(job,\n          now)\nnotify("done")\n' },
  // A Makefile recipe line must start with a tab.
  { name: 'Makefile: recipe tab turned into spaces', path: 'Makefile', before: 'build:\n\tcc -o app main.c\n', after: 'build:\n        cc -o app main.c\n' },
  // YAML indentation is structure: the key moves into another mapping.
  { name: 'YAML: a key re-indented under another', path: 'deploy/app.yml', before: 'service:\n  name: web\nreplicas: 2\n', after: 'service:\n  name: web\n  replicas: 2\n' },
  // `key:value` without the space is a plain string, not a mapping.
  { name: 'YAML: the space after a colon removed', path: 'deploy/env.yml', before: 'env:\n  debug: true\n', after: 'env:\n  debug:true\n' },
  // Two trailing spaces are a Markdown line break.
  { name: 'Markdown: two trailing spaces removed', path: 'docs/guide.md', before: 'Name: split-advisor  \nVersion: 1\n', after: 'Name: split-advisor\nVersion: 1\n' },
  // Four spaces of indentation make a Markdown code block.
  { name: 'Markdown: a paragraph indented into a code block', path: 'docs/intro.md', before: 'Intro.\n\nRun it.\n', after: 'Intro.\n\n    Run it.\n' },
  // A re-wrap that starts a line with "- " starts a list item: the paragraph loses its end.
  { name: 'Markdown: a re-wrap puts a list marker at the start of a line', path: 'docs/pricing.md', before: 'Pay by card now -\nor by invoice later.\n', after: 'Pay by card now\n- or by invoice later.\n' },
  // Changing the bullet character in the middle of a list starts a new list.
  { name: 'Markdown: one list marker changed from * to + mid-list', path: 'docs/steps.md', before: '* build\n* test\n* deploy\n', after: '* build\n+ test\n* deploy\n' },
  // A blank line between items makes the whole list loose: every item gets a paragraph.
  { name: 'Markdown: a blank line added between list items', path: 'docs/steps.md', before: '- build\n- test\n- deploy\n', after: '- build\n\n- test\n- deploy\n' },
  // A blank line ends an HTML block: what follows is Markdown again (here, emphasis).
  { name: 'Markdown: a blank line added inside an HTML block', path: 'docs/logo.md', before: '<div align="center">\n*beta*\n</div>\n', after: '<div align="center">\n\n*beta*\n</div>\n' },
  // Inside a word, underscores are not emphasis: snake_case_name is text, snake*case*name is not.
  { name: 'Markdown: intraword * turned into _', path: 'docs/api.md', before: 'Call snake*case*name.\n', after: 'Call snake_case_name.\n' },
  // Spaces in a fenced code block are the code the reader copies.
  { name: 'Markdown: spacing inside a fenced code block', path: 'docs/usage.md', before: 'Run:\n\n```\nmake  all\n```\n', after: 'Run:\n\n```\nmake all\n```\n' },
  // Trailing spaces that end a paragraph render nothing, until the line added below them: then they are a <br>.
  { name: 'Markdown: trailing spaces added above a line added to the paragraph', path: 'docs/contact.md', before: 'Write to the list.\n\nThanks.\n', after: 'Write to the list.  \nOr open an issue.\n\nThanks.\n' },
  // Whitespace in a patch file is the patch.
  { name: 'patch file: a context line re-indented', path: 'patches/fix.patch', before: '--- a/x.c\n+++ b/x.c\n@@ -1 +1 @@\n-int a;\n+int  a;\n', after: '--- a/x.c\n+++ b/x.c\n@@ -1 +1 @@\n-int a;\n+int   a;\n' },

  // ---------------------------------------------------------------- spacing that changes tokens or words
  // `a = 1` runs a command named `a` instead of assigning.
  { name: 'shell: a=1 to a = 1', path: 'scripts/env.sh', before: 'count=1\necho "$count"\n', after: 'count = 1\necho "$count"\n' },
  // `[` needs spaces around its arguments: `["$a" = x]` is a command named `["$a"`.
  { name: 'shell: spaces inside [ ] removed', path: 'scripts/check.sh', before: 'if [ "$a" = x ]; then\n  echo yes\nfi\n', after: 'if ["$a" = x]; then\n  echo yes\nfi\n' },
  // A blank after a continuation backslash ends the command there.
  { name: 'shell: trailing space after a continuation backslash', path: 'scripts/build.sh', before: 'cc -O2 \\\n  -o app main.c\n', after: 'cc -O2 \\ \n  -o app main.c\n' },
  // Python: a blank after the backslash is a syntax error.
  { name: 'Python: trailing space after a continuation backslash', path: 'app/calc.py', before: 'total = first + \\\n    second\n', after: 'total = first + \\ \n    second\n' },
  // `a - -b` subtracts a negation; `a --b` is a decrement.
  { name: 'C: a - -b to a --b', path: 'src/diff.c', before: 'int d = a - -b;\n', after: 'int d = a --b;\n' },
  // `a + +b` adds; `a ++b` is an increment (and here next to a quote change in JS).
  { name: "JS: a + +b to a ++b beside 'x' → \"x\"", path: 'src/sum.js', before: "let s = a + +b; let t = 'x';\n", after: 'let s = a ++b; let t = "x";\n' },
  // `#define F (x)` is an object-like macro expanding to `(x)`.
  { name: 'C: #define F(x) to #define F (x)', path: 'src/macros.h', before: '#define SQUARE(x) ((x) * (x))\n', after: '#define SQUARE (x) ((x) * (x))\n' },
  // A preprocessor directive ends at the line's end: the wrapped body is cut off.
  { name: 'C: a #define body wrapped without a backslash', path: 'src/max.h', before: '#define MAX(a, b) ((a) > (b) ? (a) : (b))\n', after: '#define MAX(a, b) ((a) > (b) ?\n  (a) : (b))\n' },
  // `a :hover` selects hovered descendants, `a:hover` hovered links.
  { name: 'CSS: a:hover to a :hover', path: 'web/site.css', before: 'a:hover {\n  color: red;\n}\n', after: 'a :hover {\n  color: red;\n}\n' },
  // Ruby `foo -1` passes -1 to foo; `foo - 1` subtracts.
  { name: 'Ruby: foo - 1 to foo -1', path: 'lib/calc.rb', before: 'x = offset - 1\n', after: 'x = offset -1\n' },
  // SQL `--` starts a comment: `1 --1` is `1`.
  { name: 'SQL: 1 - -1 to 1 --1', path: 'db/query.sql', before: 'SELECT 1 - -1;\n', after: 'SELECT 1 --1;\n' },

  // ---------------------------------------------------------------- line breaks that end statements
  // Automatic semicolon insertion: `return` alone returns undefined.
  { name: 'JS: return x re-wrapped as return / x', path: 'src/get.js', before: 'function get() {\n  return value;\n}\n', after: 'function get() {\n  return\n    value;\n}\n' },
  // Go inserts a semicolon after `a` at the line's end.
  { name: 'Go: foo(a) to foo(a / )', path: 'call.go', before: 'package p\n\nfunc f() {\n\tfoo(a)\n}\n', after: 'package p\n\nfunc f() {\n\tfoo(a\n\t)\n}\n' },
  // Go: `} else {` must stay on one line; the break inserts a semicolon.
  { name: 'Go: else moved to its own line', path: 'branch.go', before: 'package p\n\nfunc f(a bool) int {\n\tif a {\n\t\treturn 1\n\t} else {\n\t\treturn 2\n\t}\n}\n', after: 'package p\n\nfunc f(a bool) int {\n\tif a {\n\t\treturn 1\n\t}\n\telse {\n\t\treturn 2\n\t}\n}\n' },
  // Python ends the statement at a line break outside brackets.
  { name: 'Python: a line break outside brackets', path: 'app/add.py', before: 'total = first + second\n', after: 'total = first +\nsecond\n' },
  // Kotlin ends the statement before a leading `- b`: it becomes a separate unary expression.
  { name: 'Kotlin: a break before a binary minus', path: 'src/Calc.kt', before: 'val d = a - b\n', after: 'val d = a\n- b\n' },
  // A postfix `++` ends the expression; the next line is a new statement.
  { name: 'JS: a break after a postfix ++', path: 'src/count.js', before: 'x = i++ + offset;\n', after: 'x = i++\n+ offset;\n' },

  // ---------------------------------------------------------------- formatting that is not equivalent
  // `(x,)` is a one-element tuple, `(x)` is x.
  { name: 'Python: (x,) to (x)', path: 'app/args.py', before: 'args = (path,)\n', after: 'args = (path)\n' },
  // JSON has no trailing commas: the file no longer parses.
  { name: 'JSON: trailing comma added', path: 'config/app.json', before: '{\n  "ports": [80, 443]\n}\n', after: '{\n  "ports": [80, 443,]\n}\n' },
  // JSON strings take double quotes only.
  { name: 'JSON: key quoted with single quotes', path: 'config/name.json', before: '{\n  "name": "web"\n}\n', after: "{\n  'name': \"web\"\n}\n" },
  // Double quotes expand `$HOME`; single quotes keep it literal.
  { name: "shell: '$HOME' to \"$HOME\"", path: 'scripts/print.sh', before: "echo '$HOME'\n", after: 'echo "$HOME"\n' },
  // Ruby double quotes interpolate `#{}`.
  { name: "Ruby: '#{name}' to \"#{name}\"", path: 'lib/greet.rb', before: "puts 'Hello #{name}'\n", after: 'puts "Hello #{name}"\n' },
  // PHP double quotes interpolate `$var`.
  { name: "PHP: '$id' to \"$id\"", path: 'web/id.php', before: "<?php\necho 'id: $id';\n", after: '<?php\necho "id: $id";\n' },
  // In JS `a[b, c,]` is a syntax error (a trailing comma in an index).
  { name: 'JS: trailing comma added inside an index', path: 'src/pick.js', before: 'const v = table[row, col];\n', after: 'const v = table[row, col,];\n' },
  // Java allows no trailing comma in a call.
  { name: 'Java: trailing comma added in a call', path: 'src/Main.java', before: 'class Main {\n  void f() {\n    log(a, b);\n  }\n}\n', after: 'class Main {\n  void f() {\n    log(a, b,);\n  }\n}\n' },
  // Go: a closing brace after the last element needs the trailing comma (semicolon insertion).
  { name: 'Go: trailing comma removed before a closing brace on its own line', path: 'point.go', before: 'package p\n\nvar origin = Point{\n\tX: 0,\n\tY: 0,\n}\n', after: 'package p\n\nvar origin = Point{\n\tX: 0,\n\tY: 0\n}\n' },

  // ---------------------------------------------------------------- comments that are code, and code turned into comments
  // The comment changed and so did the code on the same line.
  { name: 'C: comment and code changed on one line', path: 'src/limit.c', before: 'int limit = 10; /* ten requests */\n', after: 'int limit = 20; /* twenty requests */\n' },
  // Commenting a call out removes it.
  { name: 'JS: a call commented out', path: 'src/init.js', before: 'setup();\nstart();\n', after: 'setup();\n// start();\n' },
  // Commenting a Python statement out removes it.
  { name: 'Python: a statement commented out', path: 'app/main.py', before: 'load()\nvalidate()\n', after: 'load()\n# validate()\n' },
  // Uncommenting code adds it back.
  { name: 'C: a call uncommented', path: 'src/boot.c', before: 'void boot(void)\n{\n\t/* check_memory(); */\n\tstart();\n}\n', after: 'void boot(void)\n{\n\tcheck_memory();\n\tstart();\n}\n' },
  // `@ts-ignore` silences a type error: the type check now passes or fails differently.
  { name: 'TS: // @ts-ignore added', path: 'src/load.ts', before: 'const n: number = load();\n', after: '// @ts-ignore\nconst n: number = load();\n' },
  // `# type: ignore` changes what mypy reports.
  { name: 'Python: # type: ignore added', path: 'app/typed.py', before: 'x: int = load()\n', after: 'x: int = load()  # type: ignore\n' },
  // A build constraint decides whether the file is compiled.
  { name: 'Go: //go:build constraint changed', path: 'sys_linux.go', before: '//go:build linux\n\npackage sys\n', after: '//go:build linux && amd64\n\npackage sys\n' },
  // The shebang picks the interpreter.
  { name: 'shell: shebang changed', path: 'bin/tool', before: '#!/usr/bin/env python\nprint("hi")\n', after: '#!/usr/bin/env python3\nprint("hi")\n' },
  // The coding declaration decides how Python decodes the file.
  { name: 'Python: coding declaration changed', path: 'app/text.py', before: '# -*- coding: latin-1 -*-\nNAME = "caf\u00e9"\n', after: '# -*- coding: utf-8 -*-\nNAME = "caf\u00e9"\n' },
  // `eslint-disable` turns lint rules off for the file.
  { name: 'JS: eslint-disable block comment added', path: 'src/legacy.js', before: 'var a = 1;\n', after: '/* eslint-disable no-var */\nvar a = 1;\n' },
  // `# noqa` silences flake8 on the line.
  { name: 'Python: # noqa added', path: 'app/star.py', before: 'from os import *\n', after: 'from os import *  # noqa: F403\n' },
  // A doctest in a docstring is a test that runs.
  { name: 'Python: the expected output of a doctest changed', path: 'app/math.py', before: 'def double(x):\n    """Double x.\n\n    >>> double(2)\n    4\n    """\n    return x * 2\n', after: 'def double(x):\n    """Double x.\n\n    >>> double(2)\n    5\n    """\n    return x * 2\n' },
  // A Rust doc comment's code block is compiled and run by `cargo test`.
  { name: 'Rust: a doctest line changed in a doc comment', path: 'src/lib.rs', before: '/// ```\n/// assert_eq!(double(2), 4);\n/// ```\npub fn double(x: i32) -> i32 {\n    x * 2\n}\n', after: '/// ```\n/// assert_eq!(double(2), 5);\n/// ```\npub fn double(x: i32) -> i32 {\n    x * 2\n}\n' },
  // `go test` compares an Example's output with its `// Output:` comment.
  { name: 'Go: the // Output: comment of an example changed', path: 'example_test.go', before: 'package p\n\nfunc ExampleDouble() {\n\tfmt.Println(Double(2))\n\t// Output: 4\n}\n', after: 'package p\n\nfunc ExampleDouble() {\n\tfmt.Println(Double(2))\n\t// Output: 5\n}\n' },
  // The comment right above `import "C"` is the C code cgo compiles.
  { name: 'Go: the cgo preamble comment changed', path: 'cgo.go', before: 'package p\n\n// #include <stdio.h>\n// #define LIMIT 10\nimport "C"\n', after: 'package p\n\n// #include <stdio.h>\n// #define LIMIT 20\nimport "C"\n' },

  // ---------------------------------------------------------------- renames that are not renames
  // Only the inner of two shadowed variables is renamed; the outer keeps its name.
  { name: 'JS: a shadowed variable renamed in the inner scope only', path: 'src/scope.js', before: 'function f() {\n  const x = 1;\n  function g() {\n    const x = 2;\n    return x;\n  }\n  return x + g();\n}\n', after: 'function f() {\n  const x = 1;\n  function g() {\n    const y = 2;\n    return y;\n  }\n  return x + g();\n}\n' },
  // Renaming onto a name a parameter already has makes the uses read the parameter.
  { name: 'JS: a rename onto a parameter name in scope', path: 'src/capture.js', before: 'const a = 1;\nfunction g(b) {\n  return a + b;\n}\n', after: 'const b = 1;\nfunction g(b) {\n  return b + b;\n}\n' },
  // A rename onto an existing function's name: the calls now reach the other one.
  { name: 'Python: a rename colliding with an existing function', path: 'app/driver.py', before: `${PY_DRIVER}\n\ndef _hard_reboot(instance):\n    return None\n`, after: `${PY_DRIVER.replace(/hard_reboot/g, '_hard_reboot')}\n\ndef _hard_reboot(instance):\n    return None\n` },
  // A partial rename: one caller still uses the old name, which no longer exists.
  { name: 'Python: a partial rename', path: 'app/partial.py', before: PY_DRIVER, after: PY_DRIVER.replace('def hard_reboot', 'def _hard_reboot').replace('        return hard_reboot', '        return _hard_reboot') },
  // The rename reaches a keyword argument: open() has no parameter `m`.
  { name: 'Python: a rename that renames a keyword argument', path: 'app/files.py', before: 'def read(path):\n    mode = "r"\n    return open(path, mode=mode)\n', after: 'def read(path):\n    m = "r"\n    return open(path, m=m)\n' },
  // A shorthand property names the object's key: the returned object changes shape.
  { name: 'JS: a rename through a shorthand property', path: 'src/shape.js', before: 'function make() {\n  const count = 1;\n  return { count };\n}\n', after: 'function make() {\n  const total = 1;\n  return { total };\n}\n' },
  // A renamed name and a literal changed on the same line.
  { name: 'JS: a rename plus a changed literal', path: 'src/limit.js', before: 'function limit() {\n  const max = 10;\n  return max;\n}\n', after: 'function limit() {\n  const cap = 20;\n  return cap;\n}\n' },
  // A call switched to another existing function is not a rename.
  { name: 'Python: min(x) to max(x)', path: 'app/stats.py', before: 'def pick(values):\n    return min(values)\n', after: 'def pick(values):\n    return max(values)\n' },
  // A local and a struct field share a spelling; the field is another struct's member.
  { name: 'C: a local renamed together with a same-named field', path: 'src/count.c', before: 'int f(struct s *p)\n{\n\tint count = 0;\n\tcount += p->count;\n\treturn count;\n}\n', after: 'int f(struct s *p)\n{\n\tint total = 0;\n\ttotal += p->total;\n\treturn total;\n}\n' },

  // ---------------------------------------------------------------- moves that are not moves
  // The moved function has one line changed.
  { name: 'C: a moved function with one line changed', path: 'src/add.c', before: `${C_MOVED}\n${C_STAYS}`, after: `${C_STAYS}\n${C_MOVED.replace('first + second', 'first - second')}` },
  // A function moved to another file with a string changed on the way.
  {
    name: 'JS: a function moved across files with one line changed',
    files: [
      { path: 'src/a.js', before: `const x = 1;\n\n${JS_MOVED}\nmodule.exports = { x };\n`, after: 'const x = 1;\n\nmodule.exports = { x };\n' },
      { path: 'src/names.js', before: null, after: JS_MOVED.replace('" "', '", "') },
    ],
  },
  // Statements reordered inside a function run in another order.
  {
    name: 'C: statements reordered in a function',
    path: 'src/setup.c',
    before: 'void setup(struct device *dev)\n{\n\tint status = init_device(dev, DEVICE_FLAGS);\n\tint result = register_device(dev, status);\n\tint other = start_device(dev, result);\n\tlog_device(dev);\n\tlog_device(dev);\n\tfinish(dev);\n}\n',
    after: 'void setup(struct device *dev)\n{\n\tlog_device(dev);\n\tlog_device(dev);\n\tfinish(dev);\n\tint status = init_device(dev, DEVICE_FLAGS);\n\tint result = register_device(dev, status);\n\tint other = start_device(dev, result);\n}\n',
  },
  // A top-level Python function moved into a class becomes a method.
  { name: 'Python: a function moved into a class body', path: 'app/parse.py', before: 'def parse_header(line):\n    key, value = line.split(":", 1)\n    return key.strip(), value.strip()\n\n\nclass Parser:\n    x = 1\n    y = 2\n    z = 3\n', after: 'class Parser:\n    x = 1\n    y = 2\n    z = 3\n\n    def parse_header(line):\n        key, value = line.split(":", 1)\n        return key.strip(), value.strip()\n' },
  // A method moved to another class belongs to another type.
  { name: 'Java: a method moved to another class', path: 'src/Shapes.java', before: 'class A {\n  int size() {\n    return items.length + offset + padding;\n  }\n}\n\nclass B {\n  int y;\n  int z;\n  int w;\n}\n', after: 'class A {\n}\n\nclass B {\n  int y;\n  int z;\n  int w;\n\n  int size() {\n    return items.length + offset + padding;\n  }\n}\n' },
  // A function moved into an #ifdef exists only in DEBUG builds.
  { name: 'C: a function moved into an #ifdef', path: 'src/debug.c', before: `${C_MOVED}\n${C_STAYS}\n#ifdef DEBUG\nint debug_level = 2;\n#endif\n`, after: `${C_STAYS}\n#ifdef DEBUG\nint debug_level = 2;\n\n${C_MOVED}#endif\n` },
  // A block removed once and added twice: which copy is the move?
  { name: 'C: a block duplicated', path: 'src/dup.c', before: `${C_MOVED}\n${C_STAYS}\n${C_STAYS.replace('main', 'main2')}`, after: `${C_STAYS}\n${C_MOVED}\n${C_STAYS.replace('main', 'main2')}\n${C_MOVED}` },

  // ---------------------------------------------------------------- import order that matters
  // A header may depend on what an earlier one defined.
  { name: 'C: #include order changed', path: 'src/main.c', before: '#include "config.h"\n#include <stdio.h>\n\nint main(void);\n', after: '#include <stdio.h>\n#include "config.h"\n\nint main(void);\n' },
  // An import added while the others are reordered is a new dependency.
  { name: 'Python: an import added while others are reordered', path: 'app/deps.py', before: 'import sys\nimport os\n\nx = 1\n', after: 'import os\nimport re\nimport sys\n\nx = 1\n' },
  // The import moved below the monkey-patching call: it is patched no more.
  { name: 'Python: an import moved across a line of code', path: 'app/patch.py', before: 'import a_mod\nimport c_mod\nsetup_path()\nimport b_mod\nimport d_mod\n\nx = 1\n', after: 'import c_mod\nsetup_path()\nimport b_mod\nimport a_mod\nimport d_mod\n\nx = 1\n' },
  // Polyfills must load before the app that needs them.
  { name: 'JS: a side-effect import moved after the app', path: 'src/index.js', before: "import './polyfills';\nimport app from './app';\n\napp();\n", after: "import app from './app';\nimport './polyfills';\n\napp();\n" },
  // Two imports of the same name: the later one wins.
  { name: 'Python: two imports binding one name swapped', path: 'app/json_.py', before: 'from json import loads\nfrom simplejson import loads\n\nx = loads("1")\n', after: 'from simplejson import loads\nfrom json import loads\n\nx = loads("1")\n' },
  // ---------------------------------------------------------------- more of every kind
  // Swift strips the closing delimiter's indentation from each line: one line re-indented keeps extra spaces.
  { name: 'Swift: one line of a multi-line string re-indented', path: 'Sources/Help.swift', before: 'let help = """\n    usage: run\n    -h help\n    """\n', after: 'let help = """\n    usage: run\n      -h help\n    """\n' },
  // Kotlin raw strings keep their indentation (trimIndent removes only the common part).
  { name: 'Kotlin: one line of a raw string re-indented', path: 'src/Help.kt', before: 'val help = """\n    usage: run\n    -h help\n""".trimIndent()\n', after: 'val help = """\n    usage: run\n        -h help\n""".trimIndent()\n' },
  // A PHP heredoc body is the string.
  { name: 'PHP: re-indented heredoc body', path: 'web/mail.php', before: '<?php\n$body = <<<EOT\n  Hello\nEOT;\n', after: '<?php\n$body = <<<EOT\n    Hello\nEOT;\n' },
  // Text after `?>` is output: a blank line there is sent before the headers.
  { name: 'PHP: a blank line added after the closing tag', path: 'web/config.php', before: '<?php\n$debug = false;\n?>\n', after: '<?php\n$debug = false;\n?>\n\n' },
  // A trailing blank in a batch `set` becomes part of the value.
  { name: 'batch: trailing blank after a set value', path: 'scripts/env.bat', before: 'set MODE=release\r\n', after: 'set MODE=release \r\n' },
  // A .env value's trailing blank is part of the value for many loaders.
  { name: '.env: trailing blank after a value', path: '.env', before: 'API_URL=https://example.org\n', after: 'API_URL=https://example.org \n' },
  // Haskell layout: indenting a line makes it continue the previous declaration.
  { name: 'Haskell: a line re-indented into the previous equation', path: 'src/Main.hs', before: 'main = print total\ntotal = 1 + 2\n', after: 'main = print total\n  total = 1 + 2\n' },
  // In JSX, a line break between two elements drops the space between them ("a b" → "ab").
  { name: 'JSX: elements separated by a space re-wrapped', path: 'src/Label.jsx', before: 'const label = <p><b>a</b> <i>b</i></p>;\n', after: 'const label = <p><b>a</b>\n<i>b</i></p>;\n' },
  // C: `a / *p` divides by what p points to; `a /*p` opens a comment.
  { name: 'C: a / *p to a /*p', path: 'src/ratio.c', before: 'int r = a / *p; /* ratio */\n', after: 'int r = a /*p; /* ratio */\n' },
  // Elixir `f -1` calls f with -1; `f - 1` subtracts.
  { name: 'Elixir: x - 1 to x -1', path: 'lib/calc.ex', before: 'y = offset - 1\n', after: 'y = offset -1\n' },
  // A Dockerfile RUN continued by a backslash: a blank after it ends the command.
  { name: 'Dockerfile: trailing blank after a continuation backslash', path: 'Dockerfile', before: 'RUN apt-get update && \\\n    apt-get install -y curl\n', after: 'RUN apt-get update && \\ \n    apt-get install -y curl\n' },
  // `#define F (x)` hidden behind a trailing comma that looks like formatting.
  { name: 'C: #define F(x) to F (x) next to a trailing comma', path: 'src/list.h', before: '#define LIST(x) {x, 2}\n', after: '#define LIST (x) {x, 2,}\n' },
  // `@ts-expect-error` turns a type error into the expected state.
  { name: 'TS: // @ts-expect-error added', path: 'src/legacy.ts', before: 'export const n: number = load();\n', after: '// @ts-expect-error -- legacy loader\nexport const n: number = load();\n' },
  // `/*#__PURE__*/` lets a bundler drop the call when its result is unused.
  { name: 'TS: a #__PURE__ annotation added', path: 'src/make.ts', before: 'export const widget = make();\n', after: 'export const widget = /*#__PURE__*/ make();\n' },
  // An eslint directive switches a rule off for the next line.
  { name: 'TS: // eslint-disable-next-line added', path: 'src/log.ts', before: 'export const log = console.log;\n', after: '// eslint-disable-next-line no-console\nexport const log = console.log;\n' },
  // A value name added to a multi-line import: elided while unused, but imported for the code that uses it.
  { name: 'TS: a name added to a multi-line value import, used by the next change', path: 'src/sum.ts', before: "import {\n  a,\n} from './a';\n\nexport const x = a;\n", after: "import {\n  a,\n  b,\n} from './a';\n\nexport const x = a + b;\n" },
  // A triple-slash reference changes the types the file compiles against.
  { name: 'TS: a /// <reference> directive added', path: 'src/env.ts', before: 'export const root: string = __dirname;\n', after: '/// <reference types="node" />\nexport const root: string = __dirname;\n' },
  // Renaming a keyword-only parameter breaks every caller passing it by name.
  { name: 'Python: a parameter with a default renamed', path: 'app/net.py', before: 'def connect(host, timeout=10):\n    return socket(host, timeout)\n', after: 'def connect(host, limit=10):\n    return socket(host, limit)\n' },
  // A struct literal key is the field's name, not the local variable's.
  { name: 'Go: a struct literal key renamed with a local', path: 'point2.go', before: 'package p\n\nfunc f() Point {\n\tvar X = 1\n\treturn Point{X: X}\n}\n', after: 'package p\n\nfunc f() Point {\n\tvar Y = 1\n\treturn Point{Y: Y}\n}\n' },
  // A string still names the renamed function: getattr now fails.
  { name: 'Python: a rename left behind in a getattr string', path: 'app/hooks.py', before: 'def hard_reboot():\n    pass\n\n\nhandler = getattr(module, "hard_reboot")\n', after: 'def _hard_reboot():\n    pass\n\n\nhandler = getattr(module, "hard_reboot")\n' },
  // A destructured property reads another key of the object.
  { name: 'JS: a destructured property renamed', path: 'src/opts.js', before: 'function f(options) {\n  const { mode } = options;\n  return mode;\n}\n', after: 'function f(options) {\n  const { kind } = options;\n  return kind;\n}\n' },
  // Field initialisers run in order: `second` now reads `first` before it is set.
  { name: 'Java: field initialisers reordered', path: 'src/Init.java', before: 'class Init {\n  private int first = compute();\n  private int second = first + 1;\n  private int third = second * 2;\n\n  void run() {\n    System.out.println(first);\n    System.out.println(second);\n  }\n}\n', after: 'class Init {\n  void run() {\n    System.out.println(first);\n    System.out.println(second);\n  }\n\n  private int first = compute();\n  private int second = first + 1;\n  private int third = second * 2;\n}\n' },
  // The moved function's lines changed indentation relative to each other: a statement left the if.
  { name: 'Python: a moved function with a line dedented inside it', path: 'app/keys.py', before: 'def parse(line):\n    if line:\n        key = line.strip()\n    return key.upper()\n\n\ndef main(argv):\n    for line in argv:\n        key = parse(line)\n        print(key)\n    return 0\n', after: 'def main(argv):\n    for line in argv:\n        key = parse(line)\n        print(key)\n    return 0\n\n\ndef parse(line):\n    if line:\n        key = line.strip()\n        return key.upper()\n' },
  // The moved function's template literal was re-indented on the way.
  { name: 'JS: a moved function whose template literal was re-indented', path: 'src/help.js', before: 'function usage() {\n  return `\n  usage: tool [options]\n  more text\n`;\n}\n\nfunction greet(person) {\n  const name = formatName(person);\n  console.log("Hello, " + name);\n  return name.length;\n}\n', after: 'function greet(person) {\n  const name = formatName(person);\n  console.log("Hello, " + name);\n  return name.length;\n}\n\nfunction usage() {\n  return `\n    usage: tool [options]\n    more text\n`;\n}\n' },
  // A function moved into another function is nested there: callers outside lose it.
  { name: 'JS: a function moved into another function', path: 'src/nest.js', before: `${JS_MOVED}\nfunction greet(person) {\n  const name = formatName(person);\n  console.log("Hello, " + name);\n  return name.length;\n}\n`, after: `function greet(person) {\n  const name = formatName(person);\n  console.log("Hello, " + name);\n  return name.length;\n${JS_MOVED.replace(/^(?=.)/gm, '  ')}}\n` },
  // A Rust function moved into an impl block becomes an associated function.
  { name: 'Rust: a function moved into an impl block', path: 'src/shape.rs', before: 'fn area(width: f64, height: f64) -> f64 {\n    width * height * SCALE\n}\n\nimpl Shape {\n    fn new() -> Shape {\n        Shape { width: 1.0, height: 2.0 }\n    }\n}\n', after: 'impl Shape {\n    fn new() -> Shape {\n        Shape { width: 1.0, height: 2.0 }\n    }\n\n    fn area(width: f64, height: f64) -> f64 {\n        width * height * SCALE\n    }\n}\n' },
  // The star import moved: names it brings now shadow the explicit import, or the reverse.
  { name: 'Python: a star import moved', path: 'app/paths.py', before: 'from os.path import *\nfrom mylib import join\n\nx = join("a", "b")\n', after: 'from mylib import join\nfrom os.path import *\n\nx = join("a", "b")\n' },
  // `from __future__` imports must come first: moved down, the file no longer compiles.
  { name: 'Python: a __future__ import moved below another import', path: 'app/future.py', before: 'from __future__ import annotations\nimport os\n\nx = os.sep\n', after: 'import os\nfrom __future__ import annotations\n\nx = os.sep\n' },
  // Ruby `require` runs the file: the patch now loads after what it patches.
  { name: 'Ruby: require lines swapped', path: 'lib/boot.rb', before: "require 'json'\nrequire 'oj_patch'\n\nputs 1\n", after: "require 'oj_patch'\nrequire 'json'\n\nputs 1\n" },
  // Import-looking lines inside a template literal are data.
  { name: 'JS: import lines swapped inside a template literal', path: 'src/gen.js', before: "const source = `\nimport b from 'b';\nimport a from 'a';\n`;\n", after: "const source = `\nimport a from 'a';\nimport b from 'b';\n`;\n" },
  // Array elements reordered: the order is the data.
  { name: 'JSON: array elements reordered', path: 'config/order.json', before: '{\n  "steps": [\n    "build",\n    "test",\n    "deploy"\n  ]\n}\n', after: '{\n  "steps": [\n    "test",\n    "build",\n    "deploy"\n  ]\n}\n' },
  // A function moved below the main guard is not defined yet when the guard calls it.
  { name: 'Python: a function moved below the main guard that calls it', path: 'app/cli.py', before: 'def parse_args(argv):\n    options = {"verbose": "-v" in argv}\n    return options\n\n\ndef main():\n    print("starting the program now")\n    print("still starting")\n    return 0\n\n\nif __name__ == "__main__":\n    parse_args(sys.argv)\n    main()\n', after: 'def main():\n    print("starting the program now")\n    print("still starting")\n    return 0\n\n\nif __name__ == "__main__":\n    parse_args(sys.argv)\n    main()\n\n\ndef parse_args(argv):\n    options = {"verbose": "-v" in argv}\n    return options\n' },
  // A Ruby method moved below `private` becomes private.
  { name: 'Ruby: a method moved below private', path: 'lib/account.rb', before: 'class Account\n  def balance_in_cents\n    @balance * 100 + @pending_cents\n  end\n\n  private\n\n  def audit\n    log("audit the account")\n    log("audit done")\n  end\nend\n', after: 'class Account\n  private\n\n  def audit\n    log("audit the account")\n    log("audit done")\n  end\n\n  def balance_in_cents\n    @balance * 100 + @pending_cents\n  end\nend\n' },
  // A C++ method moved below `private:` becomes private.
  { name: 'C++: a method moved below private:', path: 'src/account.cpp', before: 'class Account {\npublic:\n  int balance_in_cents() {\n    return balance * 100 + pending_cents;\n  }\n\nprivate:\n  int balance;\n  int pending_cents;\n  int audit_count;\n};\n', after: 'class Account {\npublic:\n\nprivate:\n  int balance;\n  int pending_cents;\n  int audit_count;\n  int balance_in_cents() {\n    return balance * 100 + pending_cents;\n  }\n};\n' },
  // atexit handlers run in reverse order of registration: swapping them swaps the shutdown order.
  { name: 'Python: two decorated handlers swapped', path: 'app/shutdown.py', before: '@atexit.register\ndef flush_logs():\n    logging.shutdown()\n    print("logs flushed")\n\n\ndef helper():\n    return 1\n\n\n@atexit.register\ndef close_database():\n    database.close()\n    print("database closed now")\n', after: 'def helper():\n    return 1\n\n\n@atexit.register\ndef close_database():\n    database.close()\n    print("database closed now")\n\n\n@atexit.register\ndef flush_logs():\n    logging.shutdown()\n    print("logs flushed")\n' },
  // A Go function moved from a _test.go file into the package proper is now compiled into it.
  {
    name: 'Go: a function moved from a test file into the package',
    files: [
      { path: 'sum_test.go', before: 'package p\n\nfunc sumForTest(values []int) int {\n\ttotal := 0\n\tfor _, v := range values {\n\t\ttotal += v\n\t}\n\treturn total\n}\n', after: 'package p\n' },
      { path: 'sum.go', before: 'package p\n\nconst Limit = 10\n', after: 'package p\n\nconst Limit = 10\n\nfunc sumForTest(values []int) int {\n\ttotal := 0\n\tfor _, v := range values {\n\t\ttotal += v\n\t}\n\treturn total\n}\n' },
    ],
  },
  // A Go function moved to a file built only on Linux disappears from other platforms.
  {
    name: 'Go: a function moved into a file with a build constraint',
    files: [
      { path: 'sum.go', before: 'package p\n\nfunc Sum(values []int) int {\n\ttotal := 0\n\tfor _, v := range values {\n\t\ttotal += v\n\t}\n\treturn total\n}\n', after: 'package p\n' },
      { path: 'sum_linux.go', before: 'package p\n\nconst Limit = 10\n', after: 'package p\n\nconst Limit = 10\n\nfunc Sum(values []int) int {\n\ttotal := 0\n\tfor _, v := range values {\n\t\ttotal += v\n\t}\n\treturn total\n}\n' },
    ],
  },
  // Renaming a special method removes the behaviour Python looks up by name (len() fails).
  { name: 'Python: a dunder method renamed', path: 'app/bag.py', before: 'class Bag:\n    def __len__(self):\n        return self.count\n', after: 'class Bag:\n    def size(self):\n        return self.count\n' },
  // pytest collects test_* functions by name: the renamed one no longer runs.
  { name: 'Python: a test function renamed out of the test_ prefix', path: 'app/checks.py', before: 'def test_parse_header():\n    assert parse("a: b") == ("a", "b")\n', after: 'def check_parse_header():\n    assert parse("a: b") == ("a", "b")\n' },
  // Go runs init functions by name; renamed, it never runs.
  { name: 'Go: init renamed', path: 'setup.go', before: 'package p\n\nfunc init() {\n\tregister("p")\n}\n', after: 'package p\n\nfunc setup() {\n\tregister("p")\n}\n' },
  // A renamed @Override method stops overriding: the base class version runs.
  { name: 'Java: an overriding method renamed', path: 'src/Worker.java', before: 'class Worker extends Thread {\n  @Override\n  public void run() {\n    work();\n  }\n}\n', after: 'class Worker extends Thread {\n  @Override\n  public void execute() {\n    work();\n  }\n}\n' },
  // String conversion calls toString by name.
  { name: 'JS: toString renamed', path: 'src/money.js', before: 'class Money {\n  toString() {\n    return this.amount + " EUR";\n  }\n}\n', after: 'class Money {\n  format() {\n    return this.amount + " EUR";\n  }\n}\n' },
  // bash reads the CR of a CRLF line as part of the last word: converting the script changes what runs.
  { name: 'shell: CRLF to LF line endings', path: 'scripts/deploy.sh', before: '#!/bin/sh\r\nset -e\r\nmake deploy\r\n', after: '#!/bin/sh\nset -e\nmake deploy\n' },
  // A blank after a macro's continuation backslash ends the macro there.
  { name: 'C: trailing blank after a macro continuation backslash', path: 'src/swap.h', before: '#define SWAP(a, b) \\\n  do { int t = a; a = b; b = t; } while (0)\n', after: '#define SWAP(a, b) \\ \n  do { int t = a; a = b; b = t; } while (0)\n' },
  // `class Admin(User)` runs at import: with User moved below it, the name is not defined yet.
  { name: 'Python: a base class moved below its subclass', path: 'app/models.py', before: 'class User:\n    def display_name(self):\n        return self.first + " " + self.last\n\n\nclass Admin(User):\n    level = 10\n    scope = "all"\n    audit = True\n', after: 'class Admin(User):\n    level = 10\n    scope = "all"\n    audit = True\n\n\nclass User:\n    def display_name(self):\n        return self.first + " " + self.last\n' },
  // `class Admin extends User` is evaluated where it stands: User is in its temporal dead zone.
  { name: 'JS: a base class moved below its subclass', path: 'src/models.js', before: 'class User {\n  displayName() {\n    return this.first + " " + this.last;\n  }\n}\n\nclass Admin extends User {\n  level() {\n    return 10;\n  }\n}\n', after: 'class Admin extends User {\n  level() {\n    return 10;\n  }\n}\n\nclass User {\n  displayName() {\n    return this.first + " " + this.last;\n  }\n}\n' },
  // Lifetime quotes look like char literals to a lexer, which must not then miss the real string's spaces.
  { name: "Rust: spaces in a string on a line with lifetime quotes", path: 'src/pick.rs', before: "fn pick<'a>(x: &'a str) -> &'a str { if x.is_empty() { \"none  left\" } else { x } }\n", after: "fn pick<'a>(x: &'a str) -> &'a str { if x.is_empty() { \"none left\" } else { x } }\n" },
];

describe.each([
  { mode: 'whole files, table lexer', parsers: false, diffOnly: false },
  { mode: 'whole files, real parsers', parsers: true, diffOnly: false },
  { mode: 'pasted diff (diff only)', parsers: false, diffOnly: true },
])('trap corpus: $mode', ({ parsers, diffOnly }) => {
  let syntax: SyntaxService[] = [];
  if (parsers) {
    beforeAll(async () => {
      syntax = await loadSyntaxServices(new Set(traps.flatMap(caseLanguages)));
    });
  }
  it.each(traps.map((trap) => [trap.name, trap] as const))('%s', (_name, trap) => {
    const classified = classifyCaseWith(heuristics, { ...trap, diffOnly }, syntax);
    const noOps = classified.filter((change) => NO_OP_KINDS.includes(change.verdict.kind));
    if (noOps.length > 0) throw new Error(`'${trap.name}': ${noOps.length} change(s) called a no-op:\n  ${summarise(classified)}`);
  });
});

describe('trap corpus', () => {
  it('holds at least 60 traps, each with its own name', () => {
    expect(traps.length).toBeGreaterThanOrEqual(60);
    expect(new Set(traps.map((trap) => trap.name)).size).toBe(traps.length);
  });
});
