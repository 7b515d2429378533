/**
 * The suggested series as patches, composed from the parsed diff alone. A pasted
 * diff has no repository, so plan.ts and apply.ts (which lay files out from git's
 * blobs) cannot help; but every hunk already holds what a step needs to see.
 *
 * Step k sees each original hunk between "the changes of steps < k applied" and
 * "the changes of steps <= k applied":
 *
 *   line of the original hunk   | owned by a step < k | by step k | by a step > k
 *   ----------------------------|---------------------|-----------|--------------
 *   ' ' context                 | context             | context   | context
 *   '-' removed                 | absent (gone)       | removed   | context (still there)
 *   '+' added                   | context (there)     | added     | absent (not yet)
 *
 * A line that lacked its final newline gets one wherever it is no longer last
 * (as plan.ts's composeText does), so a line can differ between the two sides of
 * a step in its newline alone, and is then written as a removal and an addition.
 * That rule can leave a later step nothing to do (the newline it adds is there
 * already): a hunk a step does not change is left out, and such a step is empty.
 *
 * File headers follow the steps: a new file is created by the first step that
 * has any of its lines, a deleted file is deleted by the step that removes its
 * last lines (before that it is modified), renames, copies and mode changes go
 * with the first step touching the file, and a binary file moves whole. A file
 * deleted and re-added under the same path (a type change) is deleted no later
 * than the step that adds it, since a path holds one thing at a time.
 *
 * Limitation: hunks without context (`git diff -U0`) give steps without context
 * either, which `git apply` takes only with `--unidiff-zero`.
 */
import { isUtf8 } from 'node:buffer';
import { InputError } from './errors';
import { formatHunkHeader } from './emit';
import { DiffFile, DiffLine, DiffPath, Hunk, Report } from './model';
import { quoteGitPath } from './parse';
import { commentLines, embedBytes, shellWord } from './render/shell';
import { TOOL } from './version';

export interface SeriesPatch {
  /** The series commit's index (1-based). */
  index: number;
  title: string;
  message: string;
  /** A git-style unified diff of this step alone: applies with `git apply` on the tree after the previous steps. Lines that were not UTF-8 are decoded as UTF-8 here; `patchBytes` has them exact. */
  patch: string;
  /** The same patch, byte for byte (lines that were not valid UTF-8 included). */
  patchBytes: Buffer;
}

const NO_NEWLINE_MARKER = '\\ No newline at end of file';
const DEFAULT_MODE = '100644';

/** Which step (position in the series, 0-based) owns each changed line of each hunk, and each file's steps. */
interface Ownership {
  /** [fileIndex][hunkIndex][lineIndex] → step, for '-' and '+' lines. */
  lineSteps: Array<Array<Array<number | undefined>>>;
  /** Steps of each file's changes, sorted. */
  fileSteps: number[][];
}

function ownership(report: Report): Ownership {
  const stepOfChange = new Map<string, number>();
  report.series.forEach((commit, step) => {
    for (const id of commit.changes) stepOfChange.set(id, step);
  });
  const lineSteps = report.files.map((file) => file.hunks.map((hunk) => new Array<number | undefined>(hunk.lines.length)));
  const fileStepSets = report.files.map(() => new Set<number>());
  for (const change of report.changes) {
    const step = stepOfChange.get(change.id);
    if (step === undefined) throw new InputError(`change ${change.id} (${change.file}) is in no commit of the series, so the series cannot be written as patches`);
    fileStepSets[change.fileIndex].add(step);
    if (change.hunkIndex < 0) continue;
    const hunk = report.files[change.fileIndex].hunks[change.hunkIndex];
    const owners = lineSteps[change.fileIndex][change.hunkIndex];
    let removed = 0;
    let added = 0;
    for (let k = change.blockStart; k < change.blockStart + change.blockLength; k++) {
      const line = hunk.lines[k];
      if (line.type === '-') {
        if (removed >= change.removedOffset && removed < change.removedOffset + change.removed.length) owners[k] = step;
        removed++;
      } else if (line.type === '+') {
        if (added >= change.addedOffset && added < change.addedOffset + change.added.length) owners[k] = step;
        added++;
      }
    }
  }
  report.files.forEach((file, fileIndex) =>
    file.hunks.forEach((hunk, hunkIndex) =>
      hunk.lines.forEach((line, k) => {
        if (line.type !== ' ' && lineSteps[fileIndex][hunkIndex][k] === undefined) {
          throw new InputError(`line ${k + 1} of hunk ${hunkIndex + 1} of ${pathText(file)} belongs to no change of the series, so the series cannot be written as patches`);
        }
      }),
    ),
  );
  capTypeChanges(report.files, lineSteps, fileStepSets);
  return { lineSteps, fileSteps: fileStepSets.map((steps) => [...steps].sort((a, b) => a - b)) };
}

