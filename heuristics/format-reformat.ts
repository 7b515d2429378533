/**
 * format-reformat: what a formatter does beyond whitespace — line wrapping, quote
 * style, trailing commas — where the language says the result is equivalent: the
 * token streams are equal once those are normalised, every line break that moved
 * sits where the language cannot end a statement, and no spacing that changed
 * joins or splits tokens.
 *
 * Commit practice rule 1 (formatting goes in its own commit, first) and its
 * traps: `return\nx` in JavaScript (automatic semicolon insertion), a Go line
 * break that inserts a semicolon, a Python break outside brackets or a line
 * re-indented outside them, `(x,)` versus `(x)` (a one-element tuple), quotes in
 * shell or Ruby (interpolation), JSON (no trailing commas, double quotes only),
 * a C directive that ends at its line's end, spacing such as `a - -b` → `a --b`
 * or inside a regex literal hidden next to a real formatting change, and a
 * trailing comma where the language forbids one or reads it differently (a call
 * in C or Java, a JavaScript index or parenthesised expression, a macro).
 */import { Heuristic, HeuristicResult, stringsMayHide } from '../src/heuristic';
import { Language } from '../src/language';
import { LexedLine, Token, TokenType } from '../src/lexer';
import { PREPROCESSED, isBlankLine } from '../src/token-compare';

const messages = {
  reformatted: 'Formatting only ({{details}}); the tokens are equivalent and no moved line break can end a statement.',
};

/** Languages where 'x' and "x" are the same string when the content has no quotes, escapes or interpolation. */
const EQUIVALENT_QUOTES = new Set(['javascript', 'typescript', 'python', 'css', 'lua']);
/** Languages where a line break only matters at the ends of statements we can recognise. */
const WRAPPABLE = new Set(['javascript', 'typescript', 'python', 'go', 'rust', 'java', 'kotlin', 'csharp', 'swift', 'php', 'c', 'cpp', 'css', 'json', 'sql', 'lua']);

const OPENERS = new Set(['(', '[', '{']);
const CLOSERS = new Set([')', ']', '}']);
/** Punctuation after which no language here ends a statement at a line break (single characters: the lexer's punct tokens). */
const CONTINUING = new Set(['(', '[', '{', ',', '+', '-', '*', '/', '%', '=', '<', '>', '&', '|', '^', '?', ':', '.']);
/** Words that are binary operators, after which a line break continues the expression, by language. */
const CONTINUING_WORDS: Record<string, Set<string>> = {
  javascript: new Set(['in', 'instanceof']),
  typescript: new Set(['in', 'instanceof']),
  lua: new Set(['and', 'or', 'not']),
};

/** JavaScript words after which `(` is not a call or parameter list (a parenthesised expression, where `(a, b,)` is an error). */
const JS_NOT_CALL = new Set(['if', 'while', 'for', 'switch', 'catch', 'with', 'return', 'typeof', 'void', 'await', 'yield', 'delete', 'in', 'of', 'instanceof', 'new', 'case', 'throw', 'else', 'do', 'import']);
/** JavaScript words after which `[` is an array literal or pattern, not an index. */
const JS_ARRAY_AFTER = new Set(['return', 'yield', 'await', 'typeof', 'void', 'case', 'in', 'of', 'const', 'let', 'var', 'throw', 'delete']);
/** JavaScript punctuation and words after which `{` is an object literal, pattern or import list, never a block. */
const JS_OBJECT_AFTER_PUNCT = new Set(['=', '(', ',', '[', '?']);
const JS_OBJECT_AFTER_WORD = new Set(['return', 'const', 'let', 'var', 'import', 'export', 'yield', 'await', 'typeof', 'void', 'throw']);

interface RawToken extends Token {
  lineStart: boolean;
  /** Index of the token's line among the side's non-blank lines. */
  line: number;
}

/** Where a trailing comma sits, for the per-language rules on where one is decoration. */
interface CommaGroup {
  opener: RawToken;
  /** The raw token before the opener, if the change holds one. */
  before: RawToken | undefined;
  /** `=>` follows the closer: the group is an arrow function's parameters. */
  arrowAfter: boolean;
  /** The openers of the groups around this one, innermost last. */
  enclosing: string[];
  /** The enclosing group is a JavaScript object literal or pattern. */
  enclosingObject: boolean;
  /** The last element (after the last non-trailing comma) starts with `...` (a rest element). */
  restLast: boolean;
  /** There is a line break between `before` and the opener. */
  brokenBefore: boolean;
}

const isPunct = (token: RawToken | undefined, text: string) => token !== undefined && token.type === 'punct' && token.text === text;

