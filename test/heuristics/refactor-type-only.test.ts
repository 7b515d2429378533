/**
 * refactor-type-only: TypeScript changes that emit the same JavaScript
 * (annotations, interfaces, type aliases, type imports, `as const`,
 * `satisfies`, `!`, type arguments, overloads, `declare` fields); and the near
 * misses that look like types but emit code (commit practice, "What the tool
 * must never do": a wrong no-op label is worse than none).
 *
 * Decisions pinned here:
 * - The proof is the compiler's: the old file and the old file with only this
 *   change applied transpile (ES2022, ESNext modules) to the same JavaScript.
 * - `as const` emits nothing: type-only.
 * - An enum member, a class field without `declare` (ES2022 define semantics)
 *   and a parameter property emit code: not type-only.
 * - A directive comment (`// @ts-expect-error`) emits nothing but switches a
 *   check off: not type-only.
 * - A file with decorators is never type-only (decorator metadata turns types
 *   into run-time values); `.js` and `.d.ts` files are not this heuristic's.
 * - Some changes are type-only only by where they stand (a name in a
 *   multi-line `import type { }`, a tuple element, a union member on its own
 *   line, a parameter of an interface method): the lines alone look like
 *   values, and they must still be recognised.
 * - With the full registry, an exported function's changed parameter type is
 *   an api-change (flagged), not a type-only refactor (hidden).
 */
import { heuristics } from '../../heuristics';
import { refactorTypeOnly } from '../../heuristics/refactor-type-only';
import { runHeuristicTests } from '../helpers/heuristic-tester';

const typeOnly = { kind: 'refactor' as const, detail: 'type-only', messageId: 'typeOnly', heuristic: 'refactor-type-only' };

/** A small module: `area` is exported, `x` is a module-level constant. */
const MODULE = 'export function area(w: number, h: number): number {\n  return w * h;\n}\n\nconst x: number = 1;\nconsole.log(area(x, 2));\n';
/** A module with one exported constant, for changes placed around it. */
const TAIL = '\nexport const x = 1;\n';

/** Every case runs with the real parsers, as the CLI does: the pre-filter that spares the transpile needs their tokens. */
const withParsers = <T extends object>(cases: T[]) => cases.map((testCase) => ({ syntax: true, ...testCase }));

