/**
 * The input edge: turns a request (a commit, a range, the index, the work tree,
 * or a patch file) into parsed diff files plus, for git input, the full old and
 * new contents of every text file, read from git's object store in one batch.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileContents } from './classify';
import { InputError } from './errors';
import { Git, diffStaged, diffTrees, diffWorktree, emptyTree, isNullBlob, openRepository, readBlobs, readBlobsByName, readCommit, resolveCommit } from './git';
import { parseCommitMessage } from './message';
import { CommitMessage, Source } from './model';
import { ParseError, ParsedFile, parsePatch } from './parse';
import { blobId, rebuildNewText } from './rebuild';

export type InputRequest =
  | { kind: 'commit'; rev: string; firstParent?: boolean; cwd: string }
  | { kind: 'range'; rev: string; cwd: string }
  | { kind: 'staged'; cwd: string }
  | { kind: 'worktree'; cwd: string }
  /**
   * A patch file, '-' for standard input, or, with `bytes`, a patch already read
   * elsewhere (the review page's request body); `path` then only names it in errors.
   */
  | { kind: 'patch'; path: string; cwd: string; stdin?: () => Buffer; bytes?: Buffer };

export interface LoadedInput {
  source: Source;
  files: ParsedFile[];
  message: CommitMessage | null;
  /** Indexed like files; undefined where the full text is unknown. */
  contents: Array<FileContents | undefined>;
  diffOnly: boolean;
  notes: string[];
  /** Who wrote the change, as `Name <email>`: a commit's author, a mail's From or `git show`'s Author; for mails of the series. */
  author?: string;
}

/** Files larger than this are analysed from the diff alone. */
export const MAX_FULL_FILE_BYTES = 4 * 1024 * 1024;

export function loadInput(request: InputRequest): LoadedInput {
  if (request.kind === 'patch') return loadPatch(request.path, request.cwd, request.stdin, request.bytes);
  const git = openRepository(request.cwd);
  switch (request.kind) {
    case 'commit':
      return loadCommit(git, request.rev, request.firstParent === true);
    case 'range':
      return loadRange(git, request.rev);
    case 'staged':
      return withContents(git, { kind: 'staged' }, parseOrThrow(diffStaged(git), 'git diff --cached'), null, 'index');
    case 'worktree':
      return withContents(git, { kind: 'worktree' }, parseOrThrow(diffWorktree(git), 'git diff'), null, 'worktree');
  }
}

function parseOrThrow(diff: Buffer, what: string, file?: string) {
  try {
    return parsePatch(diff);
  } catch (error) {
    if (error instanceof ParseError) throw new InputError(`${file ?? what}: ${error.message}`);
    throw error;
  }
}

function loadPatch(file: string, cwd: string, stdin?: () => Buffer, bytes?: Buffer): LoadedInput {
  let data: Buffer;
  if (bytes !== undefined) {
    data = bytes;
  } else if (file === '-') {
    data = stdin ? stdin() : fs.readFileSync(0);
  } else {
    const full = path.resolve(cwd, file);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      throw new InputError(`cannot read patch file: ${file} (no such file)`);
    }
    if (stat.isDirectory()) throw new InputError(`cannot read patch file: ${file} is a directory`);
    data = fs.readFileSync(full);
  }
  if (data.length === 0) throw new InputError(`${file === '-' ? 'standard input' : file}: the patch is empty`);
  const parsed = parseOrThrow(data, 'patch', file === '-' ? 'standard input' : file);
  if (parsed.files.length === 0) {
    throw new InputError(`${file === '-' ? 'standard input' : file}: no diff found (expected 'diff --git' or '---'/'+++' file headers)`);
  }
  const fromRepository = contentsFromRepository(cwd, parsed.files);
  const found = fromRepository.filter((contents) => contents !== undefined).length;
  const textFiles = parsed.files.filter((diffFile) => !diffFile.binary && diffFile.hunks.length > 0).length;
  const notes =
    found === 0
      ? ['Analysed from the diff alone: without the full files, whitespace in multi-line strings cannot be ruled out, so fewer changes are called no-ops.']
      : found < textFiles
        ? [`Full files read from this repository for ${found} of ${textFiles} text files (the others' old versions are not in it, or their hunks do not fit them): those were analysed from the diff alone.`]
        : [];
  return {
    source: { kind: 'patch', path: file, ...(parsed.message ? { subject: parsed.message.subject } : {}) },
    files: parsed.files,
    message: parsed.message,
    contents: fromRepository,
    diffOnly: found === 0,
    notes,
    ...(parsed.author ? { author: parsed.author } : {}),
  };
}

/**
 * A pasted diff analysed inside a repository that holds its old versions (a
 * reviewer's checkout of the project) gets full files like a commit does: the old
 * text is the blob its `index` line names, the new text the new blob when the
 * store has it, else the old text with the hunks applied, kept only when its hash
 * is the new blob's id. Outside a repository, or without `index` lines, nothing.
 */
