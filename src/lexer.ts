/**
 * A small, language-table-driven lexer: enough to tell code from string literals
 * and comments, line by line, with the state carried across lines (multi-line
 * strings and block comments). It is deliberately conservative: what it cannot
 * follow (heredocs, raw strings with custom delimiters) marks the line opaque,
 * and callers then refuse to call a change there a no-op.
 */
import { HeredocSyntax, Language, RawStringSyntax, StringDelimiter } from './language';

export type TokenType = 'word' | 'punct' | 'string' | 'comment';

export interface Token {
  type: TokenType;
  text: string;
  /** The whitespace between the previous token on this line (or the line start) and this one. */
  spaceBefore: string;
  /**
   * Set by the real parsers: true for names (identifiers), false or absent for
   * keywords and numbers. The table lexer leaves it undefined: it cannot tell.
   */
  identifier?: boolean;
  /** Set by the TypeScript service on syntax the emitter erases (see SyntaxToken in src/syntax/typescript.ts); absent elsewhere. */
  typeSyntax?: boolean;
}

/** A heredoc whose body is still to come or under way: its terminator and how the closing line may look. */
export interface PendingHeredoc {
  word: string;
  /** The closing line may be indented (`<<-`, `<<~`, PHP). */
  indented: boolean;
  /** Code may follow the terminator on its line (PHP `EOT;`). */
  lenient: boolean;
}

/**
 * Where a line starts or ends: in code, inside a string literal, inside a block
 * comment, or inside heredoc bodies (several when one line opened several).
 */
export type LexState =
  | null
  | { kind: 'string'; delimiter: StringDelimiter }
  | { kind: 'comment'; close: string }
  | { kind: 'heredoc'; pending: PendingHeredoc[] };

export interface LexedLine {
  startState: LexState;
  endState: LexState;
  tokens: Token[];
  /** Whitespace after the last token (including a CR of a CRLF line). */
  trailing: string;
  /** The line holds something this lexer cannot follow. */
  opaque: boolean;
}

const WORD = /[A-Za-z0-9_$\u0080-\uffff]/;
const NUMBER_OR_WORD = /\d[\w.]*|[A-Za-z_$\u0080-\uffff][\w$\u0080-\uffff]*/y;

/** Lexes lines in order, starting from `initial` state (code by default). */
export function lexLines(lines: string[], language: Language, initial: LexState = null): LexedLine[] {
  const result: LexedLine[] = [];
  let state = initial;
  for (const line of lines) {
    const lexed = lexLine(line, language, state);
    result.push(lexed);
    state = lexed.endState;
  }
  return result;
}

function lexLine(line: string, language: Language, startState: LexState): LexedLine {
  const tokens: Token[] = [];
  let state = startState;
  let pos = 0;
  let space = '';
  let unterminated = false;
  const opaque = language.opaqueMarkers !== null && language.opaqueMarkers.test(line);
  const heredocs: PendingHeredoc[] = [];

  // A heredoc body line, or its closing line, is data from end to end.
  if (state !== null && state.kind === 'heredoc') {
    const [current, ...rest] = state.pending;
    const endState: LexState = !closesHeredoc(line, current) ? state : rest.length > 0 ? { kind: 'heredoc', pending: rest } : null;
    return { startState, endState, tokens: [{ type: 'string', text: line, spaceBefore: '' }], trailing: '', opaque: true };
  }

  // Continue a literal or comment begun on an earlier line.
  if (state !== null) {
    if (state.kind === 'string') {
      const end = findStringEnd(line, 0, state.delimiter);
      tokens.push({ type: 'string', text: line.slice(0, end < 0 ? line.length : end), spaceBefore: '' });
      if (end < 0) return { startState, endState: state, tokens, trailing: '', opaque };
      pos = end;
    } else {
      const close = line.indexOf(state.close);
      const end = close < 0 ? line.length : close + state.close.length;
      tokens.push({ type: 'comment', text: line.slice(0, end), spaceBefore: '' });
      if (close < 0) return { startState, endState: state, tokens, trailing: '', opaque };
      pos = end;
    }
    state = null;
  }

  while (pos < line.length) {
    const char = line[pos];
    if (char === ' ' || char === '\t' || char === '\r' || char === '\f' || char === '\v') {
      space += char;
      pos++;
      continue;
    }
    const lineComment = language.lineComments.find((marker) => line.startsWith(marker, pos));
    if (lineComment !== undefined) {
      tokens.push({ type: 'comment', text: line.slice(pos), spaceBefore: space });
      space = '';
      pos = line.length;
      break;
    }
    const block = language.blockComments.find((comment) => line.startsWith(comment.open, pos));
    if (block !== undefined) {
      const close = line.indexOf(block.close, pos + block.open.length);
      const end = close < 0 ? line.length : close + block.close.length;
      tokens.push({ type: 'comment', text: line.slice(pos, end), spaceBefore: space });
      space = '';
      pos = end;
      if (close < 0) state = { kind: 'comment', close: block.close };
      continue;
    }
    // Raw strings first (`R"(` is not the word R); then longest delimiter first, so `"""` wins over `"`.
    const delimiter = matchRawString(line, pos, language.rawStrings) ?? language.strings.find((candidate) => line.startsWith(candidate.open, pos));
    if (delimiter !== undefined) {
      const end = findStringEnd(line, pos + delimiter.open.length, delimiter);
      const stop = end < 0 ? line.length : end;
      tokens.push({ type: 'string', text: line.slice(pos, stop), spaceBefore: space });
      space = '';
      pos = stop;
      if (end < 0) {
        // A single-line string left open is a syntax error, a line continuation or
        // something this lexer does not understand: the line is opaque.
        if (delimiter.multiline) state = { kind: 'string', delimiter };
        else unterminated = true;
      }
      continue;
    }
    if (WORD.test(char)) {
      NUMBER_OR_WORD.lastIndex = pos;
      const match = NUMBER_OR_WORD.exec(line);
      const text = match !== null && match.index === pos ? match[0] : char;
      tokens.push({ type: 'word', text, spaceBefore: space });
      space = '';
      pos += text.length;
      continue;
    }
    const heredoc = language.heredoc === null ? null : matchHeredoc(line, pos, language.heredoc);
    if (heredoc !== null) {
      tokens.push({ type: 'string', text: heredoc.opener, spaceBefore: space });
      space = '';
      pos += heredoc.opener.length;
      heredocs.push(heredoc.pending);
      continue;
    }
    tokens.push({ type: 'punct', text: char, spaceBefore: space });
    space = '';
    pos++;
  }
  // The bodies of heredocs opened on this line start on the next one.
  if (heredocs.length > 0) return { startState, endState: { kind: 'heredoc', pending: heredocs }, tokens, trailing: space, opaque: true };
  return { startState, endState: state, tokens, trailing: space, opaque: opaque || unterminated };
}

