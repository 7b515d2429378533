/**
 * Re-emits parsed diff files as a unified diff, byte for byte. The inverse of
 * parse.ts: header lines are kept verbatim (raw bytes), hunk bodies are rebuilt
 * from the model, so a round trip proves the model lost nothing.
 */
import { ParsedFile } from './parse';

const NO_NEWLINE_MARKER = '\\ No newline at end of file';

/** Formats a hunk header the way git does: a count of 1 is omitted. */
export function formatHunkHeader(oldStart: number, oldLines: number, newStart: number, newLines: number, section: string): string {
  const side = (start: number, count: number) => (count === 1 ? `${start}` : `${start},${count}`);
  return `@@ -${side(oldStart, oldLines)} +${side(newStart, newLines)} @@${section === '' ? '' : ' ' + section}`;
}

/** Emits the files as one diff. Lines decoded as latin1 go back as the same bytes. */
export function formatPatch(files: ParsedFile[]): Buffer {
  const chunks: Buffer[] = [];
  let pending: string[] = [];
  const flush = () => {
    if (pending.length > 0) chunks.push(Buffer.from(pending.join(''), 'utf8'));
    pending = [];
  };
  const raw = (line: string) => {
    flush();
    chunks.push(Buffer.from(line + '\n', 'latin1'));
  };
  for (const file of files) {
    for (const line of file.rawHeader) raw(line);
    file.hunks.forEach((hunk, index) => {
      const header = file.rawHunkHeaders[index];
      if (header !== undefined) raw(header);
      else pending.push(formatHunkHeader(hunk.oldStart, hunk.oldLines, hunk.newStart, hunk.newLines, hunk.section) + '\n');
      for (const line of hunk.lines) {
        if (line.encoding === 'latin1') {
          raw(line.type + line.text);
        } else {
          pending.push(line.type, line.text, '\n');
        }
        if (line.noNewlineAtEnd) pending.push(NO_NEWLINE_MARKER, '\n');
      }
    });
    if (file.binaryPatch !== null) for (const line of file.binaryPatch) pending.push(line, '\n');
  }
  flush();
  return Buffer.concat(chunks);
}
