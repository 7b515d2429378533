/**
 * comment-only: line and block comments in every C-family language it claims,
 * shell and Python comments, Python docstrings; and the near misses where a
 * change touches only comment-looking text but changes what runs or what a tool
 * does (commit practice, "What the tool must never do": a wrong no-op label is
 * worse than none).
 *
 * Decisions pinned here:
 * - Directive comments (shebang, encoding, `@ts-ignore`, `# type:`, `# noqa`,
 *   `//go:build`, `eslint-disable`) are behaviour: never comment-only.
 * - A Python docstring is a statement made of string literals alone (prefix r,
 *   u or b, never f); a string inside brackets, after a backslash, or followed by
 *   code is data. Without the whole file a docstring cannot be told from data,
 *   so diff-only Python is left to functional-default.
 * - A comment change that opens or closes a comment or string running past it
 *   is functional (spansCode): the unchanged lines after it change meaning.
 * - `#if 0` blocks are code to this heuristic: what the preprocessor skips is
 *   still not a comment.
 * - Markdown and YAML have no comment syntax in the language table: nothing in
 *   them is comment-only.
 */
import { commentOnly } from '../../heuristics/comment-only';
import { runHeuristicTests } from '../helpers/heuristic-tester';

const comment = { kind: 'comment' as const, detail: 'comment', messageId: 'commentOnly' };
const docstring = { kind: 'comment' as const, detail: 'docstring', messageId: 'docstringOnly' };
const spansCode = { kind: 'functional' as const, messageId: 'spansCode', heuristic: 'comment-only' };
const real = { kind: 'functional' as const, heuristic: 'functional-default' };

/** A line comment and a block comment changed above `code`, for one C-family language. */
const cFamily = (language: string, path: string, code: string) => [
  { name: `${language}: a line comment changed`, path, before: `// Says hello.\n${code}`, after: `// Says goodbye.\n${code}`, expect: [comment] },
  { name: `${language}: a block comment changed`, path, before: `/* Says hello. */\n${code}`, after: `/* Says goodbye. */\n${code}`, expect: [comment] },
];

