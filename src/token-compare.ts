/**
 * Compares the lexed lines of the two sides of a change token by token, and says
 * what kind of whitespace differs or why the difference is not "only whitespace".
 * Shared by the no-op heuristics (whitespace, comment): each decides what counts
 * as equal tokens, the layout rules stay in one place.
 */
import { Language } from './language';
import { LexedLine, Token } from './lexer';

/** Why two sides that look alike are not the same program. Keys of the heuristics' messages. */
export type LayoutRefusal =
  | { messageId: 'opaque' | 'insideString' | 'continuation' | 'tokenBoundaries' | 'macroParameters' }
  | { messageId: 'lineEndings'; data: { language: string } }
  | { messageId: 'indentation' | 'lineBreaks' | 'spacing'; data: { language: string } }
  | { messageId: 'glued'; data: { pair: string } };

export type LayoutComparison = { equal: true; details: Set<string> } | { equal: false; refusal: LayoutRefusal };

export const isBlankLine = (line: LexedLine): boolean => line.tokens.length === 0 && line.startState === null;

export interface FlatToken extends Token {
  lineStart: boolean;
  line: number;
}

export function flattenLines(lines: LexedLine[]): FlatToken[] {
  const flat: FlatToken[] = [];
  lines.forEach((line, index) => line.tokens.forEach((token, k) => flat.push({ ...token, lineStart: k === 0, line: index })));
  return flat;
}

/** Comments compare with their whitespace collapsed; every other token verbatim. */
export function sameToken(a: Token, b: Token): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'comment') return a.text.replace(/\s+/g, ' ').trim() === b.text.replace(/\s+/g, ' ').trim();
  return a.text === b.text;
}

/** Removes comment tokens, keeping each line's layout (a line left empty becomes blank). */
export function withoutComments(lines: LexedLine[], isComment: (token: Token, line: LexedLine) => boolean): LexedLine[] {
  return lines.map((line) => {
    const tokens = line.tokens.filter((token) => !isComment(token, line));
    if (tokens.length === line.tokens.length) return line;
    const inComment = line.startState !== null && line.startState.kind === 'comment';
    return { ...line, tokens, startState: inComment && tokens.length === 0 ? null : line.startState, trailing: tokens.length === 0 ? '' : line.trailing };
  });
}

/** Whether any of the lines holds or continues a string literal. */
function touchesString(...sides: LexedLine[][]): boolean {
  return sides.some((lines) => lines.some((line) => (line.startState !== null && line.startState.kind === 'string') || line.tokens.some((token) => token.type === 'string')));
}

const refuse = (refusal: LayoutRefusal): LayoutComparison => ({ equal: false, refusal });

/**
 * Languages whose interpreter reads a CR before the newline as part of the last
 * word (`make deploy\r` runs the target `deploy\r`): CRLF → LF changes the script.
 */
const crIsData = (language: Language): boolean => language.id === 'shell';

/** The two texts differ only by a CR at the end. */
const crFlipped = (a: string, b: string): boolean => a !== b && a.replace(/\r$/, '') === b.replace(/\r$/, '');

/** Languages with a C preprocessor, whose directives end at the end of their line. */
export const PREPROCESSED: ReadonlySet<string> = new Set(['c', 'cpp', 'csharp']);

/** A token starting a preprocessor directive line: `#` (table lexer) or `#define`, `#if`... (real parsers). */
export const isDirectiveStart = (token: FlatToken): boolean => token.lineStart && token.type !== 'comment' && token.text.startsWith('#');

/**
 * True when flat token k is the `(` right after the macro name of a `#define`:
 * `#define F(x)` takes a parameter, `#define F (x)` expands to `(x)`. The table
 * lexer gives `#` and `define` as two tokens, a real parser `#define` as one.
 */
