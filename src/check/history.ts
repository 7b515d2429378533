/**
 * The input edge of `check`: which commits to look at (a range, the commits not
 * yet on the upstream, everything, or what a `git push` is about to send), and
 * their messages and diffs, read for the whole set in one `git log -p` process
 * (plus one `git cat-file --batch` for full file contents when asked).
 */
import { InputError } from '../errors';
import { Git, countMerges, currentBranch, isCommit, isNullBlob, listCommits, logPatches, readBlobs, upstreamOf } from '../git';
import { MAX_FULL_FILE_BYTES } from '../input';
import { parseCommitMessage } from '../message';
import { CommitMessage } from '../model';
import { ParseError, ParsedFile, parsePatch } from '../parse';
import { isDocPath, isGeneratedPath, isLockfile } from '../paths';
import type { FileContents } from '../classify';

/** One commit of a `git log -p` in LOG_FORMAT. */
export interface CommitRecord {
  sha: string;
  parents: string[];
  author: string;
  message: string;
  patch: Buffer;
}

/** Splits the output of logPatches into commits. Fields are NUL-separated; diffs hold no NUL (binary content is base85). */
export function splitLogRecords(out: Buffer): CommitRecord[] {
  const records: CommitRecord[] = [];
  let offset = out.indexOf(0);
  while (offset >= 0 && offset < out.length) {
    const fields: Buffer[] = [];
    let cursor = offset + 1;
    for (let k = 0; k < 4; k++) {
      const end = out.indexOf(0, cursor);
      if (end < 0) throw new Error('git log output ended inside a commit record');
      fields.push(out.subarray(cursor, end));
      cursor = end + 1;
    }
    const next = out.indexOf(0, cursor);
    const patchEnd = next < 0 ? out.length : next;
    let patchStart = cursor;
    while (patchStart < patchEnd && out[patchStart] === 0x0a) patchStart++;
    const [sha, parents, author, message] = fields.map((field) => field.toString('utf8'));
    records.push({ sha, parents: parents.split(' ').filter((parent) => parent !== ''), author, message, patch: out.subarray(patchStart, patchEnd) });
    offset = next;
  }
  return records;
}

/** A commit ready for the analysis: parsed files, message, and full contents when read. */
export interface LoadedCommit {
  sha: string;
  author: string;
  rawMessage: string;
  message: CommitMessage;
  files: ParsedFile[];
  contents: Array<FileContents | undefined>;
}

/**
 * Reads the given commits (in the given order): one `git log -p` for all their
 * diffs; with `contents`, one `git cat-file --batch` for the old and new text of
 * every changed text file under 4 MiB, so the heuristics see whole files.
 */
export interface LoadOptions {
  /** Read full file contents (one cat-file batch for the whole set). */
  contents: boolean;
  /** Paths to analyse; the others (ignored by the config) are dropped from the diff. */
  keep?: (file: string) => boolean;
  /** A commit with more changed lines than this is analysed from its diff alone (it is too large either way). */
  maxLinesForContents?: number;
}

/** Files whose full text the heuristics do not need: docs, lockfiles and generated files are classified by path. */
function needsContents(file: ParsedFile): boolean {
  const name = (file.newPath ?? file.oldPath)?.text ?? '';
  return !(isDocPath(name) || isLockfile(name) || isGeneratedPath(name));
}

function changedLines(files: ParsedFile[]): number {
  let count = 0;
  for (const file of files) for (const hunk of file.hunks) for (const line of hunk.lines) if (line.type !== ' ') count++;
  return count;
}

export function loadCommits(git: Git, shas: string[], options: LoadOptions): LoadedCommit[] {
  const records = splitLogRecords(logPatches(git, shas));
  const commits = records.map((record): LoadedCommit => {
    let files: ParsedFile[];
    try {
      files = parsePatch(record.patch).files;
    } catch (error) {
      if (error instanceof ParseError) throw new InputError(`commit ${record.sha.slice(0, 12)}: ${error.message}`);
      throw error;
    }
    if (options.keep !== undefined) files = files.filter((file) => options.keep!((file.newPath ?? file.oldPath)?.text ?? ''));
    return { sha: record.sha, author: record.author, rawMessage: record.message, message: parseCommitMessage(record.message), files, contents: [] };
  });
  if (!options.contents) return commits;
  const ids: string[] = [];
  const wanted = commits.map((commit) => options.maxLinesForContents === undefined || changedLines(commit.files) <= options.maxLinesForContents);
  for (const [position, commit] of commits.entries()) {
    if (!wanted[position]) continue;
    for (const file of commit.files) {
      if (file.binary || file.hunks.length === 0 || !needsContents(file)) continue;
      if (file.oldBlob !== null) ids.push(file.oldBlob);
      if (file.newBlob !== null) ids.push(file.newBlob);
    }
  }
  const { blobs } = readBlobs(git, ids, MAX_FULL_FILE_BYTES);
  const text = (id: string | null, present: boolean): string | undefined => {
    if (!present || isNullBlob(id)) return present ? undefined : '';
    return blobs.get(id!)?.toString('utf8');
  };
  for (const [position, commit] of commits.entries()) {
    if (!wanted[position]) continue;
    commit.contents = commit.files.map((file) => {
      if (file.binary || file.hunks.length === 0 || !needsContents(file)) return undefined;
      const oldText = text(file.oldBlob, file.oldPath !== null);
      const newText = text(file.newBlob, file.newPath !== null);
      return oldText === undefined || newText === undefined ? undefined : { old: oldText, new: newText };
    });
  }
  return commits;
}

