/**
 * classifyChanges: a heuristic that throws makes no claim (the change stays
 * functional) and the failure is recorded for the report, instead of the whole
 * analysis ending in an internal error. The commit view parses the second
 * version of a file from the first one's parse, with the hunks as line edits,
 * and parses for tokens only within the commit's budget.
 */
import { functionalDefault } from '../heuristics/functional-default';
import { buildChanges } from '../src/changes';
import { Commit, classifyChanges } from '../src/classify';
import { Heuristic } from '../src/heuristic';
import { parsePatch } from '../src/parse';
import { FileSyntax, ParseOptions, SyntaxService } from '../src/syntax/types';

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

/** A parser that parses nothing and records what it was asked. */
function recordingService(): SyntaxService & { calls: Array<{ text: string; options: ParseOptions }> } {
  const calls: Array<{ text: string; options: ParseOptions }> = [];
  return {
    languages: new Set(['c']),
    calls,
    parse(_language: string, _path: string, text: string, options: ParseOptions = {}): FileSyntax {
      calls.push({ text, options });
      return { lines: [], declarations: [], hasErrors: false };
    },
  };
}

// Two hunks: line 2 changed, and two lines added after old line 9 (new lines 10-11).
const OLD = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map((name) => `int ${name};`).join('\n') + '\n';
const NEW = OLD.replace('int b;', 'int bb;').replace('int i;\n', 'int i;\nint x;\nint y;\n');
const TWO_HUNKS =
  'diff --git a/x.c b/x.c\n--- a/x.c\n+++ b/x.c\n' +
  '@@ -1,3 +1,3 @@\n int a;\n-int b;\n+int bb;\n int c;\n' +
  '@@ -8,3 +8,5 @@\n int h;\n int i;\n+int x;\n+int y;\n int j;\n';

describe('Commit.syntax', () => {
  it.each([
    { first: 'old' as const, second: 'new' as const, edits: [{ start: 0, removed: 3, added: 3 }, { start: 7, removed: 3, added: 5 }] },
    { first: 'new' as const, second: 'old' as const, edits: [{ start: 0, removed: 3, added: 3 }, { start: 7, removed: 5, added: 3 }] },
  ])('parses the $second version from the $first one, the hunks as edits', ({ first, second, edits }) => {
    const { files } = parsePatch(TWO_HUNKS);
    const service = recordingService();
    const view = new Commit(files, buildChanges(files), [{ old: OLD, new: NEW }], [service]);
    const earlier = view.syntax(0, first);
    view.syntax(0, second);
    expect(service.calls.map((call) => call.text)).toEqual(first === 'old' ? [OLD, NEW] : [NEW, OLD]);
    expect(service.calls[0].options).toMatchObject({ reuse: true });
    expect(service.calls[0].options.from).toBeUndefined();
    expect(service.calls[1].options.from).toEqual({ syntax: earlier, edits });
  });

  it('keeps no tree for an added file, which has one version', () => {
    const { files } = parsePatch('diff --git a/x.c b/x.c\nnew file mode 100644\n--- /dev/null\n+++ b/x.c\n@@ -0,0 +1 @@\n+int a;\n');
    const service = recordingService();
    const view = new Commit(files, buildChanges(files), [{ old: null, new: 'int a;\n' }], [service]);
    view.syntax(0, 'new');
    expect(service.calls).toEqual([{ text: 'int a;\n', options: expect.objectContaining({ reuse: false }) }]);
  });
});

describe('the real-token budget of a commit', () => {
  const TWO_FILES =
    'diff --git a/x.c b/x.c\n--- a/x.c\n+++ b/x.c\n@@ -1 +1 @@\n-int a;\n+int  a;\n' +
    'diff --git a/y.c b/y.c\n--- a/y.c\n+++ b/y.c\n@@ -1 +1 @@\n-int b;\n+int  b;\n';
  const contents = [
    { old: 'int a;\n', new: 'int  a;\n' },
    { old: 'int b;\n', new: 'int  b;\n' },
  ];

  it.each([
    { budget: 1000, parsed: ['int a;\n', 'int  a;\n', 'int b;\n', 'int  b;\n'] },
    // Room for the first file's two versions only: the second is table-lexed.
    { budget: 'int a;\n'.length + 'int  a;\n'.length, parsed: ['int a;\n', 'int  a;\n'] },
    { budget: 0, parsed: [] },
  ])('with $budget characters, parses $parsed.length versions for tokens', ({ budget, parsed }) => {
    const { files } = parsePatch(TWO_FILES);
    const changes = buildChanges(files);
    const service = recordingService();
    const view = new Commit(files, changes, contents, [service], budget);
    for (const change of changes) {
      expect(view.lexSide(change, 'old').lines.map((line) => line.tokens.map((token) => token.text))).toEqual([['int', change.fileIndex === 0 ? 'a' : 'b', ';']]);
      view.lexSide(change, 'new');
    }
    expect(service.calls.map((call) => call.text)).toEqual(parsed);
  });

  it('is not spent on a file no parser reads', () => {
    const diff =
      'diff --git a/notes.txt b/notes.txt\n--- a/notes.txt\n+++ b/notes.txt\n@@ -1 +1 @@\n-some notes here\n+some  notes here\n' +
      'diff --git a/x.c b/x.c\n--- a/x.c\n+++ b/x.c\n@@ -1 +1 @@\n-int a;\n+int  a;\n';
    const { files } = parsePatch(diff);
    const changes = buildChanges(files);
    const service = recordingService();
    // Room for the C file's two versions, and most of the text file's, which comes first.
    const budget = 'int a;\n'.length + 'int  a;\n'.length + 'some notes here\n'.length + 'some  notes here\n'.length - 1;
    const view = new Commit(files, changes, [{ old: 'some notes here\n', new: 'some  notes here\n' }, contents[0]], [service], budget);
    for (const change of changes) {
      view.lexSide(change, 'old');
      view.lexSide(change, 'new');
    }
    expect(service.calls.map((call) => call.text)).toEqual(['int a;\n', 'int  a;\n']);
  });

  it('costs nothing for a version already parsed with its tokens kept', () => {
    const { files } = parsePatch(TWO_FILES);
    const changes = buildChanges(files);
    const service = recordingService();
    const view = new Commit(files, changes, contents, [service], 0);
    view.syntax(1, 'old'); // for declarations, say: the recording parser makes its lines at once
    view.lexSide(changes[1], 'old');
    expect(service.calls.map((call) => call.text)).toEqual(['int b;\n']);
  });
});
