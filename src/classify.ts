/**
 * Runs the heuristic registry over every change. Builds each heuristic's context:
 * the file's language, the lexed text of either side (from a real parser or the
 * table lexer, over the whole file when the input layer supplied it, else from
 * the hunk alone), and a view of the whole commit for cross-change heuristics.
 *
 * A `functional` verdict from any heuristic but the last is tentative: it carries
 * a better reason than the catch-all ("only whitespace differs, but this is
 * Python"), yet a later heuristic may still recognise the change (a comment, a
 * test file). The first non-functional verdict wins; otherwise the first
 * functional one.
 */
import { heuristics as registry } from '../heuristics';
import { CommitView, Heuristic, HeuristicContext, HeuristicResult, LexedSide, renderReason } from './heuristic';
import { Language, languageOf } from './language';
import { LazyLexedLines, LexedLine, lexLines } from './lexer';
import { Change, ClassifiedChange, DiffFile, Hunk, Verdict } from './model';
import { FileSyntax, LineEdit, ParseOptions, SyntaxService } from './syntax/types';

/** Full text of a file before and after the change, when known. */
export interface FileContents {
  old: string | null;
  new: string | null;
}

export interface ClassifyOptions {
  /** A view built by the caller, to share its parsed files with later stages. */
  view?: Commit;
  /** Indexed like the files array; missing entries mean "diff only". */
  contents?: Array<FileContents | undefined>;
  heuristics?: readonly Heuristic[];
  /** Real parsers, already loaded; languages they lack use the table lexer. */
  syntax?: SyntaxService[];
}

/**
 * Files larger than this are lexed with the table lexer even when a real parser
 * is loaded: turning a parse tree into tokens walks every leaf in JavaScript,
 * which costs 100 ms and more for a 100 KB C file, and the table lexer is
 * conservative where it cannot follow. Declarations still come from the parser.
 */
const REAL_TOKENS_MAX_CHARACTERS = 48 * 1024;

/**
 * Real tokens for at most this much text per commit (each version of a file
 * counts, unless a parse for its declarations already kept its tree); past it,
 * the table lexer. Parsing costs 0.3-0.5 ms per KB, so a commit touching 50
 * files of 20 KB spent a second on parses for tokens alone; the table lexer is
 * as precise (the trap corpus passes with it) and misses some no-ops a parser
 * proves (labelled corpus, no-op recall: 89.8% with real tokens, 87.5% without).
 */
export const REAL_TOKENS_PER_COMMIT = 256 * 1024;

/**
 * For each position in a hunk's lines, how many old-side and new-side lines come
 * before it; computed once per hunk, since a large hunk holds many changes.
 */
const sideCounts = new WeakMap<Hunk, { old: Uint32Array; new: Uint32Array }>();
function sideCountsOf(hunk: Hunk): { old: Uint32Array; new: Uint32Array } {
  let counts = sideCounts.get(hunk);
  if (counts === undefined) {
    const old = new Uint32Array(hunk.lines.length + 1);
    const next = new Uint32Array(hunk.lines.length + 1);
    hunk.lines.forEach((line, k) => {
      old[k + 1] = old[k] + (line.type === '+' ? 0 : 1);
      next[k + 1] = next[k] + (line.type === '-' ? 0 : 1);
    });
    counts = { old, new: next };
    sideCounts.set(hunk, counts);
  }
  return counts;
}

/** Offset of the change's first line on one side, counted within the hunk's lines of that side. */
function offsetInHunkSide(hunk: Hunk, change: Change, side: 'old' | 'new'): number {
  const before = sideCountsOf(hunk)[side][change.blockStart];
  return before + (side === 'old' ? change.removedOffset : change.addedOffset);
}

/** A file's lexed lines, read one by one or as a range. */
interface FileLines {
  readonly length: number;
  line(k: number): LexedLine | undefined;
  slice(start: number, end?: number): LexedLine[];
}

