/**
 * unrelated-changes: two functional edits that share nothing; not edits linked
 * by a name one defines and the other uses, not two edits in one file.
 */
import { unrelatedChanges } from '../../src/rules/unrelated-changes';
import { runRuleTests } from '../helpers/rule-tester';

const MESSAGE = 'app: two fixes\n\nThe timeout was too short and the greeting misspelt.\n';
const NET = 'def timeout():\n    return 10\n';
const UI = 'def greeting():\n    return "helo"\n';

runRuleTests(unrelatedChanges, {
  valid: [
    { name: 'one functional change', message: MESSAGE, files: [{ path: 'net.py', before: NET, after: NET.replace('10', '30') }] },
    {
      name: 'a definition and its use',
      message: MESSAGE,
      files: [
        { path: 'net.py', before: NET, after: NET.replace('def timeout():', 'def timeout(slow):').replace('return 10', 'return 30 if slow else 10') },
        { path: 'client.py', before: 'def connect():\n    return open_socket(timeout())\n', after: 'def connect():\n    return open_socket(timeout(True))\n' },
      ],
    },
    {
      name: 'a typed constant and the registry that imports it, without parsers',
      message: MESSAGE,
      files: [
        { path: 'src/rules/retry.ts', before: "export const other: Rule = { id: 'other' };\n", after: "export const other: Rule = { id: 'other' };\nexport const retryRule: Rule = { id: 'retry' };\n" },
        { path: 'src/rules/index.ts', before: "import { other } from './other';\n\nexport const rules = [other];\n", after: "import { other } from './other';\nimport { retryRule } from './retry';\n\nexport const rules = [other, retryRule];\n" },
      ],
    },
    {
      // `data` is too common a word to link by itself; read as a member of the interface gaining it, it is a use.
      name: 'an interface gaining a member with a common name, its writer and its reader',
      message: MESSAGE,
      files: [
        { path: 'src/model.ts', before: 'export interface Verdict {\n  kind: string;\n}\n', after: 'export interface Verdict {\n  kind: string;\n  data?: Record<string, string | number>;\n}\n' },
        { path: 'src/classify.ts', before: 'export function toVerdict(result: Result): Verdict {\n  return { kind: result.kind };\n}\n', after: 'export function toVerdict(result: Result): Verdict {\n  return { kind: result.kind, data: result.data };\n}\n' },
        { path: 'src/series.ts', before: 'export function subject(verdict: Verdict): string {\n  return verdict.kind;\n}\n', after: 'export function subject(verdict: Verdict): string {\n  return String(verdict.data?.names ?? verdict.kind);\n}\n' },
      ],
    },
    {
      name: 'a code change and the configuration beside it',
      message: MESSAGE,
      files: [
        { path: 'net.py', before: NET, after: NET.replace('10', '30') },
        { path: '.github/workflows/ci.yaml', before: 'node: [8, 10]\n', after: 'node: [10, 12]\n' },
        { path: 'tsconfig.json', before: '{ "target": "es2015" }\n', after: '{ "target": "es2017" }\n' },
      ],
    },
    {
      name: 'two edits in one file',
      message: MESSAGE,
      files: [{ path: 'app.py', before: `${NET}\n\n${'# filler\n'.repeat(40)}\n${UI}`, after: `${NET.replace('10', '30')}\n\n${'# filler\n'.repeat(40)}\n${UI.replace('helo', 'hello')}` }],
    },
  ],
  invalid: [
    {
      name: 'two files, nothing shared',
      message: MESSAGE,
      files: [
        { path: 'net.py', before: NET, after: NET.replace('10', '30') },
        { path: 'ui.py', before: UI, after: UI.replace('helo', 'hello') },
      ],
      expect: [{ severity: 'warn', message: /2 independent groups of functional changes: \(1\) net\.py, \(2\) ui\.py/ }],
    },
    {
      // Reading `.data` links nothing when no change declares a member of that name.
      name: 'two edits reading a common member that nothing here declares',
      message: MESSAGE,
      files: [
        { path: 'src/net.ts', before: 'export function size(reply: Reply): number {\n  return reply.length;\n}\n', after: 'export function size(reply: Reply): number {\n  return reply.data.length;\n}\n' },
        { path: 'src/ui.ts', before: 'export function title(page: Page): string {\n  return page.name;\n}\n', after: 'export function title(page: Page): string {\n  return page.data.title;\n}\n' },
      ],
      expect: [{ severity: 'warn', message: /2 independent groups of functional changes/ }],
    },
  ],
});
