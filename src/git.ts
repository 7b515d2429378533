/**
 * Every call to git lives here. Diffs are produced with options that pin git's
 * output format whatever the user's configuration says (prefixes, colours,
 * external diff drivers, rename detection, quoted paths), and blob contents are
 * read in one `git cat-file --batch` process for the whole diff.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InputError } from './errors';

/** Options that make `git diff` output the same on every machine. */
export const DIFF_OPTIONS = [
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--full-index',
  '--binary',
  '-M',
  '-U3',
  '--src-prefix=a/',
  '--dst-prefix=b/',
  '--submodule=short',
  '--ignore-submodules=none',
  '--no-relative',
];

/** Configuration overrides for every git call: quoted paths, no pager. */
const CONFIG = ['-c', 'core.quotePath=true', '-c', 'diff.noprefix=false', '-c', 'diff.mnemonicPrefix=false', '-c', 'color.ui=false'];

const MAX_BUFFER = 1024 * 1024 * 1024;

export interface GitOptions {
  cwd: string;
  input?: Buffer | string;
  env?: NodeJS.ProcessEnv;
}

export class Git {
  constructor(readonly cwd: string) {}

  /** Runs git and returns stdout; a failure becomes an InputError with git's first error line. */
  run(args: string[], options: Partial<GitOptions> = {}): Buffer {
    const result = spawnSync('git', [...CONFIG, ...args], {
      cwd: options.cwd ?? this.cwd,
      input: options.input,
      env: options.env ?? process.env,
      maxBuffer: MAX_BUFFER,
    });
    if (result.error) {
      const code = (result.error as NodeJS.ErrnoException).code;
      throw new InputError(code === 'ENOENT' ? 'git is not installed or not on PATH' : `git failed: ${result.error.message}`);
    }
    if (result.status !== 0) {
      const stderr = result.stderr.toString('utf8').trim().split('\n');
      const line = stderr.find((text) => /^(fatal|error):/.test(text)) ?? stderr[0] ?? `exit code ${result.status}`;
      throw new InputError(`git ${args[0]}: ${line.replace(/^(fatal|error):\s*/, '')}`);
    }
    return result.stdout;
  }

  text(args: string[], options: Partial<GitOptions> = {}): string {
    return this.run(args, options).toString('utf8').replace(/\n$/, '');
  }

  /** Succeeds quietly or returns null, for probes such as "is this a commit?". */
  probe(args: string[]): string | null {
    const result = spawnSync('git', [...CONFIG, ...args], { cwd: this.cwd, maxBuffer: MAX_BUFFER });
    if (result.error || result.status !== 0) return null;
    return result.stdout.toString('utf8').replace(/\n$/, '');
  }
}

/** Opens the repository containing `cwd`, at its top level. */
export function openRepository(cwd: string): Git {
  if (!fs.existsSync(cwd)) throw new InputError(`no such directory: ${cwd}`);
  const probe = new Git(cwd);
  const top = probe.probe(['rev-parse', '--show-toplevel']);
  if (top === null) {
    const bare = probe.probe(['rev-parse', '--is-bare-repository']);
    if (bare === 'true') throw new InputError('this is a bare repository; run split-advisor in a work tree, or pass a diff with --patch');
    throw new InputError(`not a git repository: ${cwd} (run inside one, or pass a diff with --patch FILE)`);
  }
  return new Git(top);
}

/** The id of the empty tree in this repository's hash (SHA-1 or SHA-256). */
export function emptyTree(git: Git): string {
  return git.text(['hash-object', '-t', 'tree', '--stdin'], { input: '' });
}

