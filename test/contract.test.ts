/**
 * The `--json` contract (shared/contract/suggest-json.md) on real commits:
 * field names and types, allowed values, unique ids, a series that takes every
 * change exactly once and depends only on earlier commits, and, the key
 * property, that the changes' line ranges cover every changed line of the real
 * `git diff` exactly once (nothing missing, nothing twice).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SuggestJson, TestRepo, cleanupRepos, createRepo, suggestJson } from './helpers/git-repo';
import { TOOL } from '../src/version';

const packageJson = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { name: string; version: string };

const STATUSES = ['modified', 'added', 'deleted', 'renamed', 'copied', 'mode', 'binary'];
const SOURCE_KINDS = ['commit', 'range', 'staged', 'worktree', 'patch'];

afterAll(cleanupRepos);

// ---------------------------------------------------------------------------
// Checks

function isRange(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value !== 'object') return false;
  const range = value as Record<string, unknown>;
  return Object.keys(range).sort().join(',') === 'lines,start' && Number.isInteger(range.start) && Number.isInteger(range.lines) && (range.start as number) >= 0 && (range.lines as number) >= 0;
}

/** Validates the shape and the internal consistency of one `--json` output. */
function validateContract(json: SuggestJson, expectedSource: { kind: string; rev?: string }): void {
  expect(json.schemaVersion).toBe(1);
  expect(json.tool).toEqual({ name: 'split-advisor', version: packageJson.version });
  expect(SOURCE_KINDS).toContain(json.source.kind);
  expect(json.source).toMatchObject(expectedSource);
  if (json.source.subject !== undefined) {
    expect(typeof json.source.subject).toBe('string');
    expect(json.source.subject).not.toContain('\n');
  }
  expect(typeof json.diffOnly).toBe('boolean');
  expect(Array.isArray(json.notes)).toBe(true);
  for (const note of json.notes) expect(typeof note).toBe('string');

  const ids = new Set<string>();
  for (const change of json.changes) {
    const where = `change ${change.id} (${change.file})`;
    expect({ where, ok: typeof change.id === 'string' && change.id !== '' }).toEqual({ where, ok: true });
    expect({ where, duplicate: ids.has(change.id) }).toEqual({ where, duplicate: false });
    ids.add(change.id);
    expect(typeof change.file).toBe('string');
    expect(change.file).not.toBe('');
    expect(change.oldFile === null || typeof change.oldFile === 'string').toBe(true);
    expect(STATUSES).toContain(change.status);
    expect({ where, old: isRange(change.old), new: isRange(change.new) }).toEqual({ where, old: true, new: true });
    expect(typeof change.kind).toBe('string');
    expect(change.kind).not.toBe('');
    if (change.detail !== undefined) expect(typeof change.detail).toBe('string');
    expect(typeof change.confidence).toBe('number');
    expect(change.confidence).toBeGreaterThanOrEqual(0);
    expect(change.confidence).toBeLessThanOrEqual(1);
    expect(typeof change.reason).toBe('string');
    expect(change.reason.trim()).not.toBe('');
    // Status and paths agree.
    if (change.status === 'added') expect({ where, oldFile: change.oldFile }).toEqual({ where, oldFile: null });
    if (change.status === 'renamed' || change.status === 'copied') expect(change.oldFile).not.toBe(change.file);
    if (change.status === 'modified' || change.status === 'deleted' || change.status === 'mode') expect({ where, oldFile: change.oldFile }).toEqual({ where, oldFile: change.file });
    // A change with text lines has both ranges; one without has neither.
    expect({ where, bothOrNeither: (change.old === null) === (change.new === null) }).toEqual({ where, bothOrNeither: true });
  }

  const seen = new Map<string, number>();
  json.series.forEach((commit, position) => {
    expect(commit.index).toBe(position + 1);
    expect(typeof commit.kind).toBe('string');
    expect(typeof commit.title).toBe('string');
    expect(commit.title.trim()).not.toBe('');
    expect(commit.title).not.toContain('\n');
    expect(typeof commit.message).toBe('string');
    expect(commit.message.startsWith(commit.title)).toBe(true);
    expect(commit.changes.length).toBeGreaterThan(0);
    for (const id of commit.changes) {
      expect({ id, known: ids.has(id) }).toEqual({ id, known: true });
      seen.set(id, (seen.get(id) ?? 0) + 1);
    }
    for (const dependency of commit.dependsOn) {
      expect(Number.isInteger(dependency)).toBe(true);
      expect(dependency).toBeGreaterThanOrEqual(1);
      expect(dependency).toBeLessThan(commit.index);
    }
    expect(new Set(commit.dependsOn).size).toBe(commit.dependsOn.length);
  });
  // Every change in exactly one commit.
  const counts = [...ids].map((id) => [id, seen.get(id) ?? 0]);
  expect(counts).toEqual([...ids].map((id) => [id, 1]));
}

