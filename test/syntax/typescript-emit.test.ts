/**
 * The type-only proof (src/syntax/typescript-emit.ts): both versions of a file
 * emit the same JavaScript.
 */
import { createTypeScriptSyntax, keptParse } from '../../src/syntax/typescript';
import { compareErasedCode, transpiledEqual, typeOnlyEqual } from '../../src/syntax/typescript-emit';

describe('typeOnlyEqual', () => {
  it.each([
    ['a changed annotation (`let a: number = 1` vs `let a: string = 1`; the type error is not our concern)', 'let a: number = 1;', 'let a: string = 1;', 'a.ts', true],
    ['an added interface', 'export const a = 1;', 'export interface Shape { area(): number }\nexport const a = 1;', 'a.ts', true],
    ['an added type alias and a type-only import', 'export let a = f();', 'import type { T } from "./t";\ntype U = T[];\nexport let a: U = f();', 'a.ts', true],
    ['an import used only in types (elided, as TypeScript does by default)', 'export let a;', 'import { T } from "./t";\nexport let a: T;', 'a.ts', true],
    ['the first import of a script makes it a module (strict, own scope)', 'let a;', 'import type { T } from "./t";\nlet a: T;', 'a.ts', false],
    ['`as`, `satisfies`, `!` and generics', 'const a = f(b);', 'const a = f<X>(b!) as Y satisfies Z;', 'a.ts', true],
    ['an overload signature and a `declare` field', 'class C { m(a) { return a; } }', 'class C { declare x: number; m(a: string): string; m(a: any) { return a; } }', 'a.ts', true],
    ['JSX prop types in .tsx', 'const V = (p) => <b>{p.x}</b>;', 'const V = (p: { x: string }) => <b>{p.x}</b>;', 'a.tsx', true],
    ['a comment (callers classify comments first)', 'let a = 1;', '// one\nlet a = 1;', 'a.ts', true],
    ['a changed value', 'let a: number = 1;', 'let a: number = 2;', 'a.ts', false],
    ['changed JSX text', 'const v = <b>x</b>;', 'const v = <b>y</b>;', 'a.tsx', false],
    ['a class field without initializer is emitted (ES2022 define semantics)', 'class C {}', 'class C { x: number; }', 'a.ts', false],
    ['a parameter property assigns a field', 'class C { constructor(x: number) {} }', 'class C { constructor(private x: number) {} }', 'a.ts', false],
    ['an enum value', 'enum E { A = 1 }', 'enum E { A = 2 }', 'a.ts', false],
    ['a const enum value (kept under isolated modules)', 'const enum E { A = 1 }', 'const enum E { A = 2 }', 'a.ts', false],
    ['a decorated member type, emitted as design:type metadata', 'class C { @d m(a: number) {} }', 'class C { @d m(a: string) {} }', 'a.ts', false],
    ['a syntax error on either side', 'let a: number = 1;', 'let a: number = ;', 'a.ts', false],
    ['JavaScript, only an identical emit', 'let a = 1;', 'let a = 1;\n', 'a.js', true],
    // TypeScript 6.0's transpile threw "reading 'includes'" on this (reduced from src/plan-commands.ts).
    [
      'a text the compiler once crashed on, with a value change',
      "import { LoadedInput, loadInput } from './input';\n  const loaded = loadInput({ kind: 'commit', rev: sha, cwd, firstParent: args['first-parent'] === true });",
      "import { LoadedInput, loadInput } from './input';\n  const loaded = loadInput({ kind: 'range', rev: sha, cwd, firstParent: args['first-parent'] === true });",
      'a.ts',
      false,
    ],
  ])('%s', (_title, before, after, filePath, expected) => {
    expect(typeOnlyEqual(before, after, filePath)).toBe(expected);
    expect(typeOnlyEqual(after, before, filePath)).toBe(expected);
  });
});