/** Resolves a revision to a full commit id, or throws a one-line error naming it. */
export function resolveCommit(git: Git, rev: string): string {
  if (rev.startsWith('-')) throw new InputError(`not a revision: ${rev}`);
  const sha = git.probe(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
  if (sha === null) throw new InputError(`unknown revision: ${rev}`);
  return sha;
}

export interface CommitInfo {
  sha: string;
  parents: string[];
  message: string;
  author: string;
}

export function readCommit(git: Git, sha: string): CommitInfo {
  const out = git.text(['show', '-s', '--format=%P%x00%an <%ae>%x00%B', sha]);
  const [parents, author, ...rest] = out.split('\0');
  return { sha, parents: parents.split(' ').filter((parent) => parent !== ''), author, message: rest.join('\0') };
}

/** `git diff` between two trees or commits with the pinned format. */
export function diffTrees(git: Git, from: string, to: string): Buffer {
  return git.run(['diff', ...DIFF_OPTIONS, from, to, '--']);
}

/** What `git commit` would take: HEAD (or the empty tree on an unborn branch) against the index. */
export function diffStaged(git: Git): Buffer {
  const head = git.probe(['rev-parse', '--verify', '--quiet', 'HEAD']);
  return git.run(['diff', '--cached', ...DIFF_OPTIONS, head ?? emptyTree(git), '--']);
}

/**
 * Everything not yet committed: HEAD against the work tree, including untracked
 * files that are not ignored. Untracked files are marked intent-to-add in a
 * temporary copy of the index, so the user's index is never touched.
 */
export function diffWorktree(git: Git): Buffer {
  const head = git.probe(['rev-parse', '--verify', '--quiet', 'HEAD']);
  const gitDir = git.text(['rev-parse', '--absolute-git-dir']);
  const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'split-advisor-index-'));
  const indexFile = path.join(temporary, 'index');
  try {
    const realIndex = path.join(gitDir, 'index');
    if (fs.existsSync(realIndex)) {
      fs.copyFileSync(realIndex, indexFile);
      // Git trusts an entry's cached stat data only for files older than the index
      // file itself ("racy git"); a fresh copy would make a file edited in the same
      // second as the last index write look unchanged. Back-date the copy to the
      // start of that second, so such entries are compared by content.
      const written = Math.floor(fs.statSync(realIndex).mtimeMs / 1000);
      fs.utimesSync(indexFile, written, written);
    }
    const env = { ...process.env, GIT_INDEX_FILE: indexFile };
    const untracked = git.run(['ls-files', '-z', '--others', '--exclude-standard'], { env }).toString('utf8');
    const names = untracked.split('\0').filter((name) => name !== '');
    if (names.length > 0) git.run(['add', '--intent-to-add', '--pathspec-from-file=-', '--pathspec-file-nul'], { env, input: names.join('\0') });
    return git.run(['diff', ...DIFF_OPTIONS, head ?? emptyTree(git), '--'], { env });
  } finally {
    fs.rmSync(temporary, { recursive: true, force: true });
  }
}

/** Git's id for "no blob" on either side of a diff. */
export function isNullBlob(id: string | null): boolean {
  return id === null || /^0+$/.test(id);
}

/**
 * Reads many blobs in one `git cat-file --batch` process. Blobs larger than
 * `maxBytes` are skipped (returned in `skipped`), so a huge generated file does
 * not cost the analysis its memory.
 */
export function readBlobs(git: Git, ids: string[], maxBytes: number): { blobs: Map<string, Buffer>; skipped: string[] } {
  const blobs = new Map<string, Buffer>();
  const skipped: string[] = [];
  const unique = [...new Set(ids.filter((id) => !isNullBlob(id)))];
  if (unique.length === 0) return { blobs, skipped };
  const sizes = git.text(['cat-file', '--batch-check=%(objectname) %(objecttype) %(objectsize)'], { input: unique.join('\n') + '\n' }).split('\n');
  const wanted: string[] = [];
  sizes.forEach((line, index) => {
    const [id, type, size] = line.split(' ');
    if (type !== 'blob') return;
    if (Number(size) > maxBytes) skipped.push(unique[index]);
    else wanted.push(id);
  });
  for (const [id, object] of readObjects(git, wanted)) blobs.set(id, object.data);
  return { blobs, skipped };
}

/**
 * Reads blobs named by ids that may be abbreviated (a pasted diff's `index` lines),
 * keyed by the name given. Missing, ambiguous or non-blob names and blobs over
 * maxBytes are left out.
 */
export function readBlobsByName(git: Git, names: string[], maxBytes: number): Map<string, Buffer> {
  const unique = [...new Set(names.filter((name) => /^[0-9a-f]{4,64}$/i.test(name)))];
  const byName = new Map<string, Buffer>();
  if (unique.length === 0) return byName;
  const lines = git.text(['cat-file', '--batch-check=%(objectname) %(objecttype) %(objectsize)'], { input: unique.join('\n') + '\n' }).split('\n');
  const fullIds = new Map<string, string>();
  unique.forEach((name, index) => {
    const [id, type, size] = (lines[index] ?? '').split(' ');
    if (type === 'blob' && Number(size) <= maxBytes) fullIds.set(name, id);
  });
  const objects = readObjects(git, [...new Set(fullIds.values())]);
  for (const [name, id] of fullIds) {
    const object = objects.get(id);
    if (object !== undefined) byName.set(name, object.data);
  }
  return byName;
}

/**
 * Reads objects of any type in one `git cat-file --batch` process: id → type and
 * bytes (missing objects are left out). `env` points git at another object
 * store or index when given (apply's quarantine).
 */
