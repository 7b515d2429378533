/**
 * The type-only proof (src/syntax/typescript-emit.ts): both versions of a file
 * emit the same JavaScript.
 */
import { typeOnlyEqual } from '../../src/syntax/typescript-emit';

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
