/**
 * segmentBlock and splitUnits: how one block of removed/added lines is cut into
 * changes. Every line must land in exactly one segment, and a whitespace-only run
 * is cut out only where it sits in the same place on both sides.
 */
import { segmentBlock, splitUnits } from '../src/changes';

const covered = (segments: ReturnType<typeof segmentBlock>, removed: number, added: number) => {
  const removedLines = segments.reduce((sum, segment) => sum + segment.removedCount, 0);
  const addedLines = segments.reduce((sum, segment) => sum + segment.addedCount, 0);
  return removedLines === removed && addedLines === added;
};

describe('segmentBlock', () => {
  it.each([
    {
      name: 'a re-indented line next to an edited one is cut out',
      removed: ['  a();', '  b();'],
      added: ['    a();', '  c();'],
      segments: 2,
    },
    {
      name: 'a closing brace that matches another is not cut out',
      removed: ['  if (x) {', '  }'],
      added: ['  while (y) {', '    }'],
      segments: 1,
    },
    {
      name: 'in a rewrite, a line equal to one far away is not cut out',
      removed: ['return total;', ...Array.from({ length: 20 }, (_v, k) => `old${k}();`)],
      added: [...Array.from({ length: 20 }, (_v, k) => `new${k}();`), '  return total;'],
      segments: 1,
    },
    {
      name: 'a pure addition stays one segment when short',
      removed: [],
      added: ['x();', 'y();'],
      segments: 1,
    },
  ])('$name', ({ removed, added, segments }) => {
    const result = segmentBlock(removed, added);
    expect(result).toHaveLength(segments);
    expect(covered(result, removed.length, added.length)).toBe(true);
  });
});

describe('splitUnits', () => {
  it('cuts two added functions apart, blank lines staying with the first', () => {
    const lines = ['def a():', '    return 1', '', '', 'def b():', '    return 2'];
    expect(splitUnits(lines)).toEqual([
      [0, 4],
      [4, 2],
    ]);
  });

  it('leaves a small addition whole', () => {
    expect(splitUnits(['x = 1', '', 'y = 2'])).toEqual([[0, 3]]);
  });
});
