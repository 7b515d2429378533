/**
 * One scenario per diff construct git (or `diff -u`) emits. Each builds a base
 * state in a fresh temporary git repository, commits a change on top, and produces
 * a diff with a fixed command. `write-fixtures.ts` stores those diffs under
 * fixtures/parse/; test/parse-roundtrip.test.ts rebuilds each base and checks that
 * parsing and re-emitting the stored diff gives back its bytes and still applies.
 *
 * Everything is deterministic: fixed names and dates, no global or system git
 * configuration, UTC, the C locale. No jest here, so the generator can use it too.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FileStatus } from '../../src/model';

export const FIXTURE_DIR = path.join(__dirname, '..', '..', 'fixtures', 'parse');

const BASE_DATE = '2024-01-01T10:00:00+00:00';
const CHANGE_DATE = '2024-01-02T11:30:00+00:00';
/** Seconds since the epoch of the two dates, for file times of `diff -ru` trees. */
const BASE_TIME = Date.parse(BASE_DATE) / 1000;
const CHANGE_TIME = Date.parse(CHANGE_DATE) / 1000;

export const AUTHOR = 'Fixture Author <author@example.com>';

/** The environment of every command: the caller's PATH and nothing that could change git's output. */
export function fixedEnv(date: string = BASE_DATE): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('GIT_') && !key.startsWith('LC_') && key !== 'LANG' && key !== 'LANGUAGE') env[key] = value;
  }
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Fixture Author',
    GIT_AUTHOR_EMAIL: 'author@example.com',
    GIT_COMMITTER_NAME: 'Fixture Committer',
    GIT_COMMITTER_EMAIL: 'committer@example.com',
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
    TZ: 'UTC',
    LC_ALL: 'C',
  };
}

/** Options every git command of a scenario gets, in front of the subcommand. */
export const GIT_OPTIONS = ['-c', 'core.quotePath=true'];

/** A temporary git repository with byte-exact file helpers (Buffer names for non-UTF-8 paths). */
export class Repo {
  constructor(readonly dir: string) {}

  static create(): Repo {
    const repo = new Repo(fs.mkdtempSync(path.join(os.tmpdir(), 'split-advisor-scenario-')));
    repo.git(['init', '-q', '-b', 'main']);
    repo.git(['config', 'user.name', 'Fixture Author']);
    repo.git(['config', 'user.email', 'author@example.com']);
    return repo;
  }

