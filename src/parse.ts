/**
 * Parses a unified diff (git diff/show/format-patch, plain `diff -u`, GitHub/GitLab
 * `.diff`) into the plain model of model.ts, without losing a byte.
 *
 * Why not `parse-diff`: it works on JavaScript strings (so non-UTF-8 bytes are lost),
 * does not decode git's quoted paths, ignores modes, similarity, copies and binary
 * patches, and accepts malformed hunks silently. Round-tripping every construct git
 * emits needs all of those, so this parser replaces it. The structure follows
 * jsdiff's `parsePatch`: one cursor, one regex per kind of line, errors naming the line.
 */
import { isUtf8 } from 'node:buffer';
import { CommitMessage, DiffFile, DiffLine, DiffPath, Hunk, ParsedPatch } from './model';
import { parseCommitMessage } from './message';

/** A malformed or unsupported diff; `line` is 1-based in the input. */
export class ParseError extends Error {
  constructor(
    readonly line: number,
    readonly detail: string,
  ) {
    super(`line ${line}: ${detail}`);
    this.name = 'ParseError';
  }
}

/** A diff file with the verbatim header lines that re-emission needs. */
export interface ParsedFile extends DiffFile {
  /**
   * The header lines as raw bytes in a latin1 string (one char per byte): `diff --git`
   * (or the `diff -ru a/x b/x` line of a plain recursive diff), extended headers,
   * `---`/`+++`, `Binary files ... differ`, `GIT binary patch`.
   */
  rawHeader: string[];
  /** The raw `@@` line of each hunk, same encoding as rawHeader. */
  rawHunkHeaders: string[];
}

export interface ParsedPatchWithRaw extends ParsedPatch {
  files: ParsedFile[];
}