/** A heredoc opener at `pos`, if one starts there. */
function matchHeredoc(line: string, pos: number, syntax: HeredocSyntax): { opener: string; pending: PendingHeredoc } | null {
  syntax.open.lastIndex = pos;
  const match = syntax.open.exec(line);
  if (match === null || match.groups === undefined) return null;
  const indented = syntax.lenientClose || (match.groups.indent ?? '') !== '';
  return { opener: match[0], pending: { word: match.groups.word, indented, lenient: syntax.lenientClose } };
}

/** True when `line` ends the heredoc: the terminator alone (after indentation, when allowed). */
function closesHeredoc(line: string, heredoc: PendingHeredoc): boolean {
  const text = (heredoc.indented ? line.replace(/^[ \t]+/, '') : line).replace(/\r$/, '');
  if (!text.startsWith(heredoc.word)) return false;
  const rest = text.slice(heredoc.word.length);
  return rest === '' || (heredoc.lenient && /^[^\w]/.test(rest));
}

/** The delimiter of a raw string opening at `pos`, with its closing delimiter worked out, if one opens there. */
function matchRawString(line: string, pos: number, syntaxes: RawStringSyntax[]): StringDelimiter | undefined {
  for (const syntax of syntaxes) {
    syntax.open.lastIndex = pos;
    const match = syntax.open.exec(line);
    if (match === null) continue;
    return { open: match[0], close: syntax.close(match.groups?.tag ?? ''), multiline: true, escapes: false, doubledEscape: syntax.doubledEscape };
  }
  return undefined;
}

/** Index just past the closing delimiter, or -1 when the string goes on past the line. */
function findStringEnd(line: string, from: number, delimiter: StringDelimiter): number {
  const { close } = delimiter;
  for (let k = from; k < line.length; k++) {
    if (delimiter.escapes && line[k] === '\\') {
      k++;
      continue;
    }
    if (!line.startsWith(close, k)) continue;
    if (delimiter.doubledEscape === true && line.startsWith(close, k + close.length)) {
      k += 2 * close.length - 1;
      continue;
    }
    return k + close.length;
  }
  return -1;
}

/**
 * The characters a comment, string, raw string or heredoc may open with, as a
 * regular-expression character class body. Raw string and heredoc openings are
 * patterns: every character one may start with is listed on their syntax.
 */