interface SideLines {
  /** "path\u0000line" → how many times that line was named. */
  removed: Map<string, number>;
  added: Map<string, number>;
}

/**
 * The changed lines of a real `git diff`, by a deliberately simple reading of
 * its text: `--- a/X` / `+++ b/Y` name the files, `@@ -a,b +c,d @@` sets the
 * counters, and each `-`/`+` line is counted on its side. Paths must need no quoting.
 */
function changedLinesOfGitDiff(diff: string): SideLines {
  const result: SideLines = { removed: new Map(), added: new Map() };
  let oldPath = '';
  let newPath = '';
  let oldLine = 0;
  let newLine = 0;
  let oldLeft = 0;
  let newLeft = 0;
  for (const line of diff.split('\n')) {
    if (oldLeft > 0 || newLeft > 0) {
      if (line.startsWith('-')) {
        result.removed.set(`${oldPath}\0${oldLine}`, 1);
        oldLine += 1;
        oldLeft -= 1;
      } else if (line.startsWith('+')) {
        result.added.set(`${newPath}\0${newLine}`, 1);
        newLine += 1;
        newLeft -= 1;
      } else if (line.startsWith(' ') || line === '') {
        oldLine += 1;
        newLine += 1;
        oldLeft -= 1;
        newLeft -= 1;
      }
      continue;
    }
    if (line.startsWith('diff --git ')) {
      const match = /^diff --git a\/(.*) b\/(.*)$/.exec(line)!;
      oldPath = match[1];
      newPath = match[2];
    } else if (line.startsWith('--- ')) {
      if (line !== '--- /dev/null') oldPath = line.slice('--- a/'.length);
    } else if (line.startsWith('+++ ')) {
      if (line !== '+++ /dev/null') newPath = line.slice('+++ b/'.length);
    } else if (line.startsWith('@@ ')) {
      const match = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line)!;
      oldLine = Number(match[1]);
      oldLeft = match[2] === undefined ? 1 : Number(match[2]);
      newLine = Number(match[3]);
      newLeft = match[4] === undefined ? 1 : Number(match[4]);
      // An empty side starts *after* the given line.
      if (oldLeft === 0) oldLine += 1;
      if (newLeft === 0) newLine += 1;
    }
  }
  return result;
}

/** The lines the JSON's ranges name, counted so that overlaps show as 2. */
function changedLinesOfJson(json: SuggestJson): SideLines {
  const result: SideLines = { removed: new Map(), added: new Map() };
  const mark = (map: Map<string, number>, file: string, range: { start: number; lines: number } | null) => {
    if (range === null) return;
    for (let line = range.start; line < range.start + range.lines; line++) map.set(`${file}\0${line}`, (map.get(`${file}\0${line}`) ?? 0) + 1);
  };
  for (const change of json.changes) {
    mark(result.removed, change.oldFile ?? change.file, change.old);
    mark(result.added, change.file, change.new);
  }
  return result;
}

function sorted(map: Map<string, number>): Array<[string, number]> {
  return [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Every changed line of `diff` covered exactly once by the JSON's ranges. */
function expectExactCoverage(json: SuggestJson, diff: string): void {
  const expected = changedLinesOfGitDiff(diff);
  const actual = changedLinesOfJson(json);
  expect(sorted(actual.removed)).toEqual(sorted(expected.removed));
  expect(sorted(actual.added)).toEqual(sorted(expected.added));
}

/** Per-file line counts against `git diff --numstat`, and one change per binary file with null ranges. */
function expectNumstat(json: SuggestJson, repo: TestRepo, from: string, to: string): void {
  const perFile = new Map<string, { added: number; removed: number }>();
  for (const change of json.changes) {
    const entry = perFile.get(change.file) ?? { added: 0, removed: 0 };
    entry.added += change.new?.lines ?? 0;
    entry.removed += change.old?.lines ?? 0;
    perFile.set(change.file, entry);
  }
  const numstat = repo.git(['diff', '--numstat', '-M', from, to]).split('\n').filter((line) => line !== '');
  expect(perFile.size).toBe(numstat.length);
  for (const line of numstat) {
    const [plus, minus, rawName] = line.split('\t');
    // Renames print as "old => new" or "dir/{old => new}".
    const name = rawName.includes(' => ') ? rawName.replace(/\{[^}]* => ([^}]*)\}/, '$1').replace(/^.* => /, '').replace('//', '/') : rawName;
    const entry = perFile.get(name);
    expect({ name, found: entry !== undefined }).toEqual({ name, found: true });
    if (plus === '-') {
      const changes = json.changes.filter((change) => change.file === name);
      expect(changes).toHaveLength(1);
      expect(changes[0]).toMatchObject({ old: null, new: null });
    } else {
      expect({ name, ...entry }).toEqual({ name, added: Number(plus), removed: Number(minus) });
    }
  }
}