  git(args: string[], date?: string): Buffer {
    return execFileSync('git', [...GIT_OPTIONS, ...args], { cwd: this.dir, env: fixedEnv(date), maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
  }

  /** Absolute path of a repository file; a Buffer name stays bytes (for names that are not UTF-8). */
  path(name: string | Buffer): string | Buffer {
    return typeof name === 'string' ? path.join(this.dir, name) : Buffer.concat([Buffer.from(this.dir + '/'), name]);
  }

  write(name: string | Buffer, content: string | Buffer): void {
    if (typeof name === 'string') fs.mkdirSync(path.dirname(path.join(this.dir, name)), { recursive: true });
    fs.writeFileSync(this.path(name), content);
  }

  remove(name: string | Buffer): void {
    fs.rmSync(this.path(name));
  }

  rename(from: string | Buffer, to: string | Buffer): void {
    fs.renameSync(this.path(from), this.path(to));
  }

  chmod(name: string, mode: number): void {
    fs.chmodSync(this.path(name), mode);
  }

  symlink(target: string, name: string): void {
    fs.symlinkSync(target, this.path(name));
  }

  /** Stages the whole work tree and commits it with a fixed date. */
  commit(message: string, date: string): void {
    this.git(['add', '-A'], date);
    this.git(['commit', '-q', '--allow-empty', '-m', message], date);
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** What the parser must report for one file of a scenario's diff. */
export interface ExpectedFile {
  status: FileStatus;
  oldPath: string | null;
  newPath: string | null;
  /** Checked when given (null included). */
  oldMode?: string | null;
  newMode?: string | null;
  /** Default null. */
  similarity?: number | null;
  /** Default null. */
  dissimilarity?: number | null;
  /** Default false. */
  binary?: boolean;
  /** Encoding of both paths; default 'utf8'. */
  pathEncoding?: 'utf8' | 'latin1';
  /** Number of hunks; checked when given. */
  hunks?: number;
  /**
   * Which sides end without a newline: `old` when a '-' or ' ' line carries the
   * marker, `new` when a '+' or ' ' line does. Default both false.
   */
  noNewline?: { old: boolean; new: boolean };
  /** True when some hunk line was decoded as latin1. Default false. */
  latin1Lines?: boolean;
}

export interface ExpectedPatch {
  files: ExpectedFile[];
  /** For mails and `git show`: the commit message the parser must recover. */
  message?: { subject: string; body: string; trailers: Array<{ key: string; value: string }> };
  author?: string;
}

export interface Scenario {
  /** Kebab-case name of the construct; the fixture is fixtures/parse/<name>.diff. */
  name: string;
  summary: string;
  /** Writes the base state into the work tree; the runner commits it. */
  base(repo: Repo): void;
  /** Changes the work tree (and index); the runner commits it with `message`. */
  change(repo: Repo): void;
  /** The change commit's message; default `change: <name>`. */
  message?: string;
  /**
   * The command that produces the diff. `git ...` runs in the repository after the
   * change commit (with GIT_OPTIONS in front of the subcommand). `diff ...` runs in a
   * directory holding `old/` (the base commit) and `new/` (the change commit).
   */
  command: string[];
  /** Extra arguments `git apply --check` needs to apply the re-emitted patch to the base. */
  applyArgs?: string[];
  /**
   * 'all': the re-emitted files equal the whole fixture. 'diff': the fixture is a
   * mail or `git show` output whose message, diffstat and signature formatPatch does
   * not emit; the files equal the fixture from its first `diff --git` line up to the
   * mail signature (`-- ` line) or the end.
   */
  compare: 'all' | 'diff';
  expect: ExpectedPatch;
}

/** Lines `line 1` .. `line n`, each with a newline. */
function numbered(n: number, prefix = 'line'): string {
  return Array.from({ length: n }, (_, k) => `${prefix} ${k + 1}\n`).join('');
}

/** Deterministic pseudo-random bytes (with NULs, so git sees binary). */
function bytes(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let state = seed >>> 0;
  for (let k = 0; k < length; k++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[k] = k % 16 === 0 ? 0 : state >>> 24;
  }
  return out;
}

/** A small C-like source file with several functions, for function context in hunk headers. */
function source(edits: Record<number, string> = {}): string {
  const lines: string[] = [];
  for (let f = 1; f <= 5; f++) {
    lines.push(`int function_${f}(int x)`, '{');
    for (let k = 1; k <= 16; k++) lines.push(`\tx = x * ${f} + ${k};`);
    lines.push('\treturn x;', '}', '');
  }
  for (const [index, text] of Object.entries(edits)) lines[Number(index)] = text;
  return lines.join('\n') + '\n';
}

const SHA_A = '1111111111111111111111111111111111111111';
const SHA_B = '2222222222222222222222222222222222222222';
const NON_UTF8_NAME = Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9]), Buffer.from('.txt')]);
const NON_UTF8_TEXT = NON_UTF8_NAME.toString('latin1');

const GIT_DIFF = ['git', 'diff', 'HEAD~1', 'HEAD'];
const GIT_DIFF_BINARY = ['git', 'diff', '--binary', 'HEAD~1', 'HEAD'];

const FORMAT_PATCH_MESSAGE = [
  'greeting: say héllo to the whole world',
  '',
  'The greeting named one person only. Name the world instead, so that the',
  'output reads the same whoever runs it.',
  '',
  'A second paragraph, to prove the body keeps its blank lines.',
  '',
  'Signed-off-by: Fixture Author <author@example.com>',
  'Change-Id: I0123456789abcdef0123456789abcdef01234567',
].join('\n');