runHeuristicTests(commentOnly, {
  valid: [
    // --- Comments that are code, or that tools read.
    { name: 'commenting code out (foo(); → // foo();) is functional', path: 'x.js', before: 'a();\nfoo();\nb();\n', after: 'a();\n// foo();\nb();\n' },
    { name: 'uncommenting code (// foo(); → foo();) is functional', path: 'x.js', before: 'a();\n// foo();\nb();\n', after: 'a();\nfoo();\nb();\n' },
    { name: 'Python: commenting code out is functional', path: 'x.py', before: 'a()\nfoo()\n', after: 'a()\n# foo()\n' },
    { name: 'shell: a shebang change is functional', path: 'x.sh', before: '#!/bin/sh\necho hi\n', after: '#!/bin/bash\necho hi\n' },
    { name: 'Python: a coding declaration change is functional', path: 'x.py', before: '# -*- coding: utf-8 -*-\nx = 1\n', after: '# -*- coding: latin-1 -*-\nx = 1\n' },
    { name: 'TypeScript: // @ts-ignore added is functional', path: 'x.ts', before: 'const a = 1;\nf(a);\n', after: 'const a = 1;\n// @ts-ignore\nf(a);\n' },
    { name: 'Python: # type: ignore added is functional', path: 'x.py', before: 'x = f()\n', after: 'x = f()  # type: ignore\n' },
    { name: 'Python: # noqa added is functional', path: 'x.py', before: 'import os\n', after: 'import os  # noqa\n' },
    { name: 'Go: a //go:build change is functional', path: 'x.go', before: '//go:build linux\n\npackage x\n', after: '//go:build darwin\n\npackage x\n' },
    { name: 'JavaScript: /* eslint-disable */ added is functional', path: 'x.js', before: 'f();\n', after: '/* eslint-disable */\nf();\n' },

    // --- Code changed next to a comment, or text that only looks like one.
    { name: 'a comment change and a code change in one block is functional', path: 'x.js', before: '// old\nf(1);\n', after: '// new\nf(2);\n' },
    { name: 'Python: # inside a string is data', path: 'x.py', before: 's = "a # b"\n', after: 's = "a # c"\n' },
    { name: 'Python: a comment change that also re-indents the code on its line is functional', path: 'x.py', before: 'if a:\n    b()  # old\n', after: 'if a:\n        b()  # new\n' },
    { name: 'C: a change inside #if 0 is functional', path: 'x.c', before: '#if 0\nold();\n#endif\nint a;\n', after: '#if 0\nnew();\n#endif\nint a;\n' },
    { name: 'Markdown: an HTML comment is not a comment to this heuristic', path: 'README.md', before: '# Title\n\n<!-- old -->\n', after: '# Title\n\n<!-- new -->\n' },
    { name: 'YAML: a # comment is not a comment to this heuristic', path: 'x.yml', before: 'a: 1 # old\n', after: 'a: 1 # new\n' },
    // make echoes recipe lines and hands them to the shell: a `#` there is recipe text.
    { name: 'Makefile: a # inside a recipe line is recipe text', path: 'Makefile', before: 'all: x\n\tcc -o x x.c  # old\n', after: 'all: x\n\tcc -o x x.c  # new\n', syntax: true },
    { name: 'Makefile: a comment without the real parser is not claimed', path: 'Makefile', before: '# old\nall: x\n', after: '# new\nall: x\n' },

    // --- Python strings that are data, not docstrings.
    { name: 'Python: a string assignment spanning lines (x = """...) is data', path: 'x.py', before: 'x = """\nold\n"""\n', after: 'x = """\nnew\n"""\n' },
    { name: 'Python: a string alone on its line inside parentheses is data', path: 'x.py', before: 'x = (\n    """old"""\n)\n', after: 'x = (\n    """new"""\n)\n' },
    { name: 'Python: a string of an implicit concatenation is data', path: 'x.py', before: 'msg = (\n    "abc"\n    "def"\n)\n', after: 'msg = (\n    "xyz"\n    "def"\n)\n' },
    { name: 'Python: the last list item on its own line is data', path: 'x.py', before: 'ITEMS = [\n    "a",\n    "b"\n]\n', after: 'ITEMS = [\n    "a",\n    "c"\n]\n' },
    { name: 'Python: a string after a backslash continuation is data', path: 'x.py', before: 'x = \\\n    "abc"\n', after: 'x = \\\n    "xyz"\n' },
    { name: 'Python: an f-string statement evaluates its expressions', path: 'x.py', before: 'def f():\n    f"{g()}"\n', after: 'def f():\n    f"{h()}"\n' },
    { name: 'Python: a string spanning lines followed by code is an expression', path: 'x.py', before: 'x = 1\n"""a\nb""".split()\n', after: 'x = 1\n"""a\nc""".split()\n' },
  ],
  invalid: [
    { name: 'Makefile: a comment line outside recipes, with the real parser', path: 'Makefile', before: '# build everything\nall: x\n\tcc -o x x.c\n', after: '# Build every target.\nall: x\n\tcc -o x x.c\n', syntax: true, expect: [{ kind: 'comment', detail: 'comment', messageId: 'commentOnly' }] },
    // --- Line and block comments, one C-family language at a time.
    ...cFamily('C', 'x.c', 'int a;\n'),
    ...cFamily('C++', 'x.cpp', 'int f() { return 1; }\n'),
    ...cFamily('Java', 'X.java', 'class X {}\n'),
    ...cFamily('JavaScript', 'x.js', 'f();\n'),
    ...cFamily('TypeScript', 'x.ts', 'const a: number = 1;\n'),
    ...cFamily('Go', 'x.go', 'package x\n'),
    ...cFamily('Rust', 'x.rs', 'fn f() {}\n'),
    {
      name: 'C: a line inside a block comment spanning lines changed',
      path: 'x.c',
      before: '/*\n * old text\n */\nint a;\n',
      after: '/*\n * new text\n */\nint a;\n',
      expect: [comment],
    },
    { name: 'Java: a Javadoc comment changed', path: 'X.java', before: 'class X {\n  /** Old. */\n  int a;\n}\n', after: 'class X {\n  /** New. */\n  int a;\n}\n', expect: [comment] },
    { name: 'Rust: a /// doc comment changed', path: 'x.rs', before: '/// Old docs.\npub fn f() {}\n', after: '/// New docs.\npub fn f() {}\n', expect: [comment] },
    { name: 'a comment added above a function', path: 'x.ts', before: 'const a = 1;\n\nfunction f() {}\n', after: 'const a = 1;\n\n// Does f.\nfunction f() {}\n', expect: [comment] },
    { name: 'a comment removed', path: 'x.ts', before: 'const a = 1;\n// Does f.\nfunction f() {}\n', after: 'const a = 1;\nfunction f() {}\n', expect: [comment] },
    { name: 'a trailing comment changed (x = 1; // a → // b)', path: 'x.js', before: 'x = 1; // a\n', after: 'x = 1; // b\n', expect: [comment] },
    { name: 'shell: a comment changed', path: 'x.sh', before: '# old\necho hi\n', after: '# new\necho hi\n', expect: [comment] },

    // --- Python.
    { name: 'Python: a comment changed', path: 'x.py', before: 'def f():\n    # old\n    return 1\n', after: 'def f():\n    # new\n    return 1\n', expect: [comment] },
    { name: 'Python: a one-line docstring changed', path: 'x.py', before: 'def f():\n    """Old."""\n    return 1\n', after: 'def f():\n    """New."""\n    return 1\n', expect: [docstring] },
    {
      name: 'Python: an inner line of a docstring spanning lines changed',
      path: 'x.py',
      before: 'def f():\n    """Summary.\n\n    Old details.\n    """\n    return 1\n',
      after: 'def f():\n    """Summary.\n\n    New details.\n    """\n    return 1\n',
      expect: [docstring],
    },
    {
      name: 'Python: lines added inside a docstring',
      path: 'x.py',
      before: 'def f():\n    """Summary.\n    """\n    return 1\n',
      after: 'def f():\n    """Summary.\n\n    More.\n    """\n    return 1\n',
      expect: [docstring],
    },
    { name: 'Python: a module docstring changed', path: 'x.py', before: '"""Old module doc.\n\nMore.\n"""\nimport os\n', after: '"""New module doc.\n\nMore.\n"""\nimport os\n', expect: [docstring] },
    { name: 'Python: a raw docstring changed', path: 'x.py', before: 'def f():\n    r"""Old \\d."""\n    return 1\n', after: 'def f():\n    r"""New \\d."""\n    return 1\n', expect: [docstring] },
    {
      name: 'Python: a docstring changed, analysed diff-only, is left to functional-default',
      path: 'x.py',
      before: 'def f():\n    """Old."""\n    return 1\n',
      after: 'def f():\n    """New."""\n    return 1\n',
      diffOnly: true,
      expect: [real],
    },
    {
      name: 'Python: a comment change next to a re-indented line is cut in two: comment, then functional',
      path: 'x.py',
      before: 'if a:\n    b()\n# old\nc()\n',
      after: 'if a:\n    b()\n    # new\n    c()\n',
      expect: [comment, real],
    },

    // --- Near misses with a reason: the change leaves a comment or string open past it.
    { name: 'C: /* one */ → /* one comments out the code below', path: 'x.c', before: '/* one */\nint b;\n/* two */\n', after: '/* one\nint b;\n/* two */\n', expect: [spansCode] },
    { name: 'C: closing a block comment early turns its text into code', path: 'x.c', before: '/* one\nint b;\n/* two */\n', after: '/* one */\nint b;\n/* two */\n', expect: [spansCode] },
    { name: 'JavaScript: // a → /* a comments out the code below', path: 'x.js', before: '// a\nf();\n/* b */\n', after: '/* a\nf();\n/* b */\n', expect: [spansCode] },
    {
      name: 'Python: closing a docstring early turns its next lines into code',
      path: 'x.py',
      before: 'def f():\n    """Doc.\n    return 1\n    """\n',
      after: 'def f():\n    """Doc."""\n    return 1\n    """\n',
      expect: [spansCode],
    },
  ],
});
