/**
 * format-whitespace-only: a change whose token stream is identical on both sides,
 * so only indentation, trailing blanks, blank lines, spacing or line endings moved.
 *
 * Commit practice, "What must not be mixed" 1, and "What the tool must never do":
 * a wrong whitespace label is the worst error, so this heuristic also speaks up
 * (as `functional`, with the reason) when the text differs only in whitespace but
 * the whitespace carries meaning: Python indentation, Makefile recipes, YAML,
 * Markdown, string literals, heredocs, shell word splitting, line breaks where a
 * newline ends a statement.
 */
import { Heuristic, HeuristicContext, HeuristicResult } from '../src/heuristic';
import { Language } from '../src/language';
import { LexedLine, Token } from '../src/lexer';
import { Change, Hunk } from '../src/model';

const messages = {
  whitespaceOnly: 'Whitespace only ({{details}}); the token stream is identical.',
  significantLanguage: 'Only whitespace differs, but whitespace is significant in {{language}}, so this is treated as a real change.',
  insideString: 'Only whitespace differs, but it is inside a string literal or heredoc, where whitespace is data.',
  indentation: 'Only whitespace differs, but indentation is syntax in {{language}}.',
  lineBreaks: 'Only whitespace differs, but line breaks can end a statement in {{language}}, so re-wrapping is treated as a real change.',
  spacing: 'Only whitespace differs, but spacing between tokens is significant in {{language}} (word splitting, selectors).',
  glued: 'Only whitespace differs, but it joins or separates operator characters ({{pair}}), which can change the tokens.',
  opaque: 'Only whitespace differs, but the lines hold a construct the lexer cannot follow (heredoc, raw string, regular expression), so no-op cannot be proven.',
  continuation: 'Only whitespace differs, but it follows a line-continuation backslash, where it changes meaning.',
  unsureDiffOnly: 'Only whitespace differs, but without the full file a multi-line string around these lines cannot be ruled out.',
};

type MessageId = keyof typeof messages;

/** A hunk's text, joined once: a large hunk holds many changes, each asking for it. */
const hunkTexts = new WeakMap<Hunk, string>();
function textOfHunk(hunk: Hunk): string {
  let text = hunkTexts.get(hunk);
  if (text === undefined) {
    text = hunk.lines.map((line) => line.text).join('\n');
    hunkTexts.set(hunk, text);
  }
  return text;
}

function refuse(messageId: MessageId, data?: Record<string, string>): HeuristicResult {
  return { kind: 'functional', confidence: 0.7, messageId, data };
}

/** True when the text of both sides is equal once every whitespace character is dropped. */
function equalIgnoringWhitespace(removed: string[], added: string[]): boolean {
  const strip = (lines: string[]) => lines.join('').replace(/\s+/g, '');
  return strip(removed) === strip(added);
}

const isBlank = (line: LexedLine) => line.tokens.length === 0 && line.startState === null;

function sameToken(a: Token, b: Token): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'comment') return a.text.replace(/\s+/g, ' ').trim() === b.text.replace(/\s+/g, ' ').trim();
  return a.text === b.text;
}

interface FlatToken extends Token {
  lineStart: boolean;
  line: number;
}

function flatten(lines: LexedLine[]): FlatToken[] {
  const flat: FlatToken[] = [];
  lines.forEach((line, index) => line.tokens.forEach((token, k) => flat.push({ ...token, lineStart: k === 0, line: index })));
  return flat;
}