/** One line of git's pre-push protocol. */
export interface PushUpdate {
  localRef: string;
  localSha: string;
  remoteRef: string;
  remoteSha: string;
}

/** Parses what git writes to a pre-push hook's stdin: `<local ref> <local sha> <remote ref> <remote sha>` per line. */
export function parsePrePush(text: string): PushUpdate[] {
  const updates: PushUpdate[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const parts = line.trim().split(/\s+/);
    if (parts.length !== 4 || !/^[0-9a-f]{40,64}$/.test(parts[1]) || !/^[0-9a-f]{40,64}$/.test(parts[3])) {
      throw new InputError(`--pre-push: line ${index + 1} of standard input is not '<local ref> <local sha> <remote ref> <remote sha>': ${JSON.stringify(line.slice(0, 80))}`);
    }
    updates.push({ localRef: parts[0], localSha: parts[1], remoteRef: parts[2], remoteSha: parts[3] });
  });
  return updates;
}

/** The commits to check and how to name them. */
export interface Targets {
  /** What was asked, for the report: `origin/main..HEAD`, `--all`, `push to origin`. */
  label: string;
  shas: string[];
  notes: string[];
}

const isZero = (sha: string) => /^0+$/.test(sha);

/**
 * The commits a push sends: for each updated ref, those between the remote's sha
 * and the local one; for a new branch (remote sha of zeros, or one this
 * repository does not have), those on no remote-tracking branch; deletions are
 * skipped. Several refs in one push are checked together, each commit once.
 */
export function pushTargets(git: Git, updates: PushUpdate[], remote: string | undefined): Targets {
  const shas: string[] = [];
  const seen = new Set<string>();
  const notes: string[] = [];
  let merges = 0;
  for (const update of updates) {
    if (isZero(update.localSha)) {
      notes.push(`${update.remoteRef}: deleted, nothing to check.`);
      continue;
    }
    if (!isCommit(git, update.localSha)) {
      notes.push(`${update.localRef}: not a commit (a tag of another object?), skipped.`);
      continue;
    }
    const revisions = !isZero(update.remoteSha) && isCommit(git, update.remoteSha) ? [`${update.remoteSha}..${update.localSha}`] : [update.localSha, '--not', '--remotes'];
    for (const sha of listCommits(git, revisions)) {
      if (!seen.has(sha)) {
        seen.add(sha);
        shas.push(sha);
      }
    }
    merges += countMerges(git, revisions);
  }
  if (merges > 0) notes.push(`${merges} merge commit(s) not checked: a merge's own changes are its conflict resolutions.`);
  return { label: `push${remote ? ` to ${remote}` : ''}`, shas, notes };
}

/**
 * The commits of `check [range]`: a range (`a..b`, `a...b`), a single commit, or
 * by default those not yet on the current branch's upstream.
 */
export function rangeTargets(git: Git, range: string | undefined): Targets {
  let revisions: string[];
  let label: string;
  let single = false;
  if (range === undefined) {
    const upstream = upstreamOf(git);
    if (upstream === null) {
      const branch = currentBranch(git);
      throw new InputError(
        branch === null
          ? 'HEAD is detached, so there is no upstream to compare with: name a range, e.g. `split-advisor check origin/main..HEAD`'
          : `branch '${branch}' has no upstream: name a range (e.g. \`split-advisor check origin/main..HEAD\`), or set one with \`git branch --set-upstream-to=<remote>/<branch>\``,
      );
    }
    revisions = [`${upstream}..HEAD`];
    label = `${upstream}..HEAD`;
  } else {
    if (range.startsWith('-') || range.trim() === '') throw new InputError(`not a range: ${range}`);
    revisions = [range];
    label = range;
    single = !range.includes('..');
    if (single && git.probe(['rev-parse', '--verify', '--quiet', `${range}^{commit}`]) === null) throw new InputError(`unknown revision: ${range}`);
    if (!single) {
      for (const end of range.split(/\.\.\.?/)) {
        if (end !== '' && git.probe(['rev-parse', '--verify', '--quiet', `${end}^{commit}`]) === null) throw new InputError(`unknown revision: ${end}`);
      }
    }
  }
  const shas = single ? listCommits(git, revisions, { noWalk: true }) : listCommits(git, revisions);
  const notes: string[] = [];
  if (single && shas.length === 0) notes.push(`${range} is a merge commit: not checked (a merge's own changes are its conflict resolutions).`);
  const merges = single ? 0 : countMerges(git, revisions);
  if (merges > 0) notes.push(`${merges} merge commit(s) not checked: a merge's own changes are its conflict resolutions.`);
  return { label, shas, notes };
}

/** Every commit on a branch, tag or remote-tracking branch, and HEAD (not stashes). */
export function allTargets(git: Git): Targets {
  const head = git.probe(['rev-parse', '--verify', '--quiet', 'HEAD']);
  const revisions = ['--branches', '--tags', '--remotes', ...(head !== null ? ['HEAD'] : [])];
  const shas = listCommits(git, revisions);
  const merges = countMerges(git, revisions);
  return { label: 'all branches and tags', shas, notes: merges > 0 ? [`${merges} merge commit(s) not checked.`] : [] };
}
