/**
 * api-surface: changes to what a file offers to other code, from the declarations
 * the real parsers find in its old and new versions (TS/JS exports through
 * ts-morph; Python names without a leading underscore, exported Go identifiers,
 * `pub` Rust items, `public` Java members, non-static C functions and header
 * prototypes through tree-sitter), and CLI options added by the usual parsers.
 *
 * - api-addition: a change that only adds whole new declarations, at least one
 *   public, that existing code cannot depend on yet (new names, no overrides)
 *   and that run nothing when loaded (no call in a constant's initializer)
 *   (commit practice rule 4: add the API first, in its own commit, then use it).
 * - api-change / api-removal: a changed signature or a removed public
 *   declaration. These are behaviour changes to flag, not to hide.
 */
import { CommitView, Heuristic, HeuristicResult, perCommitFile } from '../src/heuristic';
import { LexedLine } from '../src/lexer';
import { Change } from '../src/model';
import { isDocPath, isTestPath } from '../src/paths';
import { looksLikeDeclaration } from '../src/symbols';
import { Declaration } from '../src/syntax/types';

const messages = {
  added: 'Adds the public {{what}} {{names}}, which existing code does not use yet.',
  cliOption: 'Adds the command-line option(s) {{names}}.',
  changed: 'Changes the signature of the public {{what}} {{names}}: callers may need to change.',
  removed: 'Removes the public {{what}} {{names}}: callers elsewhere may break.',
};

/** Methods whose addition changes behaviour through inheritance or protocols. */
const OVERRIDES = /^(__\w+__|toString|valueOf|equals|hashCode|compareTo|toJSON|then|Symbol\.\w+|String|Error|MarshalJSON|UnmarshalJSON|ServeHTTP|Close|Read|Write|fmt|drop|clone|eq|cmp|partial_cmp|hash|default|from|into|deref)$/;
/**
 * A header that says the declaration overrides an inherited one, whatever its
 * name: Java's `@Override`, Python's `@override`/`@typing.override`, the
 * `override` modifier of TypeScript, Kotlin, C# and C++.
 */
const OVERRIDE_MARKER = /@([\w.]*\.)?override\b|(^|[^\w$.@])override\b/i;