/**
 * A parser's lines of a file, made a range at a time when the parser can
 * (tree-sitter keeps its tree for that), else all at once; each line is kept, so
 * every caller gets the same objects.
 */
class ParsedLines implements FileLines {
  private readonly made: Array<LexedLine | undefined>;

  constructor(
    private readonly syntax: FileSyntax,
    readonly length: number,
  ) {
    this.made = new Array<LexedLine | undefined>(length);
  }

  line(k: number): LexedLine | undefined {
    return k < 0 || k >= this.length ? undefined : this.slice(k, k + 1)[0];
  }

  slice(start: number, end: number = this.length): LexedLine[] {
    const from = Math.max(0, start);
    const to = Math.min(end, this.length);
    let missingFrom = -1;
    let missingTo = -1;
    for (let k = from; k < to; k++) {
      if (this.made[k] !== undefined) continue;
      if (missingFrom < 0) missingFrom = k;
      missingTo = k + 1;
    }
    if (missingFrom >= 0) {
      const lines = this.syntax.linesIn?.(missingFrom, missingTo) ?? this.syntax.lines.slice(missingFrom, missingTo);
      lines.forEach((line, k) => {
        this.made[missingFrom + k] ??= line;
      });
    }
    return this.made.slice(from, to) as LexedLine[];
  }
}

/** The lexing of one side of a file: its lines' text, and their lexing (made line by line for the table lexer). */
interface WholeFile {
  text: string[];
  lines: FileLines;
  /** Every line, once something asked for all of them. */
  all: LexedLine[] | null;
}

/**
 * The file's hunks as line edits from one version to the other (whole hunks,
 * context included: coarser than the changed lines, and as correct).
 */
function lineEdits(file: DiffFile, from: 'old' | 'new'): LineEdit[] {
  return file.hunks.map((hunk) => {
    const [start, removed, added] = from === 'old' ? [hunk.oldStart, hunk.oldLines, hunk.newLines] : [hunk.newStart, hunk.newLines, hunk.oldLines];
    // A hunk of no lines on its side starts after the line it names.
    return { start: removed === 0 ? start : start - 1, removed, added };
  });
}

/** The commit view: languages, texts, parsed files and lexed sides, each computed once. */
export class Commit implements CommitView {
  /** Heuristics that threw, as `id on change (file): message`; reported as a note. */
  readonly failures: string[] = [];
  private readonly languages = new Map<number, Language>();
  private readonly parsed = new Map<string, FileSyntax | null>();
  private readonly wholeLexed = new Map<string, WholeFile | null>();
  private readonly hunkLexed = new Map<string, LexedLine[]>();
  /** Characters of text that may still be parsed for tokens (REAL_TOKENS_PER_COMMIT). */
  private realTokensLeft: number;

  constructor(
    readonly files: DiffFile[],
    readonly changes: Change[],
    private readonly contents: Array<FileContents | undefined>,
    private readonly services: SyntaxService[],
    realTokensBudget: number = REAL_TOKENS_PER_COMMIT,
  ) {
    this.realTokensLeft = realTokensBudget;
  }

  language(fileIndex: number): Language {
    let language = this.languages.get(fileIndex);
    if (language === undefined) {
      const file = this.files[fileIndex];
      language = languageOf((file.newPath ?? file.oldPath)?.text ?? '');
      this.languages.set(fileIndex, language);
    }
    return language;
  }

  text(fileIndex: number, side: 'old' | 'new'): string | null {
    return this.contents[fileIndex]?.[side] ?? null;
  }

  hasContents(fileIndex: number): boolean {
    return this.contents[fileIndex] !== undefined;
  }

  /** The loaded parser for this file's language, if any. */
  private serviceFor(fileIndex: number): SyntaxService | undefined {
    const language = this.language(fileIndex);
    return this.services.find((candidate) => candidate.languages.has(language.id));
  }