const SHOW_MESSAGE = [
  'counter: start counting at one',
  '',
  'Counting from zero confused readers of the report.',
  '',
  'Reviewed-by: Fixture Reviewer <reviewer@example.com>',
  'Signed-off-by: Fixture Author <author@example.com>',
].join('\n');

export const scenarios: Scenario[] = [
  {
    name: 'modify-lines',
    summary: 'two lines changed in the middle of a text file',
    base: (repo) => repo.write('notes.txt', numbered(12)),
    change: (repo) => repo.write('notes.txt', numbered(12).replace('line 5\n', 'line five\n').replace('line 7\n', 'line seven\n')),
    command: GIT_DIFF,
    compare: 'all',
    expect: { files: [{ status: 'modified', oldPath: 'notes.txt', newPath: 'notes.txt', oldMode: '100644', newMode: '100644', hunks: 1 }] },
  },
  {
    name: 'add-file',
    summary: 'a new text file',
    base: (repo) => repo.write('README', 'readme\n'),
    change: (repo) => repo.write('src/added.txt', 'first\nsecond\nthird\n'),
    command: GIT_DIFF,
    compare: 'all',
    expect: { files: [{ status: 'added', oldPath: null, newPath: 'src/added.txt', oldMode: null, newMode: '100644', hunks: 1 }] },
  },
  {
    name: 'delete-file',
    summary: 'a text file deleted',
    base: (repo) => {
      repo.write('README', 'readme\n');
      repo.write('old/gone.txt', 'one\ntwo\n');
    },
    change: (repo) => repo.remove('old/gone.txt'),
    command: GIT_DIFF,
    compare: 'all',
    expect: { files: [{ status: 'deleted', oldPath: 'old/gone.txt', newPath: null, oldMode: '100644', newMode: null, hunks: 1 }] },
  },
  {
    name: 'rename-exact',
    summary: 'a file renamed without edits (similarity 100%, no hunks)',
    base: (repo) => repo.write('before.txt', numbered(10)),
    change: (repo) => repo.rename('before.txt', 'after.txt'),
    command: GIT_DIFF,
    compare: 'all',
    expect: { files: [{ status: 'renamed', oldPath: 'before.txt', newPath: 'after.txt', similarity: 100, hunks: 0 }] },
  },
  {
    name: 'rename-with-edit',
    summary: 'a file moved to another directory and edited',
    base: (repo) => repo.write('lib/before.txt', numbered(20)),
    change: (repo) => {
      repo.remove('lib/before.txt');
      repo.write('src/after.txt', numbered(20).replace('line 10\n', 'line ten\n'));
    },
    command: GIT_DIFF,
    compare: 'all',
    expect: { files: [{ status: 'renamed', oldPath: 'lib/before.txt', newPath: 'src/after.txt', similarity: 94, oldMode: '100644', newMode: '100644', hunks: 1 }] },
  },
  {
    name: 'copy-with-edit',
    summary: 'a file copied from an unchanged one and edited (needs -C -C)',
    base: (repo) => repo.write('template.txt', numbered(20)),
    change: (repo) => repo.write('copy.txt', numbered(20).replace('line 3\n', 'line three\n')),
    command: ['git', 'diff', '-C', '-C', 'HEAD~1', 'HEAD'],
    compare: 'all',
    expect: { files: [{ status: 'copied', oldPath: 'template.txt', newPath: 'copy.txt', similarity: 92, hunks: 1 }] },
  },
  {
    name: 'mode-executable',
    summary: 'chmod +x only: old mode/new mode, no hunks',
    base: (repo) => repo.write('run.sh', '#!/bin/sh\necho run\n'),
    change: (repo) => repo.chmod('run.sh', 0o755),
    command: GIT_DIFF,
    compare: 'all',
    expect: { files: [{ status: 'mode', oldPath: 'run.sh', newPath: 'run.sh', oldMode: '100644', newMode: '100755', hunks: 0 }] },
  },
  {
    name: 'mode-and-content',
    summary: 'a mode change together with an edit',
    base: (repo) => repo.write('run.sh', '#!/bin/sh\necho run\n'),
    change: (repo) => {
      repo.write('run.sh', '#!/bin/sh\necho running\n');
      repo.chmod('run.sh', 0o755);
    },
    command: GIT_DIFF,
    compare: 'all',
    expect: { files: [{ status: 'modified', oldPath: 'run.sh', newPath: 'run.sh', oldMode: '100644', newMode: '100755', hunks: 1 }] },
  },
  {
    name: 'symlink-add',
    summary: 'a new symbolic link (mode 120000, target without newline)',
    base: (repo) => repo.write('target.txt', 'target\n'),
    change: (repo) => repo.symlink('target.txt', 'link'),
    command: GIT_DIFF,
    compare: 'all',
    expect: { files: [{ status: 'added', oldPath: null, newPath: 'link', newMode: '120000', hunks: 1, noNewline: { old: false, new: true } }] },
  },
  {
    name: 'symlink-retarget',
    summary: 'a symbolic link pointed elsewhere',
    base: (repo) => {
      repo.write('one.txt', 'one\n');
      repo.write('two.txt', 'two\n');
      repo.symlink('one.txt', 'link');
    },
    change: (repo) => {
      repo.remove('link');
      repo.symlink('two.txt', 'link');
    },
    command: GIT_DIFF,
    compare: 'all',
    expect: { files: [{ status: 'modified', oldPath: 'link', newPath: 'link', oldMode: '120000', newMode: '120000', hunks: 1, noNewline: { old: true, new: true } }] },
  },
  {
    name: 'file-to-symlink',
    summary: 'a regular file replaced by a symbolic link: a deletion and an addition of the same path',
    base: (repo) => {
      repo.write('target.txt', 'target\n');
      repo.write('config', 'key = value\n');
    },
    change: (repo) => {
      repo.remove('config');
      repo.symlink('target.txt', 'config');
    },
    command: GIT_DIFF,
    compare: 'all',
    expect: {
      files: [
        { status: 'deleted', oldPath: 'config', newPath: null, oldMode: '100644', hunks: 1 },
        { status: 'added', oldPath: null, newPath: 'config', newMode: '120000', hunks: 1, noNewline: { old: false, new: true } },
      ],
    },
  },
  {
    name: 'binary-add',
    summary: 'a new binary file as a GIT binary patch (literal)',
    base: (repo) => repo.write('README', 'readme\n'),
    change: (repo) => repo.write('image.bin', bytes(300, 1)),
    command: GIT_DIFF_BINARY,
    compare: 'all',
    expect: { files: [{ status: 'added', oldPath: null, newPath: 'image.bin', newMode: '100644', binary: true, hunks: 0 }] },
  },
  {
    name: 'binary-modify',
    summary: 'a binary file edited in place, as a GIT binary patch (delta both ways)',
    base: (repo) => repo.write('data.bin', bytes(4096, 2)),
    change: (repo) => {
      const data = bytes(4096, 2);
      bytes(64, 3).copy(data, 1000);
      repo.write('data.bin', data);
    },
    command: GIT_DIFF_BINARY,
    compare: 'all',
    expect: { files: [{ status: 'binary', oldPath: 'data.bin', newPath: 'data.bin', oldMode: '100644', newMode: '100644', binary: true, hunks: 0 }] },
  },
  {
    name: 'no-newline-old-side',
    summary: 'a newline added at the end of a file that had none',
    base: (repo) => repo.write('end.txt', 'a\nb\nc'),
    change: (repo) => repo.write('end.txt', 'a\nb\nc\n'),
    command: GIT_DIFF,
    compare: 'all',
    expect: { files: [{ status: 'modified', oldPath: 'end.txt', newPath: 'end.txt', hunks: 1, noNewline: { old: true, new: false } }] },
  },
  {
    name: 'no-newline-new-side',
    summary: 'the final newline of a file removed',
    base: (repo) => repo.write('end.txt', 'a\nb\nc\n'),
    change: (repo) => repo.write('end.txt', 'a\nb\nc'),
    command: GIT_DIFF,
    compare: 'all',
    expect: { files: [{ status: 'modified', oldPath: 'end.txt', newPath: 'end.txt', hunks: 1, noNewline: { old: false, new: true } }] },
  },
  {
    name: 'no-newline-both',
    summary: 'the last line changed, neither side ending with a newline (two markers)',
    base: (repo) => repo.write('end.txt', 'a\nb\nc'),
    change: (repo) => repo.write('end.txt', 'a\nb\nC'),
    command: GIT_DIFF,
    compare: 'all',
    expect: { files: [{ status: 'modified', oldPath: 'end.txt', newPath: 'end.txt', hunks: 1, noNewline: { old: true, new: true } }] },
  },
  {
    name: 'crlf-content',
    summary: 'a file with CRLF line endings edited (the CR stays in the line text)',
    base: (repo) => repo.write('dos.txt', 'one\r\ntwo\r\nthree\r\n'),
    change: (repo) => repo.write('dos.txt', 'one\r\nTWO\r\nthree\r\n'),
    command: GIT_DIFF,
    compare: 'all',
    expect: { files: [{ status: 'modified', oldPath: 'dos.txt', newPath: 'dos.txt', hunks: 1 }] },
  },
  {
    name: 'empty-file-add',
    summary: 'an empty file added: extended headers only, no ---/+++ lines',
    base: (repo) => repo.write('README', 'readme\n'),
    change: (repo) => repo.write('empty.txt', ''),
    command: GIT_DIFF,
    compare: 'all',
    expect: { files: [{ status: 'added', oldPath: null, newPath: 'empty.txt', newMode: '100644', hunks: 0 }] },
  },
  {
    name: 'empty-file-delete',
    summary: 'an empty file deleted: extended headers only',
    base: (repo) => {
      repo.write('README', 'readme\n');
      repo.write('empty.txt', '');
    },
    change: (repo) => repo.remove('empty.txt'),
    command: GIT_DIFF,
    compare: 'all',
    expect: { files: [{ status: 'deleted', oldPath: 'empty.txt', newPath: null, oldMode: '100644', hunks: 0 }] },
  },
  {
    name: 'submodule-pointer',
    summary: 'a gitlink (submodule) moved to another commit',
    base: (repo) => {
      repo.write('README', 'readme\n');
      // An unpopulated submodule is an empty directory; `git add -A` keeps the gitlink.
      fs.mkdirSync(repo.path('sub'));
      repo.git(['update-index', '--add', '--cacheinfo', `160000,${SHA_A},sub`]);
    },
    change: (repo) => repo.git(['update-index', '--cacheinfo', `160000,${SHA_B},sub`]),
    command: GIT_DIFF,
    compare: 'all',
    expect: { files: [{ status: 'modified', oldPath: 'sub', newPath: 'sub', oldMode: '160000', newMode: '160000', hunks: 1 }] },
  },
  {
    name: 'path-with-spaces',
    summary: 'a path with spaces (not quoted by git)',
    base: (repo) => repo.write('my dir/a file.txt', 'one\ntwo\n'),
    change: (repo) => repo.write('my dir/a file.txt', 'one\n2\n'),
    command: GIT_DIFF,
    compare: 'all',
    expect: { files: [{ status: 'modified', oldPath: 'my dir/a file.txt', newPath: 'my dir/a file.txt', hunks: 1 }] },
  },
  {
    name: 'path-with-quotes',
    summary: "a path with a double quote (quoted by git) and a single quote",
    base: (repo) => repo.write(`say "hi" it's.txt`, 'hi\n'),
    change: (repo) => repo.write(`say "hi" it's.txt`, 'hello\n'),
    command: GIT_DIFF,
    compare: 'all',
    expect: { files: [{ status: 'modified', oldPath: `say "hi" it's.txt`, newPath: `say "hi" it's.txt`, hunks: 1 }] },
  },
  {
    name: 'path-with-tab',
    summary: 'a path with a tab (quoted as \\t)',
    base: (repo) => repo.write('tab\there.txt', 'one\n'),
    change: (repo) => repo.write('tab\there.txt', 'two\n'),
    command: GIT_DIFF,
    compare: 'all',
    expect: { files: [{ status: 'modified', oldPath: 'tab\there.txt', newPath: 'tab\there.txt', hunks: 1 }] },
  },
  {
    name: 'path-with-newline',
    summary: 'a path with a newline (quoted as \\n)',
    base: (repo) => repo.write('new\nline.txt', 'one\n'),
    change: (repo) => repo.write('new\nline.txt', 'two\n'),
    command: GIT_DIFF,
    compare: 'all',
    expect: { files: [{ status: 'modified', oldPath: 'new\nline.txt', newPath: 'new\nline.txt', hunks: 1 }] },
  },
  {
    name: 'path-non-ascii',
    summary: 'non-ASCII UTF-8 paths (octal-escaped with core.quotePath=true), renamed',
    base: (repo) => repo.write('café/日本.txt', numbered(10)),
    change: (repo) => {
      repo.remove('café/日本.txt');
      repo.write('café/日本語.txt', numbered(10).replace('line 1\n', 'line one\n'));
    },
    command: GIT_DIFF,
    compare: 'all',
    expect: { files: [{ status: 'renamed', oldPath: 'café/日本.txt', newPath: 'café/日本語.txt', similarity: 87, hunks: 1 }] },
  },
  {
    name: 'path-non-utf8',
    summary: 'a path with the lone byte 0xE9 (not UTF-8; decoded as latin1)',
    base: (repo) => repo.write(NON_UTF8_NAME, 'one\n'),
    change: (repo) => repo.write(NON_UTF8_NAME, 'two\n'),
    command: GIT_DIFF,
    compare: 'all',
    expect: { files: [{ status: 'modified', oldPath: NON_UTF8_TEXT, newPath: NON_UTF8_TEXT, pathEncoding: 'latin1', hunks: 1 }] },
  },
  {
    name: 'content-non-utf8',
    summary: 'latin1 bytes in changed and context lines next to UTF-8 ones',
    base: (repo) => repo.write('latin1.txt', Buffer.concat([Buffer.from('caf\xe9 au lait\n', 'latin1'), Buffer.from('naïve\nplain\n', 'utf8')])),
    change: (repo) =>
      repo.write('latin1.txt', Buffer.concat([Buffer.from('caf\xe9 au lait\n', 'latin1'), Buffer.from('naïve too\n', 'utf8'), Buffer.from('plain \xe0 la carte\n', 'latin1')])),
    command: GIT_DIFF,
    compare: 'all',
    expect: { files: [{ status: 'modified', oldPath: 'latin1.txt', newPath: 'latin1.txt', hunks: 1, latin1Lines: true }] },
  },
  {
    name: 'many-hunks',
    summary: 'edits far apart in one file: several hunks, with function context after @@',
    base: (repo) => repo.write('calc.c', source()),
    change: (repo) => repo.write('calc.c', source({ 5: '\tx = x * 1 + 400;', 30: '\tx = x * 2 + 500;', 58: '\tx = x - 1;', 90: '\tx = x * 5 + 700;' })),
    command: GIT_DIFF,
    compare: 'all',
    expect: { files: [{ status: 'modified', oldPath: 'calc.c', newPath: 'calc.c', hunks: 4 }] },
  },
  {
    name: 'zero-context',
    summary: 'hunks without context (-U0): pure insertions and deletions with a zero count',
    base: (repo) => repo.write('list.txt', numbered(30)),
    change: (repo) =>
      repo.write('list.txt', numbered(30).replace('line 3\n', 'line 3\ninserted\n').replace('line 15\n', '').replace('line 27\n', 'line twenty-seven\n')),
    command: ['git', 'diff', '-U0', 'HEAD~1', 'HEAD'],
    // git apply refuses hunks without context unless told they are meant that way.
    applyArgs: ['--unidiff-zero'],
    compare: 'all',
    expect: { files: [{ status: 'modified', oldPath: 'list.txt', newPath: 'list.txt', hunks: 3 }] },
  },
  {
    name: 'rewrite-dissimilarity',
    summary: 'a complete rewrite found by -B: one file section with a dissimilarity index',
    // diffcore-break ignores files under 400 bytes, hence 60 lines.
    base: (repo) => repo.write('story.txt', numbered(60, 'old')),
    change: (repo) => repo.write('story.txt', numbered(60, 'new')),
    command: ['git', 'diff', '-B', 'HEAD~1', 'HEAD'],
    compare: 'all',
    expect: { files: [{ status: 'modified', oldPath: 'story.txt', newPath: 'story.txt', dissimilarity: 100, hunks: 1 }] },
  },
  {
    name: 'plain-diff-u',
    summary: 'two directory trees compared with GNU diff -ru (not git): timestamps after a tab',
    base: (repo) => {
      repo.write('a.txt', numbered(8));
      repo.write('dir/b.txt', 'alpha\nbeta\n');
    },
    change: (repo) => {
      repo.write('a.txt', numbered(8).replace('line 4\n', 'line four\n'));
      repo.write('dir/b.txt', 'alpha\nbeta\ngamma\n');
    },
    command: ['diff', '-ru', 'old', 'new'],
    compare: 'all',
    expect: {
      files: [
        { status: 'modified', oldPath: 'a.txt', newPath: 'a.txt', oldMode: null, newMode: null, hunks: 1 },
        { status: 'modified', oldPath: 'dir/b.txt', newPath: 'dir/b.txt', oldMode: null, newMode: null, hunks: 1 },
      ],
    },
  },
  {
    name: 'format-patch',
    summary: 'a git format-patch mail: Q-encoded subject, multi-paragraph body, trailers, diffstat, signature',
    base: (repo) => repo.write('greet.txt', 'hello, Ada\nbye\n'),
    change: (repo) => {
      repo.write('greet.txt', 'hello, world\nbye\n');
      repo.write('docs/greet.md', '# Greeting\n');
    },
    message: FORMAT_PATCH_MESSAGE,
    command: ['git', 'format-patch', '-1', '--stdout', '--signature=fixture'],
    compare: 'diff',
    expect: {
      files: [
        { status: 'added', oldPath: null, newPath: 'docs/greet.md', hunks: 1 },
        { status: 'modified', oldPath: 'greet.txt', newPath: 'greet.txt', hunks: 1 },
      ],
      message: {
        subject: 'greeting: say héllo to the whole world',
        body: 'The greeting named one person only. Name the world instead, so that the\noutput reads the same whoever runs it.\n\nA second paragraph, to prove the body keeps its blank lines.',
        trailers: [
          { key: 'Signed-off-by', value: 'Fixture Author <author@example.com>' },
          { key: 'Change-Id', value: 'I0123456789abcdef0123456789abcdef01234567' },
        ],
      },
      author: AUTHOR,
    },
  },
  {
    name: 'git-show',
    summary: 'git show output: commit, Author and Date headers, message indented by four spaces',
    base: (repo) => repo.write('count.js', 'let n = 0;\nn++;\n'),
    change: (repo) => repo.write('count.js', 'let n = 1;\nn++;\n'),
    message: SHOW_MESSAGE,
    command: ['git', 'show', 'HEAD'],
    compare: 'diff',
    expect: {
      files: [{ status: 'modified', oldPath: 'count.js', newPath: 'count.js', hunks: 1 }],
      message: {
        subject: 'counter: start counting at one',
        body: 'Counting from zero confused readers of the report.',
        trailers: [
          { key: 'Reviewed-by', value: 'Fixture Reviewer <reviewer@example.com>' },
          { key: 'Signed-off-by', value: 'Fixture Author <author@example.com>' },
        ],
      },
      author: AUTHOR,
    },
  },
  {
    name: 'github-style',
    summary: "a commit's diff as GitHub serves .diff: several files, 7-digit abbreviated ids with the mode on the index line",
    base: (repo) => {
      repo.write('app/main.ts', 'export const answer = 41;\n');
      repo.write('app/old.ts', 'export {};\n');
    },
    change: (repo) => {
      repo.write('app/main.ts', 'export const answer = 42;\n');
      repo.remove('app/old.ts');
      repo.write('app/new.ts', 'export const added = true;\n');
    },
    command: ['git', 'diff', '--abbrev=7', 'HEAD~1', 'HEAD'],
    compare: 'all',
    expect: {
      files: [
        { status: 'modified', oldPath: 'app/main.ts', newPath: 'app/main.ts', oldMode: '100644', newMode: '100644', hunks: 1 },
        { status: 'added', oldPath: null, newPath: 'app/new.ts', newMode: '100644', hunks: 1 },
        { status: 'deleted', oldPath: 'app/old.ts', newPath: null, oldMode: '100644', hunks: 1 },
      ],
    },
  },
];