function opensMacroParameters(flat: FlatToken[], k: number): boolean {
  if (k < 2 || flat[k].text !== '(') return false;
  const name = flat[k - 1];
  const sameLine = (...tokens: FlatToken[]) => tokens.every((token) => token.line === flat[k].line);
  if (name.type !== 'word' || !sameLine(name)) return false;
  const directive = flat[k - 2];
  if (directive.lineStart && /^#\s*define$/.test(directive.text) && sameLine(directive)) return true;
  if (k < 3) return false;
  const hash = flat[k - 3];
  return hash.lineStart && hash.type === 'punct' && hash.text === '#' && directive.text === 'define' && sameLine(hash, directive);
}

/**
 * Compares two sides that are equal once whitespace is ignored. Equal means the
 * token streams match and every whitespace difference is one the language ignores.
 */
export function compareLayout(oldLines: LexedLine[], newLines: LexedLine[], language: Language): LayoutComparison {
  const details = new Set<string>();
  for (const line of [...oldLines, ...newLines]) {
    if (line.opaque) return refuse({ messageId: 'opaque' });
    if (line.tokens.length === 0 && line.startState !== null && line.startState.kind === 'string') return refuse({ messageId: 'insideString' });
  }
  const oldCode = oldLines.filter((line) => !isBlankLine(line));
  const newCode = newLines.filter((line) => !isBlankLine(line));
  if (oldCode.length !== oldLines.length || newCode.length !== newLines.length) details.add('blank lines');

  const oldFlat = flattenLines(oldCode);
  const newFlat = flattenLines(newCode);
  if (oldFlat.length !== newFlat.length) return refuse({ messageId: touchesString(oldCode, newCode) ? 'insideString' : 'tokenBoundaries' });
  const lineLayoutChanged = oldCode.length !== newCode.length || oldFlat.some((token, k) => token.lineStart !== newFlat[k].lineStart);
  if (lineLayoutChanged) {
    if (language.newlineSignificant || language.indentSignificant) return refuse({ messageId: 'lineBreaks', data: { language: language.name } });
    // A preprocessor directive ends at its line's end: re-wrapping one cuts it short.
    if (PREPROCESSED.has(language.id) && [...oldFlat, ...newFlat].some(isDirectiveStart)) return refuse({ messageId: 'lineBreaks', data: { language: language.name } });
    details.add('line wrapping');
  }
  const slashLines = new Set<number>();
  if (language.regexLiterals) {
    for (const token of [...oldFlat, ...newFlat]) if (token.type === 'punct' && token.text === '/') slashLines.add(token.line);
  }

  for (let k = 0; k < oldFlat.length; k++) {
    const before = oldFlat[k];
    const after = newFlat[k];
    if (!sameToken(before, after)) {
      // Equal without whitespace, different as tokens: whitespace inside a literal
      // (data) or whitespace that joins or splits tokens.
      return refuse({ messageId: before.type === 'string' || after.type === 'string' ? 'insideString' : 'tokenBoundaries' });
    }
    if (before.type === 'comment' && before.text !== after.text) {
      // A line comment ends with the line's CR: in a shebang or a shell script it is data.
      if (crFlipped(before.text, after.text) && (crIsData(language) || before.text.startsWith('#!'))) return refuse({ messageId: 'lineEndings', data: { language: language.name } });
      details.add('spacing in comments');
    }
    if (before.lineStart && after.lineStart) {
      if (before.spaceBefore !== after.spaceBefore) {
        if (language.indentSignificant) return refuse({ messageId: 'indentation', data: { language: language.name } });
        details.add('indentation');
      }
      continue;
    }
    if (before.lineStart !== after.lineStart) continue; // already judged as line wrapping
    if (before.spaceBefore === after.spaceBefore) continue;
    const previous = oldFlat[k - 1];
    const gluedBefore = before.spaceBefore === '';
    const gluedAfter = after.spaceBefore === '';
    if (!language.freeSpacing) return refuse({ messageId: 'spacing', data: { language: language.name } });
    if (slashLines.has(before.line) || slashLines.has(after.line)) return refuse({ messageId: 'opaque' });
    if (gluedBefore !== gluedAfter && previous.type === 'punct' && before.type === 'punct') {
      return refuse({ messageId: 'glued', data: { pair: `${previous.text}${before.text}` } });
    }
    if (opensMacroParameters(oldFlat, k)) return refuse({ messageId: 'macroParameters' });
    details.add('spacing');
  }

  // Trailing whitespace and line endings, line by line where the lines pair up.
  if (!lineLayoutChanged) {
    for (let k = 0; k < oldCode.length; k++) {
      const before = oldCode[k].trailing;
      const after = newCode[k].trailing;
      if (before === after) continue;
      const lastToken = oldCode[k].tokens[oldCode[k].tokens.length - 1];
      if (lastToken !== undefined && lastToken.type === 'punct' && lastToken.text === '\\') return refuse({ messageId: 'continuation' });
      if (before.replace(/\r$/, '') === after.replace(/\r$/, '')) {
        if (crIsData(language)) return refuse({ messageId: 'lineEndings', data: { language: language.name } });
        details.add('line endings');
      }
      else details.add('trailing whitespace');
    }
  }
  return { equal: true, details };
}
