/**
 * format-reformat: line wrapping, quote style and trailing commas where the
 * language says the code is equivalent — one clear positive per language it
 * claims, and the near misses where the same edit changes the program (commit
 * practice, "What the tool must never do"): a line break that ends a statement,
 * a one-element tuple, quotes that interpolate, JSON's strict grammar, a trailing
 * comma where the language forbids one or where it splits macro arguments, and
 * spacing that joins tokens hidden behind a quote change.
 *
 * Each case runs with format-reformat and functional-default only, so a change
 * the whitespace heuristic would take first (a plain re-wrap in C or JSON) is
 * still judged here.
 */
import { formatReformat } from '../../heuristics/format-reformat';
import { runHeuristicTests } from '../helpers/heuristic-tester';

const fmt = (detail: 'line-wrapping' | 'quote-style' | 'trailing-commas') => ({ kind: 'formatting' as const, detail, messageId: 'reformatted', heuristic: 'format-reformat' });

runHeuristicTests(formatReformat, {
  valid: [
    // --- Line breaks that end a statement.
    { name: 'JS: return x re-wrapped as return / x returns undefined (ASI)', path: 'x.js', before: 'function f() {\n  return x;\n}\n', after: 'function f() {\n  return\n    x;\n}\n' },
    { name: 'JS: a break before => is a syntax error', path: 'x.js', before: 'const f = (a) => a;\n', after: 'const f = (a)\n  => a;\n' },
    { name: 'JS: a++ + b split as a+ / + + b changes the operators', path: 'x.js', before: 'x = a++ + b;\n', after: 'x = a+\n+ + b;\n' },
    { name: 'JS: a break after a postfix ++ ends the statement', path: 'x.js', before: 'x = a++ + b;\n', after: 'x = a++\n+ b;\n' },
    { name: 'Go: foo(a) to foo(a / ) inserts a semicolon after a', path: 'x.go', before: 'package p\n\nfunc f() {\n\tfoo(a)\n}\n', after: 'package p\n\nfunc f() {\n\tfoo(a\n\t)\n}\n' },
    { name: 'Go: a trailing comma removed before a closing brace on its own line inserts a semicolon', path: 'x.go', before: 'package p\n\nvar p = Point{\n\tX: 1,\n\tY: 2,\n}\n', after: 'package p\n\nvar p = Point{\n\tX: 1,\n\tY: 2\n}\n' },
    { name: 'Go: a break after an identifier named in inserts a semicolon', path: 'x.go', before: 'package p\n\nfunc f() {\n\tx := in(y)\n}\n', after: 'package p\n\nfunc f() {\n\tx := in\n\t(y)\n}\n' },
    { name: 'Python: a break outside brackets ends the statement', path: 'x.py', before: 'x = a + b\n', after: 'x = a +\n    b\n' },
    { name: 'Python: a break after a bracket opened above the change is unknown', path: 'x.py', before: 'x = f(\n    a, b)\n', after: 'x = f(\n    a,\n    b)\n' },
    {
      name: 'Python: a line moved out of an if body, next to a wrapped call, is not formatting',
      path: 'x.py',
      before: "if a:\n    b(x, y)\n    c('z')\n",
      after: 'if a:\n    b(x,\n      y)\nc("z")\n',
    },
    { name: 'Python: a space after a continuation backslash, hidden behind a quote change', path: 'x.py', before: "x = 'a' + \\\n    b\n", after: 'x = "a" + \\ \n    b\n' },
    { name: 'C: a #define body wrapped without a backslash ends the macro', path: 'x.c', before: '#define F(a, b) g(a, b)\n', after: '#define F(a, b) g(a,\n  b)\n' },
    { name: 'C: #define F(x) to F (x) hidden behind a trailing comma', path: 'x.c', before: '#define F(x) {1, 2}\n', after: '#define F (x) {1, 2,}\n' },

    // --- One-element tuples and trailing commas where they mean something or are errors.
    { name: 'Python: (x,) to (x) turns a tuple into a value', path: 'x.py', before: 'x = (a,)\n', after: 'x = (a)\n' },
    { name: 'Python: f((x,)) to f((x)) passes a value, not a tuple', path: 'x.py', before: 'x = f((a,))\n', after: 'x = f((a))\n' },
    { name: 'JSON: a trailing comma is a syntax error', path: 'x.json', before: '{\n  "a": [1, 2]\n}\n', after: '{\n  "a": [1, 2,]\n}\n' },
    { name: 'JS: f(a) to f(a,) with one element is not claimed', path: 'x.js', before: 'f(a);\n', after: 'f(a,);\n' },
    { name: 'JS: (a, b) to (a, b,) in a parenthesised expression is an error', path: 'x.js', before: 'x = (a, b, c);\n', after: 'x = (a, b, c,);\n' },
    { name: 'JS: if (x) (a, b) to (a, b,) is an error', path: 'x.js', before: 'if (x) (a, b);\n', after: 'if (x) (a, b,);\n' },
    { name: 'JS: a trailing comma after a rest parameter is an error', path: 'x.js', before: 'function f(a, ...rest) {}\n', after: 'function f(a, ...rest,) {}\n' },
    { name: 'JS: a[b, c] to a[b, c,] in an index is an error', path: 'x.js', before: 'x = a[b, c];\n', after: 'x = a[b, c,];\n' },
    { name: 'JS: a trailing comma in a block after a label is an error', path: 'x.js', before: 'outer: {a(), b()}\n', after: 'outer: {a(), b(),}\n' },
    { name: 'C: a trailing comma in a call (or macro call) is an error or an extra argument', path: 'x.c', before: 'int x = F(a, b);\n', after: 'int x = F(a, b,);\n' },
    { name: 'C: braces inside a macro call hold macro arguments', path: 'x.c', before: 'int x = F({1, 2});\n', after: 'int x = F({1, 2,});\n' },
    { name: 'Java: a trailing comma in a call is an error', path: 'X.java', before: 'class X {\n  void f() {\n    g(a, b);\n  }\n}\n', after: 'class X {\n  void f() {\n    g(a, b,);\n  }\n}\n' },
    { name: 'Rust: a macro may not take a trailing comma', path: 'x.rs', before: 'fn f() {\n    m!(a, b);\n}\n', after: 'fn f() {\n    m!(a, b,);\n}\n' },

    // --- Quotes that are not equivalent.
    { name: "shell: '$x' to \"$x\" expands the variable", path: 'x.sh', before: "echo '$x'\n", after: 'echo "$x"\n' },
    { name: "Ruby: 'a' to \"a\" is not claimed (double quotes interpolate)", path: 'x.rb', before: "puts 'a'\n", after: 'puts "a"\n' },
    { name: 'JSON: single quotes are not JSON', path: 'x.json', before: '{\n  "a": 1\n}\n', after: "{\n  'a': 1\n}\n" },
    { name: 'JS: quotes around an escape are not claimed', path: 'x.js', before: "const a = 'a\\tb';\n", after: 'const a = "a\\tb";\n' },
    { name: 'Python: quotes around an escape are not claimed', path: 'x.py', before: "a = 'a\\nb'\n", after: 'a = "a\\nb"\n' },
    { name: "Python: r'x' to r \"x\" separates the prefix (a syntax error)", path: 'x.py', before: "a = r'x'\n", after: 'a = r "x"\n' },
    { name: "Python: f'{x}' is not claimed (braces)", path: 'x.py', before: "a = f'{x}'\n", after: 'a = f"{x}"\n' },
    { name: "JS: 'x' to `x` is not claimed (template literal)", path: 'x.js', before: "const a = 'x';\n", after: 'const a = `x`;\n' },
    { name: "C: 'x' to \"x\" is a char and a string", path: 'x.c', before: "int c = 'x';\n", after: 'int c = "x";\n' },
    { name: "Rust: 'x' to \"x\" is a char and a string", path: 'x.rs', before: "fn f() { let c = 'x'; }\n", after: 'fn f() { let c = "x"; }\n' },
    { name: "Go: 'x' to \"x\" is a rune and a string", path: 'x.go', before: "package p\n\nvar c = 'x'\n", after: 'package p\n\nvar c = "x"\n' },
    { name: "PHP: 'x$y' to \"x$y\" interpolates", path: 'x.php', before: "<?php\n$a = 'x$y';\n", after: '<?php\n$a = "x$y";\n' },

    // --- Spacing that joins tokens, hidden behind a quote change.
    { name: 'JS: a - -b to a --b next to a quote change', path: 'x.js', before: "x = a - -b; s = 'x';\n", after: 'x = a --b; s = "x";\n' },
    { name: 'JS: spaces inside a regex literal next to a quote change', path: 'x.js', before: "const r = / a /; const s = 'x';\n", after: 'const r = /a/; const s = "x";\n' },
    { name: 'CSS: a:hover to a :hover next to a quote change', path: 'x.css', before: "a:hover { font-family: 'A'; }\n", after: 'a :hover { font-family: "A"; }\n' },

    // --- Other edits.
    { name: 'a changed token is not formatting', path: 'x.js', before: "f('a', b);\n", after: 'f("a", c);\n' },
    { name: 'a pasted Python diff (diff only) is not claimed: a string may be open above', path: 'x.py', before: "a = 'x'\n", after: 'a = "x"\n', diffOnly: true },
  ],
  invalid: [
    // --- The positives the brief names.
    { name: 'JS: a call wrapped over lines with a trailing comma', path: 'x.js', before: 'foo(alpha, beta);\n', after: 'foo(\n  alpha,\n  beta,\n);\n', expect: [fmt('line-wrapping')] },
    { name: 'Python: call arguments wrapped inside the parentheses', path: 'x.py', before: 'def f():\n    return compute(alpha, beta)\n', after: 'def f():\n    return compute(alpha,\n                   beta)\n', expect: [fmt('line-wrapping')] },
    { name: 'Python: call wrapped one argument a line, with a trailing comma', path: 'x.py', before: 'result = compute(alpha, beta)\n', after: 'result = compute(\n    alpha,\n    beta,\n)\n', expect: [fmt('line-wrapping')] },
    { name: "JS: 'x' to \"x\"", path: 'x.js', before: "const a = 'x';\n", after: 'const a = "x";\n', expect: [fmt('quote-style')] },
    { name: "Python: 'x' to \"x\"", path: 'x.py', before: "a = 'x'\n", after: 'a = "x"\n', expect: [fmt('quote-style')] },
    { name: 'Go: a composite literal wrapped with a trailing comma', path: 'x.go', before: 'package p\n\nvar p = Point{X: 1, Y: 2}\n', after: 'package p\n\nvar p = Point{\n\tX: 1,\n\tY: 2,\n}\n', expect: [fmt('line-wrapping')] },
    { name: 'JSON: an array re-wrapped', path: 'x.json', before: '{\n  "a": [1, 2, 3]\n}\n', after: '{\n  "a": [\n    1,\n    2,\n    3\n  ]\n}\n', expect: [fmt('line-wrapping')] },

    // --- One per other language claimed.
    { name: 'TypeScript: a call wrapped with a trailing comma', path: 'x.ts', before: 'const x: number = add(first, second);\n', after: 'const x: number = add(\n  first,\n  second,\n);\n', expect: [fmt('line-wrapping')] },
    { name: 'TypeScript: an object literal gains a trailing comma', path: 'x.ts', before: 'const o = { a: 1, b: 2 };\n', after: 'const o = { a: 1, b: 2, };\n', expect: [fmt('trailing-commas')] },
    { name: 'JS: arrow parameters gain a trailing comma', path: 'x.js', before: 'const f = (a, b) => a + b;\n', after: 'const f = (a, b,) => a + b;\n', expect: [fmt('trailing-commas')] },
    { name: 'Rust: a call wrapped with a trailing comma', path: 'x.rs', before: 'fn f() {\n    call(alpha, beta);\n}\n', after: 'fn f() {\n    call(\n        alpha,\n        beta,\n    );\n}\n', expect: [fmt('line-wrapping')] },
    { name: 'Java: call arguments wrapped', path: 'X.java', before: 'class X {\n  void f() {\n    call(alpha, beta);\n  }\n}\n', after: 'class X {\n  void f() {\n    call(alpha,\n        beta);\n  }\n}\n', expect: [fmt('line-wrapping')] },
    { name: 'Kotlin: a call wrapped with a trailing comma', path: 'x.kt', before: 'val x = call(alpha, beta)\n', after: 'val x = call(\n    alpha,\n    beta,\n)\n', expect: [fmt('line-wrapping')] },
    { name: 'C#: an array initialiser gains a trailing comma', path: 'X.cs', before: 'var a = new[] { 1, 2 };\n', after: 'var a = new[] { 1, 2, };\n', expect: [fmt('trailing-commas')] },
    { name: 'Swift: an array literal wrapped with a trailing comma', path: 'x.swift', before: 'let a = [1, 2]\n', after: 'let a = [\n    1,\n    2,\n]\n', expect: [fmt('line-wrapping')] },
    { name: 'PHP: an array wrapped with a trailing comma', path: 'x.php', before: '<?php\n$a = [1, 2];\n', after: '<?php\n$a = [\n    1,\n    2,\n];\n', expect: [fmt('line-wrapping')] },
    { name: 'C: an initialiser gains a trailing comma', path: 'x.c', before: 'int a[] = {1, 2};\n', after: 'int a[] = {1, 2,};\n', expect: [fmt('trailing-commas')] },
    { name: 'C++: a call wrapped with a trailing comma-free argument list', path: 'x.cpp', before: 'int f() {\n  return call(alpha, beta);\n}\n', after: 'int f() {\n  return call(alpha,\n              beta);\n}\n', expect: [fmt('line-wrapping')] },
    { name: 'CSS: quote style of a font name', path: 'x.css', before: "a {\n  font-family: 'Arial';\n}\n", after: 'a {\n  font-family: "Arial";\n}\n', expect: [fmt('quote-style')] },
    { name: 'SQL: a select list wrapped', path: 'q.sql', before: 'SELECT a, b FROM t;\n', after: 'SELECT a,\n       b\nFROM t;\n', expect: [fmt('line-wrapping')] },
    { name: "Lua: 'x' to \"x\"", path: 'x.lua', before: "local a = 'x'\n", after: 'local a = "x"\n', expect: [fmt('quote-style')] },
  ],
});
