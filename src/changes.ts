/**
 * Cuts parsed diff files into changes: one per contiguous block of removed and/or
 * added lines (finer than git's hunks, which glue nearby edits together with
 * context), and one per file that changed without text lines (binary, mode,
 * pure rename or copy, empty file). Every changed line lands in exactly one change.
 * A block is cut further where git glued a whitespace-only line run to a real edit.
 */
import { diffArrays } from 'diff';
import { Change, DiffFile } from './model';

/** A piece of a block: contiguous runs of its removed and of its added lines. */
interface Segment {
  removedOffset: number;
  removedCount: number;
  addedOffset: number;
  addedCount: number;
}

/** Blocks bigger than this are not aligned line by line (the alignment is worth it only for ordinary edits). */
const MAX_ALIGNED_EDIT = 400;

/** How far (in lines within the block) the two sides of a whitespace-equal run may be apart. */
const MAX_ALIGNMENT_SHIFT = 5;
/** A whitespace-equal run needs a line with a word in it (not `}` or `);`) to stand alone. */
const hasSubstance = (normalized: string) => normalized.length >= 3 && /[A-Za-z0-9]/.test(normalized);

/** Non-blank lines a unit of a pure addition or removal needs before it stands alone. */
const MIN_UNIT_LINES = 2;

/**
 * Cuts a pure addition (or removal) where a new top-level unit starts: a non-blank
 * line, after a blank one, indented no deeper than the block's shallowest line.
 * Two new functions added in one place are two changes, which the series can put
 * in different commits. Blank lines stay with the unit before them. Returns
 * [offset, count] pairs covering every line.
 */
export function splitUnits(lines: string[]): Array<[number, number]> {
  const indent = (line: string) => /^[ \t]*/.exec(line)![0].length;
  const nonBlank = lines.filter((line) => line.trim() !== '');
  if (nonBlank.length < 2 * MIN_UNIT_LINES) return [[0, lines.length]];
  const base = Math.min(...nonBlank.map(indent));
  const starts = [0];
  let unitLines = 0;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    if (line.trim() === '') continue;
    const boundary = k > 0 && lines[k - 1].trim() === '' && indent(line) <= base && unitLines >= MIN_UNIT_LINES && !/^\s*[)}\]]/.test(line);
    if (boundary) {
      starts.push(k);
      unitLines = 0;
    }
    unitLines++;
  }
  // A last unit too small to stand alone joins the one before it.
  if (starts.length > 1) {
    const lastNonBlank = lines.slice(starts[starts.length - 1]).filter((line) => line.trim() !== '').length;
    if (lastNonBlank < MIN_UNIT_LINES) starts.pop();
  }
  return starts.map((start, index) => [start, (starts[index + 1] ?? lines.length) - start]);
}

/**
 * Splits one block of removed/added lines into segments so that runs of lines that
 * are equal once whitespace is ignored (a re-indented line next to a real edit,
 * which git glues into one block) become changes of their own. Runs of blank
 * lines alone never make a segment: they would only fragment the block.
 */
