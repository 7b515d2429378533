/**
 * Rebuilds the new text of a file from its old text and the diff's hunks, the way
 * `git apply` would, but strictly: every context and removed line must be where the
 * hunk says, byte for byte, and the missing-final-newline markers must agree with
 * the old text. Anything else gives null, and the caller analyses that file from
 * the diff alone. Pure: the input edge (src/input.ts) reads the old text and checks
 * the result against the diff's new blob id.
 */
import { createHash } from 'node:crypto';
import { DiffFile } from './model';

/** Splits a text into lines and whether the last one ends with a newline. */
function linesOf(text: string): { lines: string[]; finalNewline: boolean } {
  if (text === '') return { lines: [], finalNewline: true };
  const lines = text.split('\n');
  const finalNewline = lines[lines.length - 1] === '';
  if (finalNewline) lines.pop();
  return { lines, finalNewline };
}

/** The new text of `file` with its hunks applied to `oldText`, or null when they do not fit it exactly. */
export function rebuildNewText(oldText: string, file: DiffFile): string | null {
  if (file.binary) return null;
  const old = linesOf(oldText);
  const result: string[] = [];
  let position = 0;
  let newFinalNewline = old.finalNewline;
  for (const hunk of file.hunks) {
    // Lines decoded as latin1 were not UTF-8: the old text (decoded as UTF-8) cannot hold them exactly.
    if (hunk.lines.some((line) => line.encoding !== 'utf8')) return null;
    // For a pure insertion, oldStart is the line after which the lines go.
    const start = hunk.oldLines === 0 ? hunk.oldStart : hunk.oldStart - 1;
    if (start < position || start > old.lines.length) return null;
    while (position < start) result.push(old.lines[position++]);
    let lastNew: { noNewlineAtEnd: boolean } | null = null;
    for (const line of hunk.lines) {
      if (line.type !== '+') {
        if (position >= old.lines.length || old.lines[position] !== line.text) return null;
        // A removed or context line without its newline must be the old file's last, and the old file must lack it.
        if (line.noNewlineAtEnd && (position !== old.lines.length - 1 || old.finalNewline)) return null;
        position++;
      }
      if (line.type !== '-') {
        result.push(line.text);
        lastNew = line;
      }
    }
    // A hunk that reaches the old file's end decides whether the new file ends with a newline
    // (when it only removes there, the new last line is an old one that had its newline).
    if (position === old.lines.length) newFinalNewline = lastNew === null ? true : !lastNew.noNewlineAtEnd;
  }
  while (position < old.lines.length) result.push(old.lines[position++]);
  if (result.length === 0) return '';
  return result.join('\n') + (newFinalNewline ? '\n' : '');
}

/**
 * Git's object id of a blob with these bytes, in the repository's hash
 * (`git rev-parse --show-object-format`: sha1 or sha256).
 */
export function blobId(data: Buffer, objectFormat: 'sha1' | 'sha256'): string {
  return createHash(objectFormat).update(`blob ${data.length}\0`).update(data).digest('hex');
}