/** Whether a JavaScript `{` opens an object literal, pattern or import list (never a block). */
function jsObjectBrace(group: Omit<CommaGroup, 'arrowAfter' | 'restLast' | 'enclosing'>): boolean {
  const { before } = group;
  if (before === undefined) return false;
  if (before.type === 'punct') return JS_OBJECT_AFTER_PUNCT.has(before.text) || (before.text === ':' && group.enclosingObject);
  // `return` then `{` on the next line is `return;` and a block (automatic semicolon insertion).
  return before.type === 'word' && JS_OBJECT_AFTER_WORD.has(before.text) && !group.brokenBefore;
}

/**
 * Whether a trailing comma closing this group is decoration: the language allows
 * one there and means the same with or without it. When unsure, it is not.
 */
function trailingCommaIsDecoration(group: CommaGroup, language: Language): boolean {
  const opener = group.opener.text;
  const { before } = group;
  switch (language.id) {
    case 'python':
    case 'go':
      return true;
    case 'rust':
      // Macro invocations (`m!(a, b,)`) match their own rules, which may not take one.
      return !isPunct(before, '!');
    case 'kotlin':
      return opener !== '{';
    case 'c':
    case 'cpp':
      // Initialiser lists and enums only; inside a call's parentheses the braces may
      // be a macro argument, where the comma splits arguments.
      return opener === '{' && !group.enclosing.includes('(') && !group.enclosing.includes('[');
    case 'java':
    case 'csharp':
      return opener === '{';
    case 'swift':
    case 'php':
      return opener === '[';
    case 'javascript':
    case 'typescript': {
      // `function f(a, ...rest,)` and `[a, ...rest,] = x` are errors.
      if (group.restLast) return false;
      if (before === undefined) return false;
      if (opener === '(') {
        if (group.arrowAfter) return true; // arrow parameters `(a, b,) =>`
        return (before.type === 'word' && !JS_NOT_CALL.has(before.text)) || isPunct(before, ']');
      }
      if (opener === '[') {
        if (before.type === 'word') return JS_ARRAY_AFTER.has(before.text) && !group.brokenBefore;
        return before.type === 'punct' && !CLOSERS.has(before.text);
      }
      return jsObjectBrace(group);
    }
    default:
      return false;
  }
}

/** One side of a change with quotes canonical and decorative trailing commas dropped. */
interface Normalised {
  texts: string[];
  types: TokenType[];
  /** For each token: is it the first token of its line (a line break before it)? The first token always is. */
  breaks: boolean[];
  /** The whitespace before each token (its indentation at a line start). */
  spaces: string[];
  /** Index of each token's line among the side's non-blank lines. */
  lines: number[];
  /** For each token, the bracket depth it sits in, counted from the change's start (a closer is inside its brackets). */
  depth: number[];
  /** For each token, the raw token right before it on this side (a dropped trailing comma included). */
  previous: Array<RawToken | undefined>;
  /** For each token, the raw token two before it. */
  previous2: Array<RawToken | undefined>;
  /** A dropped trailing comma sits right before this token. */
  afterDroppedComma: boolean[];
  quoteChanges: number;
  trailingCommas: number;
  /** A closer met no opener within the change: the change starts inside brackets. */
  unbalanced: boolean;
}

