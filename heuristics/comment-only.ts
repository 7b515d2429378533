/**
 * comment-only: only comments or docstrings changed; the code around them is the
 * same token for token, with the same layout rules as format-whitespace-only.
 *
 * Commit practice, "What must not be mixed" 2: documentation of code is a no-op
 * that belongs in its own commit. Comments that tools read are not comments here:
 * shebangs, encoding declarations, `// @ts-ignore`, `# type:`, `# noqa`,
 * `//go:build`, `/// <reference>`, `eslint-disable` block comments and their kin
 * change what tools do. Comments and docstrings that tools run or compile are code
 * too: Python doctests, Rust doc-comment code blocks (doctests), the `// Output:`
 * of a Go example, and the cgo preamble right above `import "C"`.
 * Commenting code out (or in) changes tokens, so it is never comment-only.
 */
import { Heuristic, HeuristicContext, HeuristicResult, stringsMayHide } from '../src/heuristic';
import { LexState, LexedLine, Token } from '../src/lexer';
import { Change } from '../src/model';
import { compareLayout, withoutComments } from '../src/token-compare';

const messages = {
  commentOnly: 'Only comments changed; the code tokens around them are identical.',
  docstringOnly: 'Only docstrings changed; the code tokens around them are identical.',
  directive: 'The comment is read by a tool ({{directive}}), so changing it changes behaviour.',
  spansCode: 'The change opens or closes a comment or string that runs past it, so the unchanged lines after it change meaning.',
  executed: 'The {{what}} is run or compiled by {{tool}}, so changing it changes behaviour.',
};

