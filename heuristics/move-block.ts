/**
 * move-block: a block removed in one place and added unchanged in another place
 * of the same file or of another file, as `git diff --color-moved` shows; the
 * indentation of the whole block may change, nothing else. Both halves get kind
 * `move` and link to each other, so the series keeps them in one commit.
 *
 * Commit practice rule 2 (a move is a no-op refactor in a commit of its own), and
 * "never call a change no-op when it is not":
 * - moving statements inside a function changes the order they run in, so a move
 *   must be whole declarations with bodies (functions, classes, methods) on both
 *   sides, never a run of statements or variable initialisers;
 * - moving a declaration into another function, another class or another
 *   `#if` branch changes what it is, so both places must sit in the same
 *   containers: the top level, or the same class, namespace or module;
 * - where statements run in order (Python, Ruby, shell, JS...) a move within a
 *   file may cross only declarations, not a statement that may use the moved
 *   one (`if __name__ == "__main__": main()`) or change its meaning (Ruby
 *   `private`, C++ `private:`), nor a declaration whose header names the moved
 *   one or is named by it (`class Admin(User)` runs where it stands); a
 *   decorated block is not moved, since decorators register in order; a Go
 *   function must stay in files built alike (package, test file, build
 *   constraints, GOOS/GOARCH suffix);
 * - spacing inside a line, the text of a multi-line string or heredoc and, in
 *   Python, the indentation of lines relative to the block's first are compared
 *   exactly; in Python the block keeps its indentation.
 * Declarations come from the real parsers; a language without one needs a block
 * that starts like a declaration and closes back at its indentation. Without
 * the full files (a pasted diff) the containers are unknown: no move is claimed.
 */
import { CommitView, Heuristic, HeuristicResult } from '../src/heuristic';
import { LexedLine } from '../src/lexer';
import { Change } from '../src/model';
import { Declaration } from '../src/syntax/types';
import { isBlankLine } from '../src/token-compare';

const messages = {
  movedTo: 'Moved to {{target}}{{reindented}}; the lines are identical otherwise.',
  movedFrom: 'Moved from {{source}}{{reindented}}; the lines are identical otherwise.',
};

/** A block shorter than this (in characters without whitespace) matches by coincidence too often. */
const MIN_MOVED_CHARACTERS = 40;
const DECLARATION_START = /^\s*(export\s+)?(default\s+)?(pub(\([^)]*\))?\s+)?(public|private|protected|internal|static|async|inline|extern|virtual|override|final|abstract|unsafe|const)?\s*(def|class|func|function|fn|struct|enum|interface|trait|impl|type|module|sub|proc|void|int|char|bool|static|template)\b/;
/** Declarations that run no code where they stand, so their place among their siblings does not matter. */
const MOVABLE_KINDS = new Set<Declaration['kind']>(['function', 'class', 'method', 'interface', 'type', 'enum', 'module']);
/** Lines that open a container whose members may be reordered: classes, namespaces, modules, impls. */
const CONTAINER =
  /^(export\s+)?(default\s+)?(pub(\([^)]*\))?\s+)?((public|private|protected|internal|abstract|final|sealed|static|partial|data|open|inline|unsafe)\s+)*(class|struct|interface|namespace|impl|trait|enum|module|object|record|extension|protocol|mod)\b|^extern\s+"C"/;
