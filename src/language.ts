/**
 * What the advisor knows about a file's language from its name: how to find its
 * comments and string literals, and where whitespace carries meaning. The
 * commit practice forbids calling a change "whitespace only" where it is not, so
 * every flag here errs towards "significant".
 */
import * as path from 'node:path';

export interface StringDelimiter {
  open: string;
  close: string;
  /** May span lines (template literals, triple quotes, raw strings). */
  multiline: boolean;
  /** Backslash escapes the next character. */
  escapes: boolean;
  /** A doubled closing delimiter stands for itself (C# verbatim strings: `""`). */
  doubledEscape?: boolean;
}

/**
 * A string literal whose closing delimiter is chosen by its opening one:
 * C++ `R"x( ... )x"`, Rust `r#" ... "#`, Lua `[==[ ... ]==]`. All may span lines
 * and none has escapes.
 */
export interface RawStringSyntax {
  /** Sticky pattern tried where a token starts; the named group `tag` goes into the closing delimiter. */
  open: RegExp;
  /** Every character `open` may match first (the lexer skips stretches without them). */
  opensWith: string;
  /** The closing delimiter for an opening whose `tag` group matched `tag`. */
  close: (tag: string) => string;
  doubledEscape?: boolean;
  /**
   * Text showing that such a string may open or close among some lines: without
   * the whole file, the advisor refuses to call whitespace there a no-op.
   */
  hint: RegExp;
}

/**
 * How a language opens a heredoc (`<<EOF`): its body runs from the next line to
 * the line holding only the terminator word, and every byte of it is data.
 */
export interface HeredocSyntax {
  /**
   * Sticky pattern tried where a token starts. Named groups: `word` is the
   * terminator; a non-empty `indent` means the closing line may be indented.
   */
  open: RegExp;
  /** Every character `open` may match first (the lexer skips stretches without them). */
  opensWith: string;
  /** The closing line may always be indented and followed by `;`, `,` or `)` (PHP 7.3+). */
  lenientClose: boolean;
}

export interface Language {
  id: string;
  /** Display name for reasons ("Python"). */
  name: string;
  lineComments: string[];
  blockComments: Array<{ open: string; close: string }>;
  strings: StringDelimiter[];
  /** Whitespace between tokens on one line may change freely (C, Java, JS...; not shell). */
  freeSpacing: boolean;
  /** Leading indentation is syntax (Python, Haskell...). */
  indentSignificant: boolean;
  /** A line break can end a statement (JS/Go/Python/Ruby/shell), so re-wrapping is not whitespace. */
  newlineSignificant: boolean;
  /** `/re gex/` literals exist, so a slash in code makes the spacing around it unknowable to a plain lexer. */
  regexLiterals: boolean;
  /**
   * Whitespace is data or syntax almost everywhere (Markdown, YAML, Makefile recipes,
   * plain text): no change in it is ever called whitespace-only.
   */
  whitespaceAlwaysSignificant: boolean;
  /** Markers of content a plain lexer cannot follow (heredocs, raw strings with custom delimiters). */
  opaqueMarkers: RegExp | null;
  /** Heredoc syntax, when the language has one; the lexer marks the body lines opaque. */
  heredoc: HeredocSyntax | null;
  /** Raw string syntaxes, tried before `strings`. */
  rawStrings: RawStringSyntax[];
}

const C_STRINGS: StringDelimiter[] = [
  { open: '"', close: '"', multiline: false, escapes: true },
  { open: "'", close: "'", multiline: false, escapes: true },
];
const C_COMMENTS = { lineComments: ['//'], blockComments: [{ open: '/*', close: '*/' }] };
/** C++11 raw strings, with the encoding prefixes; the tag is at most 16 characters. */
const CPP_RAW: RawStringSyntax = {
  open: /(?:u8|[uUL])?R"(?<tag>[^()\\\s"]{0,16})\(/y,
  opensWith: 'uULR',
  close: (tag) => `)${tag}"`,
  hint: /R"[^()\\\s"]{0,16}\(|\)[^()\\\s"]{0,16}"/,
};

