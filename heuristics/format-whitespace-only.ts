/**
 * format-whitespace-only: a change whose token stream is identical on both sides,
 * so only indentation, trailing blanks, blank lines, spacing or line endings moved.
 *
 * Commit practice, "What must not be mixed" 1, and "What the tool must never do":
 * a wrong whitespace label is the worst error, so this heuristic also speaks up
 * (as `functional`, with the reason) when the text differs only in whitespace but
 * the whitespace carries meaning: Python indentation, Makefile recipes, YAML,
 * Markdown, string literals, heredocs, shell word splitting, line breaks where a
 * newline ends a statement, PHP text outside the `<?php ?>` tags (it is output).
 */
import { Heuristic, HeuristicContext, HeuristicResult } from '../src/heuristic';
import { Change, Hunk } from '../src/model';
import { compareLayout } from '../src/token-compare';

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
  tokenBoundaries: 'Only whitespace differs, but it joins or splits tokens, so the code reads differently.',
  macroParameters: 'Only whitespace differs, but a space between a macro name and "(" decides whether the macro takes parameters.',
  unsureDiffOnly: 'Only whitespace differs, but without the full file a multi-line string around these lines cannot be ruled out.',
  outputText: 'Only whitespace differs, but it is text outside the <?php ?> tags, which PHP sends as output.',
  lineEndings: 'Only line endings differ, but {{language}} (or the shebang line) reads a carriage return as part of the last word, so the script runs differently.',
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

/**
 * For each line of a PHP file, whether it starts and ends outside the PHP tags
 * (in the text the file outputs), and whether it holds a tag. Strings and
 * comments are not followed: a `?>` in a string counts, which only refuses more.
 */
function phpModes(text: string): Array<{ startsOutside: boolean; endsOutside: boolean; tag: boolean }> {
  let outside = true;
  return text.split('\n').map((line) => {
    const startsOutside = outside;
    const tags = /<\?(?!xml)(php|=)?|\?>/g;
    let tag = false;
    for (const match of line.matchAll(tags)) {
      tag = true;
      outside = match[0] === '?>';
    }
    return { startsOutside, endsOutside: outside, tag };
  });
}

/** Whether either side of a PHP change touches output text: a line outside the tags, a tag, or an insertion outside them. */
function touchesPhpOutput(change: Change, context: HeuristicContext): boolean {
  for (const side of ['old', 'new'] as const) {
    const text = context.commit.text(change.fileIndex, side);
    const range = side === 'old' ? change.old : change.new;
    if (text === null || range === null) continue;
    const modes = phpModes(text);
    if (range.lines === 0) {
      if (range.start === 0 || modes[range.start - 1]?.endsOutside !== false) return true;
      continue;
    }
    for (let k = range.start - 1; k < range.start - 1 + range.lines; k++) if (modes[k] === undefined || modes[k].startsOutside || modes[k].tag) return true;
  }
  return false;
}

function refuse(messageId: MessageId, data?: Record<string, string>): HeuristicResult {
  return { kind: 'functional', confidence: 0.7, messageId, data };
}

/** True when the text of both sides is equal once every whitespace character is dropped. */
function equalIgnoringWhitespace(removed: string[], added: string[]): boolean {
  const strip = (lines: string[]) => lines.join('').replace(/\s+/g, '');
  return strip(removed) === strip(added);
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
    if (language.id === 'php' && touchesPhpOutput(change, context)) return refuse('outputText');
    const oldSide = context.lexSide('old');
    const newSide = context.lexSide('new');
    const outcome = compareLayout(oldSide.lines, newSide.lines, language);
    if (!outcome.equal) return refuse(outcome.refusal.messageId, 'data' in outcome.refusal ? outcome.refusal.data : undefined);
    const wholeFile = oldSide.wholeFile && newSide.wholeFile;
    if (!wholeFile && language.heredoc !== null) {
      // A heredoc body runs to a bare terminator word that looks like any command,
      // and bodies are often longer than the context: one opened above the hunk
      // cannot be seen from the hunk, so nothing here can be proven a no-op.
      return refuse('unsureDiffOnly');
    }
    if (!wholeFile && language.strings.some((delimiter) => delimiter.multiline)) {
      // Without the whole file, lexing started at the hunk: a template literal or
      // triple-quoted string opened above it is invisible, and such strings often
      // run longer than a hunk's context. Unsure is not whitespace.
      return refuse('unsureDiffOnly');
    }
    if (!wholeFile && context.hunk !== null && language.rawStrings.length > 0) {
      // Likewise for raw strings: refuse where the hunk shows one opening or closing.
      const hunkText = textOfHunk(context.hunk);
      if (language.rawStrings.some((raw) => raw.hint.test(hunkText))) return refuse('unsureDiffOnly');
    }
    const details = outcome.details.size === 0 ? ['whitespace'] : [...outcome.details];
    return {
      kind: 'whitespace',
      detail: details[0].replace(/ /g, '-'),
      confidence: wholeFile ? 0.95 : 0.8,
      messageId: 'whitespaceOnly',
      data: { details: details.join(', ') },
    };
  },
};
