/**
 * format-reformat: what a formatter does beyond whitespace — line wrapping, quote
 * style, trailing commas — where the language says the result is equivalent: the
 * token streams are equal once those are normalised, and every line break that
 * moved sits where the language cannot end a statement.
 *
 * Commit practice rule 1 (formatting goes in its own commit, first) and its
 * traps: `return\nx` in JavaScript (automatic semicolon insertion), a Go line
 * break that inserts a semicolon, a Python break outside brackets, `(x,)` versus
 * `(x)` (a one-element tuple), quotes in shell or Ruby (interpolation), JSON
 * (no trailing commas, double quotes only).
 */
import { Heuristic, HeuristicResult } from '../src/heuristic';
import { Language } from '../src/language';
import { Token } from '../src/lexer';
import { isBlankLine } from '../src/token-compare';

const messages = {
  reformatted: 'Formatting only ({{details}}); the tokens are equivalent and no moved line break can end a statement.',
};

/** Languages where 'x' and "x" are the same string when the content has no quotes, escapes or interpolation. */
const EQUIVALENT_QUOTES = new Set(['javascript', 'typescript', 'python', 'css', 'lua']);
/** Languages where a trailing comma before a closing bracket changes nothing (with two or more elements). */
const TRAILING_COMMAS = new Set(['javascript', 'typescript', 'python', 'rust', 'go', 'java', 'kotlin', 'csharp', 'swift', 'php', 'c', 'cpp']);
/** Languages where a line break only matters at the ends of statements we can recognise. */
const WRAPPABLE = new Set(['javascript', 'typescript', 'python', 'go', 'rust', 'java', 'kotlin', 'csharp', 'swift', 'php', 'c', 'cpp', 'css', 'json', 'sql', 'lua']);

const OPENERS = new Set(['(', '[', '{']);
const CLOSERS = new Set([')', ']', '}']);
/** Tokens after which no language here ends a statement at a line break. */
const CONTINUING = new Set(['(', '[', '{', ',', '+', '-', '*', '/', '%', '=', '==', '===', '!=', '!==', '<', '>', '<=', '>=', '&&', '||', '&', '|', '^', '?', ':', '.', '=>', '->', '??', '+=', '-=', '*=', '/=', 'and', 'or', 'in', 'not']);

interface Normalised {
  texts: string[];
  /** For each token: is it the first token of its line (a line break before it)? */
  breaks: boolean[];
  /** For each token, the bracket depth before it, counted from the change's start. */
  depth: number[];
  quoteChanges: number;
  trailingCommas: number;
}

function canonicalString(text: string): string | null {
  const match = /^([rRuUbBfF]{0,2})(['"])(.*)\2$/s.exec(text);
  if (match === null) return null;
  const body = match[3];
  if (/['"\\`]|\$\{|\{/.test(body)) return null;
  return `${match[1].toLowerCase()}"${body}"`;
}

function normalise(tokens: Array<Token & { lineStart: boolean }>, language: Language): Normalised {
  const texts: string[] = [];
  const breaks: boolean[] = [];
  const depth: number[] = [];
  let quoteChanges = 0;
  let trailingCommas = 0;
  let level = 0;
  // Commas per open bracket, to keep one-element tuples `(x,)` intact.
  const commas: number[] = [];
  const openIndex: number[] = [];
  tokens.forEach((token, k) => {
    let text = token.type === 'comment' ? token.text.replace(/\s+/g, ' ').trim() : token.text;
    if (token.type === 'string' && EQUIVALENT_QUOTES.has(language.id)) {
      const canonical = canonicalString(token.text);
      if (canonical !== null) {
        if (canonical !== token.text) quoteChanges++;
        text = canonical;
      }
    }
    if (OPENERS.has(token.text) && token.type === 'punct') {
      commas.push(0);
      openIndex.push(texts.length);
    }
    if (token.text === ',' && token.type === 'punct' && commas.length > 0) commas[commas.length - 1]++;
    if (CLOSERS.has(token.text) && token.type === 'punct') {
      const count = commas.pop() ?? 0;
      openIndex.pop();
      // A trailing comma with at least one other comma in the group is decoration.
      if (TRAILING_COMMAS.has(language.id) && texts[texts.length - 1] === ',' && count >= 2) {
        texts.pop();
        breaks.pop();
        depth.pop();
        trailingCommas++;
      }
      level--;
    }
    texts.push(text);
    breaks.push(token.lineStart && k > 0);
    depth.push(level);
    if (OPENERS.has(token.text) && token.type === 'punct') level++;
  });
  return { texts, breaks, depth, quoteChanges, trailingCommas };
}

/** Whether a line break before token k (present on one side only) is safe in this language. */
function breakIsSafe(side: Normalised, k: number, language: Language): boolean {
  const previous = side.texts[k - 1];
  const next = side.texts[k];
  if (previous === undefined) return true;
  // Python joins lines only inside brackets (depth counted from the change's start,
  // so a change that begins inside a bracket is refused: unknown is not safe).
  if (language.id === 'python') return side.depth[k] > 0;
  if (!language.newlineSignificant) return true;
  if (CONTINUING.has(previous)) return true;
  // A closing bracket on its own line: fine in JavaScript, a semicolon insertion in Go after a name.
  return CLOSERS.has(next) && language.id !== 'go';
}

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
    if (context.diffOnly && language.strings.some((delimiter) => delimiter.multiline)) return null;
    const oldSide = context.lexSide('old');
    const newSide = context.lexSide('new');
    const lines = [...oldSide.lines, ...newSide.lines];
    if (lines.some((line) => line.opaque || (line.startState !== null && line.startState.kind === 'string'))) return null;
    const flat = (side: typeof oldSide) => side.lines.filter((line) => !isBlankLine(line)).flatMap((line) => line.tokens.map((token, k) => ({ ...token, lineStart: k === 0 })));
    const before = normalise(flat(oldSide), language);
    const after = normalise(flat(newSide), language);
    if (before.texts.length !== after.texts.length || before.texts.some((text, k) => text !== after.texts[k])) return null;
    // Python: the indentation of lines outside brackets is syntax.
    if (language.indentSignificant) {
      const indentOf = (side: typeof oldSide) => side.lines.filter((line) => !isBlankLine(line)).map((line) => line.tokens[0]?.spaceBefore ?? '');
      const oldIndents = indentOf(oldSide);
      const newIndents = indentOf(newSide);
      if (oldIndents[0] !== newIndents[0]) return null;
    }
    const details: string[] = [];
    let wrapped = false;
    for (let k = 0; k < before.texts.length; k++) {
      if (before.breaks[k] === after.breaks[k]) continue;
      wrapped = true;
      const side = before.breaks[k] ? before : after;
      if (!breakIsSafe(side, k, language)) return null;
    }
    if (wrapped) details.push('line wrapping');
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
