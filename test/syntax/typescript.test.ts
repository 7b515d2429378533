/**
 * The TS/JS SyntaxService (src/syntax/typescript.ts): scanner tokens in the table
 * lexer's line shape, declarations and signatures, and lazy loading.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LexedLine, Token } from '../../src/lexer';
import { createTypeScriptSyntax, isIdentifier } from '../../src/syntax/typescript';
import { Declaration, FileSyntax } from '../../src/syntax/types';

const service = createTypeScriptSyntax();

function parse(filePath: string, text: string): FileSyntax {
  const languageId = /\.[cm]?jsx?$/.test(filePath) ? 'javascript' : 'typescript';
  const result = service.parse(languageId, filePath, text);
  if (result === null) throw new Error(`no parse for ${filePath}`);
  return result;
}

/** `kind:text`, with `ident` for words that are identifiers. */
function compact(token: Token): string {
  return `${isIdentifier(token) ? 'ident' : token.type}:${token.text}`;
}

/** Every line must be rebuilt exactly from its tokens and whitespace. */
function expectLossless(text: string, lines: LexedLine[]): void {
  const source = text.split('\n');
  expect(lines).toHaveLength(source.length);
  lines.forEach((line, k) => {
    expect(line.tokens.map((token) => token.spaceBefore + token.text).join('') + line.trailing).toBe(source[k]);
    for (const token of line.tokens) expect(token.spaceBefore).toMatch(/^\s*$/);
    expect(line.trailing).toMatch(/^\s*$/);
    if (k > 0) expect(line.startState).toEqual(lines[k - 1].endState);
  });
}