// ---------------------------------------------------------------------------
// Fixtures

const C_BEFORE = `#include <stdio.h>

static int add(int a, int b)
{
  return a + b;
}

static int scale(int x)
{
  return x * 2;
}

int main(void)
{
    int x = add(1, 2);
    printf("%d\\n", x);
    return 0;
}
`;

// Re-indented bodies (whitespace), one changed constant and a new line (functional).
const C_AFTER = `#include <stdio.h>

static int add(int a, int b)
{
    return a + b;
}

static int scale(int x)
{
    return x * 3;
}

int main(void)
{
    int x = add(1, 2);
    printf("%d\\n", scale(x));
    fflush(stdout);
    return 0;
}
`;

const PY_BEFORE = `import os


def greet(name):
    message = "hello, "+name
    return message


def root():
    return os.getcwd()


def unused():
    pass
`;

// Spacing around an operator (whitespace), a changed return (functional), a deleted function.
const PY_AFTER = `import os


def greet(name):
    message = "hello, " + name
    return message


def root():
    return os.path.abspath(os.getcwd())
`;

const LONG_TEXT = Array.from({ length: 30 }, (_, i) => `paragraph line ${i + 1}`).join('\n') + '\n';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]);

describe('the JSON contract on real commits', () => {
  let repo: TestRepo;
  const commits: Record<string, string> = {};

  beforeAll(() => {
    repo = createRepo();
    commits.base = repo.commitFiles('project: start', {
      'src/calc.c': C_BEFORE,
      'tools/greet.py': PY_BEFORE,
      'docs/guide.txt': LONG_TEXT,
      'docs/same.txt': 'unchanged content\nof a renamed file\n',
      'assets/logo.png': PNG,
      'old/obsolete.txt': 'first\nsecond\nthird\n',
      'run.sh': '#!/bin/sh\necho hi\n',
    });
    commits.mixed = repo.commitFiles('calc: scale by three and flush\n\nAlso tidy the indentation.\n', { 'src/calc.c': C_AFTER, 'tools/greet.py': PY_AFTER });
    repo.remove('docs/guide.txt').write('manual/guide.txt', LONG_TEXT.replace('paragraph line 12\n', 'paragraph line twelve\n'));
    repo.git(['mv', 'docs/same.txt', 'docs/renamed.txt']);
    commits.rename = repo.commit('docs: move the guide');
    commits.binary = repo.commitFiles('assets: new logo and icon', { 'assets/logo.png': Buffer.concat([PNG, Buffer.from([0, 9, 9, 9])]), 'assets/icon.bin': Buffer.from([0, 1, 0, 2, 0, 3]) });
    repo.remove('old/obsolete.txt');
    commits.deletion = repo.commit('old: drop obsolete.txt');
    // Everything at once: edits, a rename with an edit, a binary, a deletion, an addition and a mode change.
    repo.write('src/calc.c', C_AFTER.replace('fflush(stdout);', 'fflush(stdout);\n    fflush(stderr);').replace('  ', '    '));
    repo.write('tools/greet.py', PY_AFTER.replace('message = "hello, " + name', 'message  =  "hello, " + name.title()'));
    repo.remove('manual/guide.txt').write('guide.txt', LONG_TEXT.replace('paragraph line 12\n', 'paragraph line twelve\n').replace('paragraph line 30\n', 'paragraph line 30\nparagraph line 31\n'));
    repo.write('assets/icon.bin', Buffer.from([0, 1, 0, 2, 0, 4]));
    repo.remove('docs/renamed.txt');
    repo.write('src/new.h', '#pragma once\nint scale_by(int);\n');
    fs.chmodSync(repo.path('run.sh'), 0o755);
    commits.everything = repo.commit('everything: change it all at once');
  });

  const names = ['base', 'mixed', 'rename', 'binary', 'deletion', 'everything'];

  test.each(names)('commit "%s": shape, series and exact line coverage', async (name) => {
    const sha = commits[name];
    const parent = name === 'base' ? repo.git(['hash-object', '-t', 'tree', '--stdin'], { input: '' }) : `${sha}~1`;
    const json = await suggestJson(repo.dir, [sha]);
    validateContract(json, { kind: 'commit', rev: sha });
    expect(json.changes.length).toBeGreaterThan(0);
    expect(json.series.length).toBeGreaterThan(0);
    const diff = repo.git(['diff', '--no-color', '--no-ext-diff', '-M', '-U3', parent, sha]);
    expectExactCoverage(json, diff);
    expectNumstat(json, repo, parent, sha);
  });

  test('statuses of the fixture commits', async () => {
    const status = async (name: string) => {
      const json = await suggestJson(repo.dir, [commits[name]]);
      return Object.fromEntries(json.changes.map((change) => [change.file, change.status]));
    };
    expect(await status('rename')).toEqual({ 'manual/guide.txt': 'renamed', 'docs/renamed.txt': 'renamed' });
    expect(await status('binary')).toEqual({ 'assets/logo.png': 'binary', 'assets/icon.bin': expect.stringMatching(/^(binary|added)$/) });
    expect(await status('deletion')).toEqual({ 'old/obsolete.txt': 'deleted' });
    const everything = await status('everything');
    expect(everything['run.sh']).toBe('mode');
    expect(everything['docs/renamed.txt']).toBe('deleted');
    expect(everything['src/new.h']).toBe('added');
    expect(everything['guide.txt']).toBe('renamed');
  });

  test('the mixed commit is cut finer than its files', async () => {
    const json = await suggestJson(repo.dir, [commits.mixed]);
    expect(json.changes.filter((change) => change.file === 'src/calc.c').length).toBeGreaterThan(1);
    expect(json.changes.filter((change) => change.file === 'tools/greet.py').length).toBeGreaterThan(1);
    expect(json.source.subject).toBe('calc: scale by three and flush');
  });

  test('a range, the index and a patch of the same diff keep the contract', async () => {
    const range = await suggestJson(repo.dir, [`${commits.base}..${commits.deletion}`]);
    validateContract(range, { kind: 'range', rev: `${commits.base}..${commits.deletion}` });
    expectExactCoverage(range, repo.git(['diff', '--no-color', '-M', commits.base, commits.deletion]));

    const mail = repo.gitRaw(['format-patch', '--stdout', '-1', commits.everything]);
    const patch = await suggestJson(repo.dir, ['--patch', '-'], mail);
    validateContract(patch, { kind: 'patch' });
    // Read inside the repository that made it: full files from its blobs (test/rebuild.test.ts).
    expect(patch.diffOnly).toBe(false);
    expectExactCoverage(patch, repo.git(['diff', '--no-color', '-M', `${commits.everything}~1`, commits.everything]));

    repo.git(['checkout', '-q', commits.mixed]);
    try {
      repo.git(['read-tree', commits.everything]);
      const staged = await suggestJson(repo.dir, ['--staged']);
      validateContract(staged, { kind: 'staged' });
      expectExactCoverage(staged, repo.git(['diff', '--no-color', '-M', '--cached', 'HEAD']));
    } finally {
      repo.git(['checkout', '-q', '-f', 'main']);
    }
  });
});

