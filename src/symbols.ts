/**
 * What each change names: the declarations it defines (from the real parsers'
 * declarations, or a declaration-looking line when there is no parser), the
 * identifiers it uses, and the declaration that encloses it. Grouping links
 * changes through these (a use of a name another change defines; two edits in
 * one function), and ordering puts definitions before uses.
 */
import { CommitView, perCommitFile } from './heuristic';
import { Change } from './model';
import { Language } from './language';
import { isTestPath } from './paths';
import { Declaration, FileSyntax } from './syntax/types';

export interface ChangeSymbols {
  /** Names this change declares or changes the declaration of. */
  defines: Set<string>;
  /** Identifiers on the change's added and removed lines, other than those it defines. */
  uses: Set<string>;
  /**
   * Words too common to be a use by themselves, read here as a member
   * (`result.data`, `p->data`): a use of the member only where another change
   * declares one of that name (an interface gaining `data`). Absent: none.
   */
  memberUses?: Set<string>;
  /** `file::name` of the innermost declaration around the change (old or new side), or of git's hunk context. */
  enclosing: string | null;
  /** `file::Class` of the class (struct, impl) around the change, when the parsers know it. */
  container: string | null;
  /** The public top-level declarations starting on the change's new lines (see publicDeclarations); absent: none. */
  exports?: string[];
  /**
   * `defines` and the names read (`uses` with `memberUses`) by side: on the
   * removed lines (old) and on the added lines (new). A name read on added lines
   * needs its new declaration first; a declaration removed needs the removed
   * reads of its name to go first or with it. Absent: not known by side.
   */
  sides?: { old: SideNames; new: SideNames };
  /** Names whose whole declaration header is on the removed lines and that the added lines do not declare again: what this change takes away. */
  removes?: Set<string>;
  /**
   * Members this change adds to a type (a C struct field, a TypeScript property,
   * a Python `self.name = ...` assignment) that the file's old version never
   * reads or declares as a member: what the members read below start to use.
   * Absent: none.
   */
  newMembers?: Set<string>;
  /**
   * Members read (`x.name`, `p->name`) on the added lines and not on the removed
   * ones: `local` all of them, `fresh` those the file's old version never reads
   * as a member (in another file, only a fresh read is taken to be of a member
   * another change adds: `sb.buf` is everywhere in C). Absent: none.
   */
  memberReads?: { local: Set<string>; fresh: Set<string> };
  /**
   * Words (of 4 or more characters, not common) on the added lines that the
   * file's old version holds nowhere: names this commit brings into the file
   * (an import and its use, a new local read in two places). Absent: none, or
   * the old text is not known.
   */
  freshWords?: Set<string>;
}

/** What one side of a change declares and reads. */
export interface SideNames {
  defines: Set<string>;
  uses: Set<string>;
}

/**
 * The public top-level declarations that start within `range` of a version:
 * what a new-API change adds (`Box`; its fields and methods come with it, they
 * are not more APIs). Empty without a parse.
 */
export function publicDeclarations(syntax: FileSyntax | null, range: { start: number; lines: number }): string[] {
  const declared = (syntax?.declarations ?? []).filter(
    (declaration) => declaration.exported && declaration.container === null && declaration.startLine >= range.start && declaration.startLine < range.start + range.lines,
  );
  return [...new Set(declared.map((declaration) => declaration.name))];
}