export function segmentBlock(removed: string[], added: string[]): Segment[] {
  const whole: Segment = { removedOffset: 0, removedCount: removed.length, addedOffset: 0, addedCount: added.length };
  if (removed.length === 0) return splitUnits(added).map(([offset, count]) => ({ removedOffset: 0, removedCount: 0, addedOffset: offset, addedCount: count }));
  if (added.length === 0) return splitUnits(removed).map(([offset, count]) => ({ removedOffset: offset, removedCount: count, addedOffset: 0, addedCount: 0 }));
  if (removed.length + added.length > MAX_ALIGNED_EDIT) return [whole];
  const normalize = (line: string) => line.replace(/\s+/g, '');
  const parts = diffArrays(removed.map(normalize), added.map(normalize));
  const segments: Segment[] = [];
  let removedAt = 0;
  let addedAt = 0;
  let open: Segment | null = null;
  const closeOpen = () => {
    if (open !== null && (open.removedCount > 0 || open.addedCount > 0)) segments.push(open);
    open = null;
  };
  for (const part of parts) {
    const count = part.count ?? part.value.length;
    // A run of lines equal but for whitespace stands alone only where it sits in the
    // same place on both sides, with some substance: in a rewrite, a `}` or `return x;`
    // that happens to match a line forty lines away is not a whitespace change.
    const inPlace = Math.abs(removedAt - addedAt) <= MAX_ALIGNMENT_SHIFT;
    if (!part.added && !part.removed && inPlace && part.value.some(hasSubstance)) {
      closeOpen();
      segments.push({ removedOffset: removedAt, removedCount: count, addedOffset: addedAt, addedCount: count });
      removedAt += count;
      addedAt += count;
      continue;
    }
    open ??= { removedOffset: removedAt, removedCount: 0, addedOffset: addedAt, addedCount: 0 };
    if (part.removed) {
      open.removedCount += count;
      removedAt += count;
    } else if (part.added) {
      open.addedCount += count;
      addedAt += count;
    } else {
      open.removedCount += count;
      open.addedCount += count;
      removedAt += count;
      addedAt += count;
    }
  }
  closeOpen();
  return segments.length === 0 ? [whole] : segments;
}

/** The path a change is reported under: the new path, or the old one for deletions. */
export function displayPath(file: DiffFile): string {
  return (file.newPath ?? file.oldPath)?.text ?? '';
}

export function buildChanges(files: DiffFile[]): Change[] {
  const changes: Change[] = [];
  files.forEach((file, fileIndex) => {
    const base = {
      fileIndex,
      file: displayPath(file),
      // A plain `diff -u before.py after.py` compares two names for one file: the
      // contract keeps oldFile equal to file unless git says renamed or copied.
      oldFile: file.oldPath === null ? null : file.status === 'modified' && file.format === 'unified' ? displayPath(file) : file.oldPath.text,
      status: file.status,
    };
    if (file.hunks.length === 0) {
      changes.push({ ...base, id: '', hunkIndex: -1, old: null, new: null, removed: [], added: [], blockStart: 0, blockLength: 0, removedOffset: 0, addedOffset: 0 });
      return;
    }
    file.hunks.forEach((hunk, hunkIndex) => {
      // Next line number on each side; a side with zero lines names the line before the hunk.
      let oldNext = hunk.oldLines === 0 ? hunk.oldStart + 1 : hunk.oldStart;
      let newNext = hunk.newLines === 0 ? hunk.newStart + 1 : hunk.newStart;
      let k = 0;
      while (k < hunk.lines.length) {
        if (hunk.lines[k].type === ' ') {
          oldNext++;
          newNext++;
          k++;
          continue;
        }
        const blockStart = k;
        const removed: string[] = [];
        const added: string[] = [];
        while (k < hunk.lines.length && hunk.lines[k].type !== ' ') {
          if (hunk.lines[k].type === '-') removed.push(hunk.lines[k].text);
          else added.push(hunk.lines[k].text);
          k++;
        }
        for (const segment of segmentBlock(removed, added)) {
          const oldFirst = oldNext + segment.removedOffset;
          const newFirst = newNext + segment.addedOffset;
          changes.push({
            ...base,
            id: '',
            hunkIndex,
            old: { start: segment.removedCount > 0 ? oldFirst : oldFirst - 1, lines: segment.removedCount },
            new: { start: segment.addedCount > 0 ? newFirst : newFirst - 1, lines: segment.addedCount },
            removed: removed.slice(segment.removedOffset, segment.removedOffset + segment.removedCount),
            added: added.slice(segment.addedOffset, segment.addedOffset + segment.addedCount),
            blockStart,
            blockLength: k - blockStart,
            removedOffset: segment.removedOffset,
            addedOffset: segment.addedOffset,
          });
        }
        oldNext += removed.length;
        newNext += added.length;
      }
    });
  });
  changes.forEach((change, index) => (change.id = `c${index + 1}`));
  return changes;
}