/**
 * A path deleted by one file section and added by another (a file turned into a
 * symlink): the deletion's lines go no later than the first step of the addition.
 */
function capTypeChanges(files: DiffFile[], lineSteps: Ownership['lineSteps'], fileSteps: Array<Set<number>>): void {
  files.forEach((deleted, deletedIndex) => {
    if (deleted.status !== 'deleted' || deleted.oldPath === null) return;
    const addedIndex = files.findIndex((file) => file.status === 'added' && file.newPath !== null && samePath(file.newPath, deleted.oldPath!));
    if (addedIndex < 0 || fileSteps[addedIndex].size === 0) return;
    const cap = Math.min(...fileSteps[addedIndex]);
    const capped = new Set<number>();
    for (const owners of lineSteps[deletedIndex]) {
      owners.forEach((step, k) => {
        if (step !== undefined) owners[k] = Math.min(step, cap);
      });
    }
    for (const step of fileSteps[deletedIndex]) capped.add(Math.min(step, cap));
    fileSteps[deletedIndex] = capped;
  });
}

function samePath(a: DiffPath, b: DiffPath): boolean {
  return Buffer.from(a.text, a.encoding).equals(Buffer.from(b.text, b.encoding));
}

function pathText(file: DiffFile): string {
  return (file.newPath ?? file.oldPath)?.text ?? '';
}

/** Collects a patch as bytes: header text is ASCII (paths are quoted), hunk lines keep their own encoding. */
class PatchWriter {
  private chunks: Buffer[] = [];

  text(line: string): void {
    this.chunks.push(Buffer.from(line + '\n', 'utf8'));
  }

  diffLine(marker: string, line: DiffLine, noNewline: boolean): void {
    this.chunks.push(Buffer.from(marker, 'latin1'), Buffer.from(line.text, line.encoding), Buffer.from('\n'));
    if (noNewline) this.text(NO_NEWLINE_MARKER);
  }

