/**
 * The interface every heuristic in heuristics/ implements, and the context it is
 * given. A heuristic is pure: it never runs git or reads a file; everything it
 * needs (the change, the file, lexed text of either side) comes from the context.
 */
import { Language } from './language';
import { LexedLine } from './lexer';
import { Change, ChangeKind, DiffFile, Hunk } from './model';
import { FileSyntax } from './syntax/types';

export interface HeuristicMeta {
  /** Category-first kebab-case id, equal to the file name (`format-whitespace-only`). */
  id: string;
  description: string;
  /** The kinds this heuristic can return. */
  produces: ChangeKind[];
  /** Language ids it understands, or 'all'. */
  languages: string[] | 'all';
  /** Reason templates by message id; `{{name}}` is filled from the verdict's data. */
  messages: Record<string, string>;
}

/** What a heuristic returns when it recognises a change; null means "not mine". */
export interface HeuristicResult {
  kind: ChangeKind;
  detail?: string;
  confidence: number;
  messageId: string;
  data?: Record<string, string | number>;
  /** Ids of other changes this one must stay with (the other half of a move, other sites of a rename). */
  links?: string[];
}

/** Lexed lines of one side of a change, and whether the lexer saw the whole file. */
export interface LexedSide {
  lines: LexedLine[];
  /** True when the state at the first line came from lexing the whole file from its start. */
  wholeFile: boolean;
}

/**
 * The whole commit as heuristics may see it, for those that look across changes
 * (moves, renames, import reorders). Everything is computed lazily and memoised;
 * a heuristic that derives commit-wide facts memoises them keyed on this object.
 */
export interface CommitView {
  files: DiffFile[];
  changes: Change[];
  language(fileIndex: number): Language;
  /** Full text of one side of a file, when the input supplied it. */
  text(fileIndex: number, side: 'old' | 'new'): string | null;
  /** The parsed view of one side of a file (real parser), or null without text or parser. */
  syntax(fileIndex: number, side: 'old' | 'new'): FileSyntax | null;
  /** The parsed view only if something already asked for it (never parses). */
  parsedSyntax(fileIndex: number, side: 'old' | 'new'): FileSyntax | null;
  lexSide(change: Change, side: 'old' | 'new'): LexedSide;
  /** Every line of one side of a file, lexed from its start; null without its full text. */
  lexedFile(fileIndex: number, side: 'old' | 'new'): LexedLine[] | null;
  /**
   * Lines [start, end) (0-based, clipped) of lexedFile, each lexed only when first
   * asked for: much cheaper than lexedFile for a few lines of a large file.
   */
  lexedLines(fileIndex: number, side: 'old' | 'new', start: number, end: number): LexedLine[] | null;
}

export interface HeuristicContext {
  file: DiffFile;
  hunk: Hunk | null;
  language: Language;
  /** True when the analysis has only the diff, not the full files. */
  diffOnly: boolean;
  /** The removed (old) or added (new) lines of the change, lexed with the state they start in. */
  lexSide(side: 'old' | 'new'): LexedSide;
  commit: CommitView;
}

export interface Heuristic {
  meta: HeuristicMeta;
  /** A cheap filter on the file before classify runs. */
  appliesTo(file: DiffFile, language: Language): boolean;
  classify(change: Change, context: HeuristicContext): HeuristicResult | null;
}

/**
 * A fact about one file of a commit, worked out once per commit view: heuristics
 * classify change by change, but some facts (proofs, budgets, what a file reads)
 * belong to the whole file. Held weakly, so a commit's facts go with it.
 */
export function perCommitFile<T>(make: (commit: CommitView, fileIndex: number) => T): (commit: CommitView, fileIndex: number) => T {
  const cache = new WeakMap<CommitView, Map<number, T>>();
  return (commit, fileIndex) => {
    let perFile = cache.get(commit);
    if (perFile === undefined) {
      perFile = new Map();
      cache.set(commit, perFile);
    }
    if (!perFile.has(fileIndex)) perFile.set(fileIndex, make(commit, fileIndex));
    return perFile.get(fileIndex) as T;
  };
}

/**
 * True when a string literal around the change could be invisible: the analysis has
 * only the diff (no whole file), and the language has strings that span lines
 * (template literals, triple quotes), which often open above a hunk's context.
 * A no-op heuristic then makes no claim.
 */
export function stringsMayHide(context: HeuristicContext): boolean {
  return context.diffOnly && context.language.strings.some((delimiter) => delimiter.multiline);
}

/** Renders a result's reason from the heuristic's message template. */
export function renderReason(heuristic: Heuristic, result: HeuristicResult): string {
  const template = heuristic.meta.messages[result.messageId];
  if (template === undefined) throw new Error(`heuristic ${heuristic.meta.id} has no message '${result.messageId}'`);
  return template.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => String(result.data?.[name] ?? `{{${name}}}`));
}