test('the coverage check itself catches a gap and an overlap', () => {
  const diff = ['diff --git a/f b/f', 'index 1111111..2222222 100644', '--- a/f', '+++ b/f', '@@ -1,3 +1,3 @@', ' a', '-b', '+B', ' c', '@@ -10,0 +11,2 @@', '+x', '+y', ''].join('\n');
  const change = (id: string, old: { start: number; lines: number }, added: { start: number; lines: number }) =>
    ({ id, file: 'f', oldFile: 'f', status: 'modified', old, new: added, kind: 'functional', confidence: 1, reason: 'r' }) as SuggestJson['changes'][number];
  const json = (changes: SuggestJson['changes']) => ({ changes }) as SuggestJson;
  const exact = [change('c1', { start: 2, lines: 1 }, { start: 2, lines: 1 }), change('c2', { start: 10, lines: 0 }, { start: 11, lines: 2 })];
  expect(() => expectExactCoverage(json(exact), diff)).not.toThrow();
  expect(() => expectExactCoverage(json(exact.slice(0, 1)), diff)).toThrow();
  expect(() => expectExactCoverage(json([...exact, change('c3', { start: 10, lines: 0 }, { start: 12, lines: 1 })]), diff)).toThrow();
});

test('src/version.ts names the package and its version', () => {
  expect(TOOL.name).toBe(packageJson.name);
  expect(TOOL.version).toBe(packageJson.version);
});
