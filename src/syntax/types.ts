/**
 * What the real parsers (the TypeScript scanner and ts-morph for TS/JS, tree-sitter
 * for the other languages) give the heuristics: tokens in the same line-by-line
 * shape as the table lexer (src/lexer.ts), and the declarations of a file with
 * their visibility. A language without a loaded parser falls back to the table
 * lexer and has no declarations.
 */
import { LexedLine } from '../lexer';

/** A named declaration in one version of a file. */
export interface Declaration {
  /** The declared name (`parseHunk`, `Parser`, `MAX_SIZE`). */
  name: string;
  kind: 'function' | 'class' | 'method' | 'interface' | 'type' | 'enum' | 'constant' | 'variable' | 'module' | 'other';
  /** Enclosing class/struct/impl name for methods and fields, else null. */
  container: string | null;
  /** Public by the language's rules: exported (TS/JS, Go capitalised), `pub` (Rust), `public` (Java), no leading underscore (Python), non-static (C). */
  exported: boolean;
  /** 1-based first and last line of the whole declaration. */
  startLine: number;
  endLine: number;
  /** 1-based last line of the declaration's header (signature), before its body. */
  headerEndLine: number;
  /** The signature with whitespace collapsed: parameters, return type, modifiers; no body. */
  signature: string;
}

/** The parsed view of one version of a file. */
export interface FileSyntax {
  /** One entry per line of the text (split on '\n'), as the table lexer gives them, but from a real parser. */
  lines: LexedLine[];
  declarations: Declaration[];
  /**
   * Lines [start, end) of `lines`, made without the rest when the parser can (it
   * kept its tree: parsed with `tokens: true`); null when it cannot, then read
   * `lines`. Deep-equal to `lines`' entries, not the same objects.
   */
  linesIn?(start: number, end: number): LexedLine[] | null;
  /** The parser reported syntax errors in this text. */
  hasErrors: boolean;
}

/**
 * Parses file texts for the heuristics. Loading is done before analysis (tree-sitter's
 * WebAssembly needs an async start); `parse` itself is synchronous and returns null
 * for a language it has no parser for.
 */
export interface SyntaxService {
  /** Language ids (src/language.ts) this service can parse now. */
  readonly languages: ReadonlySet<string>;
  /** Language id -> the build parsing it, for a service with more than one (tree-sitter: `native` or `wasm`). */
  readonly engines?: ReadonlyMap<string, string>;
  parse(languageId: string, path: string, text: string, options?: ParseOptions): FileSyntax | null;
}

export interface ParseOptions {
  /**
   * The caller will read `lines` or `linesIn`: a parser that makes them lazily
   * (by parsing again) may keep what it needs to make them from this parse.
   */
  tokens?: boolean;
  /**
   * The other version of this file will be parsed too: a parser that can reparse
   * incrementally may keep this parse's tree for it (see `from`).
   */
  reuse?: boolean;
  /**
   * This text is `syntax`'s text with `edits` applied: a parser that kept that
   * parse's tree (`reuse`) may parse only around the edits. A hint; the result is
   * the same as without it.
   */
  from?: { syntax: FileSyntax; edits: readonly LineEdit[] };
}

/**
 * Lines `start` to `start + removed` (0-based, in the earlier text) replaced by
 * `added` lines; a list of them is in order and does not overlap, like a diff's hunks.
 */
export interface LineEdit {
  start: number;
  removed: number;
  added: number;
}