/** Compares the two sides token by token; returns a refusal, or the kinds of whitespace that differ. */
function compare(oldLines: LexedLine[], newLines: LexedLine[], language: Language): HeuristicResult | Set<string> {
  const details = new Set<string>();
  for (const line of [...oldLines, ...newLines]) {
    if (line.opaque) return refuse('opaque');
    if (line.tokens.length === 0 && line.startState !== null && line.startState.kind === 'string') return refuse('insideString');
  }
  const oldCode = oldLines.filter((line) => !isBlank(line));
  const newCode = newLines.filter((line) => !isBlank(line));
  if (oldCode.length !== oldLines.length || newCode.length !== newLines.length) details.add('blank lines');

  const oldFlat = flatten(oldCode);
  const newFlat = flatten(newCode);
  if (oldFlat.length !== newFlat.length) return refuse('insideString');
  const lineLayoutChanged = oldCode.length !== newCode.length || oldFlat.some((token, k) => token.lineStart !== newFlat[k].lineStart);
  if (lineLayoutChanged) {
    if (language.newlineSignificant || language.indentSignificant) return refuse('lineBreaks', { language: language.name });
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
      // A string token only differs here when its whitespace does: that is data.
      return refuse('insideString');
    }
    if (before.type === 'comment' && before.text !== after.text) details.add('spacing in comments');
    if (before.lineStart && after.lineStart) {
      if (before.spaceBefore !== after.spaceBefore) {
        if (language.indentSignificant) return refuse('indentation', { language: language.name });
        details.add('indentation');
      }
      continue;
    }
    if (before.lineStart !== after.lineStart) continue; // already judged as line wrapping
    if (before.spaceBefore === after.spaceBefore) continue;
    const previous = oldFlat[k - 1];
    const gluedBefore = before.spaceBefore === '';
    const gluedAfter = after.spaceBefore === '';
    if (!language.freeSpacing) return refuse('spacing', { language: language.name });
    if (slashLines.has(before.line) || slashLines.has(after.line)) return refuse('opaque');
    if (gluedBefore !== gluedAfter && previous.type === 'punct' && before.type === 'punct') {
      return refuse('glued', { pair: `${previous.text}${before.text}` });
    }
    details.add('spacing');
  }

  // Trailing whitespace and line endings, line by line where the lines pair up.
  if (!lineLayoutChanged) {
    for (let k = 0; k < oldCode.length; k++) {
      const before = oldCode[k].trailing;
      const after = newCode[k].trailing;
      if (before === after) continue;
      const lastToken = oldCode[k].tokens[oldCode[k].tokens.length - 1];
      if (lastToken !== undefined && lastToken.type === 'punct' && lastToken.text === '\\') return refuse('continuation');
      if (before.replace(/\r$/, '') === after.replace(/\r$/, '')) details.add('line endings');
      else details.add('trailing whitespace');
    }
  }
  return details;
}

export const formatWhitespaceOnly: Heuristic = {
  meta: {
    id: 'format-whitespace-only',
    description: 'Indentation, trailing blanks, blank lines, spacing or line endings changed, and nothing else: the token stream is identical.',
    produces: ['whitespace', 'functional'],
    languages: 'all',
    messages,
  },
  appliesTo: (file) => !file.binary,
  classify(change: Change, context: HeuristicContext): HeuristicResult | null {
    if (change.removed.length === 0 && change.added.length === 0) return null;
    if (!equalIgnoringWhitespace(change.removed, change.added)) return null;
    const { language } = context;
    if (language.whitespaceAlwaysSignificant) return refuse('significantLanguage', { language: language.name });
    const oldSide = context.lexSide('old');
    const newSide = context.lexSide('new');
    const outcome = compare(oldSide.lines, newSide.lines, language);
    if (!(outcome instanceof Set)) return outcome;
    const wholeFile = oldSide.wholeFile && newSide.wholeFile;
    if (!wholeFile && language.heredoc !== null) {
      // A heredoc body runs to a bare terminator word that looks like any command,
      // and bodies are often longer than the context: one opened above the hunk
      // cannot be seen from the hunk, so nothing here can be proven a no-op.
      return refuse('unsureDiffOnly');
    }
    if (!wholeFile && language.strings.some((delimiter) => delimiter.multiline)) {
      // Without the whole file, lexing started at the hunk: a multi-line string
      // opened above it would be invisible. Only claim what the hunk itself shows.
      // Triple-quoted strings (docstrings) routinely span more lines than a hunk shows.
      const hunkText = context.hunk === null ? '' : textOfHunk(context.hunk);
      const multiline = language.strings.filter((delimiter) => delimiter.multiline);
      if (multiline.some((delimiter) => delimiter.open.length >= 3 || hunkText.includes(delimiter.open))) return refuse('unsureDiffOnly');
    }
    const details = outcome.size === 0 ? ['whitespace'] : [...outcome];
    return {
      kind: 'whitespace',
      detail: details[0].replace(/ /g, '-'),
      confidence: wholeFile ? 0.95 : 0.8,
      messageId: 'whitespaceOnly',
      data: { details: details.join(', ') },
    };
  },
};
