/**
 * Round trip of every diff construct git (and `diff -ru`) emits: parse the stored
 * fixture, re-emit it with formatPatch, and require the same bytes; then apply the
 * re-emitted patch to the rebuilt base with `git apply --check`, check the
 * structured fields the advisor relies on, and check that buildChanges puts every
 * changed line into exactly one change.
 *
 * What is compared: formatPatch emits file sections only. For plain diffs that is
 * the whole fixture. For a `git format-patch` mail and `git show` output, the
 * preamble (mail headers or commit header, message, diffstat) and the mail
 * signature (`-- ` line and what follows) are not file sections; the comparison
 * covers the fixture from its first `diff --git` line up to the signature (or the
 * end), and the preamble is checked through the parsed message and author instead.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildChanges } from '../src/changes';
import { formatPatch } from '../src/emit';
import { DiffFile } from '../src/model';
import { ParsedFile, parsePatch } from '../src/parse';
import { ExpectedFile, FIXTURE_DIR, GIT_OPTIONS, Scenario, buildBase, fixedEnv, scenarios } from './helpers/scenarios';

/** Every construct the fixture set must cover. */
const REQUIRED = [
  'modify-lines',
  'add-file',
  'delete-file',
  'rename-exact',
  'rename-with-edit',
  'copy-with-edit',
  'mode-executable',
  'mode-and-content',
  'symlink-add',
  'symlink-retarget',
  'file-to-symlink',
  'binary-add',
  'binary-modify',
  'no-newline-old-side',
  'no-newline-new-side',
  'no-newline-both',
  'crlf-content',
  'empty-file-add',
  'empty-file-delete',
  'submodule-pointer',
  'path-with-spaces',
  'path-with-quotes',
  'path-with-tab',
  'path-with-newline',
  'path-non-ascii',
  'path-non-utf8',
  'content-non-utf8',
  'many-hunks',
  'zero-context',
  'plain-diff-u',
  'format-patch',
  'git-show',
  'github-style',
];

function readFixture(scenario: Scenario): Buffer {
  return fs.readFileSync(path.join(FIXTURE_DIR, `${scenario.name}.diff`));
}

/** The part of the fixture formatPatch must reproduce (see the file comment). */
function comparedPortion(scenario: Scenario, fixture: Buffer): Buffer {
  if (scenario.compare === 'all') return fixture;
  const start = fixture.subarray(0, 11).toString('latin1') === 'diff --git ' ? 0 : fixture.indexOf('\ndiff --git ') + 1;
  if (start <= 0) throw new Error(`${scenario.name}: no 'diff --git' line in the fixture`);
  const signature = fixture.indexOf('\n-- \n', start);
  return fixture.subarray(start, signature < 0 ? fixture.length : signature + 1);
}

function checkFile(actual: ParsedFile, expected: ExpectedFile): void {
  expect({
    status: actual.status,
    oldPath: actual.oldPath?.text ?? null,
    newPath: actual.newPath?.text ?? null,
    similarity: actual.similarity,
    dissimilarity: actual.dissimilarity,
    binary: actual.binary,
  }).toEqual({
    status: expected.status,
    oldPath: expected.oldPath,
    newPath: expected.newPath,
    similarity: expected.similarity ?? null,
    dissimilarity: expected.dissimilarity ?? null,
    binary: expected.binary ?? false,
  });
  const encoding = expected.pathEncoding ?? 'utf8';
  if (actual.oldPath !== null) expect(actual.oldPath.encoding).toBe(encoding);
  if (actual.newPath !== null) expect(actual.newPath.encoding).toBe(encoding);
  if (expected.oldMode !== undefined) expect(actual.oldMode).toBe(expected.oldMode);
  if (expected.newMode !== undefined) expect(actual.newMode).toBe(expected.newMode);
  if (expected.hunks !== undefined) expect(actual.hunks).toHaveLength(expected.hunks);
  const lines = actual.hunks.flatMap((hunk) => hunk.lines);
  expect({
    old: lines.some((line) => line.noNewlineAtEnd && line.type !== '+'),
    new: lines.some((line) => line.noNewlineAtEnd && line.type !== '-'),
  }).toEqual(expected.noNewline ?? { old: false, new: false });
  expect(lines.some((line) => line.encoding === 'latin1')).toBe(expected.latin1Lines ?? false);
  if (actual.binary && actual.format === 'git' && actual.rawHeader.includes('GIT binary patch')) {
    expect(actual.binaryPatch).not.toBeNull();
  }
}