  /** Parses any text as this file's language (for "does this step still parse?"); null without a parser. */
  parseText(fileIndex: number, text: string): FileSyntax | null {
    const service = this.serviceFor(fileIndex);
    if (service === undefined) return null;
    const file = this.files[fileIndex];
    try {
      return service.parse(this.language(fileIndex).id, (file.newPath ?? file.oldPath)?.text ?? '', text);
    } catch {
      return null;
    }
  }

  parsedSyntax(fileIndex: number, side: 'old' | 'new'): FileSyntax | null {
    return this.parsed.get(`${fileIndex}:${side}`) ?? null;
  }

  syntax(fileIndex: number, side: 'old' | 'new'): FileSyntax | null {
    const key = `${fileIndex}:${side}`;
    if (!this.parsed.has(key)) {
      const text = this.text(fileIndex, side);
      const language = this.language(fileIndex);
      const service = this.serviceFor(fileIndex);
      const file = this.files[fileIndex];
      const path = ((side === 'old' ? file.oldPath : file.newPath) ?? file.newPath ?? file.oldPath)?.text ?? '';
      let result: FileSyntax | null = null;
      if (text !== null && service !== undefined) {
        try {
          // whole() reads the tokens of a text this small, whoever parses it first.
          const options: ParseOptions = { tokens: text.length <= REAL_TOKENS_MAX_CHARACTERS };
          // The file's other version, parsed or to be: one parse can start from the other's tree.
          const otherSide = side === 'old' ? 'new' : 'old';
          const other = this.parsed.get(`${fileIndex}:${otherSide}`);
          if (other === undefined) options.reuse = this.text(fileIndex, otherSide) !== null && file.hunks.length > 0;
          else if (other !== null) options.from = { syntax: other, edits: lineEdits(file, otherSide) };
          result = service.parse(language.id, path, text, options);
        } catch {
          // A parser failure must not stop the analysis: the table lexer takes over.
          result = null;
        }
      }
      this.parsed.set(key, result);
    }
    return this.parsed.get(key) ?? null;
  }

  /**
   * Whole-file lexed lines: the real parser's when there is one, else the table
   * lexer's, which lexes a line only when asked for it (in the state lexing the
   * file from its start gives it).
   */
  private whole(fileIndex: number, side: 'old' | 'new'): WholeFile | null {
    const key = `${fileIndex}:${side}`;
    if (!this.wholeLexed.has(key)) {
      const content = this.text(fileIndex, side);
      let value: WholeFile | null = null;
      if (content !== null) {
        const text = content.split('\n');
        // Real tokens where they are cheap; a large file, or one past the commit's
        // budget, gets the (conservative) table lexer. A version whose parse already
        // made its lines, or kept its tree to make them, costs nothing; nor does a
        // language without a parser, which never parses.
        const parsed = this.parsed.get(key);
        const kept = parsed != null && (parsed.linesIn === undefined || parsed.linesIn(0, 0) !== null);
        const parsable = this.serviceFor(fileIndex) !== undefined;
        const real = parsable && content.length <= REAL_TOKENS_MAX_CHARACTERS && (kept || this.realTokensLeft >= content.length);
        if (real && !kept) this.realTokensLeft -= content.length;
        const syntax = real ? this.syntax(fileIndex, side) : null;
        // tree-sitter makes one line per line of the text, a range at a time.
        const all = syntax === null || syntax.linesIn !== undefined ? null : syntax.lines;
        if (syntax !== null && syntax.linesIn !== undefined) {
          value = { text, lines: new ParsedLines(syntax, text.length), all: null };
        } else if (all !== null && all.length === text.length) {
          value = { text, lines: { length: all.length, line: (k) => all[k], slice: (start, end) => all.slice(start, end) }, all };
        } else {
          value = { text, lines: new LazyLexedLines(text, this.language(fileIndex)), all: null };
        }
      }
      this.wholeLexed.set(key, value);
    }
    return this.wholeLexed.get(key) ?? null;
  }

  lexedFile(fileIndex: number, side: 'old' | 'new'): LexedLine[] | null {
    const whole = this.whole(fileIndex, side);
    if (whole === null) return null;
    whole.all ??= whole.lines.slice(0);
    return whole.all;
  }