const WORD = /[A-Za-z_$][\w$]*/g;
/** A member read through `.`, `?.` or `->` (not a number's decimals: the object ends in a word character, `)` or `]`; looked behind, so `a.b.data` finds `data`). */
const MEMBER_ACCESS = /(?<=[\w$)\]])(?:\??\.|->)([A-Za-z_$][\w$]*)/g;
const DECLARATION_LINE = /\b(?:def|class|function|func|fn|struct|enum|interface|trait|type|module|sub|macro)\s+(?:\([^)]*\)\s*)?([A-Za-z_$][\w$]*)|^\s*(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]*)?=|^\s*#\s*define\s+([A-Za-z_]\w*)/;
/** A C-family function definition header: a type, a name, parameters, no semicolon. */
const C_FUNCTION_HEADER = /^(?:[\w*&<>:,]+\s+)+\**([A-Za-z_]\w*)\s*\([^;]*\)\s*\{?\s*$/;
const C_FAMILY = new Set(['c', 'cpp', 'java', 'csharp', 'kotlin', 'swift', 'php']);
/**
 * A typed member of a TypeScript interface or class, `  data?: Record<K, V>;`
 * (an object literal's entries end in a comma, a label's statement is not a type).
 */
const TYPED_MEMBER = /^\s+(?:(?:readonly|public|private|protected|static|declare|abstract|override)\s+)*([A-Za-z_$][\w$]*)\??\s*:\s*[^=;(]+;\s*$/;
/** A field of a C struct or union: `\tstruct strbuf buf;`, `\tunsigned dirty:1;`, `\tchar name[16];` (the name). */
const C_FIELD = /^\s+(?:[A-Za-z_]\w*[\s*]+)+\**\s*([A-Za-z_]\w*)\s*(?:\[[^\]]*\]\s*)*(?::\s*\w+\s*)?;/;
/** A function pointer field, `\tint (*read)(void *);`. */
const C_POINTER_FIELD = /^\s+[^;()]*\(\s*\*\s*([A-Za-z_]\w*)\s*\)\s*\(/;
/** A Python attribute set on the instance, `self.name = ...` (not `==`). */
const PYTHON_ATTRIBUTE = /^\s+self\.([A-Za-z_]\w*)\s*(?::[^=]*)?=(?!=)/;
/** `this.name = ...` in a JavaScript or TypeScript constructor or method. */
const THIS_ATTRIBUTE = /^\s+this\.([A-Za-z_$][\w$]*)\s*=(?!=)/;
/** Words that start a C statement, not a field's type. */
const C_STATEMENT = /^\s*(?:return|goto|case|break|continue|else|do|if|while|for|switch|typedef)\b/;

/**
 * Which of a C text's lines sit directly in a struct or union body: one pass that
 * tracks the open braces and whether the text before each followed
 * `struct`/`union` (a crude scan that drops line comments and string contents;
 * a grouping hint, never a no-op claim).
 */
function structBodyLines(lines: string[]): boolean[] {
  const inside: boolean[] = new Array<boolean>(lines.length).fill(false);
  const open: boolean[] = [];
  let head = '';
  lines.forEach((raw, index) => {
    inside[index] = open.length > 0 && open[open.length - 1];
    const line = raw.replace(/\/\/.*$/, '').replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
    for (const character of line) {
      if (character === '{') {
        open.push(/\b(?:struct|union)\b[^;(){}]*$/.test(head));
        head = '';
      } else if (character === '}') {
        open.pop();
        head = '';
      } else if (character === ';') head = '';
      else head += character;
    }
    // Only the end of a long head matters (`struct name` right before its brace).
    head = head.length > 400 ? head.slice(-200) + ' ' : head + ' ';
  });
  return inside;
}

/** What symbolsOf needs of each file's versions, worked out once per commit. */
interface FileFacts {
  /** Members the old version reads (`x.name`, `p->name`); from the diff's removed lines when the old text is not known. */
  readBefore: Set<string>;
  /** The old version's words, for freshWords; null when the old text is not known. */
  oldWords: Set<string> | null;
  /** For C, lazily: the new version's lines, and which of them are directly in a struct body. */
  newLines?: string[];
  structLines?: boolean[];
}
const factsOfFile = perCommitFile((commit, fileIndex): FileFacts => {
  const known = commit.text(fileIndex, 'old');
  const oldText = known ?? commit.changes.filter((change) => change.fileIndex === fileIndex).flatMap((change) => change.removed).join('\n');
  return { readBefore: new Set([...oldText.matchAll(MEMBER_ACCESS)].map((match) => match[1])), oldWords: known === null ? null : new Set(known.match(WORD) ?? []) };
});

/** `struct name` declares a type only when the declaration follows (`{`, or the line ends); `struct name *p` uses it. */
const TYPE_KEYWORD_USE = /^(?:struct|enum|union)\s+[A-Za-z_]\w*\b(?!\s*(?:$|[{(<;]))/;
/**
 * In C and C++, `struct name;` only announces a type defined elsewhere (a
 * forward declaration, so that a header can name `struct repository *`); in
 * Rust the same line defines a unit struct.
 */
const C_FORWARD_DECLARATION = /^(?:struct|enum|union|class)\s+[A-Za-z_]\w*\s*;/;
/**
 * What the parsers call a module's unnamed export (`export default {...}`,
 * `module.exports = ...`): every file has its own, so two files "defining"
 * it share nothing (ESLint rule files all `export default createRule(...)`).
 */
const EXPORT_SLOTS = new Set(['default', 'module.exports', 'exports']);

/** Whether a declaration name is a module's unnamed export slot (see EXPORT_SLOTS), not a name of its own. */
export function isExportSlot(name: string): boolean {
  return EXPORT_SLOTS.has(name);
}
/** Words too common to link anything. */
const COMMON = new Set(
  'if else elif for while do switch case default break continue return try catch finally throw raise except def class function func fn var let const static public private protected import from export new this self null nil None true false True False and or not in is int char void bool string err error ok value result data args i j k n x y s t e struct union enum typedef unsigned signed sizeof extern inline goto long short float double'.split(' '),
);

/** A line that starts as a comment: a line comment, a block comment's opening, or the ` * ` of its continuation. */
function isCommentLine(line: string, language: Language): boolean {
  const text = line.trimStart();
  if (language.lineComments.some((marker) => text.startsWith(marker))) return true;
  return language.blockComments.some(({ open }) => text.startsWith(open) || (open === '/*' && /^\*(?:\s|\/|$)/.test(text)));
}

function innermost(declarations: Declaration[], line: number): Declaration | null {
  let best: Declaration | null = null;
  for (const declaration of declarations) {
    if (declaration.startLine <= line && declaration.endLine >= line) {
      if (best === null || declaration.endLine - declaration.startLine < best.endLine - best.startLine) best = declaration;
    }
  }
  return best;
}

function sectionName(section: string): string | null {
  const match =
    /\b(?:def|func|function|class|fn|sub|struct|interface|enum|module|type)\s+(?:\([^)]*\)\s*)?([A-Za-z_$][\w$]*)/.exec(section) ??
    /([A-Za-z_$][\w$]*)\s*\([^()]*$/.exec(section) ??
    /([A-Za-z_$][\w$]*)\s*\(/.exec(section);
  return match ? match[1] : null;
}

/** Whether a line looks like it declares something (a cheap test before asking a parser). */
export function looksLikeDeclaration(line: string, languageId: string): boolean {
  return DECLARATION_LINE.test(line) || (C_FAMILY.has(languageId) && !/^\s/.test(line) && C_FUNCTION_HEADER.test(line)) || /^\s*(export|pub|public|protected|internal|module\.exports|exports\.)\b/.test(line);
}

export function symbolsOf(commit: CommitView, change: Change): ChangeSymbols {
  const defines = new Set<string>();
  const sides = { old: { defines: new Set<string>(), uses: new Set<string>() }, new: { defines: new Set<string>(), uses: new Set<string>() } };
  const removedHeaders = new Set<string>();
  const define = (name: string, side: 'old' | 'new') => {
    defines.add(name);
    sides[side].defines.add(name);
  };
  const ranges: Array<['old' | 'new', { start: number; lines: number } | null]> = [
    ['old', change.old],
    ['new', change.new],
  ];
  let enclosing: string | null = null;
  let container: string | null = null;
  for (const [side, range] of ranges) {
    if (range === null) continue;
    // Only a parse some heuristic already needed: grouping does not pay for more.
    const syntax = commit.parsedSyntax(change.fileIndex, side);
    if (syntax === null) continue;
    const last = range.start + Math.max(range.lines, 1) - 1;
    for (const declaration of syntax.declarations) {
      if (range.lines > 0 && declaration.startLine <= last && declaration.headerEndLine >= range.start && !isExportSlot(declaration.name)) {
        define(declaration.name, side);
        if (side === 'old' && declaration.startLine >= range.start && declaration.headerEndLine <= last) removedHeaders.add(declaration.name);
      }
    }
    const around = innermost(syntax.declarations, range.lines > 0 ? range.start : range.start + 1);
    if (around !== null && enclosing === null && !(around.startLine >= range.start && around.startLine <= last)) {
      enclosing = `${change.file}::${around.container ? around.container + '.' : ''}${around.name}`;
      if (around.container) container = `${change.file}::${around.container}`;
      else if (around.kind === 'class') container = `${change.file}::${around.name}`;
    }
  }
  const language = commit.language(change.fileIndex);
  const cFamily = C_FAMILY.has(language.id);
  const typeScript = language.id === 'typescript';
  // In a test file a declaration-looking line is mostly sample code inside a
  // string (a linter's or parser's test case, a heredoc): only the parsers'
  // declarations say what a test defines. Nor does a comment declare anything
  // ("an interface gaining `data`" in a doc comment is no `interface gaining`).
  const declarationLines: Array<['old' | 'new', string]> = isTestPath(change.file)
    ? []
    : [...change.added.map((line): ['new', string] => ['new', line]), ...change.removed.map((line): ['old', string] => ['old', line])].filter(([, line]) => !isCommentLine(line, language));
  for (const [side, line] of declarationLines) {
    const declared = DECLARATION_LINE.exec(line);
    const fromKeyword = declared === null ? '' : line.slice(declared.index);
    const match = (declared !== null && !TYPE_KEYWORD_USE.test(fromKeyword) && !(cFamily && C_FORWARD_DECLARATION.test(fromKeyword)) ? declared : null) ?? (cFamily && !/^\s/.test(line) ? C_FUNCTION_HEADER.exec(line) : null);
    // An indented `const`/`let`/`var` is a local: nothing outside its function can use it.
    const name = match ? (match[1] ?? (/^\s/.test(line) ? undefined : match[2]) ?? match[3]) : undefined;
    if (name !== undefined && !COMMON.has(name) && !/^(if|for|while|switch|return|sizeof)$/.test(name)) {
      define(name, side);
      if (side === 'old') removedHeaders.add(name);
    }
    // A member declares its name even when the word is common (`data`): what reads it as `.data` is a use of it.
    const member = typeScript ? TYPED_MEMBER.exec(line) : null;
    if (member !== null && member[1] !== 'default' && member[1] !== 'case') define(member[1], side);
  }
  if (enclosing === null && change.hunkIndex >= 0) {
    const name = sectionName(commit.files[change.fileIndex].hunks[change.hunkIndex].section);
    if (name !== null) enclosing = `${change.file}::${name}`;
  }
  const uses = new Set<string>();
  const memberUses = new Set<string>();
  for (const [side, lines] of [
    ['new', change.added],
    ['old', change.removed],
  ] as const) {
    for (const line of lines) {
      for (const word of line.match(WORD) ?? []) {
        if (word.length >= 3 && !COMMON.has(word) && !defines.has(word)) {
          uses.add(word);
          sides[side].uses.add(word);
        }
      }
      for (const [, word] of line.matchAll(MEMBER_ACCESS)) {
        if (COMMON.has(word) && !defines.has(word)) {
          memberUses.add(word);
          sides[side].uses.add(word);
        }
      }
    }
  }
  const { newMembers, memberReads } = membersOf(commit, change, language.id);
  const exports = change.new === null ? [] : publicDeclarations(commit.parsedSyntax(change.fileIndex, 'new'), change.new);
  const removes = new Set([...removedHeaders].filter((name) => !sides.new.defines.has(name)));
  const { oldWords } = factsOfFile(commit, change.fileIndex);
  const freshWords = new Set<string>();
  if (oldWords !== null) for (const line of change.added) for (const word of line.match(WORD) ?? []) if (word.length >= 4 && !COMMON.has(word) && !oldWords.has(word)) freshWords.add(word);
  return {
    defines,
    uses,
    ...(memberUses.size > 0 ? { memberUses } : {}),
    enclosing,
    container,
    exports,
    sides,
    removes,
    ...(newMembers.size > 0 ? { newMembers } : {}),
    ...(memberReads.local.size > 0 ? { memberReads } : {}),
    ...(freshWords.size > 0 ? { freshWords } : {}),
  };
}

/** The members a change adds to a type, and those it starts to read (see ChangeSymbols). */
function membersOf(commit: CommitView, change: Change, languageId: string): { newMembers: Set<string>; memberReads: { local: Set<string>; fresh: Set<string> } } {
  const newMembers = new Set<string>();
  const local = new Set<string>();
  const fresh = new Set<string>();
  if (change.added.length === 0) return { newMembers, memberReads: { local, fresh } };
  const file = factsOfFile(commit, change.fileIndex);
  // A member the old file already reads, or one this change re-declares (a type changed), is not new.
  const removedWords = new Set(change.removed.flatMap((line) => line.match(WORD) ?? []));
  const removedReads = new Set<string>();
  for (const line of change.removed) for (const [, word] of line.matchAll(MEMBER_ACCESS)) removedReads.add(word);
  const newText = commit.text(change.fileIndex, 'new');
  change.added.forEach((line, k) => {
    for (const [, word] of line.matchAll(MEMBER_ACCESS)) if (!removedReads.has(word)) local.add(word);
    let name: string | undefined;
    if (C_FAMILY.has(languageId) && change.new !== null && newText !== null && !C_STATEMENT.test(line) && (C_FIELD.test(line) || C_POINTER_FIELD.test(line))) {
      const index = change.new.start - 1 + k;
      file.newLines ??= newText.split('\n');
      file.structLines ??= structBodyLines(file.newLines);
      if (file.newLines[index] === line && file.structLines[index]) name = (C_POINTER_FIELD.exec(line) ?? C_FIELD.exec(line))?.[1];
    } else if (languageId === 'python') name = PYTHON_ATTRIBUTE.exec(line)?.[1];
    else if (languageId === 'typescript' || languageId === 'javascript') name = (THIS_ATTRIBUTE.exec(line) ?? (languageId === 'typescript' ? TYPED_MEMBER.exec(line) : null))?.[1];
    if (name !== undefined && !file.readBefore.has(name) && !removedWords.has(name)) newMembers.add(name);
  });
  for (const name of local) if (!file.readBefore.has(name)) fresh.add(name);
  return { newMembers, memberReads: { local, fresh } };
}