describe('tokens', () => {
  const cases: Array<{ title: string; path?: string; text: string; lines: Record<number, string[]> }> = [
    {
      title: 'strings keep their spaces, in one token each',
      text: `const s = 'a  b' + "c\\" d";`,
      lines: { 1: ['word:const', 'ident:s', 'punct:=', "string:'a  b'", 'punct:+', 'string:"c\\" d"', 'punct:;'] },
    },
    {
      title: 'a template literal spanning lines, with ${} inside, is cut per line',
      text: 'const t = `x ${\n  a + `in${b}ner`\n} y\n  z`;',
      lines: {
        1: ['word:const', 'ident:t', 'punct:=', 'string:`x ${'],
        2: ['ident:a', 'punct:+', 'string:`in${', 'ident:b', 'string:}ner`'],
        3: ['string:} y'],
        4: ['string:  z`', 'punct:;'],
      },
    },
    {
      title: 'a regular expression is one string token, spaces and all',
      text: 'const r = /a b/g.test(s);',
      lines: { 1: ['word:const', 'ident:r', 'punct:=', 'string:/a b/g', 'punct:.', 'ident:test', 'punct:(', 'ident:s', 'punct:)', 'punct:;'] },
    },
    {
      title: 'division is punctuation',
      text: 'x = a / b / c;\ny /= 2;\nz = i++ / (j) / k[0] / 2;',
      lines: {
        1: ['ident:x', 'punct:=', 'ident:a', 'punct:/', 'ident:b', 'punct:/', 'ident:c', 'punct:;'],
        2: ['ident:y', 'punct:/=', 'word:2', 'punct:;'],
        3: ['ident:z', 'punct:=', 'ident:i', 'punct:++', 'punct:/', 'punct:(', 'ident:j', 'punct:)', 'punct:/', 'ident:k', 'punct:[', 'word:0', 'punct:]', 'punct:/', 'word:2', 'punct:;'],
      },
    },
    {
      title: 'regular expressions where an expression starts',
      text: "s.replace(/=+/g, '');\nreturn /x/;\nif (ok) /re/.test(s);\nif (a) {}\n/b/.exec(s);",
      lines: {
        1: ['ident:s', 'punct:.', 'ident:replace', 'punct:(', 'string:/=+/g', 'punct:,', "string:''", 'punct:)', 'punct:;'],
        2: ['word:return', 'string:/x/', 'punct:;'],
        // After `)` and `}` the classifier's rule says division; the parse tree knows better.
        3: ['word:if', 'punct:(', 'ident:ok', 'punct:)', 'string:/re/', 'punct:.', 'ident:test', 'punct:(', 'ident:s', 'punct:)', 'punct:;'],
        5: ['string:/b/', 'punct:.', 'ident:exec', 'punct:(', 'ident:s', 'punct:)', 'punct:;'],
      },
    },
    {
      title: 'comments: line, block over lines, and a shebang',
      text: '#!/usr/bin/env node\nlet a = 1; // one  two\n/* block\n   still */ let b;\n/** @see x */',
      lines: {
        1: ['comment:#!/usr/bin/env node'],
        2: ['word:let', 'ident:a', 'punct:=', 'word:1', 'punct:;', 'comment:// one  two'],
        3: ['comment:/* block'],
        4: ['comment:   still */', 'word:let', 'ident:b', 'punct:;'],
        5: ['comment:/** @see x */'],
      },
    },
    {
      title: 'multi-character operators stay one token',
      text: 'a >>>= b ?? c?.d === e => f ** g;\nconst m: Map<K, Array<V>> = x!;',
      lines: {
        1: ['ident:a', 'punct:>>>=', 'ident:b', 'punct:??', 'ident:c', 'punct:?.', 'ident:d', 'punct:===', 'ident:e', 'punct:=>', 'ident:f', 'punct:**', 'ident:g', 'punct:;'],
        2: ['word:const', 'ident:m', 'punct::', 'ident:Map', 'punct:<', 'ident:K', 'punct:,', 'ident:Array', 'punct:<', 'ident:V', 'punct:>>', 'punct:=', 'ident:x', 'punct:!', 'punct:;'],
      },
    },
    {
      title: 'identifiers: names, keywords used as names, private names; not keywords or numbers',
      text: 'let type = this.#count + a.default + { default: 1n }.default;\nreturn typeof x === "y" ? null : 0x1F;',
      lines: {
        1: ['word:let', 'ident:type', 'punct:=', 'word:this', 'punct:.', 'ident:#count', 'punct:+', 'ident:a', 'punct:.', 'ident:default', 'punct:+', 'punct:{', 'ident:default', 'punct::', 'word:1n', 'punct:}', 'punct:.', 'ident:default', 'punct:;'],
        2: ['word:return', 'word:typeof', 'ident:x', 'punct:===', 'string:"y"', 'punct:?', 'word:null', 'punct::', 'word:0x1F', 'punct:;'],
      },
    },
    {
      title: "JSX text is data: an apostrophe in it starts no string, and its spaces are kept",
      path: 'view.tsx',
      text: "const v = <p className='a b' data-id=\"C:\\\">\n  Don't   stop, {name}!\n  <b> x</b>\n</p>;",
      lines: {
        1: ['word:const', 'ident:v', 'punct:=', 'punct:<', 'ident:p', 'ident:className', 'punct:=', "string:'a b'", 'ident:data-id', 'punct:=', 'string:"C:\\"', 'punct:>'],
        2: ["string:Don't   stop, ", 'punct:{', 'ident:name', 'punct:}', 'string:!'],
        3: ['punct:<', 'ident:b', 'punct:>', 'string: x', 'punct:</', 'ident:b', 'punct:>'],
        4: ['punct:</', 'ident:p', 'punct:>', 'punct:;'],
      },
    },
    {
      title: 'JSX in a .jsx file, with a regular expression and a division inside expressions',
      path: 'view.jsx',
      text: 'export default () => <div aria-label="x">{a / b}{/re/.test(c) && <br />}</div>;',
      lines: {
        1: [
          'word:export', 'word:default', 'punct:(', 'punct:)', 'punct:=>', 'punct:<', 'ident:div', 'ident:aria-label', 'punct:=', 'string:"x"', 'punct:>',
          'punct:{', 'ident:a', 'punct:/', 'ident:b', 'punct:}', 'punct:{', 'string:/re/', 'punct:.', 'ident:test', 'punct:(', 'ident:c', 'punct:)', 'punct:&&',
          'punct:<', 'ident:br', 'punct:/', 'punct:>', 'punct:}', 'punct:</', 'ident:div', 'punct:>', 'punct:;',
        ],
      },
    },
  ];

  it.each(cases)('$title', ({ path: filePath, text, lines }) => {
    const result = parse(filePath ?? 'a.ts', text);
    for (const [line, expected] of Object.entries(lines)) expect(result.lines[Number(line) - 1].tokens.map(compact)).toEqual(expected);
    expectLossless(text, result.lines);
  });

  it('puts the whitespace between tokens in spaceBefore and after the last in trailing', () => {
    const [line] = parse('a.ts', 'let  a =\tb;  \r').lines;
    expect(line.tokens.map((token) => token.spaceBefore)).toEqual(['', '  ', ' ', '\t', '']);
    expect(line.trailing).toBe('  \r');
  });

  it('leaves the layout of JSX text out of its tokens, by JSX whitespace rules', () => {
    // Leading blanks of a continuing line and trailing blanks before a line break are dropped by JSX.
    const lines = parse('a.tsx', '<p>\n    hello  \n    world</p>').lines;
    expect(lines[1].tokens).toEqual([{ type: 'string', text: 'hello', spaceBefore: '    ' }]);
    expect(lines[1].trailing).toBe('  ');
    expect(lines[2].tokens[0]).toEqual({ type: 'string', text: 'world', spaceBefore: '    ' });
    expect(lines[1].startState).toBeNull();
  });

  // refactor-type-only compares the code the emitter keeps: these are the tokens it leaves out.
  it.each([
    ['an annotation and a return type', 'function f(a: number): string {}', ['number', 'string']],
    ['an interface, whole', 'export interface Box { w: number }', ['export', 'interface', 'Box', '{', 'w', ':', 'number', '}']],
    ['a type alias, whole', 'type Pair<T> = [T, T];', ['type', 'Pair', '<', 'T', '>', '=', '[', 'T', ',', 'T', ']', ';']],
    ['an import, whole (its emitted form depends on the rest of the file)', "import { a } from './a';", ['import', '{', 'a', '}', 'from', "'./a'", ';']],
    ['as and satisfies with their types', 'x = (y as A)[k satisfies B];', ['as', 'A', 'satisfies', 'B']],
    ['an angle-bracket assertion', 'x = <A>y;', ['<', 'A', '>']],
    ['type arguments, not the callee', 'f<string>(a);', ['string']],
    ['implements, not extends', 'class C extends B<T> implements I {}', ['T', 'implements', 'I']],
    ['type-only modifiers, not static', 'class C { private readonly static a = 1; }', ['private', 'readonly']],
    ['a this parameter', 'function f(this: W, a) {}', ['this', ':', 'W']],
    ['an overload signature, whole', 'function f(a: A): void;', ['function', 'f', '(', 'a', ':', 'A', ')', ':', 'void', ';']],
    ['a declare statement, whole', 'declare const g: number;', ['declare', 'const', 'g', ':', 'number', ';']],
    ['a namespace of types only, whole', 'namespace N { type T = 1; }', ['namespace', 'N', '{', 'type', 'T', '=', '1', ';', '}']],
    ['a namespace with a value: only its types', 'namespace N { let v: T = 1; }', ['T']],
    ['a declared namespace with a value, whole', 'declare namespace N { const v: T; }', ['declare', 'namespace', 'N', '{', 'const', 'v', ':', 'T', ';', '}']],
    ['nothing in plain code', 'const a = b < c ? d : e;', []],
  ])('marks %s as type syntax', (_name, source, erased) => {
    const [line] = parse('a.ts', source).lines;
    expect(line.tokens.filter((token) => token.typeSyntax === true).map((token) => token.text)).toEqual(erased);
  });

  it('marks the identifier flag only where it is true', () => {
    const [line] = parse('a.ts', 'return a;').lines;
    expect(line.tokens[0]).not.toHaveProperty('identifier');
    expect(line.tokens[1]).toEqual({ type: 'word', text: 'a', spaceBefore: ' ', identifier: true });
  });
});

