/**
 * Every bad-input path of the CLI ends the same way: exit code 2, exactly one
 * line on stderr starting `split-advisor:`, no stack trace, nothing on stdout.
 * `--help` and `--version` are the successful counterparts.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CliResult, TestRepo, cleanupRepos, createRepo, makeTempDir, runCliIn } from './helpers/git-repo';

const STACK_LINE = /^\s+at /m;

let repo: TestRepo;
let notARepo: string;
const savedCeiling = process.env.GIT_CEILING_DIRECTORIES;

beforeAll(() => {
  // Stop git's upward search at the temporary directory's parent, in case it lies inside a repository.
  process.env.GIT_CEILING_DIRECTORIES = fs.realpathSync(os.tmpdir());
  repo = createRepo();
  repo.commitFiles('project: start', { 'a.txt': 'one\ntwo\nthree\n' });
  repo.commitFiles('a: change two', { 'a.txt': 'one\nTWO\nthree\n' });
  repo.write('patches/mismatch.patch', ['diff --git a/x b/x', '--- a/x', '+++ b/x', '@@ -1,3 +1,3 @@', ' a', '-b', '+c', ''].join('\n'));
  repo.write('patches/garbage.patch', ['diff --git a/x b/x', '--- a/x', '+++ b/x', '@@ -1,3 +1,3 @@', ' a', '-b', '+c', 'this is not a diff line', ''].join('\n'));
  repo.write('patches/empty.patch', '');
  repo.write('patches/prose.patch', 'Just some text.\nNo diff here at all.\n');
  repo.write('patches/mail-without-diff.patch', 'From 1234567890abcdef1234567890abcdef12345678 Mon Sep 17 00:00:00 2001\nFrom: A <a@b>\nSubject: [PATCH] x: y\n\nbody only\n');
  fs.mkdirSync(repo.path('patches/a-directory'));
  notARepo = makeTempDir();
});

afterAll(() => {
  if (savedCeiling === undefined) delete process.env.GIT_CEILING_DIRECTORIES;
  else process.env.GIT_CEILING_DIRECTORIES = savedCeiling;
  cleanupRepos();
});

function expectOneLineError(result: CliResult, pattern?: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(STACK_LINE);
  expect(result.stderr.endsWith('\n')).toBe(true);
  const lines = result.stderr.slice(0, -1).split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^split-advisor: \S/);
  if (pattern) expect(lines[0]).toMatch(pattern);
}

type Row = [name: string, where: () => string, argv: string[], pattern: RegExp | undefined, stdin?: string];

const rows: Row[] = [
  ['an unknown revision', () => repo.dir, ['suggest', 'no-such-rev'], /no-such-rev/],
  ['an unknown revision with --json', () => repo.dir, ['suggest', '--json', 'deadbeef1234'], /deadbeef1234/],
  ['an unknown revision in a range', () => repo.dir, ['suggest', 'HEAD..no-such-branch'], /no-such-branch/],
  ['a revision that is not a commit', () => repo.dir, ['suggest', 'HEAD^{tree}'], /HEAD\^\{tree\}/],
  ['a revision past the root', () => repo.dir, ['suggest', 'HEAD~5'], /HEAD~5/],
  ['HEAD in a repository without commits', () => createRepo().dir, ['suggest'], /HEAD/],
  ['not a git directory', () => notARepo, ['suggest'], /not a git repository/],
  ['not a git directory, --staged', () => notARepo, ['suggest', '--staged'], /not a git repository/],
  ['not a git directory, --worktree', () => notARepo, ['suggest', '--worktree'], /not a git repository/],
  ['-C naming a missing directory', () => repo.dir, ['suggest', '-C', 'no/such/dir'], /no such directory/],
  ['a patch whose hunk ends early', () => repo.dir, ['suggest', '--patch', 'patches/mismatch.patch'], /mismatch\.patch.*line \d+/],
  ['a patch with a line that fits no hunk', () => repo.dir, ['suggest', '--patch', 'patches/garbage.patch'], /garbage\.patch.*line 8/],
  ['a malformed patch on stdin', () => repo.dir, ['suggest', '--patch', '-'], /standard input.*line \d+/, 'diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n-a\n+b\n'],
  ['an empty patch file', () => repo.dir, ['suggest', '--patch', 'patches/empty.patch'], /empty/],
  ['empty standard input', () => repo.dir, ['suggest', '--patch', '-'], /empty/, ''],
  ['a patch with no diff', () => repo.dir, ['suggest', '--patch', 'patches/prose.patch'], /no diff/],
  ['a mail with no diff', () => repo.dir, ['suggest', '--patch', 'patches/mail-without-diff.patch'], /no diff/],
  ['a missing patch file', () => repo.dir, ['suggest', '--patch', 'patches/missing.patch'], /missing\.patch/],
  ['a directory given as patch', () => repo.dir, ['suggest', '--patch', 'patches/a-directory'], /a-directory.*directory/],
  ['--patch without its file', () => repo.dir, ['suggest', '--patch'], /patch/],
  ['an unknown option', () => repo.dir, ['suggest', '--bogus'], /bogus/],
  ['an unknown option with --json', () => repo.dir, ['suggest', '--json', '--nonsense-flag'], /nonsense-flag/],
  ['an unknown command', () => repo.dir, ['frobnicate'], /frobnicate/],
  ['no command', () => repo.dir, [], /command/],
  ['two revisions', () => repo.dir, ['suggest', 'HEAD', 'HEAD~1'], undefined],
  ['an argument after --', () => repo.dir, ['suggest', '--', '-x'], /-x/],
  ['a path after the revision', () => repo.dir, ['suggest', 'HEAD', '--', 'a.txt'], /a\.txt/],
  ['--staged --worktree', () => repo.dir, ['suggest', '--staged', '--worktree'], /one input/],
  ['a revision and --patch', () => repo.dir, ['suggest', 'HEAD', '--patch', 'patches/prose.patch'], /one input/],
  ['--first-parent with --staged', () => repo.dir, ['suggest', '--first-parent', '--staged'], /first-parent/],
  ['--format xml', () => repo.dir, ['suggest', '--format', 'xml'], /xml/],
];

// Objects, not arrays: jest takes a test function with more parameters than a row has cells for one that wants `done`.
const cases = rows.map(([name, where, argv, pattern, stdin]) => ({ name, where, argv, pattern, stdin }));

test.each(cases)('$name: exit 2, one line on stderr', async ({ where, argv, pattern, stdin }) => {
  const result = await runCliIn(where(), argv, stdin ?? '');
  expectOneLineError(result, pattern);
});

test('a missing patch file is named relative to -C', async () => {
  const result = await runCliIn(notARepo, ['suggest', '-C', repo.dir, '--patch', 'patches/missing.patch']);
  expectOneLineError(result, /missing\.patch/);
});

test('--help exits 0 with usage on stdout', async () => {
  for (const argv of [['--help'], ['-h'], ['suggest', '--help']]) {
    const result = await runCliIn(repo.dir, argv);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/split-advisor/);
    expect(result.stdout).toMatch(/suggest/);
  }
  const suggestHelp = await runCliIn(repo.dir, ['suggest', '--help']);
  for (const option of ['--patch', '--staged', '--worktree', '--first-parent', '--json', '--format', '--color', '-C']) {
    expect(suggestHelp.stdout).toContain(option);
  }
});

test('--version prints the version', async () => {
  const result = await runCliIn(repo.dir, ['--version']);
  expect(result.code).toBe(0);
  expect(result.stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')).version);
});

test('a bad-input error does not run the analysis', async () => {
  // The analysis would print to stdout; a usage error must stop before it.
  for (const argv of [['suggest', '--bogus'], ['suggest', '--json', '--bogus', 'HEAD']]) {
    const result = await runCliIn(repo.dir, argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
  }
});