  append(other: PatchWriter): void {
    this.chunks.push(...other.chunks);
  }

  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/** A path with git's `a/` or `b/` prefix, quoted the way git quotes it. */
function prefixed(prefix: 'a/' | 'b/', path: DiffPath): string {
  return quoteGitPath({ text: prefix + path.text, encoding: path.encoding });
}

/** A ---/+++ name; git ends a name holding a space with a tab, so that patch(1) reads it whole. */
function label(prefix: 'a/' | 'b/', path: DiffPath | null): string {
  if (path === null) return '/dev/null';
  const name = prefixed(prefix, path);
  return name.includes(' ') ? `${name}\t` : name;
}

/** One hunk as step k sees it, or null when step k changes nothing in it. */
function hunkView(hunk: Hunk, owners: Array<number | undefined>, step: number, before: number, after: number, writer: PatchWriter): boolean {
  interface Seen {
    line: DiffLine;
    pre: boolean;
    post: boolean;
  }
  const seen: Seen[] = [];
  let changed = false;
  hunk.lines.forEach((line, k) => {
    const owner = owners[k];
    if (line.type === ' ') seen.push({ line, pre: true, post: true });
    else if (line.type === '-') {
      if (owner! < step) return;
      seen.push({ line, pre: true, post: owner! > step });
      changed ||= owner === step;
    } else {
      if (owner! > step) return;
      seen.push({ line, pre: owner! < step, post: true });
      changed ||= owner === step;
    }
  });
  if (!changed) return false;
  let lastPre = -1;
  let lastPost = -1;
  seen.forEach((entry, k) => {
    if (entry.pre) lastPre = k;
    if (entry.post) lastPost = k;
  });
  // A line keeps its missing final newline only while it is the last line of its side.
  const preNoNewline = (k: number) => k === lastPre && seen[k].line.noNewlineAtEnd;
  const postNoNewline = (k: number) => k === lastPost && seen[k].line.noNewlineAtEnd;
  // A step can leave a hunk as it was: a line's newline added by an earlier step, as the rule above does.
  const side = (which: 'pre' | 'post', noNewline: (k: number) => boolean) =>
    seen.flatMap((entry, k) => (entry[which] ? [`${entry.line.encoding}:${noNewline(k)}:${entry.line.text}`] : []));
  const preSide = side('pre', preNoNewline);
  const postSide = side('post', postNoNewline);
  if (preSide.length === postSide.length && preSide.every((line, k) => line === postSide[k])) return false;
  const preCount = preSide.length;
  const postCount = postSide.length;
  // The first line of the hunk's region, counted in the old file; earlier hunks shift it by their applied lines.
  const first = hunk.oldLines === 0 ? hunk.oldStart + 1 : hunk.oldStart;
  const preStart = first + before - (preCount === 0 ? 1 : 0);
  const postStart = first + after - (postCount === 0 ? 1 : 0);
  writer.text(formatHunkHeader(preStart, preCount, postStart, postCount, hunk.section));
  // Within a run of changed lines, removals first, then additions, as git writes them.
  let removed: Array<() => void> = [];
  let added: Array<() => void> = [];
  const flush = () => {
    for (const write of [...removed, ...added]) write();
    removed = [];
    added = [];
  };
  seen.forEach((entry, k) => {
    if (entry.pre && entry.post && preNoNewline(k) === postNoNewline(k)) {
      flush();
      writer.diffLine(' ', entry.line, preNoNewline(k));
      return;
    }
    if (entry.pre) removed.push(() => writer.diffLine('-', entry.line, preNoNewline(k)));
    if (entry.post) added.push(() => writer.diffLine('+', entry.line, postNoNewline(k)));
  });
  flush();
  return true;
}

/** Lines a hunk adds minus lines it removes, counting only lines of steps accepted by `applied`. */
function netLines(hunk: Hunk, owners: Array<number | undefined>, applied: (step: number) => boolean): number {
  let net = 0;
  hunk.lines.forEach((line, k) => {
    if (line.type === ' ' || !applied(owners[k]!)) return;
    net += line.type === '+' ? 1 : -1;
  });
  return net;
}

/** Writes one file's part of step `step`, headers and hunks. */
function writeFile(file: DiffFile, owners: Array<Array<number | undefined>>, steps: number[], step: number, writer: PatchWriter): void {
  const first = step === steps[0];
  const last = step === steps[steps.length - 1];
  const whole = steps.length === 1;
  const creates = file.status === 'added' && first;
  const deletes = file.status === 'deleted' && last;
  const moves = (file.status === 'renamed' || file.status === 'copied') && first;
  // Before a rename the file has its old name; after it, and in every step of a modification, its new one.
  const current = file.newPath ?? file.oldPath!;
  const oldSide = creates ? null : moves ? file.oldPath! : file.status === 'deleted' ? file.oldPath! : current;
  const newSide = deletes ? null : current;
  const header = new PatchWriter();
  const headerOld = oldSide ?? newSide!;
  const headerNew = newSide ?? oldSide!;
  header.text(`diff --git ${prefixed('a/', headerOld)} ${prefixed('b/', headerNew)}`);
  if (creates) header.text(`new file mode ${file.newMode ?? DEFAULT_MODE}`);
  if (deletes) header.text(`deleted file mode ${file.oldMode ?? DEFAULT_MODE}`);
  const modeChanges = !creates && file.status !== 'added' && file.status !== 'deleted' && file.oldMode !== null && file.newMode !== null && file.oldMode !== file.newMode;
  if (modeChanges && first) {
    header.text(`old mode ${file.oldMode}`);
    header.text(`new mode ${file.newMode}`);
  }
  if (moves) {
    if (file.similarity !== null) header.text(`similarity index ${file.similarity}%`);
    const verb = file.status === 'copied' ? 'copy' : 'rename';
    header.text(`${verb} from ${quoteGitPath(file.oldPath!)}`);
    header.text(`${verb} to ${quoteGitPath(file.newPath!)}`);
  }
  // Blob ids are right only when the file moves whole; a binary patch needs them (git apply checks the full ids).
  if (whole && file.oldBlob !== null && file.newBlob !== null) {
    const sameMode = file.oldMode !== null && file.oldMode === file.newMode && !creates && !deletes;
    header.text(`index ${file.oldBlob}..${file.newBlob}${sameMode ? ` ${file.oldMode}` : ''}`);
  }
  if (file.binary) {
    if (file.binaryPatch === null) {
      throw new InputError(`${pathText(file)} is a binary change without its binary patch ("Binary files ... differ"), so the step holding it cannot be written as a patch; produce the diff with git diff --binary`);
    }
    header.text('GIT binary patch');
    for (const line of file.binaryPatch) header.text(line);
    writer.append(header);
    return;
  }
  if (file.hunks.length === 0) {
    writer.append(header);
    return;
  }
  const hunks = new PatchWriter();
  let written = 0;
  let before = 0;
  let after = 0;
  file.hunks.forEach((hunk, hunkIndex) => {
    if (hunkView(hunk, owners[hunkIndex], step, before, after, hunks)) written++;
    before += netLines(hunk, owners[hunkIndex], (owner) => owner < step);
    after += netLines(hunk, owners[hunkIndex], (owner) => owner <= step);
  });
  // Nothing left to say about a file whose hunks this step leaves as they were, unless its header changes it.
  if (written === 0 && !creates && !deletes && !moves && !(modeChanges && first)) return;
  writer.append(header);
  if (written === 0) return;
  writer.text(`--- ${label('a/', oldSide)}`);
  writer.text(`+++ ${label('b/', newSide)}`);
  writer.append(hunks);
}

/**
 * The series of the report as one patch per commit, from the diff alone.
 *
 * @throws InputError (one sentence) when a step cannot be composed: a binary
 *   change without its binary patch, or a change the series left out.
 */
export function seriesPatches(report: Report): SeriesPatch[] {
  const { lineSteps, fileSteps } = ownership(report);
  return report.series.map((commit, step) => {
    const writer = new PatchWriter();
    report.files.forEach((file, fileIndex) => {
      if (fileSteps[fileIndex].includes(step)) writeFile(file, lineSteps[fileIndex], fileSteps[fileIndex], step, writer);
    });
    const patchBytes = writer.bytes();
    return { index: commit.index, title: commit.title, message: commit.message, patch: patchBytes.toString('utf8'), patchBytes };
  });
}

/** A commit message as git writes it: trailing blank space trimmed, one final newline. */
function messageText(message: string): string {
  return message.replace(/\s+$/, '') + '\n';
}

/** A Subject header value: plain ASCII as is, anything else as RFC 2047 encoded words (base64, short enough to fold). */
function subjectHeader(subject: string): string {
  const oneLine = subject.replace(/[\r\n]+/g, ' ');
  // eslint-disable-next-line no-control-regex
  if (/^[\x20-\x7e]*$/.test(oneLine)) return oneLine;
  const words: string[] = [];
  let piece = '';
  for (const char of oneLine) {
    // 45 bytes of UTF-8 become 60 of base64: each encoded word stays under 76 characters.
    if (Buffer.byteLength(piece + char, 'utf8') > 45) {
      words.push(piece);
      piece = '';
    }
    piece += char;
  }
  if (piece !== '') words.push(piece);
  return words.map((word) => `=?UTF-8?b?${Buffer.from(word, 'utf8').toString('base64')}?=`).join('\n ');
}

/** RFC 2822 date, as git format-patch writes it (in UTC). */
function mailDate(date: Date): string {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const two = (n: number) => String(n).padStart(2, '0');
  return `${days[date.getUTCDay()]}, ${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`;
}

/** The subject git makes of a message (its first paragraph on one line) and the body after it. */
function subjectAndBody(message: string): { subject: string; body: string } {
  const text = messageText(message);
  const end = text.search(/\n[ \t]*\n/);
  const first = end < 0 ? text : text.slice(0, end);
  const body = end < 0 ? '' : text.slice(end).replace(/^\s*\n/, '');
  return { subject: first.split('\n').map((line) => line.trim()).join(' ').trim(), body };
}

/**
 * The series as an mbox of one mail per step, for `git am --patch-format=mboxrd`:
 * body lines that begin with `From ` (after any number of `>`) get one more `>`,
 * which mboxrd readers take off again. A mail whose text holds a carriage return
 * (a CRLF file: git am strips the CR of CRLF lines) or bytes that are not UTF-8
 * is sent base64-encoded, so the mbox stays plain text and the patch exact.
 * A step left without a patch (only when a series separates the deletion of a
 * path from the addition that replaces it) has no mail: git am cannot make an
 * empty commit; the script can. Without a date, git am uses the time it runs.
 */
export function renderMbox(patches: SeriesPatch[], options: { author?: string; date?: Date } = {}): string {
  const author = (options.author ?? 'split-advisor <split-advisor@localhost>').replace(/[\r\n]+/g, ' ');
  const mailed = patches.filter((entry) => entry.patchBytes.length > 0);
  const total = mailed.length;
  return mailed
    .map((entry, position) => {
      const { subject, body } = subjectAndBody(entry.message);
      const number = total === 1 ? '[PATCH]' : `[PATCH ${position + 1}/${total}]`;
      const before = Buffer.from([...(body === '' ? [] : [body.replace(/\n$/, ''), '']), '---', ''].join('\n'), 'utf8');
      const after = Buffer.from(['-- ', `${TOOL.name} ${TOOL.version}`, ''].join('\n'), 'utf8');
      const content = Buffer.concat([before, entry.patchBytes, after]);
      const base64 = content.includes(0x0d) || !isUtf8(content);
      const headers = [
        'From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001',
        `From: ${author}`,
        ...(options.date !== undefined ? [`Date: ${mailDate(options.date)}`] : []),
        `Subject: ${number} ${subjectHeader(subject)}`,
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=UTF-8',
        `Content-Transfer-Encoding: ${base64 ? 'base64' : '8bit'}`,
        '',
      ];
      const encoded = base64
        ? (content.toString('base64').match(/.{1,76}/g) ?? []).join('\n') + '\n'
        : content.toString('utf8').split('\n').map((line) => (/^>*From /.test(line) ? `>${line}` : line)).join('\n');
      return headers.join('\n') + '\n' + encoded + '\n';
    })
    .join('');
}

/**
 * The series as a self-contained sh script: for each step, `git apply --index`
 * of its embedded patch (bytes exact), then `git commit -F` of its message. Run
 * it at the top of a clean work tree checked out at the diff's base.
 */
export function renderPatchScript(patches: SeriesPatch[]): string {
  const total = patches.length;
  const parts: string[] = [];
  const text = (lines: string[]) => parts.push(lines.join('\n') + '\n');
  text([
    '#!/bin/sh',
    ...commentLines(`${TOOL.name} ${TOOL.version}: the suggested series of ${total} commit${total === 1 ? '' : 's'}, composed from the diff.`),
    '#',
    '# Run it at the top of a clean work tree checked out at the commit the diff applies to:',
    '#   sh THIS-SCRIPT',
    '# Each step is applied to the index and work tree (git apply --index) and committed.',
    '# It stops at the first step that does not apply.',
    '#',
  ]);
  patches.forEach((entry, position) => text(commentLines(`${position + 1}. ${entry.title}`)));
  text([
    'set -eu',
    'work=${TMPDIR:-/tmp}/split-advisor.$$',
    'mkdir -m 700 "$work"',
    "trap 'rm -rf \"$work\"' EXIT",
    "trap 'exit 1' HUP INT TERM",
  ]);
  patches.forEach((entry, position) => {
    const step = position + 1;
    text(['', ...commentLines(`${step}/${total} ${entry.title}`)]);
    parts.push(embedBytes(`"$work/${step}.msg"`, Buffer.from(messageText(entry.message), 'utf8')));
    if (entry.patchBytes.length === 0) {
      // Only when a series separates a path's deletion from the addition replacing it: the step is empty.
      text([`git commit -q --no-verify --allow-empty -F "$work/${step}.msg"`, `echo ${shellWord(`${step}/${total} committed (empty)`)}`]);
      return;
    }
    parts.push(embedBytes(`"$work/${step}.patch"`, entry.patchBytes));
    text([
      `git apply --index --binary --whitespace=nowarn -- "$work/${step}.patch"`,
      `git commit -q --no-verify -F "$work/${step}.msg"`,
      `echo ${shellWord(`${step}/${total} committed`)}`,
    ]);
  });
  return parts.join('');
}