/** Lines at a block's base indentation that are neither a declaration nor its end: comments, decorators, attributes. */
const DECORATION = /^(\/\/|\/\*|\*|#\[|@|--)/;

interface Move {
  partner: Change;
  reindented: boolean;
}

const normalizedLines = (lines: string[]) => lines.map((line) => line.replace(/\s+/g, '')).filter((line) => line !== '');
const indentOf = (line: string) => /^[ \t]*/.exec(line)![0];

function describe(change: Change, side: 'old' | 'new'): string {
  const range = side === 'old' ? change.old : change.new;
  const file = side === 'old' ? (change.oldFile ?? change.file) : change.file;
  if (range === null) return file;
  return `${file}:${range.start}${range.lines > 1 ? `-${range.start + range.lines - 1}` : ''}`;
}

/** The non-blank line span of a change's side, 1-based inclusive. */
function span(lines: string[], start: number): { first: number; last: number } {
  let first = 0;
  while (first < lines.length && lines[first].trim() === '') first++;
  let last = lines.length - 1;
  while (last >= 0 && lines[last].trim() === '') last--;
  return { first: start + first, last: start + last };
}

/**
 * Whether lines first..last of one file version are exactly whole declarations
 * of kinds that may move; comment lines before the first (a doc comment the
 * parser does not count as the declaration's) may lead, up to `codeFirst`.
 */
function coversWholeDeclarations(declarations: Declaration[], first: number, last: number, codeFirst = first): boolean {
  const inside = declarations.filter((declaration) => declaration.startLine >= first && declaration.endLine <= last);
  if (inside.length === 0) return false;
  // Outermost declarations must tile the span (blank lines and comments between them are fine).
  const outer = inside.filter((declaration) => !inside.some((other) => other !== declaration && other.startLine <= declaration.startLine && other.endLine >= declaration.endLine));
  if (!outer.every((declaration) => MOVABLE_KINDS.has(declaration.kind))) return false;
  const crossing = declarations.some((declaration) => (declaration.startLine < first && declaration.endLine >= first && declaration.endLine < last) || (declaration.startLine > first && declaration.startLine <= last && declaration.endLine > last));
  return !crossing && Math.min(...outer.map((d) => d.startLine)) <= codeFirst + 2 && Math.max(...outer.map((d) => d.endLine)) >= last;
}

/** The declarations around a span (not inside it), outermost first, as `kind name` strings. */
function enclosingDeclarations(declarations: Declaration[], first: number, last: number): string[] {
  return declarations
    .filter((declaration) => declaration.startLine <= first && declaration.endLine >= last && (declaration.startLine < first || declaration.endLine > last))
    .sort((a, b) => a.startLine - b.startLine)
    .map((declaration) => `${declaration.kind} ${declaration.name}`);
}

/**
 * Without a parser: the block starts like a declaration, its braces balance,
 * every line at its base indentation is a declaration header, a closing line, a
 * comment or a decorator, and its last line closes back at that indentation (in
 * Python, the next code line of the file is back at or left of it).
 */
function looksLikeDeclarations(commit: CommitView, change: Change, side: 'old' | 'new', lines: string[], lexed: LexedLine[]): boolean {
  const language = commit.language(change.fileIndex);
  const code = lines.map((line, k) => ({ line, lexed: lexed[k] })).filter(({ lexed: line }) => line !== undefined && !isBlankLine(line));
  if (code.length < 3 || !DECLARATION_START.test(code[0].line)) return false;
  const base = indentOf(code[0].line);
  let depth = 0;
  for (const { line, lexed: lexedLine } of code) {
    for (const token of lexedLine.tokens) {
      if (token.type !== 'punct') continue;
      if (token.text === '{') depth++;
      if (token.text === '}' && --depth < 0) return false;
    }
    if (lexedLine.startState !== null) continue; // inside a string or comment
    const indent = indentOf(line);
    if (indent.length < base.length || !indent.startsWith(base)) return false;
    if (indent !== base) continue;
    const text = line.trim();
    const header = DECLARATION_START.test(line) && !/;\s*$/.test(text);
    // An Allman-style `{` alone opens the header above; `}` or `end` closes it.
    const brace = text === '{' || /^(\}|end\b)/.test(text);
    if (!header && !brace && !DECORATION.test(text)) return false;
  }
  if (depth !== 0) return false;
  if (language.indentSignificant) {
    // The declaration ends where the next code line comes back to its indentation.
    const range = side === 'old' ? change.old : change.new;
    const file = commit.lexedFile(change.fileIndex, side);
    const text = commit.text(change.fileIndex, side)?.split('\n');
    if (range === null || file === null || text === undefined) return false;
    for (let k = range.start - 1 + range.lines; k < text.length; k++) {
      if (isBlankLine(file[k]) || file[k].tokens.every((token) => token.type === 'comment')) continue;
      return file[k].startState === null && indentOf(text[k]).length <= base.length;
    }
    return true;
  }
  const last = code[code.length - 1].line;
  return indentOf(last) === base && /^(\}|end\b)/.test(last.trim());
}

function isDeclarationBlock(commit: CommitView, change: Change, side: 'old' | 'new'): boolean {
  const lines = side === 'old' ? change.removed : change.added;
  const range = side === 'old' ? change.old : change.new;
  if (range === null) return false;
  const syntax = commit.syntax(change.fileIndex, side);
  if (syntax !== null && syntax.declarations.length > 0) {
    const { first, last } = span(lines, range.start);
    const lexed = commit.lexSide(change, side).lines;
    let leading = first - range.start;
    while (leading < lexed.length && (isBlankLine(lexed[leading]) || lexed[leading].tokens.every((token) => token.type === 'comment'))) leading++;
    return coversWholeDeclarations(syntax.declarations, first, last, range.start + leading);
  }
  return looksLikeDeclarations(commit, change, side, lines, commit.lexSide(change, side).lines);
}