describe('line states', () => {
  const cases: Array<{ title: string; path?: string; text: string; line: number; start: unknown; end: unknown; opaque?: boolean }> = [
    { title: 'inside a template', text: 'a = `one\ntwo\nthree`;', line: 2, start: { kind: 'string', delimiter: expect.objectContaining({ open: '`', multiline: true }) }, end: { kind: 'string', delimiter: expect.objectContaining({ open: '`' }) } },
    { title: 'after a template closes', text: 'a = `one\ntwo`;', line: 2, start: { kind: 'string', delimiter: expect.objectContaining({ open: '`' }) }, end: null },
    { title: 'inside a ${} expression, code again', text: 'a = `x ${\n  b\n}`;', line: 2, start: null, end: null },
    { title: 'inside a block comment', text: '/* a\n b\n */', line: 2, start: { kind: 'comment', close: '*/' }, end: { kind: 'comment', close: '*/' } },
    { title: 'a string continued by a backslash', text: "a = 'one \\\ntwo';", line: 2, start: { kind: 'string', delimiter: expect.objectContaining({ open: "'", escapes: true }) }, end: null },
    { title: 'a JSX attribute string over two lines (no escapes)', path: 'a.tsx', text: '<a title="x\ny" />', line: 2, start: { kind: 'string', delimiter: expect.objectContaining({ open: '"', escapes: false }) }, end: null },
    { title: 'an unterminated template is opaque and still open at the end', text: 'a = `one\ntwo', line: 2, start: expect.objectContaining({ kind: 'string' }), end: expect.objectContaining({ kind: 'string' }), opaque: true },
    { title: 'an unterminated regular expression is opaque', text: 'let q = /open\nx;', line: 1, start: null, end: null, opaque: true },
    { title: 'a merge-conflict marker is opaque', path: 'a.js', text: '<<<<<<< ours\na;\n=======\nb;\n>>>>>>> theirs', line: 3, start: null, end: { kind: 'comment', close: '>>>>>>>' }, opaque: true },
  ];

  it.each(cases)('$title', ({ path: filePath, text, line, start, end, opaque }) => {
    const lines = parse(filePath ?? 'a.ts', text).lines;
    expect(lines[line - 1].startState).toEqual(start);
    expect(lines[line - 1].endState).toEqual(end);
    expect(lines[line - 1].opaque).toBe(opaque ?? false);
    expectLossless(text, lines);
  });

  it('is lossless on real source: this service and this test', () => {
    for (const file of [path.join(__dirname, '../../src/syntax/typescript.ts'), __filename]) {
      const text = fs.readFileSync(file, 'utf8');
      const result = parse(file, text);
      expect(result.hasErrors).toBe(false);
      expectLossless(text, result.lines);
    }
  });
});