describe('compareErasedCode', () => {
  // Each case is checked against the compiler too: whenever the trees say
  // 'same', the transpiled JavaScript must be identical.
  it.each([
    // The trees prove these.
    ['an annotation added', 'let a = 1;', 'let a: number = 1;', 'same'],
    ['a return type and optional, definite and rest parameters typed', 'function f(a, b, ...c) { let x; }', 'function f(a: A, b?: B, ...c: C[]): R { let x!: X; }', 'same'],
    ['an `as` and a `!` removed', 'f(a as T, b!.c);', 'f(a, b.c);', 'same'],
    ['parentheses the emitter drops with the assertion', 'const x = (a as T).b;', 'const x = a.b;', 'same'],
    ['a type assertion', 'const x = <T>a;', 'const x = a;', 'same'],
    ['type arguments and parameters', 'class A extends B { m(x) { return f(x); } }', 'class A<T> extends B<T> { m<U>(x: U) { return f<U, T>(x); } }', 'same'],
    ['a `this` parameter with its comma', 'function f(a) {}', 'function f(this: W, a) {}', 'same'],
    ['type modifiers and `implements`', 'class A { x = 1; m() {} }', 'abstract class A implements I { private readonly x = 1; protected override m() {} }', 'same'],
    ['an interface, an alias, an overload and a declared field', 'class C { m(a) { return a; } }', 'interface I {}\ntype U = I;\nclass C { declare y: U; m(a: string): string; m(a) { return a; } }', 'same'],
    ['a trailing comma before `)`', 'f(\n  a,\n);', 'f(a);', 'same'],
    ['a type-only import', 'import { a } from "a";\nexport const b = a;', 'import { a } from "a";\nimport type { T } from "t";\nexport const b: T = a;', 'same'],
    ['an imported name read only in types, both sides', 'import { T } from "t";\nlet a: T;', 'import { T } from "t";\nlet a: T[];', 'same'],
    // Not the same JavaScript: the trees must say so.
    ['`as` whose removal regroups operators', 'x = a + b as T * c;', 'x = a + b * c;', 'different'],
    ['a semicolon that ASI would not insert', 'let a = b\n(c)', 'let a = b;\n(c)', 'different'],
    ['`return` and its value split by a line', 'function f() { return x; }', 'function f() { return\nx; }', 'different'],
    ['`for` clauses moved between semicolons', 'for (; a;) {}', 'for (a; ;) {}', 'different'],
    ['let to const', 'let a: number = 1;', 'const a: number = 1;', 'different'],
    ['a declared field is erased, a plain one emitted', 'class C { declare x: number; }', 'class C { x: number; }', 'different'],
    ['a parameter property makes a field', 'class C { constructor(x: number) {} }', 'class C { constructor(private x: number) {} }', 'different'],
    ['a parameter property made readonly is still one', 'class C { constructor(private x: number) {} }', 'class C { constructor(private readonly x: number) {} }', 'same'],
    ['a string literal, quotes and all', 'let a: string = "x";', "let a: string = 'x';", 'different'],
    ['a script becomes a module', 'let a;', 'export let a;', 'different'],
    ['a syntax error', 'let a: number = 1;', 'let a: number = ;', 'different'],
    ['an enum member', 'enum E { A = 1 }', 'enum E { A = 2 }', 'different'],
    ['a namespace that starts holding a value', 'namespace N { type T = 1; }', 'namespace N { export const t = 1; }', 'different'],
    // Import elision and decorator metadata: the checker's call.
    ['a name added to a value import', 'import { a } from "a";\nf(a);', 'import { a, b } from "a";\nf(a);', 'unknown'],
    ['an import moved below the code', 'import { a } from "a";\nf(a);', 'f(a);\nimport { a } from "a";', 'unknown'],
    ['an imported name read by `typeof` in a type', 'import { a } from "a";\nlet x: number;', 'import { a } from "a";\nlet x: typeof a;', 'unknown'],
    ['an imported name read in a computed key of a type', 'import { k } from "k";\ninterface I { x: 1 }', 'import { k } from "k";\ninterface I { [k]: 1 }', 'unknown'],
    ['a decorated class', 'class C { @d m(a: number) {} }', 'class C { @d m(a: string) {} }', 'unknown'],
    // Found on typescript-eslint: the type-only import takes `ts`, and the value import is dropped.
    ['a type-only import of a name a value import binds', 'import * as ts from "typescript";\nf(ts);', 'import type * as ts from "typescript";\nimport * as ts from "typescript";\nf(ts);', 'unknown'],
    ['an ambient declaration of an imported name', 'import { a } from "a";\nf(a);', 'import { a } from "a";\ndeclare const a: number;\nf(a);', 'unknown'],
  ])('%s', (_title, before, after, expected) => {
    for (const [a, b] of [
      [before, after],
      [after, before],
    ]) {
      const result = compareErasedCode(a, b, 'a.ts');
      expect(result).toBe(expected);
      if (result === 'same') expect(transpiledEqual(a, b, 'a.ts')).toBe(true);
    }
  });
});

describe('the parse the SyntaxService kept', () => {
  it('serves the proof for the version it parsed, with the same answer', () => {
    const before = 'export function f(a) {\n  return a;\n}\n';
    const after = 'export function f(a: number): number {\n  return a;\n}\n';
    const fresh = compareErasedCode(`${before}// fresh\n`, `${after}// fresh\n`, 'a.ts');
    createTypeScriptSyntax().parse('typescript', 'src/a.ts', before);
    expect(keptParse('.ts', before)).not.toBeNull();
    expect(compareErasedCode(before, after, 'a.ts')).toBe(fresh);
    expect(fresh).toBe('same');
  });
});