const GIT_HEADER = /^diff --git /;
const COMBINED_HEADER = /^diff --(cc|combined) /;
const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)$/;
const COMBINED_HUNK = /^@@@+ /;
const OLD_MODE = /^old mode (\d+)$/;
const NEW_MODE = /^new mode (\d+)$/;
const DELETED_MODE = /^deleted file mode (\d+)$/;
const NEW_FILE_MODE = /^new file mode (\d+)$/;
const RENAME_FROM = /^rename (?:from|old) (.*)$/;
const RENAME_TO = /^rename (?:to|new) (.*)$/;
const COPY_FROM = /^copy from (.*)$/;
const COPY_TO = /^copy to (.*)$/;
const SIMILARITY = /^similarity index (\d+)%$/;
const DISSIMILARITY = /^dissimilarity index (\d+)%$/;
const INDEX_LINE = /^index ([0-9a-f]+)\.\.([0-9a-f]+)(?: (\d+))?$/;
const BINARY_FILES = /^Binary files (.*) and (.*) differ$/;
const GIT_BINARY_PATCH = /^GIT binary patch$/;
const BINARY_PATCH_LINE = /^(?:(?:literal|delta) \d+|[A-Za-z][0-9A-Za-z!#$%&()*+\-;<=>?@^_`{|}~]*|)$/;
const OLD_FILE_LINE = /^--- (.*)$/;
const NEW_FILE_LINE = /^\+\+\+ (.*)$/;
const NO_NEWLINE = /^\\ /;
/** The command line `diff -r` prints before each pair of ---/+++ lines (not git's own headers). */
const PLAIN_DIFF_COMMAND = /^diff (?!--git |--cc |--combined )/;
const MBOX_FROM = /^From [0-9a-f]{7,64} /;
const SHOW_COMMIT = /^commit [0-9a-f]{7,64}\b/;

const DEV_NULL = '/dev/null';

/**
 * The input as decoded lines. Fast path: a valid UTF-8 input is decoded once.
 * Otherwise each line is decoded on its own, as UTF-8 when it is valid and as
 * latin1 (one char per byte, so lossless) when not.
 */
interface Lines {
  text: string[];
  /** null when every line is UTF-8. */
  latin1: Uint8Array | null;
  /** True when the input ended with a newline (the last split element is then dropped). */
}

function splitLines(input: Buffer | string): Lines {
  if (typeof input === 'string') return { text: dropFinalEmpty(input.split('\n')), latin1: null };
  if (isUtf8(input)) return { text: dropFinalEmpty(input.toString('utf8').split('\n')), latin1: null };
  const text: string[] = [];
  const flags: number[] = [];
  let start = 0;
  while (start <= input.length) {
    let end = input.indexOf(0x0a, start);
    if (end === -1) end = input.length;
    const slice = input.subarray(start, end);
    if (isUtf8(slice)) {
      text.push(slice.toString('utf8'));
      flags.push(0);
    } else {
      text.push(slice.toString('latin1'));
      flags.push(1);
    }
    start = end + 1;
  }
  if (text.length > 0 && text[text.length - 1] === '' && input[input.length - 1] === 0x0a) {
    text.pop();
    flags.pop();
  }
  return { text, latin1: Uint8Array.from(flags) };
}

function dropFinalEmpty(lines: string[]): string[] {
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Decodes git's C-style quoted path (`"a\tb\303\251"`) or returns an unquoted one as is. */
export function decodeGitPath(raw: string, encoding: 'utf8' | 'latin1' = 'utf8'): DiffPath {
  if (!raw.startsWith('"')) return { text: raw, encoding };
  if (raw.length < 2 || !raw.endsWith('"')) throw new Error(`unterminated quoted path ${raw}`);
  const bytes: number[] = [];
  const body = raw.slice(1, -1);
  const simple: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== '\\') {
      for (const byte of Buffer.from(ch, encoding === 'latin1' ? 'latin1' : 'utf8')) bytes.push(byte);
      continue;
    }
    const next = body[i + 1];
    if (next !== undefined && /[0-3]/.test(next) && /^[0-7]{3}$/.test(body.slice(i + 1, i + 4))) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else if (next !== undefined && next in simple) {
      bytes.push(simple[next]);
      i += 1;
    } else {
      throw new Error(`bad escape in quoted path ${raw}`);
    }
  }
  const buffer = Buffer.from(bytes);
  return isUtf8(buffer) ? { text: buffer.toString('utf8'), encoding: 'utf8' } : { text: buffer.toString('latin1'), encoding: 'latin1' };
}

/** Quotes a path the way git does (core.quotePath=true) when it needs quoting. */
export function quoteGitPath(path: DiffPath): string {
  const bytes = Buffer.from(path.text, path.encoding);
  let needs = false;
  let out = '';
  const names: Record<number, string> = { 7: 'a', 8: 'b', 9: 't', 10: 'n', 11: 'v', 12: 'f', 13: 'r', 34: '"', 92: '\\' };
  for (const byte of bytes) {
    if (names[byte] !== undefined) {
      needs = true;
      out += '\\' + names[byte];
    } else if (byte < 0x20 || byte >= 0x7f) {
      needs = true;
      out += '\\' + byte.toString(8).padStart(3, '0');
    } else {
      out += String.fromCharCode(byte);
    }
  }
  return needs ? `"${out}"` : path.text;
}

/** Splits `a/x b/y` (each side possibly quoted) of a `diff --git` line into two raw names. */
function splitGitHeaderNames(rest: string): [string, string] | null {
  if (rest.startsWith('"')) {
    const end = findClosingQuote(rest, 0);
    if (end < 0) return null;
    const first = rest.slice(0, end + 1);
    const second = rest.slice(end + 2);
    return [first, second];
  }
  if (rest.endsWith('"')) {
    const start = rest.lastIndexOf(' "');
    if (start < 0) return null;
    return [rest.slice(0, start), rest.slice(start + 1)];
  }
  // Unquoted on both sides: when old and new are equal (the only case where git
  // relies on this line for names), the line is `P1X P2X` with equal-length halves.
  const half = (rest.length - 1) / 2;
  if (Number.isInteger(half) && rest[half] === ' ') {
    const first = rest.slice(0, half);
    const second = rest.slice(half + 1);
    if (stripPrefix(first).name === stripPrefix(second).name) return [first, second];
  }
  const space = rest.indexOf(' ');
  return space < 0 ? null : [rest.slice(0, space), rest.slice(space + 1)];
}

function findClosingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}

/** Strips git's one-letter source/destination prefix (a/, b/, or the mnemonic i/ w/ c/ o/). */
function stripPrefix(name: string): { prefix: string; name: string } {
  const match = /^([abiwco12])\//.exec(name);
  return match ? { prefix: match[0], name: name.slice(2) } : { prefix: '', name };
}

/** Turns a raw (possibly quoted, possibly prefixed) name into a path, or null for /dev/null. */
function toPath(raw: string, encoding: 'utf8' | 'latin1', prefixed: boolean): DiffPath | null {
  if (raw === DEV_NULL) return null;
  const decoded = decodeGitPath(raw, encoding);
  return prefixed ? { text: stripPrefix(decoded.text).name, encoding: decoded.encoding } : decoded;
}