describe('hasErrors and languages', () => {
  it.each([
    ['valid TypeScript', 'a.ts', 'const a: number = 1;', false],
    ['a missing parenthesis', 'a.ts', 'f(a;', true],
    ['an angle-bracket cast in .ts', 'a.ts', 'const a = <T>b;', false],
    ['the same cast in .tsx, where it is JSX', 'a.tsx', 'const a = <T>b;', true],
    ['JSX in .js, which TypeScript reads as JSX', 'a.js', 'const a = <div>x</div>;', false],
    ['ESM in .mjs and CommonJS in .cjs', 'a.mjs', 'export const a = 1;', false],
    ['.mts', 'a.mts', 'export type A = 1;', false],
    ['.cts', 'a.cts', 'import a = require("a"); export = a;', false],
    ['a type annotation is only a semantic error in .js', 'a.js', 'let a: number = 1;', false],
  ])('%s', (_title, filePath, text, errors) => {
    expect(parse(filePath, text).hasErrors).toBe(errors);
  });

  it('serves TypeScript and JavaScript only', () => {
    expect([...service.languages].sort()).toEqual(['javascript', 'typescript']);
    expect(service.parse('python', 'a.py', 'x = 1')).toBeNull();
  });
});

describe('declarations', () => {
  const declarationsOf = (filePath: string, text: string) => parse(filePath, text).declarations;
  const cases: Array<{ title: string; path?: string; text: string; expected: Array<Partial<Declaration>> }> = [
    {
      title: 'an exported function',
      text: 'export function parseHunk(text: string): Hunk {\n  return x;\n}',
      expected: [{ name: 'parseHunk', kind: 'function', container: null, exported: true, startLine: 1, endLine: 3, headerEndLine: 1, signature: 'export function parseHunk(text: string): Hunk' }],
    },
    {
      title: 'an exported class, its public and non-public members',
      text: [
        'export class Parser<T> extends Base {',
        '  private depth = 0;',
        '  #seen = new Set();',
        '  constructor(public readonly name: string, protected mode: Mode) { super(); }',
        '  parse(input: T): Tree { return x; }',
        '  protected reset(): void {}',
        '  get size(): number { return 1; }',
        '  static create = (name: string): Parser<string> => new Parser(name);',
        '}',
      ].join('\n'),
      expected: [
        { name: 'Parser', kind: 'class', exported: true, startLine: 1, endLine: 9, headerEndLine: 1, signature: 'export class Parser<T> extends Base' },
        { name: 'depth', kind: 'variable', container: 'Parser', exported: false, signature: 'private depth' },
        { name: '#seen', kind: 'variable', container: 'Parser', exported: false },
        { name: 'constructor', kind: 'method', container: 'Parser', exported: true, signature: 'constructor(public readonly name: string, protected mode: Mode)' },
        { name: 'name', kind: 'variable', container: 'Parser', exported: true, signature: 'public readonly name: string' },
        { name: 'mode', kind: 'variable', container: 'Parser', exported: false },
        { name: 'parse', kind: 'method', container: 'Parser', exported: true, startLine: 5, signature: 'parse(input: T): Tree' },
        { name: 'reset', kind: 'method', container: 'Parser', exported: false },
        { name: 'size', kind: 'method', container: 'Parser', exported: true, signature: 'get size(): number' },
        { name: 'create', kind: 'variable', container: 'Parser', exported: true, signature: 'static create = (name: string): Parser<string> =>' },
      ],
    },
    {
      title: 'an interface and its members, a type alias, an enum',
      text: 'export interface Options {\n  depth?: number;\n  run(a: string): void;\n}\nexport type Kind = "a" | "b";\nexport enum Mode { Fast = 1, Slow }',
      expected: [
        { name: 'Options', kind: 'interface', exported: true, startLine: 1, endLine: 4, headerEndLine: 1, signature: 'export interface Options' },
        { name: 'depth', kind: 'variable', container: 'Options', exported: true, signature: 'depth?: number' },
        { name: 'run', kind: 'method', container: 'Options', exported: true, signature: 'run(a: string): void' },
        { name: 'Kind', kind: 'type', exported: true, signature: 'export type Kind = "a" | "b"' },
        { name: 'Mode', kind: 'enum', exported: true, signature: 'export enum Mode { Fast = 1, Slow }' },
      ],
    },
    {
      title: 'exported constants and variables, an arrow function constant',
      text: 'export const MAX_SIZE = 10, label: string = "x";\nexport let count = 0;\nexport const parse = async (text: string): Promise<Tree> => {\n  return x;\n};',
      expected: [
        { name: 'MAX_SIZE', kind: 'constant', exported: true, signature: 'export const MAX_SIZE' },
        { name: 'label', kind: 'constant', exported: true, signature: 'export const label: string' },
        { name: 'count', kind: 'variable', exported: true, signature: 'export let count' },
        { name: 'parse', kind: 'constant', exported: true, startLine: 3, endLine: 5, headerEndLine: 3, signature: 'export const parse = async (text: string): Promise<Tree> =>' },
      ],
    },
    {
      title: 'non-exported top-level declarations',
      text: 'function helper(a: number) {}\nclass Local {}\nconst limit = 3;\ntype Alias = string;',
      expected: [
        { name: 'helper', kind: 'function', exported: false, signature: 'function helper(a: number)' },
        { name: 'Local', kind: 'class', exported: false },
        { name: 'limit', kind: 'constant', exported: false },
        { name: 'Alias', kind: 'type', exported: false },
      ],
    },
    {
      title: 'default exports',
      text: 'export default function main(argv: string[]): number { return 0; }',
      expected: [{ name: 'main', kind: 'function', exported: true, signature: 'export default function main(argv: string[]): number' }],
    },
    {
      title: 'an anonymous default export and `export default name`',
      text: 'const config = {};\nexport default config;',
      expected: [
        { name: 'config', kind: 'constant', exported: true },
        { name: 'default', kind: 'other', exported: true, signature: 'export default config' },
      ],
    },
    {
      title: 'export lists and re-exports',
      text: 'export { helper, other as renamed };\nfunction helper() {}\nexport * from "./a";\nexport { x as y } from "./b";\nimport { other } from "./c";',
      expected: [
        { name: 'helper', kind: 'function', exported: true },
        { name: '*', kind: 'module', exported: true, signature: 'export * from "./a"' },
        { name: 'y', kind: 'other', exported: true, signature: 'export { x as y } from "./b"' },
        { name: 'renamed', kind: 'other', exported: true, signature: 'export { other as renamed }' },
      ],
    },
    {
      title: 'CommonJS: module.exports.foo, exports.bar, module.exports = { … }',
      path: 'lib.js',
      text: 'function run(a) {}\nmodule.exports.foo = function (a, b) {};\nexports.bar = 1;\nmodule.exports = { run, baz: (q) => q };',
      expected: [
        { name: 'run', kind: 'function', exported: true, signature: 'function run(a)' },
        { name: 'foo', kind: 'function', exported: true, startLine: 2, signature: 'exports.foo = function (a, b)' },
        { name: 'bar', kind: 'variable', exported: true, signature: 'exports.bar' },
        { name: 'module.exports', kind: 'other', exported: true, signature: 'module.exports = { run, baz }' },
        { name: 'baz', kind: 'function', exported: true, signature: 'exports.baz = (q) =>' },
      ],
    },
    {
      title: 'a namespace and its members',
      text: 'export namespace Shapes {\n  export function area(s: Shape): number { return 0; }\n  function hidden() {}\n}',
      expected: [
        { name: 'Shapes', kind: 'module', exported: true, headerEndLine: 1, signature: 'export namespace Shapes' },
        { name: 'area', kind: 'function', container: 'Shapes', exported: true },
        { name: 'hidden', kind: 'function', container: 'Shapes', exported: false },
      ],
    },
  ];

  it.each(cases)('$title', ({ path: filePath, text, expected }) => {
    const declarations = declarationsOf(filePath ?? 'a.ts', text);
    expect(declarations).toEqual(expect.arrayContaining(expected.map((fields) => expect.objectContaining(fields))));
  });

  it('reports non-public members of a non-exported class as not exported', () => {
    const declarations = declarationsOf('a.ts', 'class Hidden { open() {} }');
    expect(declarations.find((declaration) => declaration.name === 'open')).toMatchObject({ container: 'Hidden', exported: false });
  });
});

