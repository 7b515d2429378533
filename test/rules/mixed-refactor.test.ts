/**
 * mixed-refactor: a rename or a move beside a functional change; not a pure
 * refactor commit, not a functional change alone.
 */
import { mixedRefactor } from '../../src/rules/mixed-refactor';
import { runRuleTests } from '../helpers/rule-tester';

const MESSAGE = 'net: retry once on timeout\n\nA single dropped packet failed the whole sync.\n';
const PY = 'def fetch_data(url):\n    return get(url)\n\n\ndef sync():\n    return fetch_data(URL)\n';
const RENAMED = PY.replace(/fetch_data/g, 'fetch');

const WEIGHTS =
  'function measure(text: string): number {\n  return text.split(/\\s+/).filter((word) => word.length > 0).length;\n}\n\n' +
  'export function weigh(text: string): number {\n  return measure(text) * 2;\n}\n';
const SHOUT = 'export function shout(text: string): string {\n  return text.toUpperCase();\n}\n';
const MAIN = (imports: string) => `${imports}\n\nexport function main(text: string): string {\n  return \`\${shout(text)}: \${weigh(text)}\`;\n}\n`;

runRuleTests(mixedRefactor, {
  valid: [
    { name: 'a rename alone', message: 'net: rename fetch_data to fetch\n\nNo functional change.\n', files: [{ path: 'net.py', before: PY, after: RENAMED }] },
    { name: 'a functional change alone', message: MESSAGE, files: [{ path: 'net.py', before: PY, after: PY.replace('return get(url)', 'return get(url, retries=1)') }] },
    {
      // The module move of this repository's 0032b6a, in small: the helpers and
      // their caller's import go together, as the series suggests.
      name: 'functions moved to a module of their own, with the import that switches to it',
      message: 'util: weights in a module of their own\n\nGeometry grows; util.ts keeps the text helpers.\n',
      syntax: true,
      files: [
        { path: 'src/util.ts', before: `${WEIGHTS}\n${SHOUT}`, after: SHOUT },
        { path: 'src/weight.ts', before: null, after: WEIGHTS },
        { path: 'src/main.ts', before: MAIN("import { shout, weigh } from './util';"), after: MAIN("import { shout } from './util';\nimport { weigh } from './weight';") },
      ],
    },
  ],
  invalid: [
    {
      name: 'functions moved to a module of their own beside an unrelated functional change',
      message: 'util: weights in a module of their own\n\nGeometry grows; util.ts keeps the text helpers.\n',
      syntax: true,
      files: [
        { path: 'src/util.ts', before: `${WEIGHTS}\n${SHOUT}`, after: SHOUT },
        { path: 'src/weight.ts', before: 'export const unit = 1;\n', after: `export const unit = 1;\n\n${WEIGHTS}` },
        { path: 'src/config.ts', before: 'export const TIMEOUT = 10;\n', after: 'export const TIMEOUT = 30;\n' },
      ],
      expect: [{ message: /move/ }],
    },
    {
      name: 'a rename beside a functional change in another file',
      message: MESSAGE,
      files: [
        { path: 'net.py', before: PY, after: RENAMED },
        { path: 'config.py', before: 'TIMEOUT = 10\n', after: 'TIMEOUT = 30\n' },
      ],
      expect: [{ severity: 'error', message: /no-op change.*rename.*fetch_data.*fetch.*beside 1 functional change/ }],
    },
    {
      name: 'a function moved to another file beside a functional change',
      message: MESSAGE,
      files: [
        { path: 'a.py', before: 'def helper(x):\n    total = x * 2\n    total += 1\n    return total\n\n\ndef main():\n    return 1\n', after: 'def main():\n    return 1\n' },
        { path: 'b.py', before: 'def other():\n    return 2\n', after: 'def other():\n    return 2\n\n\ndef helper(x):\n    total = x * 2\n    total += 1\n    return total\n' },
        { path: 'config.py', before: 'TIMEOUT = 10\n', after: 'TIMEOUT = 30\n' },
      ],
      expect: [{ message: /move/ }],
    },
  ],
});