function openingCharacters(language: Language): string {
  const characters = new Set<string>();
  for (const marker of language.lineComments) characters.add(marker[0]);
  for (const comment of language.blockComments) characters.add(comment.open[0]);
  for (const delimiter of language.strings) characters.add(delimiter.open[0]);
  for (const syntax of language.rawStrings) for (const character of syntax.opensWith) characters.add(character);
  if (language.heredoc !== null) for (const character of language.heredoc.opensWith) characters.add(character);
  return [...characters].map((character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
}

/**
 * Per language, a sticky pattern that skips what cannot change the lexer's state:
 * blanks and punctuation that open nothing, and whole words and numbers (taken
 * as lexLine takes them, so nothing inside a word is mistaken for an opening)
 * that do not start with an opening character.
 */
const skipPatterns = new WeakMap<Language, RegExp>();
function skipPatternOf(language: Language): RegExp {
  let pattern = skipPatterns.get(language);
  if (pattern === undefined) {
    const opening = openingCharacters(language);
    const notOpening = opening === '' ? '' : `(?![${opening}])`;
    const quiet = `[^${opening}A-Za-z0-9_$\\u0080-\\uffff]+`;
    pattern = new RegExp(`(?:${quiet}|${notOpening}\\d[\\w.]*|${notOpening}[A-Za-z_$\\u0080-\\uffff][\\w$\\u0080-\\uffff]*)*`, 'y');
    skipPatterns.set(language, pattern);
  }
  return pattern;
}

/**
 * The state lexLine ends `line` in, without making its tokens: the same steps
 * wherever something may open, and one pattern over the stretches between.
 */
export function endStateOf(line: string, language: Language, startState: LexState): LexState {
  let state = startState;
  let pos = 0;
  if (state !== null && state.kind === 'heredoc') {
    const [current, ...rest] = state.pending;
    return !closesHeredoc(line, current) ? state : rest.length > 0 ? { kind: 'heredoc', pending: rest } : null;
  }
  if (state !== null) {
    if (state.kind === 'string') {
      const end = findStringEnd(line, 0, state.delimiter);
      if (end < 0) return state;
      pos = end;
    } else {
      const close = line.indexOf(state.close);
      if (close < 0) return state;
      pos = close + state.close.length;
    }
    state = null;
  }
  const skip = skipPatternOf(language);
  const heredocs: PendingHeredoc[] = [];
  while (pos < line.length) {
    skip.lastIndex = pos;
    skip.exec(line);
    pos = skip.lastIndex;
    if (pos >= line.length) break;
    const char = line[pos];
    if (char === ' ' || char === '\t' || char === '\r' || char === '\f' || char === '\v') {
      pos++;
      continue;
    }
    if (language.lineComments.some((marker) => line.startsWith(marker, pos))) break;
    const block = language.blockComments.find((comment) => line.startsWith(comment.open, pos));
    if (block !== undefined) {
      const close = line.indexOf(block.close, pos + block.open.length);
      if (close < 0) {
        state = { kind: 'comment', close: block.close };
        break;
      }
      pos = close + block.close.length;
      continue;
    }
    const delimiter = matchRawString(line, pos, language.rawStrings) ?? language.strings.find((candidate) => line.startsWith(candidate.open, pos));
    if (delimiter !== undefined) {
      const end = findStringEnd(line, pos + delimiter.open.length, delimiter);
      if (end < 0) {
        if (delimiter.multiline) state = { kind: 'string', delimiter };
        break;
      }
      pos = end;
      continue;
    }
    if (WORD.test(char)) {
      NUMBER_OR_WORD.lastIndex = pos;
      const match = NUMBER_OR_WORD.exec(line);
      pos += match !== null && match.index === pos ? match[0].length : 1;
      continue;
    }
    const heredoc = language.heredoc === null ? null : matchHeredoc(line, pos, language.heredoc);
    if (heredoc !== null) {
      pos += heredoc.opener.length;
      heredocs.push(heredoc.pending);
      continue;
    }
    pos++;
  }
  if (heredocs.length > 0) return { kind: 'heredoc', pending: heredocs };
  return state;
}

/**
 * A file's lines, each lexed when first asked for, exactly as lexLines would lex
 * the whole file: the state a line starts in comes from endStateOf over the lines
 * before it, which makes no tokens. Most heuristics look at a few lines of a large
 * file; lexing all of it made a token object for every word of it.
 */
export class LazyLexedLines {
  private readonly lexed: Array<LexedLine | undefined>;
  private readonly starts: LexState[] = [null];

  constructor(
    readonly texts: readonly string[],
    private readonly language: Language,
  ) {
    this.lexed = new Array<LexedLine | undefined>(texts.length);
  }

  get length(): number {
    return this.texts.length;
  }

  /** Line k (0-based); undefined past the end. */
  line(k: number): LexedLine | undefined {
    if (k < 0 || k >= this.texts.length) return undefined;
    let lexed = this.lexed[k];
    if (lexed === undefined) {
      lexed = lexLine(this.texts[k], this.language, this.startOf(k));
      this.lexed[k] = lexed;
    }
    return lexed;
  }

  /** Lines [start, end), clipped to the file, like Array.prototype.slice. */
  slice(start: number, end: number = this.texts.length): LexedLine[] {
    const result: LexedLine[] = [];
    for (let k = Math.max(0, start); k < Math.min(end, this.texts.length); k++) result.push(this.line(k)!);
    return result;
  }

  private startOf(k: number): LexState {
    for (let next = this.starts.length; next <= k; next++) {
      const previous = next - 1;
      const known = this.lexed[previous];
      this.starts.push(known !== undefined ? known.endState : endStateOf(this.texts[previous], this.language, this.starts[previous]));
    }
    return this.starts[k];
  }
}

/** Lexes a whole file's text, returning one entry per line (1-based line n is index n-1). */
export function lexText(text: string, language: Language): LexedLine[] {
  return lexLines(text.split('\n'), language);
}