export function readObjects(git: Git, ids: string[], env?: NodeJS.ProcessEnv): Map<string, { type: string; data: Buffer }> {
  const objects = new Map<string, { type: string; data: Buffer }>();
  if (ids.length === 0) return objects;
  const out = git.run(['cat-file', '--batch'], { input: ids.join('\n') + '\n', ...(env ? { env } : {}) });
  let offset = 0;
  while (offset < out.length) {
    const headerEnd = out.indexOf(0x0a, offset);
    if (headerEnd < 0) break;
    const [id, type, size] = out.subarray(offset, headerEnd).toString('utf8').split(' ');
    if (type === 'missing' || size === undefined) {
      offset = headerEnd + 1;
      continue;
    }
    const length = Number(size);
    objects.set(id, { type, data: out.subarray(headerEnd + 1, headerEnd + 1 + length) });
    offset = headerEnd + 1 + length + 1;
  }
  return objects;
}

/** The options `check` adds to DIFF_OPTIONS for `git log -p`: root commits against the empty tree, no merge diffs. */
const LOG_OPTIONS = ['--root', '--diff-merges=off', '--encoding=UTF-8', '--no-notes', '--no-show-signature'];

/** The commit record format of logPatches: NUL-separated fields, so no message text can be taken for a field. */
export const LOG_FORMAT = '--format=%x00%H%x00%P%x00%aN%x00%B%x00';

/**
 * The commits of a revision range, oldest first, merges left out (`git rev-list
 * --reverse --no-merges`). `revisions` are rev-list arguments (`a..b`, `x --not --remotes`).
 */
export function listCommits(git: Git, revisions: string[], options: { noWalk?: boolean } = {}): string[] {
  for (const revision of revisions) {
    if (revision.startsWith('-') && !['--not', '--remotes', '--branches', '--tags', '--all'].includes(revision)) throw new InputError(`not a revision: ${revision}`);
  }
  const out = git.run(['rev-list', '--reverse', '--no-merges', ...(options.noWalk ? ['--no-walk'] : []), ...revisions, '--']).toString('utf8');
  return out.split('\n').filter((line) => line !== '');
}

/** The merge commits of a revision range (left out of `check`, but counted in its notes). */
export function countMerges(git: Git, revisions: string[]): number {
  const out = git.probe(['rev-list', '--count', '--merges', ...revisions, '--']);
  return out === null ? 0 : Number(out) || 0;
}

/**
 * Every listed commit's message and diff against its first parent, in one
 * `git log -p` process: records in LOG_FORMAT, each followed by its patch in the
 * pinned diff format (see splitLogRecords in src/check/history.ts).
 */
export function logPatches(git: Git, shas: string[]): Buffer {
  if (shas.length === 0) return Buffer.alloc(0);
  return git.run(['log', '--no-walk=unsorted', '--stdin', '-p', ...DIFF_OPTIONS, ...LOG_OPTIONS, LOG_FORMAT], { input: shas.join('\n') + '\n' });
}

/** The upstream of the current branch (`origin/main`), or null (no branch, no upstream). */
export function upstreamOf(git: Git): string | null {
  return git.probe(['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{upstream}']);
}

/** The current branch's short name, or null when HEAD is detached. */
export function currentBranch(git: Git): string | null {
  return git.probe(['symbolic-ref', '--quiet', '--short', 'HEAD']);
}

/** True when the object exists and is a commit (a pre-push remote sha may be unknown here). */
export function isCommit(git: Git, sha: string): boolean {
  return git.probe(['cat-file', '-e', `${sha}^{commit}`]) !== null;
}

/** Where git looks for a hook (honours core.hooksPath), as an absolute path. */
export function hookPath(git: Git, name: string): string {
  const relative = git.text(['rev-parse', '--git-path', `hooks/${name}`]);
  return path.resolve(git.cwd, relative);
}

/** A configuration value, or null when unset. */
export function configValue(git: Git, key: string): string | null {
  return git.probe(['config', '--get', key]);
}

/** One blob of a tree: mode, object id and path (no directories, no submodules). */
export interface TreeBlob {
  mode: string;
  id: string;
  path: string;
}

/** Every blob of a commit's tree, recursively (`git ls-tree -r -z --full-tree`). */
export function listTreeBlobs(git: Git, rev: string): TreeBlob[] {
  const out = git.run(['ls-tree', '-r', '-z', '--full-tree', rev]).toString('utf8');
  const blobs: TreeBlob[] = [];
  for (const record of out.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, id] = record.slice(0, tab).split(' ');
    if (type === 'blob') blobs.push({ mode, id, path: record.slice(tab + 1) });
  }
  return blobs;
}