/** Converts a decoded line back into the raw-bytes (latin1) form used for header lines. */
function toRaw(text: string, encoding: 'utf8' | 'latin1'): string {
  if (encoding === 'latin1') return text;
  // Pure ASCII needs no conversion; this is the common case.
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(text) ? text : Buffer.from(text, 'utf8').toString('latin1');
}

/**
 * Parses a unified diff. Accepts output of `git diff`, `git show`, `git format-patch`
 * (one patch; its Subject and body become the message), plain `diff -u`/`diff -ru`,
 * and GitHub/GitLab `.diff` files.
 *
 * @throws ParseError for a combined (merge) diff, a series of several mails or commits,
 *   or a malformed hunk, naming the line and what was expected.
 */
export function parsePatch(input: Buffer | string): ParsedPatchWithRaw {
  const { text: lines, latin1 } = splitLines(input);
  const encodingAt = (i: number): 'utf8' | 'latin1' => (latin1 !== null && latin1[i] === 1 ? 'latin1' : 'utf8');
  const files: ParsedFile[] = [];
  const preamble: string[] = [];
  let i = 0;
  let sawFile = false;
  let messageHeaders = 0;

  while (i < lines.length) {
    const line = lines[i];
    if (COMBINED_HEADER.test(line) || COMBINED_HUNK.test(line)) {
      throw new ParseError(i + 1, 'this is a combined (merge) diff, which cannot be split; diff the merge against one parent instead (for a commit: --first-parent)');
    }
    if (MBOX_FROM.test(line) || SHOW_COMMIT.test(line)) {
      messageHeaders++;
      if (messageHeaders > 1 || sawFile) {
        throw new ParseError(i + 1, 'the input holds more than one commit or mail; pass one patch at a time');
      }
    }
    if (GIT_HEADER.test(line)) {
      files.push(parseGitFile());
      sawFile = true;
      continue;
    }
    if (OLD_FILE_LINE.test(line) && i + 1 < lines.length && NEW_FILE_LINE.test(lines[i + 1]) && !(isMailSeparator(line))) {
      files.push(parseUnifiedFile());
      sawFile = true;
      continue;
    }
    if (PLAIN_DIFF_COMMAND.test(line) && i + 2 < lines.length && OLD_FILE_LINE.test(lines[i + 1]) && NEW_FILE_LINE.test(lines[i + 2])) {
      // `diff -ru` names each file pair on a line of its own; it is part of that file's header.
      const command = rawLine(i);
      i++;
      const file = parseUnifiedFile();
      file.rawHeader.unshift(command);
      file.inputLine--;
      files.push(file);
      sawFile = true;
      continue;
    }
    if (HUNK_HEADER.test(line)) {
      throw new ParseError(i + 1, "hunk header without a file header: expected 'diff --git' or '---'/'+++' lines before it");
    }
    if (!sawFile) preamble.push(line);
    i++;
  }

  const { message, author } = extractMessage(preamble);
  return { files, message, author };

  function isMailSeparator(line: string): boolean {
    // `---` alone separates a mail's message from its diffstat; never a file header.
    return line === '---';
  }

  function rawLine(index: number): string {
    return toRaw(lines[index], encodingAt(index));
  }

  function newFile(format: 'git' | 'unified', inputLine: number): ParsedFile {
    return {
      oldPath: null,
      newPath: null,
      status: 'modified',
      oldMode: null,
      newMode: null,
      similarity: null,
      dissimilarity: null,
      oldBlob: null,
      newBlob: null,
      binary: false,
      binaryPatch: null,
      format,
      oldLabelSuffix: '',
      newLabelSuffix: '',
      hunks: [],
      inputLine,
      rawHeader: [],
      rawHunkHeaders: [],
    };
  }

  function parseGitFile(): ParsedFile {
    const start = i;
    const file = newFile('git', start + 1);
    const headerRest = lines[i].slice('diff --git '.length);
    file.rawHeader.push(rawLine(i));
    const names = splitGitHeaderNames(headerRest);
    if (names === null) throw new ParseError(i + 1, `cannot read the two file names of '${lines[i]}'`);
    const encoding = encodingAt(i);
    const prefixed = stripPrefix(unquoteForPrefix(names[0])).prefix !== '' && stripPrefix(unquoteForPrefix(names[1])).prefix !== '';
    let headerOld: DiffPath | null;
    let headerNew: DiffPath | null;
    try {
      headerOld = toPath(names[0], encoding, prefixed);
      headerNew = toPath(names[1], encoding, prefixed);
    } catch (error) {
      throw new ParseError(i + 1, (error as Error).message);
    }
    let renameFrom: DiffPath | null = null;
    let renameTo: DiffPath | null = null;
    let copy = false;
    let added = false;
    let deleted = false;
    let minusPath: DiffPath | null | undefined;
    let plusPath: DiffPath | null | undefined;
    i++;

    // Extended header lines.
    for (; i < lines.length; i++) {
      const line = lines[i];
      let match: RegExpExecArray | null;
      const enc = encodingAt(i);
      if ((match = OLD_MODE.exec(line))) file.oldMode = match[1];
      else if ((match = NEW_MODE.exec(line))) file.newMode = match[1];
      else if ((match = DELETED_MODE.exec(line))) {
        file.oldMode = match[1];
        deleted = true;
      } else if ((match = NEW_FILE_MODE.exec(line))) {
        file.newMode = match[1];
        added = true;
      } else if ((match = RENAME_FROM.exec(line))) renameFrom = pathOrThrow(match[1], enc);
      else if ((match = RENAME_TO.exec(line))) renameTo = pathOrThrow(match[1], enc);
      else if ((match = COPY_FROM.exec(line))) {
        renameFrom = pathOrThrow(match[1], enc);
        copy = true;
      } else if ((match = COPY_TO.exec(line))) {
        renameTo = pathOrThrow(match[1], enc);
        copy = true;
      } else if ((match = SIMILARITY.exec(line))) file.similarity = Number(match[1]);
      else if ((match = DISSIMILARITY.exec(line))) file.dissimilarity = Number(match[1]);
      else if ((match = INDEX_LINE.exec(line))) {
        file.oldBlob = match[1];
        file.newBlob = match[2];
        if (match[3] !== undefined) {
          file.oldMode = file.oldMode ?? match[3];
          file.newMode = file.newMode ?? match[3];
        }
      } else break;
      file.rawHeader.push(rawLine(i));
    }

    if (i < lines.length && OLD_FILE_LINE.test(lines[i])) {
      if (i + 1 >= lines.length || !NEW_FILE_LINE.test(lines[i + 1])) {
        throw new ParseError(i + 2, `expected a '+++' line after '${lines[i]}'`);
      }
      minusPath = labelPath(lines[i].slice(4), encodingAt(i), prefixed, i).path;
      plusPath = labelPath(lines[i + 1].slice(4), encodingAt(i + 1), prefixed, i + 1).path;
      file.rawHeader.push(rawLine(i), rawLine(i + 1));
      i += 2;
      parseHunks(file);
    } else if (i < lines.length && BINARY_FILES.test(lines[i])) {
      file.binary = true;
      file.rawHeader.push(rawLine(i));
      i++;
    } else if (i < lines.length && GIT_BINARY_PATCH.test(lines[i])) {
      file.binary = true;
      file.rawHeader.push(rawLine(i));
      i++;
      const patch: string[] = [];
      while (i < lines.length && BINARY_PATCH_LINE.test(lines[i]) && !GIT_HEADER.test(lines[i])) {
        patch.push(lines[i]);
        i++;
      }
      // The blank line that ends the patch belongs to it; a trailing run of blank lines
      // that are prose is not distinguishable, and git apply ignores it either way.
      file.binaryPatch = patch;
    } else if (i < lines.length && HUNK_HEADER.test(lines[i])) {
      throw new ParseError(i + 1, "expected '---' and '+++' lines before the first hunk");
    }

    if (deleted) file.status = 'deleted';
    else if (added) file.status = 'added';
    else if (renameFrom !== null && renameTo !== null) file.status = copy ? 'copied' : 'renamed';
    else if (file.binary) file.status = 'binary';
    else if (file.hunks.length === 0 && file.oldMode !== null && file.newMode !== null && file.oldMode !== file.newMode) file.status = 'mode';
    else file.status = 'modified';

    // Names: the rename/copy lines and ---/+++ lines are unambiguous; the diff --git line is the fallback.
    file.oldPath = added ? null : renameFrom ?? (minusPath !== undefined ? minusPath : headerOld);
    file.newPath = deleted ? null : renameTo ?? (plusPath !== undefined ? plusPath : headerNew);
    if (!added && file.oldPath === null) file.oldPath = headerOld;
    if (!deleted && file.newPath === null) file.newPath = headerNew;
    return file;
  }

  function unquoteForPrefix(raw: string): string {
    return raw.startsWith('"') ? raw.slice(1) : raw;
  }

  function pathOrThrow(raw: string, encoding: 'utf8' | 'latin1'): DiffPath {
    try {
      return decodeGitPath(raw, encoding);
    } catch (error) {
      throw new ParseError(i + 1, (error as Error).message);
    }
  }

  /** Reads the path of a ---/+++ line: quoted, or up to a tab (plain diff puts a timestamp after it). */
  function labelPath(label: string, encoding: 'utf8' | 'latin1', prefixed: boolean, index: number): { path: DiffPath | null; suffix: string } {
    let raw = label;
    let suffix = '';
    if (label.startsWith('"')) {
      const end = findClosingQuote(label, 0);
      if (end < 0) throw new ParseError(index + 1, `unterminated quoted file name in '${label}'`);
      raw = label.slice(0, end + 1);
      suffix = label.slice(end + 1);
    } else {
      const tab = label.indexOf('\t');
      if (tab >= 0) {
        raw = label.slice(0, tab);
        suffix = label.slice(tab);
      }
    }
    try {
      return { path: toPath(raw, encoding, prefixed), suffix };
    } catch (error) {
      throw new ParseError(index + 1, (error as Error).message);
    }
  }

  function parseUnifiedFile(): ParsedFile {
    const file = newFile('unified', i + 1);
    const oldLabel = labelPath(lines[i].slice(4), encodingAt(i), false, i);
    const newLabel = labelPath(lines[i + 1].slice(4), encodingAt(i + 1), false, i + 1);
    file.rawHeader.push(rawLine(i), rawLine(i + 1));
    file.oldLabelSuffix = oldLabel.suffix;
    file.newLabelSuffix = newLabel.suffix;
    // `diff -ru old/ new/` names files old/x and new/x: strip a differing first component.
    let oldPath = oldLabel.path;
    let newPath = newLabel.path;
    if (oldPath !== null && newPath !== null) {
      const oldSlash = oldPath.text.indexOf('/');
      const newSlash = newPath.text.indexOf('/');
      if (oldSlash > 0 && newSlash > 0 && oldPath.text.slice(oldSlash) === newPath.text.slice(newSlash)) {
        oldPath = { text: oldPath.text.slice(oldSlash + 1), encoding: oldPath.encoding };
        newPath = { text: newPath.text.slice(newSlash + 1), encoding: newPath.encoding };
      }
    }
    file.oldPath = oldPath;
    file.newPath = newPath;
    i += 2;
    if (i >= lines.length || !HUNK_HEADER.test(lines[i])) {
      throw new ParseError(i + 1, `expected a hunk header '@@ -a,b +c,d @@' after the '+++' line`);
    }
    parseHunks(file);
    file.status = oldPath === null ? 'added' : newPath === null ? 'deleted' : 'modified';
    return file;
  }

  function parseHunks(file: ParsedFile): void {
    while (i < lines.length) {
      const header = HUNK_HEADER.exec(lines[i]);
      if (header === null) {
        if (COMBINED_HUNK.test(lines[i])) throw new ParseError(i + 1, 'this is a combined (merge) diff, which cannot be split; diff the merge against one parent instead (for a commit: --first-parent)');
        return;
      }
      const hunk: Hunk = {
        oldStart: Number(header[1]),
        oldLines: header[2] === undefined ? 1 : Number(header[2]),
        newStart: Number(header[3]),
        newLines: header[4] === undefined ? 1 : Number(header[4]),
        section: header[5],
        lines: [],
      };
      const headerLine = i;
      file.rawHunkHeaders.push(rawLine(i));
      i++;
      let oldLeft = hunk.oldLines;
      let newLeft = hunk.newLines;
      while (oldLeft > 0 || newLeft > 0) {
        if (i >= lines.length) {
          throw new ParseError(i, `hunk at line ${headerLine + 1} ends early: expected ${oldLeft} more old and ${newLeft} more new lines`);
        }
        const line = lines[i];
        const marker = line[0];
        let type: DiffLine['type'];
        if (marker === ' ' || line === '') type = ' ';
        else if (marker === '-') type = '-';
        else if (marker === '+') type = '+';
        else if (marker === '\\' && hunk.lines.length > 0) {
          hunk.lines[hunk.lines.length - 1].noNewlineAtEnd = true;
          i++;
          continue;
        } else {
          throw new ParseError(i + 1, `hunk at line ${headerLine + 1} expected ${oldLeft} more old and ${newLeft} more new lines (' ', '-' or '+'), found '${truncate(line)}'`);
        }
        if (type !== '+') oldLeft--;
        if (type !== '-') newLeft--;
        if (oldLeft < 0 || newLeft < 0) {
          throw new ParseError(i + 1, `hunk at line ${headerLine + 1} has more ${oldLeft < 0 ? 'old' : 'new'} lines than its header '${truncate(lines[headerLine])}' counts`);
        }
        hunk.lines.push({ type, text: line.slice(1), noNewlineAtEnd: false, encoding: encodingAt(i) });
        i++;
      }
      if (i < lines.length && NO_NEWLINE.test(lines[i]) && hunk.lines.length > 0) {
        hunk.lines[hunk.lines.length - 1].noNewlineAtEnd = true;
        i++;
      }
      file.hunks.push(hunk);
    }
  }
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Reads the commit message out of what precedes the first file: a `git format-patch`
 * mail (From/Subject headers, body up to the `---` separator) or `git show` output
 * (`commit`, `Author:`, then the message indented by four spaces).
 */
function extractMessage(preamble: string[]): { message: CommitMessage | null; author: string | null } {
  if (preamble.length === 0) return { message: null, author: null };
  const first = preamble.findIndex((line) => line.trim() !== '');
  if (first < 0) return { message: null, author: null };
  if (SHOW_COMMIT.test(preamble[first])) return extractShowMessage(preamble.slice(first));
  if (MBOX_FROM.test(preamble[first]) || /^(From|Subject|Date): /.test(preamble[first])) return extractMailMessage(preamble.slice(first));
  return { message: null, author: null };
}

function extractShowMessage(lines: string[]): { message: CommitMessage | null; author: string | null } {
  let author: string | null = null;
  let i = 1;
  for (; i < lines.length && lines[i] !== ''; i++) {
    const match = /^Author:\s*(.*)$/.exec(lines[i]);
    if (match) author = match[1];
  }
  const body: string[] = [];
  for (i++; i < lines.length; i++) {
    if (lines[i].startsWith('    ')) body.push(lines[i].slice(4));
    else if (lines[i] === '') body.push('');
    else break;
  }
  const text = body.join('\n').trim();
  return { message: text === '' ? null : parseCommitMessage(text), author };
}

function extractMailMessage(lines: string[]): { message: CommitMessage | null; author: string | null } {
  const headers: Record<string, string> = {};
  let i = MBOX_FROM.test(lines[0]) ? 1 : 0;
  let current: string | null = null;
  for (; i < lines.length && lines[i] !== ''; i++) {
    const line = lines[i];
    if (/^[ \t]/.test(line) && current !== null) {
      headers[current] += ' ' + line.trim();
      continue;
    }
    const match = /^([A-Za-z-]+):\s?(.*)$/.exec(line);
    if (match) {
      current = match[1].toLowerCase();
      headers[current] = match[2];
    }
  }
  const body: string[] = [];
  for (i++; i < lines.length; i++) {
    if (lines[i] === '---') break;
    body.push(lines[i]);
  }
  let subject = decodeMimeWords(headers['subject'] ?? '');
  subject = subject.replace(/^(\s*\[[^\]]*\]\s*)+/, '').trim();
  const text = [subject, '', body.join('\n')].join('\n').trim();
  const author = headers['from'] !== undefined ? decodeMimeWords(headers['from']) : null;
  return { message: text === '' ? null : parseCommitMessage(text), author };
}

/** Decodes RFC 2047 encoded words (`=?UTF-8?q?...?=`, `=?UTF-8?b?...?=`) as git format-patch writes them. */
export function decodeMimeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([qQbB])\?([^?]*)\?=/g, (_match, charset: string, encoding: string, text: string) => {
      const nodeCharset = /utf-?8/i.test(charset) ? 'utf8' : 'latin1';
      if (encoding.toLowerCase() === 'b') return Buffer.from(text, 'base64').toString(nodeCharset);
      const bytes: number[] = [];
      for (let k = 0; k < text.length; k++) {
        if (text[k] === '_') bytes.push(0x20);
        else if (text[k] === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(k + 1, k + 3))) {
          bytes.push(parseInt(text.slice(k + 1, k + 3), 16));
          k += 2;
        } else bytes.push(text.charCodeAt(k));
      }
      return Buffer.from(bytes).toString(nodeCharset);
    });
}
