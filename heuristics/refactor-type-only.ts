/**
 * refactor-type-only: a TypeScript change to type annotations, interfaces, type
 * aliases or type imports that leaves the emitted JavaScript identical. Said
 * plainly in the reason: it changes what the type checker accepts, not what runs.
 *
 * The proof: the old file and the old file with only this change applied emit
 * the same JavaScript, read from their parse trees (the kept tokens in the same
 * tree shape, src/syntax/typescript-emit.ts) or, where the trees cannot tell
 * (import lists, imported names read by erased syntax), from the compiler's
 * own transpile. Files with decorators are left alone, since
 * `emitDecoratorMetadata` turns type annotations into runtime values. So are
 * changes to directive comments (`// @ts-ignore`, `// eslint-disable`,
 * `#__PURE__` annotations): the emitted code may be the same, but they switch
 * checks off or change what a bundler keeps, which is not a refactor.
 *
 * Each proof parses the whole file again (a transpile costs tens of
 * milliseconds more), so cheap filters run first (mayBeTypeOnly): a change
 * whose kept code differs (its tokens less those the parse tree marks as
 * erased, `typeSyntax`) cannot be type-only; else it is proved only when its
 * code holds type syntax, or when it stands where the lines around it make it
 * a type (inside an `interface`, a type literal, `<...>`, a multi-line `import
 * type`, a class body, after `type X =`). The filter only skips changes that
 * cannot be type-only; changes with no code difference at all (comments,
 * whitespace) are comment-only's and whitespace's, not this heuristic's.
 */
import { CommitView, Heuristic, HeuristicResult, perCommitFile } from '../src/heuristic';
import { LexedLine, Token } from '../src/lexer';
import { Change, LineRange } from '../src/model';
import { applyChanges } from '../src/prefix-check';
import { directivesOf } from './comment-only';

const messages = {
  typeOnly: 'Type-only: the emitted JavaScript is identical, so nothing changes at run time; it changes what the type checker accepts.',
};

const TYPESCRIPT_FILE = /\.(ts|tsx|mts|cts)$/;
const DECORATOR = /^\s*@[A-Za-z_$]/m;

/**
 * Type syntax in a line's code (strings and comments left out): annotations and
 * object types (`:`), type arguments and parameters (`<`, `>`), optional marks
 * (`?`, not `?.` or `??`), unions and intersections (`|`, `&`, not `||`/`&&`),
 * non-null and definite assignment (`x!`), the words that only types,
 * modifiers and imports use, and `function` without a body on its line (an
 * overload signature may have no types at all).
 */