function language(spec: Partial<Language> & Pick<Language, 'id' | 'name'>): Language {
  return {
    lineComments: [],
    blockComments: [],
    strings: [],
    freeSpacing: false,
    indentSignificant: false,
    newlineSignificant: true,
    regexLiterals: false,
    whitespaceAlwaysSignificant: false,
    opaqueMarkers: null,
    heredoc: null,
    rawStrings: [],
    ...spec,
  };
}

export const LANGUAGES: Record<string, Language> = {
  // .h files may be C++: C gets the raw strings too (a C file never holds `R"(`).
  c: language({ id: 'c', name: 'C', ...C_COMMENTS, strings: C_STRINGS, freeSpacing: true, newlineSignificant: false, opaqueMarkers: /\bR"[^(\s]*\(/, rawStrings: [CPP_RAW] }),
  cpp: language({ id: 'cpp', name: 'C++', ...C_COMMENTS, strings: C_STRINGS, freeSpacing: true, newlineSignificant: false, opaqueMarkers: /\bR"[^(\s]*\(/, rawStrings: [CPP_RAW] }),
  csharp: language({
    id: 'csharp',
    name: 'C#',
    ...C_COMMENTS,
    strings: C_STRINGS,
    freeSpacing: true,
    newlineSignificant: false,
    opaqueMarkers: /@"|"""/,
    rawStrings: [
      // Raw string literals (C# 11) close with as many quotes as opened them.
      { open: /\$*(?<tag>"{3,})/y, opensWith: '$"', close: (tag) => tag, hint: /"""/ },
      // Verbatim strings: no escapes but `""`, and they may span lines.
      { open: /(?:\$@|@\$?)(?<tag>)"/y, opensWith: '$@', close: () => '"', doubledEscape: true, hint: /@"/ },
    ],
  }),
  java: language({ id: 'java', name: 'Java', ...C_COMMENTS, strings: [{ open: '"""', close: '"""', multiline: true, escapes: true }, ...C_STRINGS], freeSpacing: true, newlineSignificant: false }),
  kotlin: language({ id: 'kotlin', name: 'Kotlin', ...C_COMMENTS, strings: [{ open: '"""', close: '"""', multiline: true, escapes: false }, ...C_STRINGS], freeSpacing: true }),
  javascript: language({
    id: 'javascript',
    name: 'JavaScript',
    ...C_COMMENTS,
    strings: [{ open: '`', close: '`', multiline: true, escapes: true }, ...C_STRINGS],
    freeSpacing: true,
    regexLiterals: true,
  }),
  typescript: language({
    id: 'typescript',
    name: 'TypeScript',
    ...C_COMMENTS,
    strings: [{ open: '`', close: '`', multiline: true, escapes: true }, ...C_STRINGS],
    freeSpacing: true,
    regexLiterals: true,
  }),
  go: language({
    id: 'go',
    name: 'Go',
    ...C_COMMENTS,
    strings: [{ open: '`', close: '`', multiline: true, escapes: false }, ...C_STRINGS],
    freeSpacing: true,
  }),
  rust: language({
    id: 'rust',
    name: 'Rust',
    ...C_COMMENTS,
    strings: [{ open: '"', close: '"', multiline: true, escapes: true }],
    freeSpacing: true,
    newlineSignificant: false,
    opaqueMarkers: /\br#*"|'/,
    rawStrings: [{ open: /b?r(?<tag>#*)"/y, opensWith: 'br', close: (tag) => `"${tag}`, hint: /\br#*"|"#/ }],
  }),
  swift: language({ id: 'swift', name: 'Swift', ...C_COMMENTS, strings: [{ open: '"""', close: '"""', multiline: true, escapes: true }, ...C_STRINGS], freeSpacing: true }),
  css: language({ id: 'css', name: 'CSS', blockComments: [{ open: '/*', close: '*/' }], strings: C_STRINGS, freeSpacing: false, newlineSignificant: false }),
  json: language({ id: 'json', name: 'JSON', strings: [{ open: '"', close: '"', multiline: false, escapes: true }], freeSpacing: true, newlineSignificant: false }),
  python: language({
    id: 'python',
    name: 'Python',
    lineComments: ['#'],
    strings: [
      { open: '"""', close: '"""', multiline: true, escapes: true },
      { open: "'''", close: "'''", multiline: true, escapes: true },
      ...C_STRINGS,
    ],
    freeSpacing: true,
    indentSignificant: true,
  }),
  ruby: language({
    id: 'ruby',
    name: 'Ruby',
    lineComments: ['#'],
    strings: C_STRINGS,
    freeSpacing: false,
    regexLiterals: true,
    opaqueMarkers: /<<[~-]?['"A-Z_]|%[qQwWiIr]?[^\sA-Za-z0-9]|^=begin/,
    heredoc: { open: /<<(?<indent>[~-]?)(?<q>['"`]?)(?<word>[A-Za-z_]\w*)\k<q>/y, lenientClose: false, opensWith: '<' },
  }),
  shell: language({
    id: 'shell',
    name: 'shell',
    lineComments: ['#'],
    strings: C_STRINGS,
    freeSpacing: false,
    opaqueMarkers: /<<-?\s*['"]?\w/,
    // Not `<<<word`, a here-string that stays on its line.
    heredoc: { open: /(?<!<)<<(?<indent>-?)[ \t]*(?<q>['"]?)\\?(?<word>\w+)\k<q>/y, lenientClose: false, opensWith: '<' },
  }),
  perl: language({
    id: 'perl',
    name: 'Perl',
    lineComments: ['#'],
    strings: C_STRINGS,
    freeSpacing: false,
    regexLiterals: true,
    opaqueMarkers: /<<['"~]?\w|\bq[qwr]?\s*[^\s\w]/,
    heredoc: { open: /<<(?<indent>~?)[ \t]*(?<q>['"]?)(?<word>[A-Za-z_]\w*)\k<q>/y, lenientClose: false, opensWith: '<' },
  }),
  php: language({
    id: 'php',
    name: 'PHP',
    lineComments: ['//', '#'],
    blockComments: [{ open: '/*', close: '*/' }],
    strings: C_STRINGS,
    freeSpacing: true,
    opaqueMarkers: /<<<|\?>/,
    heredoc: { open: /<<<[ \t]*(?<q>['"]?)(?<word>[A-Za-z_]\w*)\k<q>/y, lenientClose: true, opensWith: '<' },
  }),
  lua: language({
    id: 'lua',
    name: 'Lua',
    lineComments: ['--'],
    strings: C_STRINGS,
    freeSpacing: true,
    opaqueMarkers: /\[=*\[/,
    rawStrings: [{ open: /\[(?<tag>=*)\[/y, opensWith: '[', close: (tag) => `]${tag}]`, hint: /\[=*\[|\]=*\]/ }],
  }),
  toml: language({
    id: 'toml',
    name: 'TOML',
    lineComments: ['#'],
    strings: [
      { open: '"""', close: '"""', multiline: true, escapes: true },
      { open: "'''", close: "'''", multiline: true, escapes: false },
      { open: '"', close: '"', multiline: false, escapes: true },
      { open: "'", close: "'", multiline: false, escapes: false },
    ],
    freeSpacing: true,
  }),
  // Scala 3 blocks may be set by indentation alone.
  scala: language({ id: 'scala', name: 'Scala', ...C_COMMENTS, strings: [{ open: '"""', close: '"""', multiline: true, escapes: false }, ...C_STRINGS], freeSpacing: true, indentSignificant: true }),
  dart: language({
    id: 'dart',
    name: 'Dart',
    ...C_COMMENTS,
    strings: [{ open: "'''", close: "'''", multiline: true, escapes: true }, { open: '"""', close: '"""', multiline: true, escapes: true }, ...C_STRINGS],
    freeSpacing: true,
    newlineSignificant: false,
    opaqueMarkers: /\br['"]/,
  }),
  // `f -1` and `f - 1` differ, so spacing is not free; sigils (`~r/.../`) and `?"` char literals are opaque.
  elixir: language({
    id: 'elixir',
    name: 'Elixir',
    lineComments: ['#'],
    strings: [{ open: '"""', close: '"""', multiline: true, escapes: true }, { open: "'''", close: "'''", multiline: true, escapes: true }, ...C_STRINGS],
    freeSpacing: false,
    opaqueMarkers: /~[A-Za-z]|\?['"]/,
  }),
  sql: language({ id: 'sql', name: 'SQL', lineComments: ['--'], blockComments: [{ open: '/*', close: '*/' }], strings: [{ open: "'", close: "'", multiline: true, escapes: false }], freeSpacing: true, newlineSignificant: false }),
  html: language({ id: 'html', name: 'HTML', whitespaceAlwaysSignificant: true }),
  markdown: language({ id: 'markdown', name: 'Markdown', whitespaceAlwaysSignificant: true }),
  yaml: language({ id: 'yaml', name: 'YAML', whitespaceAlwaysSignificant: true }),
  makefile: language({ id: 'makefile', name: 'Makefile', whitespaceAlwaysSignificant: true }),
  haskell: language({ id: 'haskell', name: 'Haskell', whitespaceAlwaysSignificant: true }),
  text: language({ id: 'text', name: 'plain text', whitespaceAlwaysSignificant: true }),
};

const BY_EXTENSION: Record<string, string> = {
  '.c': 'c', '.h': 'c',
  '.cc': 'cpp', '.cpp': 'cpp', '.cxx': 'cpp', '.hh': 'cpp', '.hpp': 'cpp', '.hxx': 'cpp', '.ino': 'cpp',
  '.cs': 'csharp',
  '.java': 'java',
  '.kt': 'kotlin', '.kts': 'kotlin',
  '.js': 'javascript', '.jsx': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript',
  '.ts': 'typescript', '.tsx': 'typescript', '.mts': 'typescript', '.cts': 'typescript',
  '.go': 'go',
  '.rs': 'rust',
  '.swift': 'swift',
  '.css': 'css', '.scss': 'css', '.less': 'css',
  '.json': 'json',
  '.py': 'python', '.pyi': 'python',
  '.rb': 'ruby', '.rake': 'ruby', '.gemspec': 'ruby',
  '.sh': 'shell', '.bash': 'shell', '.zsh': 'shell', '.ksh': 'shell',
  '.pl': 'perl', '.pm': 'perl',
  '.php': 'php',
  '.lua': 'lua',
  '.sql': 'sql',
  '.toml': 'toml',
  '.scala': 'scala', '.sc': 'scala', '.sbt': 'scala',
  '.dart': 'dart',
  '.ex': 'elixir', '.exs': 'elixir',
  '.html': 'html', '.htm': 'html', '.xml': 'html', '.svg': 'html', '.vue': 'html',
  '.md': 'markdown', '.markdown': 'markdown', '.rst': 'markdown', '.txt': 'text', '.adoc': 'markdown',
  '.yml': 'yaml', '.yaml': 'yaml',
  '.mk': 'makefile', '.mak': 'makefile',
  '.hs': 'haskell', '.lhs': 'haskell',
};

const BY_NAME: Record<string, string> = {
  makefile: 'makefile', gnumakefile: 'makefile', 'makefile.am': 'makefile', 'makefile.in': 'makefile',
  rakefile: 'ruby', gemfile: 'ruby',
  dockerfile: 'shell',
  '.bashrc': 'shell', '.profile': 'shell', '.zshrc': 'shell',
};

/** The language of a path, or plain text when the name says nothing the advisor knows. */
export function languageOf(filePath: string): Language {
  const base = path.posix.basename(filePath).toLowerCase();
  const byName = BY_NAME[base];
  if (byName !== undefined) return LANGUAGES[byName];
  const byExtension = BY_EXTENSION[path.posix.extname(base)];
  return LANGUAGES[byExtension ?? 'text'];
}