/** A fresh repository holding the scenario's base state, committed. Dispose of it when done. */
export function buildBase(scenario: Scenario): Repo {
  const repo = Repo.create();
  try {
    scenario.base(repo);
    repo.commit(`base: ${scenario.name}`, BASE_DATE);
    return repo;
  } catch (error) {
    repo.dispose();
    throw error;
  }
}

/** Builds the base, commits the change and returns the diff bytes the scenario's command prints. */
export function generateDiff(scenario: Scenario): Buffer {
  const repo = buildBase(scenario);
  try {
    scenario.change(repo);
    repo.commit(scenario.message ?? `change: ${scenario.name}`, CHANGE_DATE);
    const [program, ...args] = scenario.command;
    if (program === 'git') return repo.git(args);
    if (program === 'diff') return plainDiff(repo, args);
    throw new Error(`${scenario.name}: unknown command ${program}`);
  } finally {
    repo.dispose();
  }
}

/** Runs `diff args` in a directory holding old/ (HEAD~1) and new/ (HEAD) with fixed file times. */
function plainDiff(repo: Repo, args: string[]): Buffer {
  const trees = fs.mkdtempSync(path.join(os.tmpdir(), 'split-advisor-trees-'));
  try {
    for (const [side, rev, time] of [['old', 'HEAD~1', BASE_TIME], ['new', 'HEAD', CHANGE_TIME]] as const) {
      const dir = path.join(trees, side);
      fs.mkdirSync(dir);
      const archive = repo.git(['archive', '--format=tar', rev]);
      execFileSync('tar', ['-x', '-C', dir], { input: archive });
      for (const entry of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) fs.utimesSync(path.join(dir, entry), time, time);
    }
    const result = spawnSync('diff', args, { cwd: trees, env: fixedEnv(), maxBuffer: 64 << 20 });
    // diff exits 1 when the trees differ, which is the point.
    if (result.status !== 1) throw new Error(`diff ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    return result.stdout;
  } finally {
    fs.rmSync(trees, { recursive: true, force: true });
  }
}

/** The command as a shell would take it, for the fixtures README. */
export function commandLine(scenario: Scenario): string {
  const [program, ...args] = scenario.command;
  const words = program === 'git' ? ['git', ...GIT_OPTIONS, ...args] : scenario.command;
  return words.map((word) => (/^[A-Za-z0-9_./=~:-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`)).join(' ');
}