describe('signatures', () => {
  const signatureOf = (text: string, name: string) => parse('a.ts', text).declarations.find((declaration) => declaration.name === name);
  it.each([
    {
      title: 'parameters over several lines collapse to one',
      text: 'export function make(\n  a: number,\n  b?: string,\n): Map<string, number> {\n  return m;\n}',
      name: 'make',
      signature: 'export function make(a: number, b?: string): Map<string, number>',
      headerEndLine: 4,
    },
    {
      title: 'spacing and comments inside the header do not count',
      text: 'export function make(a:number,/* note */b ?: string):Map<string,number>{ return m; }',
      name: 'make',
      signature: 'export function make(a: number, b?: string): Map<string, number>',
      headerEndLine: 1,
    },
    {
      title: 'a body on the next line (Allman style) is not part of the header',
      text: 'function f(a: T): U\n{\n  return a;\n}',
      name: 'f',
      signature: 'function f(a: T): U',
      headerEndLine: 1,
    },
    {
      title: 'generic, async and overloaded functions keep their modifiers',
      text: 'export async function* walk<T extends Node>(root: T, depth = 0): AsyncGenerator<T> {}',
      name: 'walk',
      signature: 'export async function* walk<T extends Node>(root: T, depth = 0): AsyncGenerator<T>',
      headerEndLine: 1,
    },
    {
      title: 'a type alias signature is its type, in canonical layout',
      text: 'export type Options = {\n  depth: number,\n  mode?: "a" | "b"\n};',
      name: 'Options',
      signature: 'export type Options = { depth: number; mode?: "a" | "b"; }',
      headerEndLine: 4,
    },
    {
      title: 'a class header with decorators and heritage',
      text: '@Component({})\nexport abstract class View<P>\n  extends Base<P>\n  implements Render {\n  abstract render(): void;\n}',
      name: 'View',
      signature: '@Component({}) export abstract class View<P> extends Base<P> implements Render',
      headerEndLine: 4,
    },
  ])('$title', ({ text, name, signature, headerEndLine }) => {
    expect(signatureOf(text, name)).toMatchObject({ signature, headerEndLine });
  });
});

