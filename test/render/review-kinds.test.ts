/**
 * The reviewer's table: which kinds are skimmed, which are generated, which are
 * read (unknown kinds included), and the line counts built on it.
 */
import { ClassifiedChange, Report } from '../../src/model';
import { ReviewCategory, reviewCategoryOf, reviewSummary } from '../../src/render/review-kinds';

test.each([
  ['whitespace', 'skim'],
  ['formatting', 'skim'],
  ['comment', 'skim'],
  ['refactor', 'skim'],
  ['move', 'skim'],
  ['generated', 'generated'],
  ['api-addition', 'read'],
  ['api-change', 'read'],
  ['api-removal', 'read'],
  ['functional', 'read'],
  ['test', 'read'],
  ['docs', 'read'],
  ['dependency', 'read'],
  // Kinds the table does not know are read: a wrong "skim" hides a behaviour change.
  ['security', 'read'],
  ['', 'read'],
  ['Whitespace', 'read'],
  ['toString', 'read'],
  ['__proto__', 'read'],
  ['constructor', 'read'],
] as Array<[string, ReviewCategory]>)('%s is %s', (kind, category) => {
  expect(reviewCategoryOf(kind)).toBe(category);
});

/** A change of `kind` with `removed` and `added` lines; nothing else matters to the summary. */
function changeOf(kind: string, removed: number, added: number, index: number): ClassifiedChange {
  return {
    id: `c${index + 1}`,
    fileIndex: 0,
    hunkIndex: 0,
    file: 'a.ts',
    oldFile: 'a.ts',
    status: 'modified',
    old: { start: 1, lines: removed },
    new: { start: 1, lines: added },
    removed: Array.from({ length: removed }, (_, k) => `old ${k}`),
    added: Array.from({ length: added }, (_, k) => `new ${k}`),
    blockStart: 0,
    blockLength: removed + added,
    removedOffset: 0,
    addedOffset: 0,
    // The kind is an open set: the summary must take kinds it has never heard of.
    verdict: { kind: kind as ClassifiedChange['verdict']['kind'], confidence: 1, reason: '', heuristic: 'test' },
  };
}

function reportOf(changes: Array<[string, number, number]>): Report {
  return {
    source: { kind: 'patch' },
    diffOnly: true,
    files: [],
    changes: changes.map(([kind, removed, added], index) => changeOf(kind, removed, added, index)),
    series: [],
    message: null,
    notes: [],
  };
}

test.each([
  ['no changes', [], { totalLines: 0, lines: { read: 0, skim: 0, generated: 0 }, byKind: [] }],
  [
    'one of each category, listed read, skim, generated',
    [
      ['generated', 0, 40],
      ['whitespace', 3, 3],
      ['functional', 2, 5],
    ],
    {
      totalLines: 53,
      lines: { read: 7, skim: 6, generated: 40 },
      byKind: [
        { kind: 'functional', category: 'read', changes: 1, lines: 7 },
        { kind: 'whitespace', category: 'skim', changes: 1, lines: 6 },
        { kind: 'generated', category: 'generated', changes: 1, lines: 40 },
      ],
    },
  ],
  [
    'changes of one kind add up; a pure removal and a change without lines count what they have',
    [
      ['move', 10, 0],
      ['move', 0, 10],
      ['functional', 0, 0],
      ['comment', 1, 1],
    ],
    {
      totalLines: 22,
      lines: { read: 0, skim: 22, generated: 0 },
      byKind: [
        { kind: 'functional', category: 'read', changes: 1, lines: 0 },
        { kind: 'comment', category: 'skim', changes: 1, lines: 2 },
        { kind: 'move', category: 'skim', changes: 2, lines: 20 },
      ],
    },
  ],
  [
    'an unknown kind is read, after the known read kinds, whatever the input order',
    [
      ['security', 1, 1],
      ['docs', 0, 4],
      ['api-addition', 0, 3],
      ['alpha', 2, 0],
    ],
    {
      totalLines: 11,
      lines: { read: 11, skim: 0, generated: 0 },
      byKind: [
        { kind: 'api-addition', category: 'read', changes: 1, lines: 3 },
        { kind: 'docs', category: 'read', changes: 1, lines: 4 },
        { kind: 'alpha', category: 'read', changes: 1, lines: 2 },
        { kind: 'security', category: 'read', changes: 1, lines: 2 },
      ],
    },
  ],
] as Array<[string, Array<[string, number, number]>, ReturnType<typeof reviewSummary>]>)('%s', (_name, changes, expected) => {
  expect(reviewSummary(reportOf(changes))).toEqual(expected);
});

test('the summary of a real report counts every changed line once', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { adviseOnPatch } = require('../../src/advise') as typeof import('../../src/advise');
  const patch = [
    'diff --git a/src/a.c b/src/a.c',
    '--- a/src/a.c',
    '+++ b/src/a.c',
    '@@ -1,4 +1,4 @@',
    ' int f(void)',
    ' {',
    '-  return 1;',
    '+  return 2;',
    ' }',
    'diff --git a/README.md b/README.md',
    '--- a/README.md',
    '+++ b/README.md',
    '@@ -1 +1,2 @@',
    ' # a',
    '+more',
    '',
  ].join('\n');
  const summary = reviewSummary(adviseOnPatch(patch));
  expect(summary.totalLines).toBe(3);
  expect(summary.lines.read + summary.lines.skim + summary.lines.generated).toBe(3);
  expect(summary.byKind.map((entry) => entry.kind).sort()).toEqual(['docs', 'functional']);
});
