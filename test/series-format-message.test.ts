/**
 * The message of a suggested clean-up commit names the proof it rests on:
 * identical or equivalent token streams for code, the same rendered HTML for
 * Markdown (which has no token stream to compare).
 */
import { heuristics } from '../heuristics';
import { buildSeries } from '../src/series';
import { FileCase, classifyCaseWith } from './helpers/heuristic-tester';

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
