/**
 * The review page's view of a diff: every line of every hunk with its old and
 * new line numbers and the id of the change it belongs to, so the page only
 * colours and links what the server already worked out. Pure.
 */
import { formatHunkHeader } from '../emit';
import { displayPath } from '../changes';
import { Change, DiffFile, FileStatus } from '../model';

export interface ReviewLine {
  type: ' ' | '-' | '+';
  text: string;
  oldLine: number | null;
  newLine: number | null;
  /** The change a removed or added line belongs to; null for context. */
  change: string | null;
}

export interface ReviewHunk {
  header: string;
  lines: ReviewLine[];
}

export interface ReviewFile {
  path: string;
  oldPath: string | null;
  status: FileStatus;
  hunks: ReviewHunk[];
  /** The change of a file that changed without text lines (binary, mode, pure rename); null otherwise. */
  change: string | null;
}

/** Lays out every file's lines with the change each changed line belongs to. */
export function reviewFiles(files: DiffFile[], changes: Change[]): ReviewFile[] {
  return files.map((file, fileIndex) => {
    const ofFile = changes.filter((change) => change.fileIndex === fileIndex);
    const wholeFile = ofFile.find((change) => change.hunkIndex === -1);
    return {
      path: displayPath(file),
      oldPath: file.oldPath?.text ?? null,
      status: file.status,
      hunks: file.hunks.map((hunk, hunkIndex) => {
        const ofHunk = ofFile.filter((change) => change.hunkIndex === hunkIndex);
        let oldLine = hunk.oldStart;
        let newLine = hunk.newStart;
        // Position of each line among its block's removed and added lines, to find its change.
        let blockStart = -1;
        let removedInBlock = 0;
        let addedInBlock = 0;
        return {
          header: formatHunkHeader(hunk.oldStart, hunk.oldLines, hunk.newStart, hunk.newLines, hunk.section),
          lines: hunk.lines.map((line, lineIndex): ReviewLine => {
            if (line.type === ' ') {
              blockStart = -1;
              return { type: ' ', text: line.text, oldLine: oldLine++, newLine: newLine++, change: null };
            }
            if (blockStart === -1) {
              blockStart = lineIndex;
              removedInBlock = 0;
              addedInBlock = 0;
            }
            const inBlock = ofHunk.filter((change) => change.blockStart === blockStart);
            if (line.type === '-') {
              const position = removedInBlock++;
              const owner = inBlock.find((change) => position >= change.removedOffset && position < change.removedOffset + change.removed.length);
              return { type: '-', text: line.text, oldLine: oldLine++, newLine: null, change: owner?.id ?? null };
            }
            const position = addedInBlock++;
            const owner = inBlock.find((change) => position >= change.addedOffset && position < change.addedOffset + change.added.length);
            return { type: '+', text: line.text, oldLine: null, newLine: newLine++, change: owner?.id ?? null };
          }),
        };
      }),
      change: wholeFile?.id ?? null,
    };
  });
}