function contentsFromRepository(cwd: string, files: ParsedFile[]): Array<FileContents | undefined> {
  const candidates = files.filter((file) => !file.binary && file.hunks.length > 0 && (file.oldBlob !== null || file.newBlob !== null));
  if (candidates.length === 0) return [];
  let git: Git;
  try {
    git = openRepository(cwd);
  } catch (error) {
    if (error instanceof InputError) return [];
    throw error;
  }
  const objectFormat = git.probe(['rev-parse', '--show-object-format']) === 'sha256' ? 'sha256' : 'sha1';
  const ids = candidates.flatMap((file) => [file.oldBlob, file.newBlob]).filter((id): id is string => id !== null && !isNullBlob(id));
  let blobs: Map<string, Buffer>;
  try {
    blobs = readBlobsByName(git, ids, MAX_FULL_FILE_BYTES);
  } catch (error) {
    if (error instanceof InputError) return [];
    throw error;
  }
  return files.map((file): FileContents | undefined => {
    if (file.binary || file.hunks.length === 0) return undefined;
    const oldText = file.oldPath === null ? '' : blobText(blobs, file.oldBlob);
    if (oldText === undefined) return undefined;
    if (file.newPath === null) return { old: oldText, new: '' };
    const stored = blobText(blobs, file.newBlob);
    if (stored !== undefined) return { old: oldText, new: stored };
    const rebuilt = rebuildNewText(oldText, file);
    if (rebuilt === null || file.newBlob === null) return undefined;
    const id = blobId(Buffer.from(rebuilt, 'utf8'), objectFormat);
    return id.startsWith(file.newBlob.toLowerCase()) ? { old: oldText, new: rebuilt } : undefined;
  });
}

/** A blob's text by the (possibly abbreviated) id a diff gave, when the store has it and it is UTF-8. */
function blobText(blobs: Map<string, Buffer>, id: string | null): string | undefined {
  if (id === null || isNullBlob(id)) return undefined;
  const data = blobs.get(id);
  if (data === undefined) return undefined;
  const text = data.toString('utf8');
  // Bytes that are not UTF-8 would not survive the round trip; such a file stays diff-only.
  return Buffer.from(text, 'utf8').equals(data) ? text : undefined;
}

function loadCommit(git: Git, rev: string, firstParent: boolean): LoadedInput {
  const sha = resolveCommit(git, rev);
  const commit = readCommit(git, sha);
  if (commit.parents.length > 1 && !firstParent) {
    throw new InputError(`${rev} is a merge commit (${commit.parents.length} parents); pass --first-parent to analyse it against its first parent`);
  }
  const base = commit.parents[0] ?? emptyTree(git);
  const message = commit.message.trim() === '' ? null : parseCommitMessage(commit.message);
  const parsed = parseOrThrow(diffTrees(git, base, sha), 'git diff');
  const loaded = withContents(git, { kind: 'commit', rev: sha, ...(message ? { subject: message.subject } : {}) }, parsed, message, 'blobs');
  return { ...loaded, author: commit.author };
}

function loadRange(git: Git, rev: string): LoadedInput {
  const match = /^(.*?)(\.\.\.?)(.*)$/.exec(rev);
  if (match === null) throw new InputError(`not a range: ${rev}`);
  const from = resolveCommit(git, match[1] === '' ? 'HEAD' : match[1]);
  const to = resolveCommit(git, match[3] === '' ? 'HEAD' : match[3]);
  // The commits of a..b start at the merge base; their combined diff is merge-base..b.
  const base = git.probe(['merge-base', from, to]);
  if (base === null) throw new InputError(`${rev}: the two revisions have no common ancestor`);
  const parsed = parseOrThrow(diffTrees(git, base, to), 'git diff');
  return withContents(git, { kind: 'range', rev: `${base}..${to}` }, parsed, null, 'blobs');
}

/**
 * Reads the full old and new text of every text file in one batch. The new side
 * of a work-tree diff may have no blob in the store: it is read from disk.
 */
function withContents(git: Git, source: Source, parsed: ReturnType<typeof parsePatch>, message: CommitMessage | null, newSide: 'blobs' | 'index' | 'worktree'): LoadedInput {
  const notes: string[] = [];
  const ids: string[] = [];
  for (const file of parsed.files) {
    if (file.binary || file.hunks.length === 0) continue;
    if (file.oldBlob !== null) ids.push(file.oldBlob);
    if (file.newBlob !== null) ids.push(file.newBlob);
  }
  const { blobs, skipped } = readBlobs(git, ids, MAX_FULL_FILE_BYTES);
  const contents = parsed.files.map((file): FileContents | undefined => {
    if (file.binary || file.hunks.length === 0) return undefined;
    const read = (id: string | null, present: boolean): string | null | undefined => {
      if (!present) return '';
      if (id === null) return undefined;
      const blob = blobs.get(id);
      return blob === undefined ? undefined : blob.toString('utf8');
    };
    const oldText = read(file.oldBlob, file.oldPath !== null);
    let newText = read(file.newBlob, file.newPath !== null);
    // Git names a modified work-tree file by a hash it computed without writing the
    // object, so the blob is usually missing from the store: read the file itself.
    if (newText === undefined && newSide === 'worktree' && file.newPath !== null) {
      newText = readWorktreeFile(git.cwd, file.newPath.text);
    }
    if (oldText === undefined || newText === undefined) return undefined;
    return { old: oldText, new: newText };
  });
  if (skipped.length > 0) notes.push(`${skipped.length} file version(s) over ${MAX_FULL_FILE_BYTES / 1024 / 1024} MiB were analysed from the diff alone.`);
  return { source, files: parsed.files, message, contents, diffOnly: false, notes };
}

function readWorktreeFile(top: string, relative: string): string | undefined {
  try {
    const full = path.join(top, relative);
    const stat = fs.lstatSync(full);
    if (stat.isSymbolicLink()) return fs.readlinkSync(full);
    if (!stat.isFile() || stat.size > MAX_FULL_FILE_BYTES) return undefined;
    return fs.readFileSync(full).toString('utf8');
  } catch {
    return undefined;
  }
}
