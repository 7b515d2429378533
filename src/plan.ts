/**
 * Turning a suggested (or hand-edited) series into commits, the pure half: the
 * plan itself, reading a plan file back, and laying out every file at each step
 * of the series. apply.ts does the git side (blobs, trees, commits, refs).
 *
 * A step is a prefix of the series: after commit k, the changes of commits 1..k
 * are applied and the others are not. Each file of the diff is laid out from that
 * set of changes alone, never from the step before, so the steps cannot drift:
 *
 *   file kind                              | some of its changes applied      | all applied
 *   ---------------------------------------|----------------------------------|--------------
 *   text, 2+ changes, regular modes        | old bytes with those blocks      | new blob
 *                                          | replaced by the new side's lines |
 *   binary, symlink, submodule, mode-only, | (a single change: never partial) | new entry
 *   pure rename, empty file, one change    |                                  |
 *
 * A rename, copy or mode change goes with the file's first applied change. The
 * bytes come from the blobs, not from the diff's decoded text, so CRLF, missing
 * final newlines and non-UTF-8 content survive unchanged.
 */
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { InputError } from './errors';
import { Change, SeriesCommit } from './model';

/** One commit of a plan, in series order. */
export interface PlanStep {
  /** Dominant kind, for comments; free text in a hand-edited plan. */
  kind: string;
  title: string;
  /** The full commit message (subject, body, trailers). */
  message: string;
  changes: string[];
}

export interface Plan {
  steps: PlanStep[];
}

/** The plan the advisor suggests: its series, as is. */
export function planFromSeries(series: SeriesCommit[]): Plan {
  return { steps: series.map((commit) => ({ kind: commit.kind, title: commit.title, message: commit.message, changes: [...commit.changes] })) };
}

/**
 * A short fingerprint of what a change does, so that a plan file made for one
 * diff is refused for another whose change ids happen to be the same.
 */
export function changeDigest(change: Change): string {
  const what = JSON.stringify([change.file, change.oldFile, change.status, change.old, change.new, change.removed, change.added]);
  return createHash('sha1').update(what).digest('hex').slice(0, 12);
}

/** What a plan file must hold: the `series` of `plan --format json`, with the changes' digests when present. */
interface PlanFileShape {
  series: Array<{ kind?: unknown; title?: unknown; message?: unknown; changes?: unknown }>;
  changes?: Array<{ id?: unknown; digest?: unknown; file?: unknown }>;
}

/**
 * Reads a plan file (the JSON of `plan --format json`, edited by hand: changes
 * moved between commits, commits reordered, reworded or merged) against the
 * changes of the commit it is applied to.
 *
 * The message of each commit is its `message`; when `title` was edited and no
 * longer equals the message's first line, the title replaces that line.
 *
 * @throws InputError (one line) for invalid JSON, a change in no commit or in two,
 *   an unknown change, an empty commit, or a plan made for different changes.
 */