runHeuristicTests(refactorTypeOnly, {
  valid: withParsers([
    {
      // Unused on its own (so elided by the compiler), but a value import all the same.
      name: 'an added value import is not type-only',
      path: 'src/uses.ts',
      before: "import { a } from './a';\n\nexport const x = a;\n",
      after: "import { a } from './a';\nimport { b } from './b';\n\nexport const x = a;\n",
    },
    {
      // The same inside a multi-line list: the line `  b,` alone looks like no import at all.
      name: 'a name added to a multi-line value import is not type-only',
      path: 'src/uses.ts',
      before: "import {\n  a,\n} from './a';\n\nexport const x = a;\n",
      after: "import {\n  a,\n  b,\n} from './a';\n\nexport const x = a;\n",
    },
    {
      name: 'a value name added beside a type specifier is not type-only (import { type A, b })',
      path: 'src/uses.ts',
      before: "import { type A } from './a';\n\nexport const x: A = 1;\n",
      after: "import { type A, b } from './a';\n\nexport const x: A = 1;\n",
    },
    {
      // Its import was emitted for the call below, and no longer is.
      name: 'a name dropped from a multi-line value import while the file still calls it',
      path: 'src/uses.ts',
      before: "import {\n  a,\n  b,\n} from './a';\n\nexport const x = a(b());\n",
      after: "import {\n  a,\n} from './a';\n\nexport const x = a(b());\n",
    },
    {
      // The whitespace heuristic refuses `){` → `) {` (glued punctuation): that is no type change either.
      name: 'spacing around a condition is not a type-only refactor',
      path: 'src/spacing.ts',
      before: 'export function f(existing: boolean): number {\n  if(existing){\n    return 1;\n  }\n  return 0;\n}\n',
      after: 'export function f(existing: boolean): number {\n  if (existing) {\n    return 1;\n  }\n  return 0;\n}\n',
    },
    {
      // Nine annotation changes in one file: judged as a whole file, whose JavaScript changes here.
      name: 'many candidates in a file whose emitted JavaScript changes are not type-only',
      path: 'src/many.ts',
      before: Array.from({ length: 9 }, (_v, k) => `export const v${k}: number = ${k};\n\n\n\n`).join('') + 'export const total = 1;\n',
      after: Array.from({ length: 9 }, (_v, k) => `export const v${k}: string = ${k};\n\n\n\n`).join('') + 'export const total = 2;\n',
    },
    // --- Values.
    { name: 'a value changed (= 1 → = 2)', path: 'src/a.ts', before: MODULE, after: MODULE.replace('= 1;', '= 2;') },
    { name: 'a cast kept and the member read through it changed', path: 'src/a.ts', before: 'export const n = (input as Box).width;\n', after: 'export const n = (input as Box).height;\n' },
    { name: 'a namespace holding a value added (emitted as an object)', path: 'src/a.ts', before: MODULE, after: `${MODULE}export namespace Shapes {\n  export interface Box {\n    w: number;\n  }\n  export const unit = 1;\n}\n` },
    { name: 'private kept and the initialiser changed', path: 'src/a.ts', before: 'export class C {\n  private n = 1;\n}\n', after: 'export class C {\n  private n = 2;\n}\n' },
    { name: 'an annotation and a value changed in one line', path: 'src/a.ts', before: MODULE, after: MODULE.replace('const x: number = 1;', 'const x: string = "1";') },

    // --- Type-looking syntax that emits JavaScript.
    { name: 'an enum member added', path: 'src/a.ts', before: 'export enum Color {\n  Red,\n  Green,\n}\n', after: 'export enum Color {\n  Red,\n  Green,\n  Blue,\n}\n' },
    { name: 'a const enum value changed (kept under isolated modules)', path: 'src/a.ts', before: 'export const enum E {\n  A = 1,\n}\n', after: 'export const enum E {\n  A = 2,\n}\n' },
    { name: 'a class field `age: number;` added (emitted under ES2022)', path: 'src/a.ts', before: 'export class P {\n  name: string = "";\n}\n', after: 'export class P {\n  name: string = "";\n  age: number;\n}\n' },
    { name: 'a parameter property (constructor(private name: string))', path: 'src/a.ts', before: 'export class P {\n  constructor(name: string) {}\n}\n', after: 'export class P {\n  constructor(private name: string) {}\n}\n' },
    { name: 'a // @ts-expect-error added (switches the checker off: reviewed, not skipped)', path: 'src/a.ts', before: 'export const x = 1;\nf(x);\n', after: 'export const x = 1;\n// @ts-expect-error\nf(x);\n' },
    { name: 'JSX text changed in a .tsx file', path: 'src/a.tsx', before: 'export const A = (p: { n: number }) => <b>one {p.n}</b>;\n', after: 'export const A = (p: { n: number }) => <b>two {p.n}</b>;\n' },

    // --- Files this heuristic never claims.
    {
      name: 'an annotation changed in a file with decorators',
      path: 'src/a.ts',
      before: 'export class P {\n  @Input() name: number;\n}\nconst y: number = 1;\n',
      after: 'export class P {\n  @Input() name: number;\n}\nconst y: string = 1;\n',
    },
    { name: 'a decorated member type changed', path: 'src/a.ts', before: '@Component()\nexport class P {\n  m(a: number) {}\n}\n', after: '@Component()\nexport class P {\n  m(a: string) {}\n}\n' },
    { name: 'a .js file (not applicable)', path: 'src/a.js', before: 'const x = 1;\n', after: 'const x = /** @type {number} */ (1);\n' },
    { name: 'a .d.ts file (not applicable)', path: 'src/a.d.ts', before: 'export declare function f(x: number): void;\n', after: 'export declare function f(x: string): void;\n' },
    { name: 'a pasted diff (no old file to transpile)', path: 'src/a.ts', before: MODULE, after: MODULE.replace('const x: number', 'const x: string'), diffOnly: true },
  ]),
  invalid: withParsers([
    {
      // Nine candidates: over the per-change budget, proven for the whole file at once.
      name: 'nine annotation changes in one file are type-only when the whole file emits the same JavaScript',
      path: 'src/many-types.ts',
      before: Array.from({ length: 9 }, (_v, k) => `export const v${k}: number = ${k};\n\n\n\n`).join(''),
      after: Array.from({ length: 9 }, (_v, k) => `export const v${k}: unknown = ${k};\n\n\n\n`).join(''),
      expect: Array.from({ length: 9 }, () => typeOnly),
    },
    // --- Annotations, declarations and type imports.
    { name: 'an annotation changed (x: number → x: string)', path: 'src/a.ts', before: MODULE, after: MODULE.replace('const x: number', 'const x: string'), expect: [typeOnly] },
    { name: 'an interface added', path: 'src/a.ts', before: MODULE, after: `${MODULE}\nexport interface Shape {\n  w: number;\n  h: number;\n}\n`, expect: [typeOnly] },
    { name: 'an interface member added', path: 'src/a.ts', before: `export interface Shape {\n  w: number;\n}\n${TAIL}`, after: `export interface Shape {\n  w: number;\n  h?: number;\n}\n${TAIL}`, expect: [typeOnly] },
    { name: 'an import type added', path: 'src/a.ts', before: 'import { f } from "./f";\n\nf();\n', after: 'import { f } from "./f";\nimport type { Shape } from "./shape";\n\nf();\n', expect: [typeOnly] },
    { name: 'a type alias changed', path: 'src/a.ts', before: `export type Id = number;\n${TAIL}`, after: `export type Id = number | string;\n${TAIL}`, expect: [typeOnly] },
    { name: 'as const added (emits nothing)', path: 'src/a.ts', before: 'export const modes = ["a", "b"];\n', after: 'export const modes = ["a", "b"] as const;\n', expect: [typeOnly] },
    { name: 'satisfies added', path: 'src/a.ts', before: 'export const c = { a: 1 };\n', after: 'export const c = { a: 1 } satisfies Record<string, number>;\n', expect: [typeOnly] },
    { name: 'a non-null assertion added', path: 'src/a.ts', before: 'export function f(m: Map<string, number>) {\n  return m.get("a");\n}\n', after: 'export function f(m: Map<string, number>) {\n  return m.get("a")!;\n}\n', expect: [typeOnly] },
    { name: 'type arguments added (new Map → new Map<string, number>)', path: 'src/a.ts', before: 'export const m = new Map();\n', after: 'export const m = new Map<string, number>();\n', expect: [typeOnly] },
    { name: 'a declare field added', path: 'src/a.ts', before: 'export class P {\n  name: string = "";\n}\n', after: 'export class P {\n  name: string = "";\n  declare age: number;\n}\n', expect: [typeOnly] },
    // Syntax the parse tree marks as erased, around code that stays (the kept-code comparison must not refuse them).
    { name: 'a cast in parentheses added ((input as Box).width)', path: 'src/a.ts', before: 'export const n = input.width;\n', after: 'export const n = (input as Box).width;\n', expect: [typeOnly] },
    { name: 'an angle-bracket assertion added (<Box>input)', path: 'src/a.ts', before: 'export const n = input;\n', after: 'export const n = <Box>input;\n', expect: [typeOnly] },
    { name: 'a this parameter added', path: 'src/a.ts', before: 'export function f(a: number) {\n  return a;\n}\n', after: 'export function f(this: Window, a: number) {\n  return a;\n}\n', expect: [typeOnly] },
    { name: 'an implements clause added', path: 'src/a.ts', before: 'export class C {\n  m() {}\n}\n', after: 'export class C implements Shape {\n  m() {}\n}\n', expect: [typeOnly] },
    { name: 'private added to a method', path: 'src/a.ts', before: 'export class C {\n  m() {}\n}\n', after: 'export class C {\n  private m() {}\n}\n', expect: [typeOnly] },
    { name: 'an abstract method added', path: 'src/a.ts', before: 'export abstract class C {\n  m() {}\n}\n', after: 'export abstract class C {\n  m() {}\n  abstract n(): void;\n}\n', expect: [typeOnly] },
    { name: 'a declare const added', path: 'src/a.ts', before: MODULE, after: `declare const g: number;\n${MODULE}`, expect: [typeOnly] },
    { name: 'a namespace of types added', path: 'src/a.ts', before: MODULE, after: `${MODULE}export namespace Shapes {\n  export interface Box {\n    w: number;\n  }\n  export type Id = string;\n}\n`, expect: [typeOnly] },
    { name: 'an index signature added to a class', path: 'src/a.ts', before: 'export class C {\n  m() {}\n}\n', after: 'export class C {\n  [key: string]: unknown;\n  m() {}\n}\n', expect: [typeOnly] },
    { name: 'an export type re-export added', path: 'src/a.ts', before: MODULE, after: `${MODULE}export type { Shape } from "./shape";\n`, expect: [typeOnly] },
    { name: 'a .tsx prop type changed', path: 'src/a.tsx', before: 'export const A = (p: { n: number }) => <b>{p.n}</b>;\n', after: 'export const A = (p: { n: string }) => <b>{p.n}</b>;\n', expect: [typeOnly] },

    // --- Type-only by where the lines stand, not by what they hold.
    { name: 'a name added to a multi-line import type { }', path: 'src/a.ts', before: `import type {\n  A,\n  B,\n} from "./t";\n${TAIL}`, after: `import type {\n  A,\n  B,\n  C,\n} from "./t";\n${TAIL}`, expect: [typeOnly] },
    // Read only in a type position, the name's import was elided: dropping it changes no JavaScript.
    { name: 'a name dropped from a multi-line value import that only a type reads', path: 'src/a.ts', before: `import {\n  a,\n  B,\n} from "./t";\nexport const x: B = a;\n`, after: `import {\n  a,\n} from "./t";\nexport const x: B = a;\n`, expect: [typeOnly] },
    { name: 'a type specifier added to a multi-line value import', path: 'src/a.ts', before: `import {\n  a,\n} from "./t";\nexport const x = a;\n`, after: `import {\n  a,\n  type C,\n} from "./t";\nexport const x = a;\n`, expect: [typeOnly] },
    { name: 'a type alias value on its own line changed ("a" → "b")', path: 'src/a.ts', before: `export type Mode =\n  "a";\n${TAIL}`, after: `export type Mode =\n  "b";\n${TAIL}`, expect: [typeOnly] },
    { name: 'a qualified name continued on its own line changed (.bar → .baz under type A = typeof foo)', path: 'src/a.ts', before: `const foo = { bar: 1, baz: 2 };\nexport type A = typeof foo\n  .bar;\n${TAIL}`, after: `const foo = { bar: 1, baz: 2 };\nexport type A = typeof foo\n  .baz;\n${TAIL}`, expect: [typeOnly] },
    { name: 'a tuple element changed', path: 'src/a.ts', before: `export type Pair = [\n  string,\n  number,\n];\n${TAIL}`, after: `export type Pair = [\n  string,\n  boolean,\n];\n${TAIL}`, expect: [typeOnly] },
    {
      name: 'a type parameter on its own line constrained (K → K extends keyof T)',
      path: 'src/a.ts',
      before: 'export function pick<\n  T,\n  K,\n>(o: T, k: K) {\n  return [o, k];\n}\n',
      after: 'export function pick<\n  T,\n  K extends keyof T,\n>(o: T, k: K) {\n  return [o, k];\n}\n',
      expect: [typeOnly],
    },
    {
      name: 'an untyped parameter of an interface method renamed',
      path: 'src/a.ts',
      before: `export interface I {\n  m(\n    a,\n  ): void;\n}\n${TAIL}`,
      after: `export interface I {\n  m(\n    b,\n  ): void;\n}\n${TAIL}`,
      expect: [typeOnly],
    },
    { name: 'a member of a multi-line parameter type renamed', path: 'src/a.ts', before: 'export function f(o: {\n  a,\n}) {\n  return o;\n}\n', after: 'export function f(o: {\n  b,\n}) {\n  return o;\n}\n', expect: [typeOnly] },
    { name: 'an untyped overload signature changed', path: 'src/a.ts', before: 'export function f(a);\nexport function f(a) {\n  return a;\n}\n', after: 'export function f(b);\nexport function f(a) {\n  return a;\n}\n', expect: [typeOnly] },
    { name: 'an untyped method overload changed', path: 'src/a.ts', before: 'export class C {\n  m(a);\n  m(a) {\n    return a;\n  }\n}\n', after: 'export class C {\n  m(b);\n  m(a) {\n    return a;\n  }\n}\n', expect: [typeOnly] },

    // --- Across heuristics (full registry, real parsers).
    {
      name: 'an exported parameter type changed is an api-change under the full registry',
      path: 'src/a.ts',
      before: MODULE,
      after: MODULE.replace('area(w: number', 'area(w: bigint'),
      syntax: true,
      heuristics,
      expect: [{ kind: 'api-change', heuristic: 'api-surface' }],
    },
    {
      name: 'a local annotation changed stays type-only under the full registry',
      path: 'src/a.ts',
      before: MODULE,
      after: MODULE.replace('const x: number', 'const x: string'),
      syntax: true,
      heuristics,
      expect: [typeOnly],
    },
  ]),
});
