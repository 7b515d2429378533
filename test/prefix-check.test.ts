/**
 * brokenFilesChecker: the "every step parses" check. A step is blamed only when
 * its file parses before and after the commit and not with the step's changes
 * alone; the old version is parsed first and settles files that never parsed.
 */
import { buildChanges } from '../src/changes';
import { Commit } from '../src/classify';
import { parsePatch } from '../src/parse';
import { brokenFilesChecker } from '../src/prefix-check';
import { loadTreeSitter, TreeSitterService } from '../src/syntax/tree-sitter';

const FILLER = Array.from({ length: 12 }, (_unused, k) => `int x${k};`);

/** A C file and a two-hunk diff: `/*` added after line 1, `*\/` before the last line. */
function commentedOut(first: string): { diff: string; old: string; new: string } {
  const oldLines = [first, ...FILLER, 'int c;'];
  const newLines = [first, '/*', ...FILLER, '*/', 'int c;'];
  const diff =
    'diff --git a/x.c b/x.c\n--- a/x.c\n+++ b/x.c\n' +
    `@@ -1,4 +1,5 @@\n ${first}\n+/*\n ${FILLER[0]}\n ${FILLER[1]}\n ${FILLER[2]}\n` +
    `@@ -11,4 +12,5 @@\n ${FILLER[9]}\n ${FILLER[10]}\n ${FILLER[11]}\n+*/\n int c;\n`;
  return { diff, old: `${oldLines.join('\n')}\n`, new: `${newLines.join('\n')}\n` };
}

describe('brokenFilesChecker', () => {
  let service: TreeSitterService;
  beforeAll(async () => {
    service = await loadTreeSitter(['c']);
  });

  it.each([
    { name: 'the opening alone leaves an unterminated comment', first: 'int a;', applied: [0], broken: ['x.c'] },
    { name: 'the closing alone is a stray token', first: 'int a;', applied: [1], broken: ['x.c'] },
    { name: 'both changes: the new version', first: 'int a;', applied: [0, 1], broken: [] },
    { name: 'no change: the old version', first: 'int a;', applied: [], broken: [] },
    // A file that did not parse before the commit is never held against a step.
    { name: 'a file already broken before', first: 'int a(;', applied: [0], broken: [] },
  ])('$name', ({ first, applied, broken }) => {
    const input = commentedOut(first);
    const { files } = parsePatch(input.diff);
    const changes = buildChanges(files);
    expect(changes).toHaveLength(2);
    const view = new Commit(files, changes, [{ old: input.old, new: input.new }], [service]);
    expect(brokenFilesChecker(view)(new Set(applied.map((k) => changes[k].id)))).toEqual(broken);
  });
});