export function readPlanFile(text: string, name: string, changes: Change[], rev: string): Plan {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${name}: not valid JSON (${(error as Error).message.split('\n')[0]})`);
  }
  const shape = data as PlanFileShape;
  if (typeof data !== 'object' || data === null || !Array.isArray(shape.series)) {
    throw new InputError(`${name}: no "series" list (expected the output of split-advisor plan --format json)`);
  }
  const short = rev.slice(0, 12);
  const byId = new Map(changes.map((change) => [change.id, change]));
  if (shape.changes !== undefined) {
    if (!Array.isArray(shape.changes)) throw new InputError(`${name}: "changes" is not a list`);
    const planned = new Map(shape.changes.map((entry) => [String(entry.id), entry]));
    for (const change of changes) {
      const entry = planned.get(change.id);
      if (entry === undefined || (entry.digest !== undefined && entry.digest !== changeDigest(change))) {
        throw new InputError(`${name}: the plan no longer matches ${short}: change ${change.id} (${change.file}) is not the change it was planned for; make a new plan with split-advisor plan ${short} --format json`);
      }
    }
    const extra = shape.changes.find((entry) => !byId.has(String(entry.id)));
    if (extra !== undefined) throw new InputError(`${name}: the plan no longer matches ${short}: it has a change ${String(extra.id)} that ${short} does not; make a new plan`);
  }

  const home = new Map<string, number>();
  const steps: PlanStep[] = shape.series.map((entry, index) => {
    const number = index + 1;
    if (typeof entry !== 'object' || entry === null || !Array.isArray(entry.changes) || entry.changes.some((id) => typeof id !== 'string')) {
      throw new InputError(`${name}: commit ${number} has no "changes" list of change ids`);
    }
    const ids = entry.changes as string[];
    if (ids.length === 0) throw new InputError(`${name}: commit ${number} has no changes; remove it from the plan or move changes into it`);
    for (const id of ids) {
      if (!byId.has(id)) throw new InputError(`${name}: commit ${number} names change ${id}, which ${short} does not have`);
      const other = home.get(id);
      if (other !== undefined) throw new InputError(`${name}: change ${id} is in commits ${other} and ${number}; each change goes in exactly one commit`);
      home.set(id, number);
    }
    const title = typeof entry.title === 'string' ? entry.title.trim() : '';
    let message = typeof entry.message === 'string' ? entry.message : '';
    if (message.trim() === '' && title === '') throw new InputError(`${name}: commit ${number} has neither a "title" nor a "message"`);
    if (message.trim() === '') message = title;
    else if (title !== '' && message.split('\n')[0].trim() !== title) message = [title, ...message.split('\n').slice(1)].join('\n');
    return { kind: typeof entry.kind === 'string' ? entry.kind : '', title: title !== '' ? title : message.split('\n')[0], message, changes: [...ids] };
  });
  const missing = changes.filter((change) => !home.has(change.id));
  if (missing.length > 0) {
    const named = missing.slice(0, 3).map((change) => `${change.id} (${change.file})`).join(', ');
    throw new InputError(`${name}: ${missing.length === 1 ? 'change' : `${missing.length} changes,`} ${named}${missing.length > 3 ? ', ...' : ''} ${missing.length === 1 ? 'is' : 'are'} in no commit; each change goes in exactly one commit`);
  }
  return { steps };
}

/** A tree entry: octal mode and object id. */
export interface TreeEntry {
  mode: string;
  id: string;
}

/** What a path holds at some step: an existing object, or bytes still to be written as a blob. */
export type PathContent = TreeEntry | { mode: string; data: Buffer };

/** One path's state at a step; `content` null means the path does not exist. */
export interface PathState {
  /** Raw path bytes. */
  path: Buffer;
  content: PathContent | null;
}

/** One file section of the diff, with what the layout needs to place it at any step. */
export interface FileSlot {
  /** Raw path bytes before and after; null for an addition (old) or a deletion (new). */
  oldPath: Buffer | null;
  newPath: Buffer | null;
  /** The old path survives (a copy). */
  copy: boolean;
  old: TreeEntry | null;
  new: TreeEntry | null;
  /** The file's changes in diff order. */
  changes: Change[];
  /** Old and new bytes when the file is split line by line; null when it moves as a whole. */
  text: { old: Buffer; new: Buffer } | null;
}

/** A file's lines as slices of its bytes, each with its '\n' (the last one may lack it). */
export function splitLines(data: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  while (start < data.length) {
    const end = data.indexOf(0x0a, start);
    const stop = end < 0 ? data.length : end + 1;
    lines.push(data.subarray(start, stop));
    start = stop;
  }
  return lines;
}

/** 0-based [from, to) of a change's lines on one side (a range with lines = 0 is an insertion after `start`). */
function span(range: { start: number; lines: number }): [number, number] {
  const from = range.lines === 0 ? range.start : range.start - 1;
  return [from, from + range.lines];
}

const NEWLINE = Buffer.from('\n');

/**
 * The bytes of a text file with only the changes in `applied` applied: each
 * change replaces its old lines by its lines of the new file. A line that lacked
 * its final newline and is no longer last (an insertion after it was applied, the
 * edit of that line not yet) gets one, so that two lines never fuse.
 */
export function composeText(oldData: Buffer, newData: Buffer, changes: Change[], applied: (change: Change) => boolean): Buffer {
  const oldLines = splitLines(oldData);
  const newLines = splitLines(newData);
  const out: Buffer[] = [];
  let cursor = 0;
  for (const change of changes) {
    const [oldFrom, oldTo] = span(change.old!);
    const [newFrom, newTo] = span(change.new!);
    out.push(...oldLines.slice(cursor, oldFrom));
    out.push(...(applied(change) ? newLines.slice(newFrom, newTo) : oldLines.slice(oldFrom, oldTo)));
    cursor = oldTo;
  }
  out.push(...oldLines.slice(cursor));
  const parts: Buffer[] = [];
  out.forEach((line, index) => {
    parts.push(line);
    if (index < out.length - 1 && line[line.length - 1] !== 0x0a) parts.push(NEWLINE);
  });
  return Buffer.concat(parts);
}

/** Whether the lines (bytes with their newline) are the diff's decoded lines (UTF-8 when valid, else latin1, as parse.ts reads them). */
function sameLines(lines: Buffer[], texts: string[]): boolean {
  return lines.length === texts.length && lines.every((line, k) => {
    const bytes = line[line.length - 1] === 0x0a ? line.subarray(0, -1) : line;
    return (isUtf8(bytes) ? bytes.toString('utf8') : bytes.toString('latin1')) === texts[k];
  });
}

/**
 * Whether a file can be split line by line: its changes are text blocks in
 * order, inside both files, their lines are the files' lines, and applying
 * none or all of them gives back exactly the old and the new bytes. Anything
 * else moves as a whole, which is always exact.
 */
export function canSplitText(oldData: Buffer, newData: Buffer, changes: Change[]): boolean {
  if (changes.length < 2 || changes.some((change) => change.old === null || change.new === null)) return false;
  const oldLines = splitLines(oldData);
  const newLines = splitLines(newData);
  const oldCount = oldLines.length;
  const newCount = newLines.length;
  let oldEnd = 0;
  let newEnd = 0;
  for (const change of changes) {
    const [oldFrom, oldTo] = span(change.old!);
    const [newFrom, newTo] = span(change.new!);
    if (oldFrom < oldEnd || newFrom < newEnd || oldTo > oldCount || newTo > newCount) return false;
    if (!sameLines(oldLines.slice(oldFrom, oldTo), change.removed) || !sameLines(newLines.slice(newFrom, newTo), change.added)) return false;
    oldEnd = oldTo;
    newEnd = newTo;
  }
  return composeText(oldData, newData, changes, () => false).equals(oldData) && composeText(oldData, newData, changes, () => true).equals(newData);
}

/**
 * Every path the diff touches, as it is once the `applied` changes are: removals
 * first, then the paths no applied change touched, then the paths applied
 * changes wrote, so that a later entry for the same path wins: a regular file
 * deleted and a symlink added in its place ends up the symlink once its change is in.
 */
export function layoutStep(slots: FileSlot[], applied: ReadonlySet<string>): PathState[] {
  const removals: PathState[] = [];
  const unchanged: PathState[] = [];
  const present: PathState[] = [];
  for (const slot of slots) {
    const done = slot.changes.filter((change) => applied.has(change.id)).length;
    if (done === 0) {
      if (slot.oldPath !== null && slot.old !== null) unchanged.push({ path: slot.oldPath, content: slot.old });
      continue;
    }
    const moved = slot.oldPath !== null && !slot.copy && (slot.newPath === null || !slot.oldPath.equals(slot.newPath));
    if (moved) removals.push({ path: slot.oldPath!, content: null });
    if (slot.copy && slot.oldPath !== null && slot.old !== null) present.push({ path: slot.oldPath, content: slot.old });
    if (done === slot.changes.length || slot.text === null) {
      if (slot.newPath !== null && slot.new !== null) present.push({ path: slot.newPath, content: slot.new });
      continue;
    }
    const data = composeText(slot.text.old, slot.text.new, slot.changes, (change) => applied.has(change.id));
    const mode = (slot.new ?? slot.old)!.mode;
    present.push({ path: (slot.newPath ?? slot.oldPath)!, content: { mode, data } });
  }
  return [...removals, ...unchanged, ...present];
}

/** The changes of commits 1..k of the plan, for k = 1..n. */
export function prefixSets(plan: Plan): Array<Set<string>> {
  const sets: Array<Set<string>> = [];
  let current = new Set<string>();
  for (const step of plan.steps) {
    current = new Set([...current, ...step.changes]);
    sets.push(current);
  }
  return sets;
}

/** One line about a change, for the comments of the generated todo and script. */
export interface ChangeNote {
  id: string;
  file: string;
  /** `-10,2 +10,3`, or the file's status for a change without lines. */
  location: string;
  kind: string;
  reason: string;
}

/** What the plan renderers need: the original commit, and each step with its patch. */
export interface SeriesDocument {
  /** `split-advisor 0.1.0`. */
  tool: string;
  original: {
    sha: string;
    subject: string;
    /** First parent, or null for a root commit. */
    parent: string | null;
    tree: string;
    /** The tree the series starts from: the parent's, or the empty tree. */
    baseTree: string;
    /** The raw `author ...` header line, copied into every new commit. */
    authorLine: Buffer;
  };
  steps: Array<{ kind: string; title: string; message: string; patch: Buffer; changes: ChangeNote[] }>;
  notes: string[];
}

/** A commit message as it is written into a commit: trailing blank space trimmed, one final newline. */
export function messageBytes(message: string): Buffer {
  return Buffer.from(message.replace(/\s+$/, '') + '\n', 'utf8');
}
