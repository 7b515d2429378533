/**
 * Turning a plan into real commits, the git half. Everything goes through
 * plumbing, in a quarantine: objects are written to a temporary object
 * directory (the repository's own store is only read, as an alternate) and
 * trees are built in a temporary index, so the user's working tree, index and
 * refs are never touched while the series is built.
 *
 *   1. the diff's files become slots (plan.ts) with their old and new tree entries
 *      (`git diff-tree --raw`), and, for files split line by line, their blobs;
 *   2. each step lays out every touched path, writes the new contents as blobs
 *      (`hash-object --stdin-paths`), updates the temporary index
 *      (`update-index --index-info`) and `write-tree`s it; the commit objects
 *      (author line copied byte for byte from the original commit) are written
 *      in one batch at the end;
 *   3. the last tree must be the original commit's tree, or nothing goes further;
 *   4. `applySeries` then replays later commits (`--in-place`: same trees, new
 *      parents), moves the objects into the repository, runs `--exec` in a
 *      temporary worktree, and only at the very end moves one ref with
 *      `update-ref` and its expected old value.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InputError } from './errors';
import { DIFF_OPTIONS, Git, emptyTree, isNullBlob, readBlobs, readObjects } from './git';
import { Change, DiffPath } from './model';
import { ParsedFile } from './parse';
import { FileSlot, Plan, PlanStep, TreeEntry, canSplitText, layoutStep, messageBytes, prefixSets } from './plan';

/** The parts of the original commit a series needs. */
export interface OriginalCommit {
  sha: string;
  /** First parent, or null for a root commit. */
  parent: string | null;
  tree: string;
  /** The raw `author ...` header line, without its newline. */
  authorLine: Buffer;
}

/** One commit of a built series. */
export interface BuiltStep extends PlanStep {
  /** 1-based position in the plan. */
  index: number;
  parent: string | null;
  tree: string;
  commit: string;
}

export interface BuiltSeries {
  original: OriginalCommit;
  /** Tree the series starts from: the parent's, or the empty tree. */
  baseTree: string;
  steps: BuiltStep[];
  notes: string[];
  quarantine: Quarantine;
}

/** Lets a caller tell a refused plan (bad input) from a bug. */
export class SeriesError extends Error {}

/**
 * A temporary object directory and index. Git reads the repository's objects
 * as an alternate and writes new ones here; `migrate` moves them in once the
 * series is known to be right.
 */
export class Quarantine {
  readonly dir: string;
  readonly objects: string;
  readonly index: string;
  readonly env: NodeJS.ProcessEnv;

