/**
 * Runs the heuristic registry over every change. Builds each heuristic's context:
 * the file's language and, lazily, the lexed text of either side (from the whole
 * file when the input layer supplied it, else from the hunk alone).
 */
import { heuristics as registry } from '../heuristics';
import { Heuristic, HeuristicContext, LexedSide, renderReason } from './heuristic';
import { Language, languageOf } from './language';
import { LexedLine, lexLines } from './lexer';
import { Change, ClassifiedChange, DiffFile, Hunk } from './model';

/** Full text of a file before and after the change, when known. */
export interface FileContents {
  old: string | null;
  new: string | null;
}

export interface ClassifyOptions {
  /** Indexed like the files array; missing entries mean "diff only". */
  contents?: Array<FileContents | undefined>;
  heuristics?: readonly Heuristic[];
}

/** Lexing is memoised per file and side, since several changes share a file. */
class FileLexCache {
  private readonly whole = new Map<string, { text: string[]; lexed: LexedLine[] } | null>();
  private readonly hunks = new Map<string, LexedLine[]>();

  constructor(
    private readonly files: DiffFile[],
    private readonly contents: Array<FileContents | undefined>,
  ) {}

  wholeFile(fileIndex: number, side: 'old' | 'new', language: Language): { text: string[]; lexed: LexedLine[] } | null {
    const key = `${fileIndex}:${side}`;
    if (!this.whole.has(key)) {
      const content = this.contents[fileIndex]?.[side] ?? null;
      const text = content === null ? null : content.split('\n');
      this.whole.set(key, text === null ? null : { text, lexed: lexLines(text, language) });
    }
    return this.whole.get(key) ?? null;
  }

  hunkSide(fileIndex: number, hunkIndex: number, side: 'old' | 'new', language: Language): LexedLine[] {
    const key = `${fileIndex}:${hunkIndex}:${side}`;
    let lexed = this.hunks.get(key);
    if (lexed === undefined) {
      const hunk = this.files[fileIndex].hunks[hunkIndex];
      const skip = side === 'old' ? '+' : '-';
      lexed = lexLines(hunk.lines.filter((line) => line.type !== skip).map((line) => line.text), language);
      this.hunks.set(key, lexed);
    }
    return lexed;
  }
}

/**
 * For each position in a hunk's lines, how many old-side and new-side lines come
 * before it; computed once per hunk, since a large hunk holds many changes.
 */
const sideCounts = new WeakMap<Hunk, { old: Uint32Array; new: Uint32Array }>();
function sideCountsOf(hunk: Hunk): { old: Uint32Array; new: Uint32Array } {
  let counts = sideCounts.get(hunk);
  if (counts === undefined) {
    counts = { old: new Uint32Array(hunk.lines.length + 1), new: new Uint32Array(hunk.lines.length + 1) };
    hunk.lines.forEach((line, k) => {
      counts!.old[k + 1] = counts!.old[k] + (line.type === '+' ? 0 : 1);
      counts!.new[k + 1] = counts!.new[k] + (line.type === '-' ? 0 : 1);
    });
    sideCounts.set(hunk, counts);
  }
  return counts;
}

/** Offset of the change's first line on one side, counted within the hunk's lines of that side. */
function offsetInHunkSide(hunk: Hunk, change: Change, side: 'old' | 'new'): number {
  const before = sideCountsOf(hunk)[side][change.blockStart];
  return before + (side === 'old' ? change.removedOffset : change.addedOffset);
}

function lexSideOf(change: Change, side: 'old' | 'new', file: DiffFile, language: Language, cache: FileLexCache): LexedSide {
  const lines = side === 'old' ? change.removed : change.added;
  const range = side === 'old' ? change.old : change.new;
  if (lines.length === 0 || range === null) return { lines: [], wholeFile: true };
  const whole = cache.wholeFile(change.fileIndex, side, language);
  if (whole !== null) {
    // Trust the whole-file lexing only when the file really holds these lines there
    // (filters, encodings or a racing work tree could make them differ).
    const first = range.start - 1;
    const matches = lines.every((line, k) => whole.text[first + k] === line);
    if (matches) return { lines: whole.lexed.slice(first, first + lines.length), wholeFile: true };
  }
  const hunk = file.hunks[change.hunkIndex];
  const offset = offsetInHunkSide(hunk, change, side);
  return { lines: cache.hunkSide(change.fileIndex, change.hunkIndex, side, language).slice(offset, offset + lines.length), wholeFile: false };
}

/** Gives every change a verdict: the first heuristic (in registry order) that recognises it decides. */
export function classifyChanges(files: DiffFile[], changes: Change[], options: ClassifyOptions = {}): ClassifiedChange[] {
  const contents = options.contents ?? [];
  const active = options.heuristics ?? registry;
  const cache = new FileLexCache(files, contents);
  const languages = new Map<number, Language>();
  return changes.map((change) => {
    const file = files[change.fileIndex];
    let language = languages.get(change.fileIndex);
    if (language === undefined) {
      language = languageOf(change.file);
      languages.set(change.fileIndex, language);
    }
    const fileLanguage = language;
    const context: HeuristicContext = {
      file,
      hunk: change.hunkIndex >= 0 ? file.hunks[change.hunkIndex] : null,
      language: fileLanguage,
      diffOnly: contents[change.fileIndex] === undefined,
      lexSide: (side) => lexSideOf(change, side, file, fileLanguage, cache),
    };
    for (const heuristic of active) {
      if (!heuristic.appliesTo(file, fileLanguage)) continue;
      const result = heuristic.classify(change, context);
      if (result === null) continue;
      const verdict = {
        kind: result.kind,
        ...(result.detail !== undefined ? { detail: result.detail } : {}),
        confidence: result.confidence,
        reason: renderReason(heuristic, result),
        heuristic: heuristic.meta.id,
        messageId: result.messageId,
      };
      return { ...change, verdict };
    }
    throw new Error(`no heuristic classified change ${change.id}; functional-default must be last in the registry`);
  });
}