  lexedLines(fileIndex: number, side: 'old' | 'new', start: number, end: number): LexedLine[] | null {
    return this.whole(fileIndex, side)?.lines.slice(start, end) ?? null;
  }

  private hunkSide(fileIndex: number, hunkIndex: number, side: 'old' | 'new'): LexedLine[] {
    const key = `${fileIndex}:${hunkIndex}:${side}`;
    let lexed = this.hunkLexed.get(key);
    if (lexed === undefined) {
      const hunk = this.files[fileIndex].hunks[hunkIndex];
      const skip = side === 'old' ? '+' : '-';
      lexed = lexLines(
        hunk.lines.filter((line) => line.type !== skip).map((line) => line.text),
        this.language(fileIndex),
      );
      this.hunkLexed.set(key, lexed);
    }
    return lexed;
  }

  lexSide(change: Change, side: 'old' | 'new'): LexedSide {
    const lines = side === 'old' ? change.removed : change.added;
    const range = side === 'old' ? change.old : change.new;
    if (lines.length === 0 || range === null) return { lines: [], wholeFile: this.hasContents(change.fileIndex) };
    const whole = this.whole(change.fileIndex, side);
    if (whole !== null) {
      // Trust the whole-file lexing only when the file really holds these lines there
      // (filters, encodings or a racing work tree could make them differ).
      const first = range.start - 1;
      if (lines.every((line, k) => whole.text[first + k] === line)) {
        return { lines: whole.lines.slice(first, first + lines.length), wholeFile: true };
      }
    }
    const hunk = this.files[change.fileIndex].hunks[change.hunkIndex];
    const offset = offsetInHunkSide(hunk, change, side);
    return { lines: this.hunkSide(change.fileIndex, change.hunkIndex, side).slice(offset, offset + lines.length), wholeFile: false };
  }
}

function toVerdict(heuristic: Heuristic, result: HeuristicResult): Verdict {
  return {
    kind: result.kind,
    ...(result.detail !== undefined ? { detail: result.detail } : {}),
    confidence: result.confidence,
    reason: renderReason(heuristic, result),
    heuristic: heuristic.meta.id,
    messageId: result.messageId,
    ...(result.links !== undefined && result.links.length > 0 ? { links: result.links } : {}),
  };
}

/** Gives every change a verdict (see the file comment for how heuristics combine). */
export function classifyChanges(files: DiffFile[], changes: Change[], options: ClassifyOptions = {}): ClassifiedChange[] {
  const contents = options.contents ?? [];
  const active = options.heuristics ?? registry;
  const commit = options.view ?? new Commit(files, changes, contents, options.syntax ?? []);
  return changes.map((change) => {
    const file = files[change.fileIndex];
    const language = commit.language(change.fileIndex);
    const context: HeuristicContext = {
      file,
      hunk: change.hunkIndex >= 0 ? file.hunks[change.hunkIndex] : null,
      language,
      diffOnly: !commit.hasContents(change.fileIndex),
      lexSide: (side) => commit.lexSide(change, side),
      commit,
    };
    let tentative: Verdict | null = null;
    for (const heuristic of active) {
      if (!heuristic.appliesTo(file, language)) continue;
      let result: HeuristicResult | null;
      try {
        result = heuristic.classify(change, context);
      } catch (error) {
        // A heuristic that fails on odd input must not cost the whole report:
        // it makes no claim (so nothing is called a no-op), and a note says so.
        commit.failures.push(`${heuristic.meta.id} on ${change.id} (${change.file}): ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        result = null;
      }
      if (result === null) continue;
      if (result.kind !== 'functional') return { ...change, verdict: toVerdict(heuristic, result) };
      tentative ??= toVerdict(heuristic, result);
    }
    if (tentative !== null) return { ...change, verdict: tentative };
    throw new Error(`no heuristic classified change ${change.id}; functional-default must be last in the registry`);
  });
}