  constructor(readonly repositoryObjects: string) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'split-advisor-quarantine-'));
    this.objects = path.join(this.dir, 'objects');
    this.index = path.join(this.dir, 'index');
    fs.mkdirSync(this.objects);
    const alternates = [quoteAlternate(repositoryObjects), process.env.GIT_ALTERNATE_OBJECT_DIRECTORIES].filter((entry) => entry !== undefined && entry !== '');
    this.env = { ...process.env, GIT_OBJECT_DIRECTORY: this.objects, GIT_ALTERNATE_OBJECT_DIRECTORIES: alternates.join(path.delimiter), GIT_INDEX_FILE: this.index };
  }

  static open(git: Git): Quarantine {
    return new Quarantine(path.resolve(git.cwd, git.text(['rev-parse', '--git-path', 'objects'])));
  }

  /** Copies the loose objects written here into the repository's store (each via a rename, so never half-written). */
  migrate(): void {
    for (const fan of fs.readdirSync(this.objects)) {
      if (!/^[0-9a-f]{2}$/.test(fan)) continue;
      const target = path.join(this.repositoryObjects, fan);
      for (const name of fs.readdirSync(path.join(this.objects, fan))) {
        const destination = path.join(target, name);
        if (fs.existsSync(destination)) continue;
        fs.mkdirSync(target, { recursive: true });
        const temporary = `${destination}.split-advisor-${process.pid}`;
        fs.copyFileSync(path.join(this.objects, fan, name), temporary);
        fs.chmodSync(temporary, 0o444);
        fs.renameSync(temporary, destination);
      }
    }
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** An entry of GIT_ALTERNATE_OBJECT_DIRECTORIES: C-quoted when it holds the separator or starts with a quote. */
function quoteAlternate(directory: string): string {
  return directory.includes(path.delimiter) || directory.startsWith('"') ? `"${directory.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : directory;
}

function pathBytes(file: DiffPath | null): Buffer | null {
  return file === null ? null : Buffer.from(file.text, file.encoding);
}

/** Reads the parts of a commit a series needs from its raw object. */
export function readOriginal(git: Git, sha: string): OriginalCommit {
  const raw = git.run(['cat-file', 'commit', sha]);
  const { headers } = splitCommitObject(raw);
  const value = (key: string) => headers.find((line) => line.toString('latin1').startsWith(`${key} `));
  const tree = value('tree');
  const author = value('author');
  if (tree === undefined || author === undefined) throw new InputError(`${sha.slice(0, 12)}: cannot read the commit's tree or author`);
  const parent = value('parent');
  return { sha, tree: tree.toString('latin1').slice(5), parent: parent === undefined ? null : parent.toString('latin1').slice(7), authorLine: author };
}

/** Splits a raw commit object into header lines (continuation lines kept with theirs) and message bytes. */
function splitCommitObject(raw: Buffer): { headers: Buffer[]; message: Buffer } {
  const end = raw.indexOf('\n\n');
  const head = end < 0 ? raw : raw.subarray(0, end);
  const message = end < 0 ? Buffer.alloc(0) : raw.subarray(end + 2);
  const headers: Buffer[] = [];
  let start = 0;
  while (start < head.length) {
    let stop = head.indexOf(0x0a, start);
    // A header continues on lines starting with a space (signatures, mergetags).
    while (stop >= 0 && head[stop + 1] === 0x20) stop = head.indexOf(0x0a, stop + 1);
    if (stop < 0) stop = head.length;
    headers.push(head.subarray(start, stop));
    start = stop + 1;
  }
  return { headers, message };
}

/** Old and new tree entries of every path the commit touches, keyed by the path's bytes (latin1). */
function readTouchedEntries(git: Git, base: string, sha: string): Map<string, { old: TreeEntry | null; new: TreeEntry | null }> {
  const out = git.run(['diff-tree', '-r', '-z', '--no-abbrev', '--no-renames', '--ignore-submodules=none', base, sha, '--']);
  const entries = new Map<string, { old: TreeEntry | null; new: TreeEntry | null }>();
  let offset = 0;
  while (offset < out.length) {
    const metaEnd = out.indexOf(0, offset);
    const nameEnd = out.indexOf(0, metaEnd + 1);
    if (metaEnd < 0 || nameEnd < 0) break;
    const [oldMode, newMode, oldId, newId] = out.subarray(offset + 1, metaEnd).toString('latin1').split(' ');
    const name = out.subarray(metaEnd + 1, nameEnd).toString('latin1');
    entries.set(name, { old: /^0+$/.test(oldMode) ? null : { mode: oldMode, id: oldId }, new: /^0+$/.test(newMode) ? null : { mode: newMode, id: newId } });
    offset = nameEnd + 1;
  }
  return entries;
}

const REGULAR = /^100(644|755)$/;

/** The slots of the diff's files: tree entries from git, blobs for the files that split line by line. */
function buildSlots(git: Git, files: ParsedFile[], changes: Change[], base: string, sha: string, notes: string[]): FileSlot[] {
  const touched = readTouchedEntries(git, base, sha);
  const byFile = files.map((): Change[] => []);
  for (const change of changes) byFile[change.fileIndex].push(change);
  const slots = files.map((file, index): FileSlot => {
    const oldPath = pathBytes(file.oldPath);
    const newPath = pathBytes(file.newPath);
    const copy = file.status === 'copied';
    const newEntry = newPath === null ? null : touched.get(newPath.toString('latin1'))?.new;
    let oldEntry = oldPath === null ? null : touched.get(oldPath.toString('latin1'))?.old;
    // A copy's source is untouched, so diff-tree does not list it; the diff names its blob (or it equals the copy).
    if (copy && oldEntry === undefined && newEntry) oldEntry = { mode: file.oldMode ?? newEntry.mode, id: file.oldBlob !== null && !isNullBlob(file.oldBlob) ? file.oldBlob : newEntry.id };
    if (oldEntry === undefined || newEntry === undefined) {
      throw new Error(`${(file.newPath ?? file.oldPath)?.text}: git diff-tree does not list this file of the diff`);
    }
    return { oldPath, newPath, copy, old: oldEntry, new: newEntry, changes: byFile[index], text: null };
  });
  // Files with several changes of text in regular files are split line by line.
  const splittable = slots.filter((slot, index) => slot.changes.length > 1 && !files[index].binary && (slot.old === null || REGULAR.test(slot.old.mode)) && (slot.new === null || REGULAR.test(slot.new.mode)));
  const { blobs } = readBlobs(git, splittable.flatMap((slot) => [slot.old?.id ?? '', slot.new?.id ?? '']).filter((id) => id !== ''), Number.MAX_SAFE_INTEGER);
  for (const slot of splittable) {
    const oldData = slot.old === null ? Buffer.alloc(0) : blobs.get(slot.old.id);
    const newData = slot.new === null ? Buffer.alloc(0) : blobs.get(slot.new.id);
    if (oldData !== undefined && newData !== undefined && canSplitText(oldData, newData, slot.changes)) slot.text = { old: oldData, new: newData };
    else notes.push(`${slot.changes[0].file}: its changes could not be separated line by line, so the whole file goes with its first change (${slot.changes[0].id}).`);
  }
  return slots;
}

/** Writes objects of one type in one `hash-object --stdin-paths` call (no filters); returns their ids in order. */
function writeObjects(git: Git, quarantine: Quarantine, type: 'blob' | 'commit', contents: Buffer[]): string[] {
  if (contents.length === 0) return [];
  const dir = fs.mkdtempSync(path.join(quarantine.dir, `${type}s-`));
  const names = contents.map((data, index) => {
    const name = path.join(dir, String(index));
    fs.writeFileSync(name, data);
    return name;
  });
  const ids = git.text(['hash-object', '-t', type, '-w', '--no-filters', '--stdin-paths'], { env: quarantine.env, input: names.join('\n') + '\n' }).split('\n');
  fs.rmSync(dir, { recursive: true, force: true });
  if (ids.length !== contents.length) throw new Error(`git hash-object returned ${ids.length} ids for ${contents.length} objects`);
  return ids;
}

/**
 * Commits are chained (each names its parent's id), so their ids are computed
 * here, the way git does, and the objects written in one batch at the end; git's
 * ids are then checked against these.
 */
class CommitWriter {
  private readonly bodies: Buffer[] = [];
  private readonly ids: string[] = [];

  constructor(private readonly algorithm: 'sha1' | 'sha256') {}

  /** Adds a commit (raw header lines, then the message) and returns its id. */
  add(headers: Buffer[], message: Buffer): string {
    const body = Buffer.concat([...headers.flatMap((line) => [line, Buffer.from('\n')]), Buffer.from('\n'), message]);
    const id = createHash(this.algorithm).update(`commit ${body.length}\0`).update(body).digest('hex');
    this.bodies.push(body);
    this.ids.push(id);
    return id;
  }

  write(git: Git, quarantine: Quarantine): void {
    const written = writeObjects(git, quarantine, 'commit', this.bodies);
    const wrong = written.findIndex((id, index) => id !== this.ids[index]);
    if (wrong >= 0) throw new Error(`git wrote commit ${written[wrong]} where ${this.ids[wrong]} was computed`);
  }
}

/**
 * Builds the plan's commits in a quarantine, on top of the original commit's
 * parent, and checks that the last one's tree is the original commit's tree.
 * A step whose tree equals the one before (an earlier whole-file change, or a
 * file that replaced a directory, took its changes along) is left out, with a note.
 *
 * @throws SeriesError when the series does not end on the original tree (nothing is kept).
 */
export function buildSeriesCommits(git: Git, original: OriginalCommit, files: ParsedFile[], changes: Change[], plan: Plan): BuiltSeries {
  const notes: string[] = [];
  const base = original.parent ?? emptyTree(git);
  const slots = buildSlots(git, files, changes, base, original.sha, notes);
  const quarantine = Quarantine.open(git);
  try {
    const env = quarantine.env;
    const layouts = prefixSets(plan).map((applied) => layoutStep(slots, applied));
    // Every new content of every step, written in one batch.
    const pending: Buffer[] = [];
    for (const layout of layouts) for (const state of layout) if (state.content !== null && 'data' in state.content) pending.push(state.content.data);
    const ids = writeObjects(git, quarantine, 'blob', pending);
    let next = 0;

    git.run(original.parent === null ? ['read-tree', '--empty'] : ['read-tree', original.parent], { env });
    const baseTree = git.text(['write-tree'], { env });
    const zeros = '0'.repeat(original.sha.length);
    const committer = git.run(['var', 'GIT_COMMITTER_IDENT']).toString('latin1').replace(/\n$/, '');
    const commits = new CommitWriter(original.sha.length === 64 ? 'sha256' : 'sha1');
    const steps: BuiltStep[] = [];
    let parent = original.parent;
    let parentTree = baseTree;
    plan.steps.forEach((step, position) => {
      const records: Buffer[] = [];
      for (const state of layouts[position]) {
        const content = state.content;
        const entry = content === null ? `0 ${zeros}` : 'data' in content ? `${content.mode} ${ids[next++]}` : `${content.mode} ${content.id}`;
        records.push(Buffer.from(`${entry}\t`, 'latin1'), state.path, Buffer.from([0]));
      }
      git.run(['update-index', '--add', '--remove', '--replace', '-z', '--index-info'], { env, input: Buffer.concat(records) });
      const tree = git.text(['write-tree'], { env });
      if (tree === parentTree) {
        notes.push(`Commit ${position + 1} (${step.title}) was left out: an earlier commit already took its changes along (a whole-file change, or a file that replaced their directory).`);
        return;
      }
      const headers = [Buffer.from(`tree ${tree}`), ...(parent === null ? [] : [Buffer.from(`parent ${parent}`)]), original.authorLine, Buffer.from(`committer ${committer}`, 'latin1')];
      const commit = commits.add(headers, messageBytes(step.message));
      steps.push({ ...step, index: position + 1, parent, tree, commit });
      parent = commit;
      parentTree = tree;
    });
    commits.write(git, quarantine);
    if (parentTree !== original.tree) {
      const differ = git.run(['diff-tree', '-r', '-z', '--name-only', parentTree, original.tree], { env }).toString('utf8').split('\0').filter((name) => name !== '');
      throw new SeriesError(`the series would end on tree ${parentTree.slice(0, 12)}, not on ${original.sha.slice(0, 12)}'s tree ${original.tree.slice(0, 12)} (${differ.length} path(s) differ: ${differ.slice(0, 3).map((name) => JSON.stringify(name)).join(', ')}); nothing was written`);
    }
    return { original, baseTree, steps, notes, quarantine };
  } catch (error) {
    quarantine.dispose();
    throw error;
  }
}

/** The patch of one step: git's own diff from the tree before it to its tree (binary-safe, applies with git apply). */
export function stepPatch(git: Git, series: BuiltSeries, position: number): Buffer {
  const before = position === 0 ? series.baseTree : series.steps[position - 1].tree;
  return git.run(['diff', ...DIFF_OPTIONS, before, series.steps[position].tree, '--'], { env: series.quarantine.env });
}

/** Writes the series as `git format-patch` mails into `directory`; returns the files' names. */
export function writeFormatPatches(git: Git, series: BuiltSeries, directory: string): string[] {
  if (series.steps.length === 0) return [];
  const tip = series.steps[series.steps.length - 1].commit;
  const range = series.original.parent === null ? ['--root', tip] : [`${series.original.parent}..${tip}`];
  const out = git.text(['format-patch', '--no-color', '--full-index', '--binary', '--no-signature', '--zero-commit', '-o', directory, ...range, '--'], { env: series.quarantine.env });
  return out === '' ? [] : out.split('\n');
}

/** Names the operation in progress (rebase, merge, cherry-pick, revert, bisect), if any. */
export function operationInProgress(git: Git): string | null {
  const markers: Array<[string, string]> = [
    ['rebase-merge', 'a rebase'],
    ['rebase-apply', 'a rebase or git am'],
    ['MERGE_HEAD', 'a merge'],
    ['CHERRY_PICK_HEAD', 'a cherry-pick'],
    ['REVERT_HEAD', 'a revert'],
    ['BISECT_LOG', 'a bisect'],
  ];
  const paths = git.text(['rev-parse', ...markers.flatMap(([marker]) => ['--git-path', marker])]).split('\n');
  const found = markers.findIndex((_marker, index) => fs.existsSync(path.resolve(git.cwd, paths[index])));
  return found < 0 ? null : markers[found][1];
}

export interface ApplyOptions {
  /** New branch to create (default when not in place). */
  branch?: string;
  /** Replace the commit in the current branch and replay the commits after it. */
  inPlace: boolean;
  /** A shell command to run on every new commit in a temporary worktree. */
  exec?: string;
  /** The current branch and its commit, read before the series was built (for --in-place). */
  head?: { ref: string; commit: string };
  /** Where the command's output and progress go. */
  progress: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

export interface ApplyResult {
  ref: string;
  oldTip: string | null;
  newTip: string;
  replayed: number;
}

/** The user's command failed on one commit of the series; nothing was changed. */
export class ExecFailure extends Error {}

/** The branch name used when none is given: `split-<short id>`. */
export function defaultBranch(sha: string): string {
  return `split-${sha.slice(0, 7)}`;
}

/** Checks a new branch name: valid, and not taken. Returns its full ref. */
export function checkNewBranch(git: Git, name: string): string {
  if (name.startsWith('-') || git.probe(['check-ref-format', '--branch', name]) === null) throw new InputError(`not a valid branch name: ${name}`);
  const ref = `refs/heads/${name}`;
  if (git.probe(['rev-parse', '--verify', '--quiet', ref]) !== null) throw new InputError(`branch ${name} already exists; choose another name with --branch`);
  return ref;
}

/**
 * The commits that `--in-place` must replay: every commit reachable from HEAD but
 * not from `sha`, parents first. Throws when HEAD is detached or does not contain `sha`.
 */
export function readHead(git: Git, sha: string): { ref: string; commit: string } {
  const ref = git.probe(['symbolic-ref', '-q', 'HEAD']);
  if (ref === null) throw new InputError('HEAD is detached: --in-place rewrites the current branch; check out a branch, or create a new one with --branch');
  const commit = git.probe(['rev-parse', '--verify', '--quiet', 'HEAD']);
  if (commit === null) throw new InputError(`${ref} has no commits yet`);
  if (git.probe(['merge-base', '--is-ancestor', sha, commit]) === null) throw new InputError(`${sha.slice(0, 12)} is not on the current branch (${ref.replace(/^refs\/heads\//, '')}); --in-place can only rewrite a commit of it`);
  return { ref, commit };
}

/**
 * Re-creates the commits after the original one on top of the series. Their
 * trees do not change (the series ends on the original tree), so there is
 * nothing to merge and nothing can conflict: each keeps its tree, author and
 * message, gets the rewritten parents and the current committer, and loses a
 * signature that would no longer verify. A commit none of whose parents was
 * rewritten (a side branch merged later) stays as it is.
 */
function replay(git: Git, series: BuiltSeries, head: string): { tip: string; count: number } {
  const env = series.quarantine.env;
  const original = series.original.sha;
  const rewritten = new Map<string, string>([[original, series.steps[series.steps.length - 1].commit]]);
  const list = git.text(['rev-list', '--topo-order', '--reverse', '--parents', `${original}..${head}`], { env });
  const commits = (list === '' ? [] : list.split('\n')).map((line) => line.split(' '));
  const raw = readObjects(git, commits.map(([sha]) => sha), env);
  const committer = git.run(['var', 'GIT_COMMITTER_IDENT']).toString('latin1').replace(/\n$/, '');
  const writer = new CommitWriter(original.length === 64 ? 'sha256' : 'sha1');
  let count = 0;
  for (const [sha, ...parents] of commits) {
    if (!parents.some((parent) => rewritten.has(parent))) continue;
    const object = raw.get(sha);
    if (object?.type !== 'commit') throw new Error(`${sha} is not a commit`);
    const { headers, message } = splitCommitObject(object.data);
    const out: Buffer[] = [];
    for (const header of headers) {
      const key = header.toString('latin1').split(' ')[0];
      if (key === 'parent' || key === 'gpgsig' || key === 'gpgsig-sha256' || key === 'committer') continue;
      out.push(header);
      if (key === 'tree') for (const parent of parents) out.push(Buffer.from(`parent ${rewritten.get(parent) ?? parent}`));
    }
    const at = out.findIndex((header) => header.toString('latin1').startsWith('author '));
    out.splice(at + 1, 0, Buffer.from(`committer ${committer}`, 'latin1'));
    rewritten.set(sha, writer.add(out, message));
    count++;
  }
  writer.write(git, series.quarantine);
  return { tip: rewritten.get(head) ?? head, count };
}

/**
 * Runs the user's command on each new commit, checked out in a temporary
 * worktree (hooks off), like `git rebase -x`. Throws ExecFailure naming the
 * first commit whose command fails.
 */
function runExec(git: Git, series: BuiltSeries, command: string, options: ApplyOptions): void {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'split-advisor-exec-'));
  const tree = path.join(parent, 'tree');
  const noHooks = ['-c', `core.hooksPath=${path.join(parent, 'no-hooks')}`];
  const env: NodeJS.ProcessEnv = { ...options.env };
  for (const key of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_PREFIX']) delete env[key];
  const total = series.steps.length;
  try {
    git.run([...noHooks, 'worktree', 'add', '--quiet', '--detach', tree, series.steps[0].commit]);
    series.steps.forEach((step, position) => {
      const label = `commit ${position + 1}/${total} ${step.commit.slice(0, 12)} "${step.title}"`;
      if (position > 0) git.run([...noHooks, 'checkout', '--quiet', '--detach', '--force', step.commit], { cwd: tree });
      options.progress(`exec on ${label}: ${command}\n`);
      const log = path.join(parent, 'output');
      const fd = fs.openSync(log, 'w');
      const result = spawnSync('sh', ['-c', command], { cwd: tree, env, stdio: ['ignore', fd, fd] });
      fs.closeSync(fd);
      const output = fs.readFileSync(log);
      if (output.length > 0) options.progress(output.toString('utf8'));
      if (result.error) throw new ExecFailure(`--exec could not run on ${label}: ${result.error.message}; nothing was changed`);
      if (result.status !== 0) {
        const why = result.signal !== null ? `was killed by ${result.signal}` : `exited with code ${result.status}`;
        throw new ExecFailure(`--exec failed on ${label}: \`${command}\` ${why}; nothing was changed`);
      }
    });
  } finally {
    git.probe(['worktree', 'remove', '--force', tree]);
    fs.rmSync(parent, { recursive: true, force: true });
    git.probe(['worktree', 'prune']);
  }
}

/**
 * Puts a built series into the repository: replays later commits (in place),
 * moves the objects in, runs `--exec`, and finally moves one ref, checking its
 * old value, so an interrupted or failed run leaves every ref as it was.
 * In place, the branch's new tip has the old tip's tree, so the index and the
 * working tree still match it and are left alone.
 */
export function applySeries(git: Git, series: BuiltSeries, options: ApplyOptions): ApplyResult {
  if (series.steps.length === 0) throw new InputError(`${series.original.sha.slice(0, 12)} has no changes to split`);
  let ref: string;
  let oldTip: string | null;
  let newTip = series.steps[series.steps.length - 1].commit;
  let replayed = 0;
  if (options.inPlace) {
    if (options.head === undefined) throw new Error('applySeries: --in-place needs the current branch');
    ref = options.head.ref;
    oldTip = options.head.commit;
    const result = replay(git, series, oldTip);
    newTip = result.tip;
    replayed = result.count;
    const newTree = git.text(['rev-parse', `${newTip}^{tree}`], { env: series.quarantine.env });
    const oldTree = git.text(['rev-parse', `${oldTip}^{tree}`]);
    if (newTree !== oldTree) throw new SeriesError(`replaying the commits after ${series.original.sha.slice(0, 12)} did not end on the branch's tree; nothing was written`);
  } else {
    ref = checkNewBranch(git, options.branch ?? defaultBranch(series.original.sha));
    oldTip = null;
  }
  series.quarantine.migrate();
  if (options.exec !== undefined) runExec(git, series, options.exec, options);
  const message = `split-advisor: split ${series.original.sha.slice(0, 12)} into ${series.steps.length} commits`;
  // In place, the branch moves through HEAD, so HEAD's reflog has the step too (`git reset --keep HEAD@{1}` undoes it).
  if (options.inPlace && git.probe(['symbolic-ref', '-q', 'HEAD']) !== ref) throw new InputError(`HEAD is no longer on ${ref}; nothing was changed`);
  try {
    git.run(['update-ref', '-m', message, options.inPlace ? 'HEAD' : ref, newTip, oldTip ?? '']);
  } catch (error) {
    throw new InputError(`${ref} could not be updated (${(error as Error).message}); it was left as it was`);
  }
  return { ref, oldTip, newTip, replayed };
}