const CLI_OPTION = /\.(option|options|addOption|requiredOption|positional)\(\s*['"]([\w-]+)['"]|add_argument\(\s*['"](-{1,2}[\w-]+)['"]|flag\.\w+(?:Var)?\([^"]*"([\w-]+)"|\.(?:Flags|PersistentFlags)\(\)\.\w+\([^"]*"([\w-]+)"|#\[arg\(long/;

const keyOf = (declaration: Declaration) => `${declaration.container ?? ''}::${declaration.name}`;

interface FileApi {
  added: Declaration[];
  removed: Declaration[];
  changed: Array<{ before: Declaration; after: Declaration }>;
  newDeclarations: Declaration[];
  /** Whether a word token of the old text is `name` (false without the old text). */
  wordInOld: (name: string) => boolean;
}

const apiOf = perCommitFile((commit: CommitView, fileIndex: number): FileApi | null => {
  const file = commit.files[fileIndex];
  const before = file.oldPath === null ? { declarations: [] as Declaration[], hasErrors: false } : commit.syntax(fileIndex, 'old');
  const after = file.newPath === null ? { declarations: [] as Declaration[], hasErrors: false } : commit.syntax(fileIndex, 'new');
  let result: FileApi | null = null;
  if (before !== null && after !== null && !before.hasErrors && !after.hasErrors) {
    const oldByKey = new Map(before.declarations.map((declaration) => [keyOf(declaration), declaration]));
    const newByKey = new Map(after.declarations.map((declaration) => [keyOf(declaration), declaration]));
    // The old file is lexed whole only for a name its text holds at all: most new names occur nowhere.
    let oldWords: Set<string> | null = null;
    const wordInOld = (name: string) => {
      const text = commit.text(fileIndex, 'old');
      if (text === null || !text.includes(name)) return false;
      oldWords ??= new Set((commit.lexedFile(fileIndex, 'old') ?? []).flatMap((line) => line.tokens.filter((token) => token.type === 'word').map((token) => token.text)));
      return oldWords.has(name);
    };
    result = {
      added: after.declarations.filter((declaration) => !oldByKey.has(keyOf(declaration))),
      removed: before.declarations.filter((declaration) => declaration.exported && !newByKey.has(keyOf(declaration))),
      changed: after.declarations
        .filter((declaration) => declaration.exported && oldByKey.has(keyOf(declaration)) && oldByKey.get(keyOf(declaration))!.signature !== declaration.signature)
        .map((declaration) => ({ before: oldByKey.get(keyOf(declaration))!, after: declaration })),
      newDeclarations: after.declarations,
      wordInOld,
    };
  }
  return result;
});

const declaringFiles = new WeakMap<CommitView, Set<number>>();

/** A C-family member, method or prototype header: type or modifier words, then a name and `(`. */
const MEMBER_HEADER = /^\s*(?:[\w<>[\],.?*&:~@]+\s+)+[*&]*(~?[A-Za-z_]\w*)\s*\(/;
/** A Java or C# field or constant: type words, then a name and `=` or `;` (interface constants are public without a modifier). */
const FIELD = /^\s*(?:[\w<>[\],.?]+\s+)+[A-Za-z_]\w*\s*[=;]/;
/** The first word of a statement, never of a declaration. */
const STATEMENT = /^\s*(return|throw|new|else|case|goto|delete|yield|await|break|continue|if|for|while|switch|catch|do|sizeof|co_return|co_yield)\b/;
const KOTLIN_DECLARATION =
  /^\s*(?:(?:public|internal|private|protected|open|override|abstract|final|inline|suspend|data|sealed|enum|annotation|inner|const|lateinit|operator|infix|tailrec|external|value)\s+)*(?:fun|val|var|class|interface|object|typealias)\b/;
const HEADER_FILE = /\.(h|hh|hpp|hxx|h\+\+)$/i;
/** A spec inside a Go `const (`, `var (` or `type (` group that declares an exported name: `Limit = 3`, `Mode string`. */
const GO_GROUP_SPEC = /^\s*\p{Lu}[\p{L}\p{N}_]*(\s*,\s*[\p{L}_][\p{L}\p{N}_]*)*\s*(=|[\p{L}*[(])/u;

/**
 * Whether a changed line may hold a declaration the parsers report, beyond
 * looksLikeDeclaration: Kotlin's `fun`/`val` (public without a modifier),
 * members of Java and C# interfaces (public without one), C++ methods declared
 * in a class, prototypes in C and C++ headers, a GNU-style C definition
 * whose name starts its line, and exported specs of Go `const (`/`var (`/
 * `type (` groups. Too broad costs a parse; too narrow hides an API
 * change or removal.
 */
function mayDeclare(line: string, languageId: string, path: string): boolean {
  if (looksLikeDeclaration(line, languageId)) return true;
  if (STATEMENT.test(line)) return false;
  switch (languageId) {
    case 'kotlin':
      return KOTLIN_DECLARATION.test(line) || MEMBER_HEADER.test(line);
    case 'java':
    case 'csharp':
      return MEMBER_HEADER.test(line) || FIELD.test(line);
    case 'cpp':
      return MEMBER_HEADER.test(line) || /^[A-Za-z_][\w:]*\s*\(/.test(line);
    case 'c':
      return (HEADER_FILE.test(path) && MEMBER_HEADER.test(line)) || /^[A-Za-z_]\w*\s*\(/.test(line);
    case 'go':
      return GO_GROUP_SPEC.test(line);
    default:
      return false;
  }
}

/** Files with a changed line that looks like a declaration, computed once per commit. */
function filesThatMayDeclare(commit: CommitView): Set<number> {
  let files = declaringFiles.get(commit);
  if (files === undefined) {
    files = new Set();
    for (const change of commit.changes) {
      if (files.has(change.fileIndex)) continue;
      const languageId = commit.language(change.fileIndex).id;
      const file = commit.files[change.fileIndex];
      const path = (file.newPath ?? file.oldPath)?.text ?? '';
      if ([...change.removed, ...change.added].some((line) => mayDeclare(line, languageId, path))) files.add(change.fileIndex);
    }
    declaringFiles.set(commit, files);
  }
  return files;
}

const overlaps = (start: number, end: number, range: { start: number; lines: number } | null) =>
  range !== null && range.lines > 0 && range.start <= end && range.start + range.lines - 1 >= start;

function describe(declarations: Declaration[]): { what: string; names: string } {
  const kinds = [...new Set(declarations.map((declaration) => declaration.kind))];
  const what = kinds.length === 1 ? kinds[0] + (declarations.length > 1 ? 's' : '') : 'declarations';
  const names = declarations.map((declaration) => (declaration.container ? `${declaration.container}.${declaration.name}` : declaration.name)).join(', ');
  return { what, names };
}

/** The header lines of a declaration inside a pure addition (decorators and annotations included). */
const headerText = (change: Change, declaration: Declaration) =>
  change.added.slice(declaration.startLine - change.new!.start, declaration.headerEndLine - change.new!.start + 1).join('\n');

/** Words after which `(` does not call anything. */
const NOT_CALLEE = new Set(['function', 'func', 'fn', 'if', 'for', 'while', 'switch', 'return', 'typeof', 'in', 'of', 'as']);

/**
 * Whether a constant or variable runs code where it is declared: its
 * initializer (what follows its first `=`) holds a call, `new` or `await`. Such
 * a declaration starts something as soon as its module, class or object is
 * loaded (`export const server = startServer()`, Go `var X = register("x")`,
 * `static instance = create()`), so it is not an addition nothing uses yet.
 * Function-valued constants (`export const f = (x) => g(x)`) are functions:
 * their signature shows the function header, and their body does not run.
 */
function runsCode(declaration: Declaration, lexed: NewLines, added: string[]): boolean {
  if (declaration.kind !== 'constant' && declaration.kind !== 'variable') return false;
  if (declaration.signature.includes('=')) return false;
  if (lexed === null) return /=[^>=][^]*(\(|\bnew\b|\bawait\b)/.test(added.join('\n'));
  const tokens = lexed(declaration.startLine - 1, declaration.endLine).flatMap((line) => line.tokens).filter((token) => token.type !== 'comment');
  const assign = tokens.findIndex((token) => token.type === 'punct' && token.text === '=');
  if (assign < 0) return false;
  return tokens.slice(assign + 1).some((token, k, rest) => {
    if (token.type === 'word' && (token.text === 'new' || token.text === 'await')) return true;
    if (token.type !== 'punct' || token.text !== '(' || k === 0) return false;
    const before = rest[k - 1];
    return (before.type === 'word' && !NOT_CALLEE.has(before.text)) || (before.type === 'punct' && /^[)\]>]$/.test(before.text));
  });
}

/** A pure addition whose non-blank lines all lie in declarations that did not exist before. */
/** Lines [start, end) of the new side, lexed as in the whole file; null without the new text. */
type NewLines = ((start: number, end: number) => LexedLine[]) | null;

function addition(change: Change, api: FileApi, lexedNew: NewLines): Declaration[] | null {
  if (change.new === null || change.removed.some((line) => line.trim() !== '')) return null;
  const first = change.new.start;
  const inside = api.added.filter((declaration) => declaration.startLine >= first && declaration.endLine <= first + change.added.length - 1);
  if (inside.length === 0 || !inside.some((declaration) => declaration.exported)) return null;
  const covered = (line: number) => inside.some((declaration) => line >= declaration.startLine && line <= declaration.endLine);
  const uncovered = change.added.some((text, k) => text.trim() !== '' && !covered(first + k) && !/^\s*(\/\/|#|\/\*|\*|@|"""|''')/.test(text));
  if (uncovered) return null;
  // Existing code cannot depend on it: the name is new to the file, and adding it overrides nothing.
  if (inside.some((declaration) => OVERRIDES.test(declaration.name) || OVERRIDE_MARKER.test(headerText(change, declaration)) || api.wordInOld(declaration.name))) return null;
  // Nor does it run anything when loaded.
  if (inside.some((declaration) => runsCode(declaration, lexedNew, change.added))) return null;
  return inside.filter((declaration) => declaration.exported);
}

export const apiSurface: Heuristic = {
  meta: {
    id: 'api-surface',
    description: 'Public declarations added (api-addition), changed (api-change) or removed (api-removal), and new CLI options.',
    produces: ['api-addition', 'api-change', 'api-removal'],
    languages: ['typescript', 'javascript', 'python', 'go', 'rust', 'java', 'kotlin', 'csharp', 'c', 'cpp', 'ruby'],
    messages,
  },
  appliesTo: (file) => {
    const name = (file.newPath ?? file.oldPath)?.text ?? '';
    return !file.binary && !isTestPath(name) && !isDocPath(name);
  },
  classify(change, context): HeuristicResult | null {
    // Parsing both versions of a large file costs tens of milliseconds: only when
    // some changed line of this file could declare something.
    const api = filesThatMayDeclare(context.commit).has(change.fileIndex) ? apiOf(context.commit, change.fileIndex) : null;
    if (api !== null) {
      const removed = api.removed.filter((declaration) => overlaps(declaration.startLine, declaration.headerEndLine, change.old));
      if (removed.length > 0) return { kind: 'api-removal', confidence: 0.8, messageId: 'removed', data: describe(removed) };
      const changed = api.changed.filter(({ before, after }) => overlaps(before.startLine, before.headerEndLine, change.old) || overlaps(after.startLine, after.headerEndLine, change.new));
      if (changed.length > 0) return { kind: 'api-change', confidence: 0.8, messageId: 'changed', data: describe(changed.map(({ after }) => after)) };
      const { commit } = context;
      const lexedNew: NewLines = commit.text(change.fileIndex, 'new') === null ? null : (start, end) => commit.lexedLines(change.fileIndex, 'new', start, end) ?? [];
      const added = addition(change, api, lexedNew);
      if (added !== null) return { kind: 'api-addition', confidence: 0.8, messageId: 'added', data: describe(added) };
    }
    // CLI options: a pure addition of option declarations, in any language.
    if (change.added.length > 0 && change.removed.every((line) => line.trim() === '')) {
      const names = change.added.map((line) => CLI_OPTION.exec(line)).filter((match): match is RegExpExecArray => match !== null);
      const others = change.added.filter((line) => line.trim() !== '' && !CLI_OPTION.test(line) && !/^\s*[\w.]*\s*[({})\],;]*\s*$|^\s*(describe|type|alias|default|help|choices|demandOption|requiresArg)\s*[:=(]|^\s*\w+:\s*.+,?$/.test(line));
      if (names.length > 0 && others.length === 0) {
        return { kind: 'api-addition', detail: 'cli-option', confidence: 0.6, messageId: 'cliOption', data: { names: names.map((match) => match.slice(2).find((group) => group !== undefined) ?? 'option').join(', ') } };
      }
    }
    return null;
  },
};
