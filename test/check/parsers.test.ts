/**
 * check loads a real parser only for a commit that adds a top-level or public
 * declaration and changes another code file: the only case where a finding
 * (api-with-use) depends on it.
 */
import { LoadedCommit } from '../../src/check/history';
import { parserLanguages } from '../../src/check/run';
import { parseCommitMessage } from '../../src/message';
import { parsePatch } from '../../src/parse';
import { CaseFile, diffOfCaseFile } from '../helpers/heuristic-tester';

function commitOf(files: CaseFile[]): LoadedCommit {
  const parsed = parsePatch(files.map(diffOfCaseFile).join('')).files;
  return { sha: '0'.repeat(40), author: 'A', rawMessage: 'x: y\n', message: parseCommitMessage('x: y\n'), files: parsed, contents: files.map((file) => ({ old: file.before ?? '', new: file.after ?? '' })) };
}

const USE = { path: 'src/b.ts', before: 'run(1);\n', after: 'run(b);\n' };

describe('parserLanguages', () => {
  it.each([
    ['a new export beside a change in another file', [{ path: 'src/a.ts', before: 'export const a = 1;\n', after: 'export const a = 1;\nexport function b() {}\n' }, USE], ['typescript']],
    ['a new top-level Python function used in another file', [{ path: 'a.py', before: 'A = 1\n', after: 'A = 1\n\ndef b():\n    pass\n' }, { path: 'c.py', before: 'x = 1\n', after: 'x = b()\n' }], ['python']],
    ['a new export that no other file uses', [{ path: 'src/a.ts', before: 'export const a = 1;\n', after: 'export const a = 1;\nexport function c() {}\n' }, USE], []],
    ['a reformatted export', [{ path: 'src/a.ts', before: 'export function b(x: number,\n  y: number) {}\n', after: 'export function b(x: number, y: number) {}\n' }, USE], []],
    ['a change inside a function', [{ path: 'src/a.ts', before: 'export function a() {\n  return 1;\n}\n', after: 'export function a() {\n  return 2;\n}\n' }, USE], []],
    ['a new export alone', [{ path: 'src/a.ts', before: 'export const a = 1;\n', after: 'export const a = 1;\nexport function b() {}\n' }], []],
    ['a new export beside a test only', [{ path: 'src/a.ts', before: 'export const a = 1;\n', after: 'export const a = 1;\nexport function b() {}\n' }, { path: 'test/a.test.ts', before: 'x;\n', after: 'b();\n' }], []],
  ])('%s', (_name, files, expected) => {
    expect([...parserLanguages(commitOf(files as CaseFile[]))]).toEqual(expected);
  });
});