/** Comments that interpreters, compilers, linters, bundlers or type checkers act on. */
export const DIRECTIVE =
  /^(#!|\/\/\/\s*<(reference|amd-module|amd-dependency)\b|\/\/\s*(@ts-|eslint|prettier-ignore|go:|\+build|nolint|@flow|istanbul|c8\b|export\s|line\s|#\s*(sourceMappingURL|sourceURL))|\/\*\s*(eslint|istanbul|c8\b|webpack|@__PURE__|#__PURE__|prettier-ignore|global\b|jshint|jslint)|#\s*(type:|noqa|pragma|pylint|mypy|pyright|fmt:|nosec|frozen_string_literal|rubocop|shellcheck|cython:|distutils:)|#.*coding[:=]|--\s*\+|<!--\s*(prettier|markdownlint))/i;

/** The directive comments of some lines, trimmed, in order. */
export function directivesOf(lines: LexedLine[]): string[] {
  return lines.flatMap((line) => line.tokens.filter((token) => token.type === 'comment' && DIRECTIVE.test(token.text.trim())).map((token) => token.text.trim()));
}

/** The tokens of a line that are not comments. */
const codeTokens = (line: LexedLine): Token[] => line.tokens.filter((token) => token.type !== 'comment');

/**
 * A line holding only string literals (`"""Doc."""`, `r"..."`, `"a" "b"`). An
 * f-string is not one: as a statement it evaluates the expressions inside it.
 */
function onlyStrings(code: Token[]): boolean {
  return (
    code.some((token) => token.type === 'string') &&
    code.every((token, index) => token.type === 'string' || (token.type === 'word' && /^([rRuU]|[bB][rR]?|[rR][bB])$/.test(token.text) && code[index + 1]?.type === 'string' && code[index + 1].spaceBefore === ''))
  );
}

/**
 * Marks Python docstring lines of one side: a statement that is a string alone
 * (module, class or function docstrings and bare strings), found from the file's
 * start so a change in the middle of a long docstring is still recognised.
 *
 * A statement starts outside brackets and after a line that does not end in a
 * backslash: `x = (\n    """a"""\n)` or the last item of a list on its own line
 * is data, not a docstring. A string spanning lines counts only when nothing but
 * strings follows it on its closing line (`"""a\nb""".split()` is an expression).
 */
function docstringLines(file: LexedLine[] | null, first: number, count: number): boolean[] {
  const marks = new Array<boolean>(count).fill(false);
  if (file === null) return marks;
  const end = Math.min(file.length, first + count);
  let depth = 0;
  let continued = false;
  for (let k = 0; k < end; ) {
    let last = k;
    let isDocstring = false;
    if (depth === 0 && !continued && file[k].startState === null && onlyStrings(codeTokens(file[k]))) {
      while (last + 1 < file.length && file[last].endState !== null && file[last].endState!.kind === 'string') last++;
      isDocstring = file[last].endState === null && (last === k || codeTokens(file[last]).every((token) => token.type === 'string'));
    }
    for (let j = k; j <= last; j++) {
      for (const token of file[j].tokens) {
        if (token.type !== 'punct') continue;
        if ('([{'.includes(token.text)) depth++;
        else if (')]}'.includes(token.text)) depth = Math.max(0, depth - 1);
      }
      if (isDocstring && j >= first && j < end) marks[j - first] = true;
    }
    const code = codeTokens(file[last]);
    const lastToken = code[code.length - 1];
    continued = file[last].endState === null && lastToken !== undefined && lastToken.type === 'punct' && lastToken.text === '\\';
    k = last + 1;
  }
  return marks;
}

function sideWithoutComments(change: Change, context: HeuristicContext, side: 'old' | 'new'): { lines: LexedLine[]; docstrings: boolean } | null {
  const lexed = context.lexSide(side);
  const range = side === 'old' ? change.old : change.new;
  let docstringMarks: boolean[] = new Array<boolean>(lexed.lines.length).fill(false);
  if (context.language.id === 'python') {
    if (!lexed.wholeFile) return null; // a docstring cannot be told from a string assignment without the file
    docstringMarks = docstringLines(context.commit.lexedFile(change.fileIndex, side), (range?.start ?? 1) - 1, lexed.lines.length);
  }
  let docstrings = false;
  const isComment = (token: Token, line: LexedLine) => {
    if (token.type === 'comment') return !DIRECTIVE.test(token.text.trim());
    if (token.type === 'string' && docstringMarks[lexed.lines.indexOf(line)]) {
      docstrings = true;
      return true;
    }
    return false;
  };
  // A docstring line inside a docstring spanning lines, once stripped, is blank like a
  // stripped comment line (withoutComments only knows that of comments).
  const stripped = withoutComments(lexed.lines, isComment).map((line, k) =>
    docstringMarks[k] && line.tokens.length === 0 ? { ...line, startState: null, trailing: '' } : line,
  );
  return { lines: stripped, docstrings };
}

/**
 * The lines of one side of a file around a change (the changed lines, or the two
 * lines beside an insertion point) widened while `inBlock` holds: the comment
 * block or docstring the change is part of, as 0-based line indexes.
 */
function blockAround(text: string[], change: Change, side: 'old' | 'new', inBlock: (k: number) => boolean): number[] {
  const range = side === 'old' ? change.old : change.new;
  if (range === null) return [];
  const seeds = range.lines > 0 ? Array.from({ length: range.lines }, (_, k) => range.start - 1 + k) : [range.start - 1, range.start];
  const inside = seeds.filter((k) => k >= 0 && k < text.length && inBlock(k));
  if (inside.length === 0) return [];
  let first = Math.min(...inside);
  let last = Math.max(...inside);
  while (first > 0 && inBlock(first - 1)) first--;
  while (last + 1 < text.length && inBlock(last + 1)) last++;
  return Array.from({ length: last - first + 1 }, (_, k) => first + k);
}

/**
 * Why the comment or docstring the change touches is run or compiled by a tool,
 * or null: a Python docstring holding a doctest, a Rust doc comment holding a
 * code block (a doctest), a Go example's `// Output:` block, a cgo preamble.
 */
function executedBy(change: Change, context: HeuristicContext): { what: string; tool: string } | null {
  const language = context.language.id;
  const path = change.file;
  for (const side of ['old', 'new'] as const) {
    const content = context.commit.text(change.fileIndex, side);
    if (content === null) continue;
    const text = content.split('\n');
    // Lexed line by line: only the lines around the change are looked at.
    const commentLine = (k: number) => {
      const line = context.commit.lexedLines(change.fileIndex, side, k, k + 1)?.[0];
      return line !== undefined && line.tokens.length > 0 && line.tokens.every((token) => token.type === 'comment');
    };
    if (language === 'python') {
      const lexed = context.commit.lexedFile(change.fileIndex, side) ?? [];
      const marks = docstringLines(lexed, 0, lexed.length);
      const block = blockAround(text, change, side, (k) => marks[k]);
      if (block.some((k) => /^\s*>>>/.test(text[k]))) return { what: 'doctest in this docstring', tool: 'doctest' };
    }
    if (language === 'rust') {
      const block = blockAround(text, change, side, (k) => /^\s*\/\/[/!]/.test(text[k]));
      if (block.some((k) => /^\s*\/\/[/!]\s*```/.test(text[k]))) return { what: 'code block in this doc comment', tool: 'rustdoc (cargo test)' };
    }
    if (language === 'go') {
      const block = blockAround(text, change, side, commentLine);
      if (/_test\.go$/.test(path) && block.some((k) => /^\s*\/\/\s*(unordered output|output):/i.test(text[k]))) return { what: "example's expected output", tool: 'go test' };
      const next = block.length > 0 ? block[block.length - 1] + 1 : -1;
      if (next > 0 && /^\s*import\s+"C"\s*$/.test(text[next] ?? '')) return { what: 'cgo preamble', tool: 'cgo' };
    }
  }
  return null;
}

/** A lexer state as a comparable string: code, or which comment, string or heredoc is open. */
function stateKey(state: LexState): string {
  if (state === null) return 'code';
  if (state.kind === 'comment') return `comment ${state.close}`;
  if (state.kind === 'string') return `string ${state.delimiter.open} ${state.delimiter.close}`;
  return `heredoc ${state.pending.map((heredoc) => heredoc.word).join(' ')}`;
}

/**
 * The lexer state where the change starts and where it ends, on one side. A side
 * with no lines starts and ends where the other side starts: the lines before
 * the change are the same on both sides.
 */
function boundaryStates(lines: LexedLine[], other: LexedLine[]): [string, string] {
  if (lines.length === 0) return [stateKey(other[0]?.startState ?? null), stateKey(other[0]?.startState ?? null)];
  return [stateKey(lines[0].startState), stateKey(lines[lines.length - 1].endState)];
}

const codeText = (lines: LexedLine[]) =>
  lines
    .map((line) => line.tokens.map((token) => token.text).join(''))
    .join('')
    .replace(/\s+/g, '');

export const commentOnly: Heuristic = {
  meta: {
    id: 'comment-only',
    description: 'Only comments or docstrings changed; the code tokens are identical.',
    produces: ['comment', 'functional'],
    languages: 'all',
    messages,
  },
  // Makefiles only through the real parser, which tells a comment from a `#` in a recipe.
  appliesTo: (file, language) => !file.binary && (language.lineComments.length > 0 || language.blockComments.length > 0 || language.id === 'makefile'),
  classify(change, context): HeuristicResult | null {
    if (change.removed.length === 0 && change.added.length === 0) return null;
    const { language } = context;
    if (language.id === 'makefile' && (context.commit.syntax(change.fileIndex, 'old') === null || context.commit.syntax(change.fileIndex, 'new') === null)) return null;
    if (stringsMayHide(context)) return null;
    const oldSide = context.lexSide('old');
    const newSide = context.lexSide('new');
    const hasComment = [...oldSide.lines, ...newSide.lines].some((line) => line.tokens.some((token) => token.type === 'comment') || (line.startState?.kind === 'comment'));
    if (!hasComment && language.id !== 'python') return null;
    const oldDirectives = directivesOf(oldSide.lines);
    const newDirectives = directivesOf(newSide.lines);
    const directive = [...oldDirectives, ...newDirectives][0]?.slice(0, 40) ?? null;
    const before = sideWithoutComments(change, context, 'old');
    const after = sideWithoutComments(change, context, 'new');
    if (before === null || after === null) return null;
    if (codeText(before.lines) !== codeText(after.lines)) return null;
    if (directive !== null) {
      // A changed directive comment is behaviour; an unchanged one next to a changed comment is not.
      if (oldDirectives.join('\n') !== newDirectives.join('\n')) return { kind: 'functional', confidence: 0.8, messageId: 'directive', data: { directive } };
    }
    const executed = executedBy(change, context);
    if (executed !== null) return { kind: 'functional', confidence: 0.8, messageId: 'executed', data: executed };
    if (oldSide.lines.some((line) => line.opaque) || newSide.lines.some((line) => line.opaque)) return null;
    const layout = compareLayout(before.lines, after.lines, language);
    if (!layout.equal) return null;
    // `/* one */` → `/* one` leaves the same tokens in the changed line, but turns the
    // unchanged code below into a comment; a docstring closed early turns its text into code.
    const oldStates = boundaryStates(oldSide.lines, newSide.lines);
    const newStates = boundaryStates(newSide.lines, oldSide.lines);
    if (oldStates[0] !== newStates[0] || oldStates[1] !== newStates[1]) return { kind: 'functional', confidence: 0.8, messageId: 'spansCode' };
    const docstrings = before.docstrings || after.docstrings;
    const onlyDocstrings = docstrings && !hasComment;
    return {
      kind: 'comment',
      detail: onlyDocstrings ? 'docstring' : 'comment',
      confidence: oldSide.wholeFile && newSide.wholeFile ? 0.9 : 0.75,
      messageId: onlyDocstrings ? 'docstringOnly' : 'commentOnly',
    };
  },
};
