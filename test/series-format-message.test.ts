/**
 * The message of a suggested clean-up commit names the proof it rests on:
 * identical or equivalent token streams for code, the same rendered HTML for
 * Markdown (which has no token stream to compare).
 */
import { heuristics } from '../heuristics';
import { buildSeries } from '../src/series';
import { cleanupRepos, createRepo, suggestJson } from './helpers/git-repo';
import { FileCase, classifyCaseWith } from './helpers/heuristic-tester';

afterAll(cleanupRepos);

const cases: Array<{ name: string; change: FileCase; says: string; never: string }> = [
  {
    name: 'a re-wrapped Markdown paragraph',
    change: { name: 'md', path: 'docs/guide.md', before: '# Guide\n\nIt reads a commit and\nsuggests a series.\n', after: '# Guide\n\nIt reads a commit\nand suggests a series.\n' },
    says: 'Formatting only; no functional change: the Markdown renders to the same HTML.',
    never: 'token streams',
  },
  {
    name: 'a re-indented C line',
    change: { name: 'c', path: 'src/a.c', before: 'int f(void)\n{\n  return 1;\n}\n', after: 'int f(void)\n{\n    return 1;\n}\n' },
    says: 'Whitespace only; no functional change: the token streams are identical.',
    never: 'Markdown',
  },
];

describe('the clean-up commit message', () => {
  it.each(cases.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, { change, says, never }) => {
    const classified = classifyCaseWith(heuristics, change);
    const { series } = buildSeries(classified, [], null);
    expect(series).toHaveLength(1);
    expect(series[0].message).toContain(says);
    expect(series[0].message).not.toContain(never);
  });
});

describe('the new-API commit subject', () => {
  const BOX = 'export interface Box {\n  width: number;\n  height: number;\n  area(): number;\n}\n';
  const BOX_OF = 'export function boxOf(width: number, height: number): Box {\n  const area = () => width * height;\n  return { width, height, area };\n}\n';

  it.each([
    ['an interface with its fields, and a function with locals', `export const VERSION = 1;\n\n${BOX}\n${BOX_OF}`, 'shapes: add Box, boxOf'],
    ['one function', `export const VERSION = 1;\n\n${BOX_OF.replace(': Box', '')}`, 'shapes: add boxOf'],
  ])('names the public declarations, not their members or locals: %s', async (_name, shapes, subject) => {
    const repo = createRepo();
    repo.commitFiles('base', { 'src/shapes.ts': 'export const VERSION = 1;\n', 'src/main.ts': 'export function main(): number {\n  return 1;\n}\n' });
    // A functional change beside it, so the API gets a commit of its own with a written subject.
    const rev = repo.commitFiles('change', { 'src/shapes.ts': shapes, 'src/main.ts': 'export function main(): number {\n  return 2;\n}\n' });
    const json = await suggestJson(repo.dir, [rev]);
    expect(json.series.map((commit) => commit.title)).toContain(subject);
  });

  it('names no word of a comment', async () => {
    const repo = createRepo();
    repo.commitFiles('base', { 'src/shapes.ts': 'export interface Box {\n  width: number;\n}\n', 'src/main.ts': 'export function main(): number {\n  return 1;\n}\n' });
    const rev = repo.commitFiles('change', {
      'src/shapes.ts': 'export interface Box {\n  width: number;\n  /**\n   * How deep (an interface gaining a field, function depthOf reads it).\n   */\n  depth?: number;\n}\n',
      'src/main.ts': 'export function main(): number {\n  return 2;\n}\n',
    });
    const json = await suggestJson(repo.dir, [rev]);
    expect(json.series.map((commit) => commit.title)).toContain('shapes: add depth');
  });
});

describe('the functional commit subject', () => {
  it('does not call an edit of a default export "change default"', async () => {
    const rule = (check: string) => `export default createRule({\n  create(context) {\n    return { ${check} };\n  },\n});\n`;
    const repo = createRepo();
    repo.commitFiles('base', { 'src/rules/no-loose-equality.ts': rule('BinaryExpression: check'), 'src/server.ts': 'export function port(): number {\n  return 80;\n}\n' });
    const rev = repo.commitFiles('server: listen on 8080', { 'src/rules/no-loose-equality.ts': rule('BinaryExpression: check, SwitchCase: checkCase'), 'src/server.ts': 'export function port(): number {\n  return 8080;\n}\n' });
    const json = await suggestJson(repo.dir, [rev]);
    expect(json.series.map((commit) => commit.title).sort()).toEqual(['no-loose-equality: update', 'server: listen on 8080']);
  });
});