/** Every removed or added line of every hunk belongs to exactly one change, with the same text; files without hunks get one change. */
function checkChanges(files: DiffFile[]): void {
  const changes = buildChanges(files);
  let changedLines = 0;
  files.forEach((file, fileIndex) => {
    const own = changes.filter((change) => change.fileIndex === fileIndex);
    if (file.hunks.length === 0) {
      expect(own.map((change) => change.hunkIndex)).toEqual([-1]);
      return;
    }
    expect(own.every((change) => change.hunkIndex >= 0)).toBe(true);
    file.hunks.forEach((hunk, hunkIndex) => {
      const owners = hunk.lines.map(() => 0);
      for (const change of own.filter((candidate) => candidate.hunkIndex === hunkIndex)) {
        const block = hunk.lines.slice(change.blockStart, change.blockStart + change.blockLength).map((line, k) => ({ line, index: change.blockStart + k }));
        expect(block.length).toBe(change.blockLength);
        expect(block.every(({ line }) => line.type !== ' ')).toBe(true);
        const removed = block.filter(({ line }) => line.type === '-').slice(change.removedOffset, change.removedOffset + change.removed.length);
        const added = block.filter(({ line }) => line.type === '+').slice(change.addedOffset, change.addedOffset + change.added.length);
        expect(removed.map(({ line }) => line.text)).toEqual(change.removed);
        expect(added.map(({ line }) => line.text)).toEqual(change.added);
        for (const { index } of [...removed, ...added]) owners[index]++;
      }
      expect(owners).toEqual(hunk.lines.map((line) => (line.type === ' ' ? 0 : 1)));
      changedLines += hunk.lines.filter((line) => line.type !== ' ').length;
    });
  });
  expect(changes.reduce((sum, change) => sum + change.removed.length + change.added.length, 0)).toBe(changedLines);
}

function applyCheck(scenario: Scenario, patch: Buffer): void {
  const repo = buildBase(scenario);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'split-advisor-patch-')), 'emitted.patch');
  try {
    fs.writeFileSync(file, patch);
    execFileSync('git', [...GIT_OPTIONS, 'apply', '--check', ...(scenario.applyArgs ?? []), file], { cwd: repo.dir, env: fixedEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`git apply --check of the re-emitted ${scenario.name} patch failed:\n${stderr || (error as Error).message}`);
  } finally {
    repo.dispose();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

describe('parser fixtures', () => {
  it('cover every required construct, each with a fixture and a README entry', () => {
    const names = scenarios.map((scenario) => scenario.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(REQUIRED));
    const readme = fs.readFileSync(path.join(FIXTURE_DIR, 'README.md'), 'utf8');
    const onDisk = fs.readdirSync(FIXTURE_DIR).filter((name) => name.endsWith('.diff'));
    expect(onDisk.sort()).toEqual(names.map((name) => `${name}.diff`).sort());
    for (const name of names) expect(readme).toContain(`\`${name}.diff\``);
  });
});

describe.each(scenarios.map((scenario) => [scenario.name, scenario] as const))('round trip of %s', (_name, scenario) => {
  const fixture = readFixture(scenario);
  const parsed = parsePatch(fixture);
  const emitted = formatPatch(parsed.files);

  it('re-emits the same bytes', () => {
    const expected = comparedPortion(scenario, fixture);
    // Compare as latin1 text first for a readable diff on failure, then as bytes.
    expect(emitted.toString('latin1')).toBe(expected.toString('latin1'));
    expect(emitted.equals(expected)).toBe(true);
  });

  it('applies to the base with git apply --check', () => {
    applyCheck(scenario, emitted);
  });

  it('reports the expected files, modes and flags', () => {
    expect(parsed.files).toHaveLength(scenario.expect.files.length);
    parsed.files.forEach((file, k) => checkFile(file, scenario.expect.files[k]));
  });

  it('reports the commit message and author of a mail or git show output', () => {
    if (scenario.expect.message === undefined) {
      expect(parsed.message).toBeNull();
      expect(parsed.author).toBeNull();
      return;
    }
    expect(parsed.message).toEqual(scenario.expect.message);
    expect(parsed.author).toBe(scenario.expect.author);
  });

  it('puts every changed line into exactly one change', () => {
    checkChanges(parsed.files);
  });
});