const TYPE_SYNTAX =
  /[:<]|(?<![=>-])>|(?<!\?)\?(?![.?])|(?<![|&])[|&](?![|&=])|[\w$)\]]!(?!=)|(^|[^\w$.])(interface|type|declare|namespace|module|abstract|implements|extends|readonly|public|private|protected|override|as|satisfies|keyof|infer|is|asserts|import|export)(?![\w$])|(^|[^\w$.])function(?![\w$])(?![^{]*\{)/;
/** Before a `{`: what makes the braces a type (interface, type literal, `import type {`...) rather than a block or an object. */
const TYPE_BRACE = /(^|[^\w$.])(interface|type|declare|namespace|module|import)(?![\w$])|(^|[^\w$.])export(\s+type)?\s*$|[:<|&]\s*$/;
/** A `case x: {` or `default: {` block: its `:` is not an annotation. */
const CASE_BLOCK = /^\s*(case(?![\w$])|default\s*:)/;

/** Last tokens after which a statement must go on: the next lines continue it (`type A =`, `class C implements`). */
const CONTINUES = new Set(['=', '|', '&', ':', '?', '<', '(', '[', ',', '=>', '.', 'extends', 'implements', 'keyof', 'typeof', 'infer', 'as', 'is', 'satisfies', 'new']);
/** First tokens of a line that goes on from the line before (`.bar` under `type A = typeof foo`). */
const LEADS = new Set(['=>', '.', '?.', '=', ',', ')', ']', '>', '&&', '||', '??', 'in', 'instanceof']);
/**
 * Punctuation that type syntax adds around kept code: an annotation's `:`, an
 * optional `?`, a non-null `!`, the parentheses the emitter drops around `(x as
 * T)`, type argument brackets, separators. Left out of the kept-code comparison,
 * which can only make it say "maybe" more often.
 */
const TYPE_PUNCTUATION = new Set([':', '?', '!', '(', ')', ',', ';', '<', '>']);

/** How far back a statement head is looked for before giving up (and transpiling). */
const MAX_CONTINUATION_LINES = 20;

/** A line's code: tokens without comments, strings as `""`, one space where the source had any. */
function codeOf(line: LexedLine | undefined): string {
  if (line === undefined) return '';
  return line.tokens
    .filter((token) => token.type !== 'comment')
    .map((token) => (token.spaceBefore === '' ? '' : ' ') + (token.type === 'string' ? '""' : token.text))
    .join('');
}

/** An open bracket, in a persistent stack: `outer` is the one it sits in. */
interface Open {
  char: '{' | '(' | '[' | '<';
  /** 0-based line of the bracket, and the line's code before it. */
  line: number;
  prefix: string;
  outer: Open | null;
}

const CLOSERS: Record<string, Open['char']> = { '}': '{', ')': '(', ']': '[' };

/**
 * For each line of a file, the brackets open where it starts. `<` counts when
 * glued to a name (`Map<`) or last on its line, and is dropped at `;` or when
 * an enclosing bracket closes, so a `<` that was a comparison does not last.
 */
function openBrackets(lexed: LexedLine[]): Array<Open | null> {
  const result: Array<Open | null> = new Array(lexed.length + 1);
  let open: Open | null = null;
  const pop = (char: Open['char']) => {
    let node = open;
    while (node !== null && node.char !== char) node = node.outer;
    if (node !== null) open = node.outer;
  };
  lexed.forEach((line, k) => {
    const tokens = line.tokens.filter((token) => token.type !== 'comment');
    result[k] = open;
    let prefix = '';
    tokens.forEach((token, t) => {
      const text = token.type === 'string' ? '""' : token.text;
      if (token.type === 'punct') {
        const previous = tokens[t - 1];
        if (text === '{' || text === '(' || text === '[') open = { char: text, line: k, prefix, outer: open };
        else if (text in CLOSERS) pop(CLOSERS[text]);
        else if (text === '<' && ((previous?.type === 'word' && token.spaceBefore === '') || t === tokens.length - 1)) open = { char: '<', line: k, prefix, outer: open };
        else if (/^>+$/.test(text) && !(previous?.text === '=' && token.spaceBefore === '')) {
          for (let n = 0; n < text.length && open !== null && open.char === '<'; n++) open = open.outer;
        } else if (text === ';') {
          while (open !== null && open.char === '<') open = open.outer;
        }
      }
      prefix += (token.spaceBefore === '' ? '' : ' ') + text;
    });
  });
  result[lexed.length] = open;
  return result;
}

interface FileTokens {
  /** Every line of the old and of the new file, from the TypeScript service. */
  old: LexedLine[];
  new: LexedLine[];
  /** The brackets open at the start of each old line. */
  open: Array<Open | null>;
  /** How often each name is read as a value in the old file (see valueUses), made on first use. */
  valueUses?: Map<string, number>;
}

/**
 * How often each identifier appears as a value in some lines: not in type syntax,
 * not a member name after `.`. Counts too many rather than too few (an object
 * key counts), which only keeps a removal from being refused.
 */
function valueUses(lines: LexedLine[]): Map<string, number> {
  const uses = new Map<string, number>();
  for (const line of lines) {
    let previous = '';
    for (const token of line.tokens) {
      if (token.type === 'comment') continue;
      if (token.identifier === true && token.typeSyntax !== true && previous !== '.' && previous !== '?.') uses.set(token.text, (uses.get(token.text) ?? 0) + 1);
      previous = token.text;
    }
  }
  return uses;
}

/**
 * The real parser's tokens of both versions of a file, and the old version's
 * open brackets; null without them. Only a real parser's tokens will do: the
 * table lexer loses its way in regular expression literals (a backtick or `[`
 * inside one), and a bracket or a `:` it misplaces would let a type-only change
 * be skipped. One parse per version costs about one proof, and saves one
 * per change.
 */
const tokensOf = perCommitFile((commit: CommitView, fileIndex: number): FileTokens | null => {
  const real = (side: 'old' | 'new') => {
    const text = commit.text(fileIndex, side);
    const lines = text === null ? null : (commit.syntax(fileIndex, side)?.lines ?? null);
    return text !== null && lines !== null && lines.length === text.split('\n').length ? lines : null;
  };
  const old = real('old');
  const next = old === null ? null : real('new');
  return old === null || next === null ? null : { old, new: next, open: openBrackets(old) };
});

/** A change with lines on both sides (neither a whole new file nor a deleted one). */
type BothSides = Change & { old: LineRange; new: LineRange };

function hasBothSides(change: Change): change is BothSides {
  return change.old !== null && change.new !== null;
}

/**
 * A change's removed and added lines in the two versions' tokens, and `at`: the
 * old file's 0-based line where it starts (an insertion comes after line `start`).
 */
function linesOf(file: FileTokens, change: BothSides): { oldLines: LexedLine[]; newLines: LexedLine[]; at: number } {
  return {
    oldLines: file.old.slice(change.old.start - 1, change.old.start - 1 + change.removed.length),
    newLines: file.new.slice(change.new.start - 1, change.new.start - 1 + change.added.length),
    at: change.old.lines === 0 ? change.old.start : change.old.start - 1,
  };
}

/** The nearest line before `line` with code on it, or -1. */
function previousCodeLine(lexed: LexedLine[], line: number): number {
  for (let k = line - 1; k >= 0; k--) if (codeOf(lexed[k]).trim() !== '') return k;
  return -1;
}

/**
 * False only for a change that cannot be type-only: the code the emitter keeps
 * differs between its removed and added lines, or its removed and added code
 * has no type syntax, no bracket it stands in opens a type (an interface body, a
 * type literal, `<...>`, an `import`/`export` list, a class body where untyped
 * overloads live, a parameter list of an overload), and it does not continue a
 * statement whose head is a type (`type A =` on the line before). Without the
 * real parser's tokens of both versions, true: the proof decides.
 */
function mayBeTypeOnly(change: Change, commit: CommitView): boolean {
  const file = tokensOf(commit, change.fileIndex);
  if (file === null || !hasBothSides(change)) return true;
  const { oldLines, newLines, at } = linesOf(file, change);
  // The same tokens, comments aside: no code changed at all.
  const code = (lines: LexedLine[], keep: (token: Token) => boolean) => JSON.stringify(lines.flatMap((line) => line.tokens.filter((token) => token.type !== 'comment' && keep(token)).map((token) => token.text)));
  if (code(oldLines, () => true) === code(newLines, () => true)) return false;
  // The code the emitter keeps differs (by the parse trees of both versions): the
  // JavaScript cannot be the same. Only a disproof: equal kept code still needs the proof.
  const kept = (token: Token) => token.typeSyntax !== true && !TYPE_PUNCTUATION.has(token.text);
  if (code(oldLines, kept) !== code(newLines, kept)) return false;
  // A name dropped from a value import that the rest of the file still reads as a
  // value: its import was emitted, and no longer is.
  const { dropped } = importedValues(file, change);
  if (dropped.length > 0) {
    const inFile = (file.valueUses ??= valueUses(file.old));
    const inChange = valueUses(oldLines);
    if (dropped.some((name) => (inFile.get(name) ?? 0) > (inChange.get(name) ?? 0))) return false;
  }
  if ([...oldLines, ...newLines].some((line) => TYPE_SYNTAX.test(codeOf(line)))) return true;
  const { old: lexed, open } = file;
  let innermostBrace = true;
  for (let node = open[at] ?? null; node !== null; node = node.outer) {
    // An opener alone on its line (Allman style, `[` under `type A =`) takes the head from the line before.
    const prefix = node.prefix.trim() === '' ? codeOf(lexed[previousCodeLine(lexed, node.line)]) : node.prefix;
    if (node.char === '<') return true;
    if (node.char === '{') {
      if ((TYPE_BRACE.test(prefix) && !CASE_BLOCK.test(prefix)) || (innermostBrace && /(^|[^\w$.])class(?![\w$])/.test(prefix))) return true;
      innermostBrace = false;
    } else if (TYPE_SYNTAX.test(prefix)) return true;
  }
  // A statement that goes on from the lines before: its head may be a type.
  const first = [...oldLines, ...newLines].flatMap((line) => line.tokens).find((token) => token.type !== 'comment');
  let led = first !== undefined && first.type !== 'string' && LEADS.has(first.text);
  let line = at;
  for (let steps = 0; ; steps++) {
    const previous = previousCodeLine(lexed, line);
    if (previous < 0) return false;
    const last = lexed[previous].tokens.filter((token) => token.type !== 'comment').pop();
    const continues = led || (last !== undefined && (CONTINUES.has(last.text) || (lexed[previous].endState !== null && lexed[previous].endState.kind === 'string')));
    led = false;
    if (!continues) return false;
    if (steps >= MAX_CONTINUATION_LINES || TYPE_SYNTAX.test(codeOf(lexed[previous]))) return true;
    line = previous;
  }
}

/** Words of an import clause that are not imported names. */
const IMPORT_KEYWORDS = new Set(['import', 'type', 'as', 'from', 'require']);

/**
 * The names a run of lines imports as values: `import { a, type B } from` and
 * `import c, * as d from` give a, c, d; `import type { E }` none. A change that
 * starts inside a multi-line import list takes the list's head (`import {` or
 * `import type {`) from `head`.
 */
function valueImports(lines: LexedLine[], head: string | null): Set<string> {
  const names = new Set<string>();
  let inImport = head !== null;
  let typeOnly = head !== null && /^\s*import\s+type(?![\w$])/.test(head);
  let previous = '';
  for (const line of lines) {
    for (const token of line.tokens) {
      if (token.type === 'comment') continue;
      if (token.type === 'word' && token.text === 'import' && previous !== '.') {
        inImport = true;
        typeOnly = false;
      } else if (inImport && (token.text === 'from' || token.text === ';' || token.type === 'string')) {
        inImport = false;
      } else if (inImport && token.text === 'type' && previous === 'import') {
        typeOnly = true;
      } else if (inImport && !typeOnly && token.type === 'word' && !IMPORT_KEYWORDS.has(token.text) && previous !== 'type') {
        names.add(token.text);
      }
      previous = token.text;
    }
  }
  return names;
}

/** The names a change adds to and drops from value imports, with the head of the import list it stands in (`import {`, `import type {`). */
function importedValues(file: FileTokens, change: BothSides): { added: string[]; dropped: string[] } {
  const { oldLines, newLines, at } = linesOf(file, change);
  const open = file.open[at] ?? null;
  const listHead = open !== null && open.char === '{' && /^\s*import(?![\w$])/.test(open.prefix) ? open.prefix : null;
  const before = valueImports(oldLines, listHead);
  const after = valueImports(newLines, listHead);
  return { added: [...after].filter((name) => !before.has(name)), dropped: [...before].filter((name) => !after.has(name)) };
}

/**
 * Whether a change adds a name to a value import (`import { b }`, or `  b,` in a
 * multi-line `import {` list). Unused, it emits nothing, but the commit's other
 * changes may start using it as a value: not a type-only edit. Without the real
 * parser's tokens the table lexer's do (imports stand before the code that could
 * mislead it); without either, any change may.
 */
function addsValueImport(change: Change, commit: CommitView): boolean {
  if (!hasBothSides(change)) return true;
  let file = tokensOf(commit, change.fileIndex);
  if (file === null) {
    const old = commit.lexedFile(change.fileIndex, 'old');
    const next = commit.lexedFile(change.fileIndex, 'new');
    if (old === null || next === null) return true;
    file = { old, new: next, open: openBrackets(old) };
  }
  return importedValues(file, change).added.length > 0;
}

/**
 * Each per-change proof parses the whole file (10-20 ms for 2,500 lines) and may
 * transpile it (40-60 ms), so a file with many candidate changes is judged as a
 * whole instead: one proof, and every candidate is type-only only if the file's
 * emitted JavaScript is unchanged. Deterministic: it depends on the count, never
 * on the clock.
 */
const MAX_TRANSPILES_PER_FILE = 8;
const transpileBudget = perCommitFile((commit, fileIndex): 'each' | 'whole-file' | 'none' => {
  const candidates = commit.changes.filter((other) => other.fileIndex === fileIndex && (other.removed.length > 0 || other.added.length > 0) && mayBeTypeOnly(other, commit)).length;
  return candidates <= MAX_TRANSPILES_PER_FILE ? 'each' : commit.text(fileIndex, 'new') !== null ? 'whole-file' : 'none';
});

export const refactorTypeOnly: Heuristic = {
  meta: {
    id: 'refactor-type-only',
    description: 'TypeScript type annotations or declarations changed with identical emitted JavaScript.',
    produces: ['refactor'],
    languages: ['typescript'],
    messages,
  },
  appliesTo: (file) => TYPESCRIPT_FILE.test((file.newPath ?? file.oldPath)?.text ?? '') && !/\.d\.[cm]?ts$/.test((file.newPath ?? file.oldPath)?.text ?? ''),
  classify(change, context): HeuristicResult | null {
    if (change.removed.length === 0 && change.added.length === 0) return null;
    const oldText = context.commit.text(change.fileIndex, 'old');
    if (oldText === null || DECORATOR.test(oldText) || change.added.some((line) => DECORATOR.test(line))) return null;
    if (directivesOf(context.lexSide('old').lines).join('\n') !== directivesOf(context.lexSide('new').lines).join('\n')) return null;
    if (!mayBeTypeOnly(change, context.commit)) return null;
    if (addsValueImport(change, context.commit)) return null;
    // Whitespace-only edits that another heuristic refused are not type changes,
    // though they emit the same JavaScript.
    if (change.removed.join('').replace(/\s+/g, '') === change.added.join('').replace(/\s+/g, '')) return null;
    // Loaded only here: a commit without TypeScript files never pays for the compiler.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { typeOnlyEqual } = require('../src/syntax/typescript-emit') as typeof import('../src/syntax/typescript-emit');
    const budget = transpileBudget(context.commit, change.fileIndex);
    if (budget === 'none') return null;
    if (budget === 'whole-file') {
      // Too many candidates to prove one by one: the whole file's JavaScript must be unchanged.
      const newText = context.commit.text(change.fileIndex, 'new');
      if (newText === null || !typeOnlyEqual(oldText, newText, change.file)) return null;
    } else {
      const patched = applyChanges(oldText, [change]);
      if (patched === null || !typeOnlyEqual(oldText, patched, change.file)) return null;
    }
    return { kind: 'refactor', detail: 'type-only', confidence: 0.85, messageId: 'typeOnly' };
  },
};