describe('lazy loading', () => {
  const root = path.resolve(__dirname, '../..');
  const names = ['typescript', 'typescript-compiler'];
  const sources = names.map((name) => path.join(root, `src/syntax/${name}.ts`));
  const builds = names.map((name) => path.join(root, `dist/src/syntax/${name}.js`));

  /**
   * The built module when `npm test` has just built it; for a lone `npx jest` run
   * with a stale or missing build, it and the loader it requires transpiled into
   * a temporary directory (their other imports are type-only or Node's own).
   */
  function moduleUnderTest(): { file: string; env: Record<string, string>; cleanup: () => void } {
    const fresh = builds.every((built, k) => fs.existsSync(built) && fs.statSync(built).mtimeMs >= fs.statSync(sources[k]).mtimeMs);
    if (fresh) return { file: builds[0], env: {}, cleanup: () => {} };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ts = require('typescript') as typeof import('typescript');
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'split-advisor-syntax-'));
    names.forEach((name, k) => {
      const output = ts.transpileModule(fs.readFileSync(sources[k], 'utf8'), {
        fileName: sources[k],
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      }).outputText;
      fs.writeFileSync(path.join(directory, `${name}.js`), output);
    });
    return { file: path.join(directory, 'typescript.js'), env: { NODE_PATH: path.join(root, 'node_modules') }, cleanup: () => fs.rmSync(directory, { recursive: true, force: true }) };
  }

  it('loads neither typescript nor ts-morph until the first parse', () => {
    const { file, env, cleanup } = moduleUnderTest();
    // Its only runtime require is the loader, inside a function; the loader's
    // own are Node's modules, and ts-morph only inside a function.
    const requiresOf = (text: string) => [...text.matchAll(/\brequire(?:\.resolve)?\(\s*['"]([^'"]+)['"]/g)].map((match) => match[1]);
    expect(requiresOf(fs.readFileSync(file, 'utf8'))).toEqual(['./typescript-compiler']);
    expect(requiresOf(fs.readFileSync(path.join(path.dirname(file), 'typescript-compiler.js'), 'utf8')).filter((name) => !name.startsWith('node:'))).toEqual(['@ts-morph/common', 'ts-morph', 'ts-morph']);

    const script = `
      const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;
      const file = process.env.MODULE_UNDER_TEST;
      const heavy = () => Object.keys(require.cache).filter((key) => /typescript|ts-morph/.test(key) && key !== file);
      let start = process.hrtime.bigint();
      const service = require(file).createTypeScriptSyntax();
      const importMs = ms(start);
      const before = heavy();
      start = process.hrtime.bigint();
      const result = service.parse('typescript', 'a.ts', 'export const a = 1;\\n');
      const parseMs = ms(start);
      console.log(JSON.stringify({ before, after: heavy(), lines: result.lines.length, importMs, parseMs }));
    `;
    const run = spawnSync(process.execPath, ['-e', script], { env: { ...process.env, ...env, MODULE_UNDER_TEST: file }, encoding: 'utf8', timeout: 30000 });
    cleanup();
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as { before: string[]; after: string[]; lines: number; importMs: number; parseMs: number };
    expect(report.before).toEqual([]);
    expect(report.after).toEqual(expect.arrayContaining([expect.stringMatching(/node_modules[\\/]ts-morph[\\/]/), expect.stringMatching(/typescript\.js$/)]));
    expect(report.lines).toBe(2);
  });
});