/**
 * What a block sits in, from the whole file: the declarations around it (from a
 * parser), the lines opening the unclosed braces before it, the nearest line
 * left of its indentation, and the open `#if` lines. Null when the file is not
 * known or a container is not one whose members may be reordered.
 */
function containersOf(commit: CommitView, change: Change, side: 'old' | 'new'): string | null {
  const lines = side === 'old' ? change.removed : change.added;
  const range = side === 'old' ? change.old : change.new;
  const text = commit.text(change.fileIndex, side)?.split('\n');
  if (range === null || text === undefined) return null;
  const { first, last } = span(lines, range.start);
  // Only the lines before the block are read.
  const lexed = commit.lexedLines(change.fileIndex, side, 0, first - 1) ?? [];
  const headerIndent = indentOf(text[first - 1] ?? '');
  const braces: string[] = [];
  const conditionals: string[] = [];
  let byIndent = '';
  const opener = (k: number) => {
    let line = text[k].trim();
    // Allman style: `{` alone opens what the line above declared.
    for (let j = k - 1; line === '{' && j >= 0; j--) if (text[j].trim() !== '') line = text[j].trim();
    return line;
  };
  for (let k = 0; k < first - 1; k++) {
    const line = lexed[k];
    for (const token of line.tokens) {
      if (token.type !== 'punct') continue;
      if (token.text === '{') braces.push(opener(k));
      if (token.text === '}') braces.pop();
    }
    if (line.startState !== null || isBlankLine(line)) continue;
    const trimmed = text[k].trim();
    if (/^#\s*if/.test(trimmed)) conditionals.push(trimmed);
    else if (/^#\s*(else|elif)/.test(trimmed)) conditionals.push(`${conditionals.pop() ?? ''} / ${trimmed}`);
    else if (/^#\s*endif/.test(trimmed)) conditionals.pop();
    if (line.tokens.every((token) => token.type === 'comment')) continue;
    if (indentOf(text[k]).length < headerIndent.length && trimmed !== '{') byIndent = trimmed;
  }
  const containers = [...braces, ...(byIndent === '' ? [] : [byIndent])];
  if (!containers.every((container) => CONTAINER.test(container))) return null;
  const syntax = commit.syntax(change.fileIndex, side);
  const declared = syntax === null ? [] : enclosingDeclarations(syntax.declarations, first, last);
  if (declared.some((declaration) => !/^(class|interface|enum|module|type) /.test(declaration))) return null;
  const language = commit.language(change.fileIndex);
  return JSON.stringify({ braces, byIndent, conditionals, declared, indent: language.indentSignificant ? headerIndent : '' });
}

/**
 * The lines a block is compared by: blank lines dropped, each line without its
 * indentation, except where whitespace is data (a line inside or ending inside a
 * string, a heredoc or opaque line, a whole language where whitespace always
 * counts) and, in indentation-significant languages, with the indentation
 * relative to the block's first line. Null when a line is left of the first.
 */
function comparisonLines(commit: CommitView, change: Change, side: 'old' | 'new'): string[] | null {
  const lines = side === 'old' ? change.removed : change.added;
  const lexed = commit.lexSide(change, side).lines;
  const language = commit.language(change.fileIndex);
  if (lexed.length !== lines.length) return null;
  const result: string[] = [];
  let base: string | null = null;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    const lexedLine = lexed[k];
    if (isBlankLine(lexedLine)) continue;
    const inData = lexedLine.opaque || (lexedLine.startState !== null && lexedLine.startState.kind !== 'comment');
    if (language.whitespaceAlwaysSignificant || inData) {
      result.push(line);
      continue;
    }
    const endsInData = lexedLine.endState !== null && lexedLine.endState.kind !== 'comment';
    const lastToken = lexedLine.tokens[lexedLine.tokens.length - 1];
    const continued = lastToken !== undefined && lastToken.type === 'punct' && lastToken.text === '\\';
    let text = endsInData || continued ? line.replace(/^[ \t]+/, '') : line.trim();
    if (language.indentSignificant && lexedLine.startState === null) {
      const indent = indentOf(line);
      base ??= indent;
      if (!indent.startsWith(base)) return null;
      text = `${indent.slice(base.length)}${text}`;
    }
    result.push(text);
  }
  return result;
}

/**
 * Languages that run a file's (or class body's) statements in order, so a
 * declaration moved across a statement may be used before it exists (`if
 * __name__ == "__main__": main()`), and C++, whose `private:` labels apply to
 * what follows them. In these a same-file move may only cross declarations.
 */
const ORDERED = new Set(['python', 'ruby', 'shell', 'perl', 'lua', 'php', 'javascript', 'typescript', 'cpp']);
/** Languages whose decorators register what they decorate, in order (`@atexit.register`, `@app.route`). */
const REGISTERING_DECORATORS = new Set(['python', 'javascript', 'typescript']);
/** Import-like lines a declaration may be moved across. */
const IMPORT_START = /^\s*(import|from|use|require|include)\b/;

/**
 * Whether a same-file move crosses only declarations (and blank lines, comments,
 * imports) at the block's indentation, in languages that run statements in
 * order; decorated declarations count as statements where decorators register.
 */
function crossesOnlyDeclarations(commit: CommitView, removal: Change, addition: Change): boolean {
  const language = commit.language(removal.fileIndex).id;
  if (!ORDERED.has(language)) return true;
  const text = commit.text(removal.fileIndex, 'old')?.split('\n');
  if (text === undefined || removal.old === null || addition.old === null) return false;
  const removedEnd = removal.old.start + removal.old.lines - 1;
  const insertAfter = addition.old.start;
  const [from, to] = insertAfter >= removedEnd ? [removedEnd + 1, insertAfter] : [insertAfter + 1, removal.old.start - 1];
  const base = indentOf(removal.removed.find((line) => line.trim() !== '') ?? '').length;
  // Headers run where they stand (`class Admin(User)`, `extends User`, decorators,
  // default values): neither side's headers may name what the other side declares.
  const movedHeaders = removal.removed.filter((line) => line.trim() !== '' && indentOf(line).length === base && DECLARATION_START.test(line));
  const crossedHeaders: string[] = [];
  // Only the crossed lines are read.
  const lexed = commit.lexedLines(removal.fileIndex, 'old', from - 1, to) ?? [];
  for (let k = from - 1; k <= to - 1 && k < text.length; k++) {
    const line = lexed[k - (from - 1)];
    if (line === undefined || isBlankLine(line) || line.startState !== null || line.tokens.every((token) => token.type === 'comment')) continue;
    const indent = indentOf(text[k]).length;
    if (indent > base) continue; // the body of the line above, already judged
    if (indent < base) return false;
    const trimmed = text[k].trim();
    if (trimmed.startsWith('@')) {
      if (REGISTERING_DECORATORS.has(language)) return false;
      continue;
    }
    const header = DECLARATION_START.test(text[k]) && !/;\s*$/.test(trimmed);
    if (!header && !IMPORT_START.test(text[k]) && !/^(\{|\}|end\b)/.test(trimmed)) return false;
    if (header) crossedHeaders.push(text[k]);
  }
  return !namesAnother(movedHeaders, crossedHeaders) && !namesAnother(crossedHeaders, movedHeaders);
}

const DECLARED_NAME = /\b(class|def|function|func|fn|struct|interface|trait|enum|module|sub|proc|type)\s+([A-Za-z_$][\w$]*)/;

/** Whether a header of `these` names (besides declaring it) something a header of `those` declares. */
function namesAnother(these: string[], those: string[]): boolean {
  const declared = those.map((line) => DECLARED_NAME.exec(line)?.[2]).filter((name): name is string => name !== undefined);
  return these.some((line) => {
    const own = DECLARED_NAME.exec(line)?.[2];
    const words = new Set(line.match(/[A-Za-z_$][\w$]*/g) ?? []);
    if (own !== undefined) words.delete(own);
    return declared.some((name) => words.has(name));
  });
}

/** Whether a moved block carries a decorator that registers it (its place is its registration order). */
function isRegistered(commit: CommitView, change: Change, lines: string[]): boolean {
  if (!REGISTERING_DECORATORS.has(commit.language(change.fileIndex).id)) return false;
  return lines.some((line) => /^\s*@[A-Za-z_$]/.test(line));
}

/**
 * For Go, what decides whether a file is compiled into the package with the
 * others: its package clause, whether it is a test file, its build constraints
 * and its GOOS/GOARCH file-name suffix. Other languages: nothing.
 */
function buildContext(commit: CommitView, change: Change, side: 'old' | 'new'): string {
  if (commit.language(change.fileIndex).id !== 'go') return '';
  const path = side === 'old' ? (change.oldFile ?? change.file) : change.file;
  const lines = commit.text(change.fileIndex, side)?.split('\n') ?? [];
  const packageAt = lines.findIndex((line) => /^\s*package\s/.test(line));
  const header = lines.slice(0, packageAt < 0 ? 0 : packageAt + 1).filter((line) => /^\s*(\/\/\s*\+build|\/\/go:build|package\s)/.test(line));
  const test = /_test\.go$/.test(path);
  const suffix = GO_PLATFORM_SUFFIX.exec(path)?.[0].replace(/(_test)?\.go$/, '') ?? '';
  return JSON.stringify({ header: header.map((line) => line.trim()), test, suffix });
}

const GOOS = 'aix|android|darwin|dragonfly|freebsd|hurd|illumos|ios|js|linux|nacl|netbsd|openbsd|plan9|solaris|wasip1|windows|zos';
const GOARCH = '386|amd64|amd64p32|arm|armbe|arm64|arm64be|loong64|mips|mipsle|mips64|mips64le|mips64p32|mips64p32le|ppc|ppc64|ppc64le|riscv|riscv64|s390|s390x|sparc|sparc64|wasm';
/** A Go file name's `_GOOS`, `_GOARCH` or `_GOOS_GOARCH` suffix, which builds it only there. */
const GO_PLATFORM_SUFFIX = new RegExp(`_(${GOOS})(_(${GOARCH}))?(_test)?\\.go$|_(${GOARCH})(_test)?\\.go$`);

const moves = new WeakMap<CommitView, Map<string, Move>>();

/** Finds every move in the commit once: pure removals matched to pure additions with the same lines. */
function findMoves(commit: CommitView): Map<string, Move> {
  const cached = moves.get(commit);
  if (cached !== undefined) return cached;
  const found = new Map<string, Move>();
  const additions = new Map<string, Change[]>();
  for (const change of commit.changes) {
    if (change.removed.length > 0 || change.added.length === 0) continue;
    const key = normalizedLines(change.added).join('\n');
    if (key.length < MIN_MOVED_CHARACTERS) continue;
    additions.set(key, [...(additions.get(key) ?? []), change]);
  }
  const removalsByKey = new Map<string, Change[]>();
  for (const change of commit.changes) {
    if (change.added.length > 0 || change.removed.length === 0) continue;
    const key = normalizedLines(change.removed).join('\n');
    if (key.length < MIN_MOVED_CHARACTERS) continue;
    removalsByKey.set(key, [...(removalsByKey.get(key) ?? []), change]);
  }
  for (const [key, removals] of removalsByKey) {
    const targets = additions.get(key);
    // Ambiguous (the same block removed or added twice): no claim.
    if (targets === undefined || targets.length !== 1 || removals.length !== 1) continue;
    const [removal] = removals;
    const [addition] = targets;
    // Equal once all whitespace is gone; now compare where whitespace may matter.
    const oldLines = comparisonLines(commit, removal, 'old');
    const newLines = comparisonLines(commit, addition, 'new');
    if (oldLines === null || newLines === null || oldLines.join('\n') !== newLines.join('\n')) continue;
    if (!isDeclarationBlock(commit, removal, 'old') || !isDeclarationBlock(commit, addition, 'new')) continue;
    const oldContainers = containersOf(commit, removal, 'old');
    if (oldContainers === null || oldContainers !== containersOf(commit, addition, 'new')) continue;
    if (isRegistered(commit, removal, removal.removed)) continue;
    if (removal.fileIndex === addition.fileIndex ? !crossesOnlyDeclarations(commit, removal, addition) : buildContext(commit, removal, 'old') !== buildContext(commit, addition, 'new')) continue;
    const reindented = removal.removed.filter((line) => line.trim() !== '').join('\n') !== addition.added.filter((line) => line.trim() !== '').join('\n');
    found.set(removal.id, { partner: addition, reindented });
    found.set(addition.id, { partner: removal, reindented });
  }
  moves.set(commit, found);
  return found;
}

export const moveBlock: Heuristic = {
  meta: {
    id: 'move-block',
    description: 'Whole declarations removed in one place and added unchanged (indentation aside) in the same containers of the same file or another.',
    produces: ['move'],
    languages: 'all',
    messages,
  },
  appliesTo: (file) => !file.binary,
  classify(change, context): HeuristicResult | null {
    if (change.removed.length > 0 === change.added.length > 0) return null;
    const move = findMoves(context.commit).get(change.id);
    if (move === undefined) return null;
    const partner = move.partner;
    const sameFile = partner.fileIndex === change.fileIndex;
    const reindented = move.reindented ? ', re-indented' : '';
    const result: HeuristicResult =
      change.removed.length > 0
        ? { kind: 'move', detail: sameFile ? 'same-file' : 'cross-file', confidence: 0.85, messageId: 'movedTo', data: { target: describe(partner, 'new'), reindented } }
        : { kind: 'move', detail: sameFile ? 'same-file' : 'cross-file', confidence: 0.85, messageId: 'movedFrom', data: { source: describe(partner, 'old'), reindented } };
    return { ...result, links: [partner.id] };
  },
};
