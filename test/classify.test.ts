/**
 * classifyChanges: a heuristic that throws makes no claim (the change stays
 * functional) and the failure is recorded for the report, instead of the whole
 * analysis ending in an internal error.
 */
import { functionalDefault } from '../heuristics/functional-default';
import { buildChanges } from '../src/changes';
import { Commit, classifyChanges } from '../src/classify';
import { Heuristic } from '../src/heuristic';
import { parsePatch } from '../src/parse';

const DIFF = 'diff --git a/x.c b/x.c\n--- a/x.c\n+++ b/x.c\n@@ -1 +1 @@\n-int a;\n+int  a;\n';

const throwing: Heuristic = {
  meta: { id: 'test-throwing', description: 'always throws', produces: ['whitespace'], languages: 'all', messages: {} },
  appliesTo: () => true,
  classify: () => {
    throw new Error('boom');
  },
};

describe('classifyChanges', () => {
  it('keeps going when a heuristic throws, and records the failure', () => {
    const { files } = parsePatch(DIFF);
    const changes = buildChanges(files);
    const view = new Commit(files, changes, [], []);
    const classified = classifyChanges(files, changes, { view, heuristics: [throwing, functionalDefault] });
    expect(classified.map((change) => change.verdict.kind)).toEqual(['functional']);
    expect(view.failures).toEqual([expect.stringContaining('test-throwing on c1 (x.c): boom')]);
  });
});