function canonicalString(text: string): string | null {
  const match = /^([rRuUbBfF]{0,2})(['"])(.*)\2$/s.exec(text);
  if (match === null) return null;
  const body = match[3];
  if (/['"\\`]|\$\{|\{/.test(body)) return null;
  return `${match[1].toLowerCase()}"${body}"`;
}

function normalise(raw: RawToken[], language: Language): Normalised {
  const side: Normalised = {
    texts: [],
    types: [],
    breaks: [],
    spaces: [],
    lines: [],
    depth: [],
    previous: [],
    previous2: [],
    afterDroppedComma: [],
    quoteChanges: 0,
    trailingCommas: 0,
    unbalanced: false,
  };
  // Open groups: the opener's raw index, and the raw indexes of the commas directly in it.
  const open: Array<{ index: number; commas: number[]; object: boolean }> = [];
  let droppedBefore = false;
  raw.forEach((token, k) => {
    let text = token.type === 'comment' ? token.text.replace(/\s+/g, ' ').trim() : token.text;
    if (token.type === 'string' && EQUIVALENT_QUOTES.has(language.id)) {
      const canonical = canonicalString(token.text);
      if (canonical !== null) {
        if (canonical !== token.text) side.quoteChanges++;
        text = canonical;
      }
    }
    const punct = token.type === 'punct';
    if (punct && token.text === ',' && open.length > 0) open[open.length - 1].commas.push(k);
    let matched = false;
    if (punct && CLOSERS.has(token.text)) {
      const group = open.pop();
      matched = group !== undefined;
      if (group === undefined) side.unbalanced = true;
      const commas = group?.commas ?? [];
      // A trailing comma with at least one other comma in the group may be decoration.
      if (group !== undefined && commas.length >= 2 && commas[commas.length - 1] === k - 1 && side.texts[side.texts.length - 1] === ',') {
        const opener = raw[group.index];
        const lastElement = commas[commas.length - 2] + 1;
        const restLast = raw.slice(lastElement, lastElement + 3).every((element) => isPunct(element, '.'));
        const candidate: CommaGroup = {
          opener,
          before: raw[group.index - 1],
          arrowAfter: isPunct(raw[k + 1], '=') && isPunct(raw[k + 2], '>') && raw[k + 2].spaceBefore === '',
          enclosing: open.map((outer) => raw[outer.index].text),
          enclosingObject: open.length > 0 && open[open.length - 1].object,
          restLast,
          brokenBefore: opener.lineStart,
        };
        if (trailingCommaIsDecoration(candidate, language)) {
          for (const field of ['texts', 'types', 'breaks', 'spaces', 'lines', 'depth', 'previous', 'previous2', 'afterDroppedComma'] as const) side[field].pop();
          side.trailingCommas++;
          droppedBefore = true;
        }
      }
    }
    side.texts.push(text);
    side.types.push(token.type);
    side.breaks.push(token.lineStart || k === 0);
    side.spaces.push(token.spaceBefore);
    side.lines.push(token.line);
    // A closer sits inside the brackets it closes.
    side.depth.push(open.length + (matched ? 1 : 0));
    side.previous.push(raw[k - 1]);
    side.previous2.push(raw[k - 2]);
    side.afterDroppedComma.push(droppedBefore);
    droppedBefore = false;
    if (punct && OPENERS.has(token.text)) {
      const enclosingObject = open.length > 0 && open[open.length - 1].object;
      const object =
        token.text === '{' &&
        (language.id === 'javascript' || language.id === 'typescript') &&
        jsObjectBrace({ opener: token, before: raw[k - 1], enclosingObject, brokenBefore: token.lineStart });
      open.push({ index: k, commas: [], object });
    }
  });
  return side;
}

/**
 * The lines of each side that start with `#` (table lexer) or a `#define`-style
 * token (real parsers): preprocessor directives in C-like languages.
 */
function directiveLines(side: Normalised): Set<number> {
  const lines = new Set<number>();
  side.texts.forEach((text, k) => {
    if (side.breaks[k] && text.startsWith('#') && side.types[k] !== 'comment') lines.add(side.lines[k]);
  });
  return lines;
}

/**
 * Whether the layout of the two sides, equal as tokens, differs only where the
 * language ignores it: a line break on one side only must be where no statement
 * can end; spacing changed on a line must not join or split tokens; indentation
 * outside brackets is kept where it is syntax.
 */
function layoutIsEquivalent(before: Normalised, after: Normalised, language: Language): { wrapped: boolean } | null {
  const slashLines = (side: Normalised) => new Set(side.lines.filter((_line, k) => side.texts[k] === '/' && side.types[k] === 'punct'));
  const slashes = [slashLines(before), slashLines(after)];
  const onSlashLine = (k: number) => language.regexLiterals && [before, after].some((side, s) => slashes[s].has(side.lines[k]) || (k > 0 && slashes[s].has(side.lines[k - 1])));
  const directives = PREPROCESSED.has(language.id) ? [directiveLines(before), directiveLines(after)] : null;
  const onDirective = (k: number) => directives !== null && [before, after].some((side, s) => directives[s].has(side.lines[k]) || (k > 0 && directives[s].has(side.lines[k - 1])));
  let wrapped = false;
  for (let k = 0; k < before.texts.length; k++) {
    const glued = (side: Normalised) => !side.breaks[k] && side.spaces[k] === '' && !side.afterDroppedComma[k];
    if (before.breaks[k] && after.breaks[k]) {
      // Indentation: syntax outside brackets where indentation is significant.
      if (language.indentSignificant && before.spaces[k] !== after.spaces[k] && (before.depth[k] <= 0 || before.unbalanced || after.unbalanced)) return null;
      continue;
    }
    if (before.breaks[k] !== after.breaks[k]) {
      wrapped = true;
      const broken = before.breaks[k] ? before : after;
      const other = before.breaks[k] ? after : before;
      // A line break where the other side glued two tokens splits a token (`++` → `+` `+`) or, without free spacing, changes meaning.
      if (glued(other) && (!language.freeSpacing || gluingMatters(other.types[k - 1], other.types[k]))) return null;
      if (onSlashLine(k) || onDirective(k)) return null;
      if (!breakIsSafe(broken, k, language)) return null;
      continue;
    }
    if (before.spaces[k] === after.spaces[k] || before.afterDroppedComma[k] || after.afterDroppedComma[k]) continue;
    // Spacing changed between two tokens on one line.
    if (!language.freeSpacing || onSlashLine(k) || onDirective(k)) return null;
    if (glued(before) !== glued(after) && gluingMatters(before.types[k - 1], before.types[k])) return null;
  }
  return { wrapped };
}

/**
 * Whether joining or separating two adjacent tokens of these types can change
 * what they mean: operator characters (`- -` / `--`), and a word next to a
 * string (a prefix such as Python `r'…'` or a C++ literal suffix `"…"_s`).
 */
function gluingMatters(left: TokenType, right: TokenType): boolean {
  if (left === 'punct' && right === 'punct') return true;
  return (left === 'word' && right === 'string') || (left === 'string' && right === 'word');
}

/** Whether a line break before token k (present on this side only) is safe in this language. */
function breakIsSafe(side: Normalised, k: number, language: Language): boolean {
  const previous = side.previous[k];
  const next = side.texts[k];
  if (previous === undefined) return true;
  // Python joins lines only inside brackets (depth counted from the change's start,
  // so a change that begins inside a bracket is refused: unknown is not safe).
  if (language.id === 'python') return side.depth[k] > 0 && !side.unbalanced;
  if (!language.newlineSignificant) return true;
  // `x++` / `x--` ends an expression: a break after it ends the statement.
  const postfix = (previous.text === '+' || previous.text === '-') && previous.spaceBefore === '' && isPunct(side.previous2[k], previous.text);
  if (postfix) return false;
  if (previous.type === 'punct' && CONTINUING.has(previous.text)) return true;
  if (previous.type === 'word' && CONTINUING_WORDS[language.id]?.has(previous.text) === true) return true;
  // A closing bracket on its own line: fine in JavaScript, a semicolon insertion in Go after a name.
  return CLOSERS.has(next) && side.types[k] === 'punct' && language.id !== 'go';
}

/** The side's non-blank lines as one token stream, each token knowing whether it starts its line. */
function flatten(lines: LexedLine[]): RawToken[] {
  return lines.filter((line) => !isBlankLine(line)).flatMap((line, index) => line.tokens.map((token, k) => ({ ...token, lineStart: k === 0, line: index })));
}

/** A line ending in a continuation backslash followed by blanks: the backslash no longer continues the line. */
const brokenContinuation = (lines: LexedLine[]) =>
  lines.some((line) => {
    const last = line.tokens[line.tokens.length - 1];
    return last !== undefined && last.type === 'punct' && last.text === '\\' && line.trailing.replace(/\r$/, '') !== '';
  });

export const formatReformat: Heuristic = {
  meta: {
    id: 'format-reformat',
    description: 'Line wrapping, quote style or trailing commas changed where the language says the code is equivalent.',
    produces: ['formatting'],
    languages: [...WRAPPABLE],
    messages,
  },
  appliesTo: (file, language) => !file.binary && WRAPPABLE.has(language.id),
  classify(change, context): HeuristicResult | null {
    if (change.removed.length === 0 || change.added.length === 0) return null;
    const { language } = context;
    if (stringsMayHide(context)) return null;
    const oldSide = context.lexSide('old');
    const newSide = context.lexSide('new');
    const lines = [...oldSide.lines, ...newSide.lines];
    if (lines.some((line) => line.opaque || (line.startState !== null && line.startState.kind === 'string'))) return null;
    if (brokenContinuation(oldSide.lines) || brokenContinuation(newSide.lines)) return null;
    const before = normalise(flatten(oldSide.lines), language);
    const after = normalise(flatten(newSide.lines), language);
    if (before.texts.length !== after.texts.length || before.texts.some((text, k) => text !== after.texts[k])) return null;
    const layout = layoutIsEquivalent(before, after, language);
    if (layout === null) return null;
    const details: string[] = [];
    if (layout.wrapped) details.push('line wrapping');
    if (before.quoteChanges + after.quoteChanges > 0) details.push('quote style');
    if (before.trailingCommas !== after.trailingCommas) details.push('trailing commas');
    if (details.length === 0) return null;
    // A real parser that sees a syntax error only after the change has the last word.
    const oldSyntax = context.commit.syntax(change.fileIndex, 'old');
    const newSyntax = context.commit.syntax(change.fileIndex, 'new');
    if (oldSyntax !== null && newSyntax !== null && newSyntax.hasErrors && !oldSyntax.hasErrors) return null;
    return { kind: 'formatting', detail: details[0].replace(/ /g, '-'), confidence: oldSide.wholeFile ? 0.85 : 0.7, messageId: 'reformatted', data: { details: details.join(', ') } };
  },
};
