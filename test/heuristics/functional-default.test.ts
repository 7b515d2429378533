/**
 * functional-default: the catch-all. Every change no other heuristic claims is
 * functional, with a reason that says what kind of change it is.
 *
 * The diff-text cases were produced by git 2.39 in a scratch repository
 * (`git diff --no-color` after `chmod +x`, re-pointing a symlink, replacing a
 * binary, `git update-index --cacheinfo 160000,...` for the submodule, `git mv`
 * with `git diff --cached -M` for the rename, `git add` of an empty file).
 */
import { functionalDefault } from '../../heuristics/functional-default';
import { classifyCase, runHeuristicTests } from '../helpers/heuristic-tester';

const functional = (messageId: string) => ({ kind: 'functional' as const, messageId, heuristic: 'functional-default' });

runHeuristicTests(functionalDefault, {
  valid: [],
  invalid: [
    {
      name: 'a changed binary file is functional (binary): it cannot be inspected',
      diff: `diff --git a/img.bin b/img.bin
index 8352675..1592e5c 100644
Binary files a/img.bin and b/img.bin differ
`,
      expect: [functional('binary')],
    },
    {
      name: 'a file made executable is functional (modeChange)',
      diff: `diff --git a/run.sh b/run.sh
old mode 100644
new mode 100755
`,
      expect: [functional('modeChange')],
    },
    {
      name: 'a file made non-executable is functional (modeChange)',
      diff: `diff --git a/run.sh b/run.sh
old mode 100755
new mode 100644
`,
      expect: [functional('modeChange')],
    },
    {
      name: 'a re-pointed symbolic link is functional (symlink), not a one-line edit',
      diff: `diff --git a/link b/link
index 12a8d8a..3b7781e 120000
--- a/link
+++ b/link
@@ -1 +1 @@
-target1
\\ No newline at end of file
+target2
\\ No newline at end of file
`,
      expect: [functional('symlink')],
    },
    {
      name: 'a moved submodule pointer (mode 160000) is functional (submodule)',
      diff: `diff --git a/sub b/sub
index 1111111..2222222 160000
--- a/sub
+++ b/sub
@@ -1 +1 @@
-Subproject commit 1111111111111111111111111111111111111111
+Subproject commit 2222222222222222222222222222222222222222
`,
      expect: [functional('submodule')],
    },
    {
      name: 'a pure rename is functional (pureRename): paths are part of the program',
      diff: `diff --git a/old.c b/new.c
similarity index 100%
rename from old.c
rename to new.c
`,
      expect: [functional('pureRename')],
    },
    {
      name: 'an added empty file is functional (emptyFile)',
      diff: `diff --git a/empty.txt b/empty.txt
new file mode 100644
index 0000000..e69de29
`,
      expect: [functional('emptyFile')],
    },
    {
      name: 'a deleted empty file is functional (emptyFile)',
      diff: `diff --git a/empty.txt b/empty.txt
deleted file mode 100644
index e69de29..0000000
`,
      expect: [functional('emptyFile')],
    },
    {
      name: 'added lines are functional (addedLines)',
      path: 'x.c',
      before: 'int a;\n',
      after: 'int a;\nint b;\n',
      expect: [functional('addedLines')],
    },
    {
      name: 'removed lines are functional (removedLines)',
      path: 'x.c',
      before: 'int a;\nint b;\n',
      after: 'int a;\n',
      expect: [functional('removedLines')],
    },
    {
      name: 'replaced lines are functional (changedLines)',
      path: 'x.c',
      before: 'int a;\nint b;\n',
      after: 'int a;\nlong b;\n',
      expect: [functional('changedLines')],
    },
    {
      name: 'a whitespace-only change is functional too when functional-default runs alone',
      path: 'x.c',
      before: 'int a;\n',
      after: 'int  a;\n',
      expect: [functional('changedLines')],
    },
    {
      name: 'two separate edits in one file are two functional changes',
      path: 'x.c',
      before: 'int a;\n1\n2\n3\n4\n5\n6\n7\nint b;\n',
      after: 'int A;\n1\n2\n3\n4\n5\n6\n7\nint b;\nint c;\n',
      expect: [functional('changedLines'), functional('addedLines')],
    },
  ],
});

describe('functional-default: rendered reasons', () => {
  // The rendered text is what users read; spot-check the templates' data.
  it.each([
    ['made executable', 'diff --git a/run.sh b/run.sh\nold mode 100644\nnew mode 100755\n', 'File mode changed from 100644 to 100755 (now executable).'],
    ['no longer executable', 'diff --git a/run.sh b/run.sh\nold mode 100755\nnew mode 100644\n', 'File mode changed from 100755 to 100644 (no longer executable).'],
    ['pure rename', 'diff --git a/old.c b/new.c\nsimilarity index 100%\nrename from old.c\nrename to new.c\n', 'File renamed from old.c without content changes.'],
  ])('%s', (name, diff, reason) => {
    const [change] = classifyCase(functionalDefault, { name, diff });
    expect(change.verdict.reason).toBe(reason);
  });
});
