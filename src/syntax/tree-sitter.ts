/**
 * The tree-sitter SyntaxService for the languages other than TS/JS: C, C++, C#,
 * Java, Kotlin, Go, Rust, Swift, Python, Ruby, shell, PHP, CSS, JSON, YAML, HTML,
 * TOML, Scala, Dart and Elixir. Lua is mapped, but its prebuilt grammar misparses
 * on this runtime and is rejected by its trial parse (see TRIALS).
 *
 * Runtime: C, C++, Go, Java, Python, Ruby, Rust and shell use their native
 * builds where installed (tree-sitter-native.ts: the Node binding and prebuilt
 * grammars, optional dependencies); everything else, and those where the native
 * build does not load, web-tree-sitter (WebAssembly), started once per process, with grammars
 * from tree-sitter-wasms. Grammars are loaded only when a language is asked for,
 * once each. The two builds give the same tokens and declarations (the language
 * tables of the tests run on both). A grammar that fails to load, or fails on a
 * trial parse, is left out of `languages`, so the caller falls back to the table
 * lexer; nothing here throws
 * for a missing or broken grammar, and `parse` returns null (table lexer again)
 * for a text that makes the parser throw, time out, or is over 4 MiB.
 *
 * Tokens: every leaf of the tree becomes one token, in the LexedLine shape of the
 * table lexer (src/lexer.ts):
 * - comments (node type containing `comment`) are one 'comment' token each;
 * - a whole string literal (strings, raw strings, char literals, regexes,
 *   heredoc bodies, template and interpolated strings) is one 'string' token,
 *   interpolations included; a literal spanning lines gives one token per line and
 *   the following lines start with `startState: { kind: 'string', ... }` (the
 *   delimiter there is a placeholder built from the literal's text: only `kind`
 *   is meaningful);
 * - keywords, names and numbers are 'word', everything else 'punct', one token per
 *   leaf (`++`, `->`, `::` stay whole);
 * - names carry `identifier: true` (see SyntaxToken).
 * Lines inside ERROR nodes, at MISSING nodes, or holding text no leaf covers
 * (other than a line-continuation backslash) are `opaque`.
 */
import { promises as fsp, readFileSync } from 'node:fs';
import type { Language as Grammar } from 'web-tree-sitter';
import { LANGUAGES, Language, StringDelimiter } from '../language';
import { LexState, LexedLine, Token, TokenType, lexLines } from '../lexer';
import { GRAMMARS, GRAMMAR_FILES } from './grammars';
import { declarationsOf } from './tree-sitter-declarations';
import { ParserLike, TreeEdit, TreeLike } from './tree-sitter-api';
import { NATIVE_GRAMMARS, loadNativeParser } from './tree-sitter-native';
import { FileSyntax, LineEdit, ParseOptions, SyntaxService } from './types';

/**
 * A token from a real parser. `identifier` is true on names (identifiers, type and
 * field names, Ruby constants, PHP names...), absent elsewhere; keywords are words
 * without it.
 */
export type SyntaxToken = Token;

export { GRAMMARS };

/** The service, plus why the languages asked for but not parsable were left out. */
export interface TreeSitterService extends SyntaxService {
  /** Language id -> reason, for ids that have a grammar mapping but could not be loaded. */
  readonly unavailable: ReadonlyMap<string, string>;
  /** Language id -> the build parsing it: a native binary or WebAssembly. */
  readonly engines: ReadonlyMap<string, 'native' | 'wasm'>;
}

/**
 * A small valid text per grammar. Each grammar must parse it twice without syntax
 * errors before it is used: this rejects Lua (in tree-sitter-wasms 0.1.13 its
 * scanner misreads everything after the first parse in the process, or even the
 * first one when other grammars were loaded before it), and would reject any other
 * grammar that does not work on this runtime.
 */
const TRIALS: Readonly<Record<string, string>> = {
  c: 'int x = 1;\n',
  cpp: 'int x = 1;\n',
  c_sharp: 'class A { int x = 1; }\n',
  java: 'class A { int x = 1; }\n',
  kotlin: 'val x = 1\n',
  go: 'package a\n\nvar x = 1\n',
  rust: 'const X: i32 = 1;\n',
  swift: 'let x = 1\n',
  python: 'x = 1\n',
  ruby: 'x = 1\n',
  bash: 'x=1\n',
  php: '<?php $x = 1;\n',
  lua: 'local x = 1\n',
  css: 'a { b: c; }\n',
  json: '{"x": 1}\n',
  yaml: 'x: 1\n',
  html: '<p>x</p>\n',
  toml: 'x = 1\n',
  scala: 'object A { val x = 1 }\n',
  dart: 'var x = 1;\n',
  elixir: 'x = 1\n',
  make: 'all: x\n\techo hi\n',
};

/** Files longer than this are left to the table lexer (a parse this size takes seconds). */
const MAX_TEXT_LENGTH = 4 * 1024 * 1024;
/** A parse still running after this long is cancelled, and the file left to the table lexer. */
const PARSE_DEADLINE_MS = 5000;

type LoadedGrammar = { ok: true; parser: ParserLike } | { ok: false; reason: string };

let runtime: Promise<string | null> | null = null;
/** Grammars read and linked, by grammar name (or why not). */
const grammars = new Map<string, Promise<Grammar | string>>();
/** Grammars that passed (or failed) their trial parses. */
const checked = new Map<string, LoadedGrammar>();
/**
 * Grammar loads run one after another: the runtime's dynamic linker keeps global
 * state across the awaits of a load, and two loads at once mix up their symbols
 * ("bad export type for 'tree_sitter_kotlin_external_scanner_create'").
 */
let loading: Promise<unknown> = Promise.resolve();
const counts = { runtimeInits: 0, grammarLoads: new Map<string, number>(), nativeLoads: new Map<string, number>(), incrementalParses: 0 };

/**
 * How often the WebAssembly runtime was started, each WebAssembly grammar read,
 * each native grammar loaded, and a parse started from an edited tree, in this
 * process (for tests and benchmarks).
 */
export function treeSitterLoadCounts(): { runtimeInits: number; grammarLoads: ReadonlyMap<string, number>; nativeLoads: ReadonlyMap<string, number>; incrementalParses: number } {
  return { runtimeInits: counts.runtimeInits, grammarLoads: new Map(counts.grammarLoads), nativeLoads: new Map(counts.nativeLoads), incrementalParses: counts.incrementalParses };
}

/** The runtime module's exports: its allocator, and its stack pointer to restore after a parse that threw. */
interface RuntimeExports {
  malloc(size: number): number;
  free(pointer: number): void;
  emscripten_stack_get_current(): number;
  _emscripten_stack_restore(pointer: number): void;
}
let runtimeExports: RuntimeExports | null = null;

/** The part of the WebAssembly global used here (the project's `lib` has no WebAssembly types). */
interface WasmInstance {
  exports: Record<string, unknown>;
}
const wasm = (globalThis as unknown as { WebAssembly: { Module: new (bytes: Uint8Array) => object; Instance: new (module: object, imports: object) => WasmInstance } })
  .WebAssembly;

/**
 * C library functions some grammars' scanners call but the 0.25.10 runtime does not
 * export: without them bash throws on `case` (isalpha) and YAML (a C++ scanner)
 * on every parse. The runtime resolves a grammar's missing symbols in its import
 * object, which Emscripten's `instantiateWasm` hook hands over.
 */
function missingRuntimeSymbols(): Record<string, (...args: number[]) => number | void> {
  const runtimeExport = () => {
    if (runtimeExports === null) throw new Error('tree-sitter runtime not started');
    return runtimeExports;
  };
  return {
    isalpha: (c) => ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0),
    __assert_fail: () => {
      throw new Error('assertion failed in a tree-sitter grammar');
    },
    // C++ operator new and delete, and std::vector's length error (YAML's scanner).
    _Znwm: (size) => runtimeExport().malloc(size),
    _ZdlPv: (pointer) => runtimeExport().free(pointer),
    _ZNKSt3__220__vector_base_commonILb1EE20__throw_length_errorEv: () => {
      throw new Error('std::vector length error in a tree-sitter grammar');
    },
  };
}

/** The WebAssembly runtime's module, required on first use: a commit whose languages all have a native build never pays its ~15 ms. */
function webTreeSitter(): typeof import('web-tree-sitter') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('web-tree-sitter') as typeof import('web-tree-sitter');
}

/** Starts the WebAssembly runtime once; resolves to null, or to why it could not start. */
function startRuntime(): Promise<string | null> {
  if (runtime === null) {
    counts.runtimeInits++;
    const options = {
      // Emscripten's hook: instantiate the runtime ourselves, synchronously (an
      // error then rejects init instead of leaving it pending), with the symbols above.
      instantiateWasm(imports: { env: Record<string, unknown> }, receive: (instance: WasmInstance, module: object) => void) {
        for (const [name, fn] of Object.entries(missingRuntimeSymbols())) if (!(name in imports.env)) imports.env[name] = fn;
        const module = new wasm.Module(readFileSync(require.resolve('web-tree-sitter/tree-sitter.wasm')));
        const instance = new wasm.Instance(module, imports);
        runtimeExports = instance.exports as unknown as RuntimeExports;
        receive(instance, module);
        return {};
      },
    };
    const { Parser } = webTreeSitter();
    runtime = Parser.init(options as unknown as Parameters<typeof Parser.init>[0]).then(
      () => null,
      (error: unknown) => `tree-sitter runtime did not start: ${message(error)}`,
    );
  }
  return runtime;
}

/** Reads and links one grammar, once; resolves to the grammar or to why it failed. */
function loadGrammar(name: string): Promise<Grammar | string> {
  let loaded = grammars.get(name);
  if (loaded === undefined) {
    counts.grammarLoads.set(name, (counts.grammarLoads.get(name) ?? 0) + 1);
    const load = async (): Promise<Grammar | string> => {
      try {
        // Bytes rather than a path: Language.load(path) reads the file through a
        // dynamic import(), which Jest's CommonJS sandbox refuses.
        const bytes = await fsp.readFile(require.resolve(GRAMMAR_FILES[name] ?? `tree-sitter-wasms/out/tree-sitter-${name}.wasm`));
        return await webTreeSitter().Language.load(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      } catch (error) {
        return `grammar ${name}: ${message(error)}`;
      }
    };
    loaded = loading.then(load);
    loading = loaded;
    grammars.set(name, loaded);
  }
  return loaded;
}

/**
 * Parses the grammar's trial text twice, once per grammar and engine (`key`).
 * Done after all the loads of a call: a parse starts V8 compiling hot WebAssembly
 * code in the background, and a load started after it waits for that (up to seconds).
 */
function checkGrammar(key: string, name: string, make: () => ParserLike | string): LoadedGrammar {
  let result = checked.get(key);
  if (result !== undefined) return result;
  try {
    const parser = make();
    if (typeof parser === 'string') {
      result = { ok: false, reason: parser };
    } else {
      for (let round = 1; round <= 2; round++) {
        const trial = parser.parse(TRIALS[name] ?? '\n', null, { progressCallback: () => false });
        if (trial == null) throw new Error('trial parse returned no tree');
        const broken = trial.rootNode.hasError;
        trial.delete?.();
        if (broken) throw new Error(`a valid sample parsed with syntax errors (parse ${round})`);
      }
      result = { ok: true, parser };
    }
  } catch (error) {
    // A parser whose parse threw inside WebAssembly is dropped, not reused or freed.
    result = { ok: false, reason: `grammar ${name}: ${message(error)}` };
  }
  checked.set(key, result);
  return result;
}

/** A WebAssembly grammar's parser, or why there is none. */
function wasmParser(grammar: Grammar | string): ParserLike | string {
  if (typeof grammar === 'string') return grammar;
  const parser = new (webTreeSitter().Parser)();
  parser.setLanguage(grammar);
  // web-tree-sitter's Tree has the members of TreeLike, but its own Edit class and
  // more methods: the compiler cannot match the two parse signatures structurally.
  return parser as unknown as ParserLike;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface TreeSitterOptions {
  /**
   * Use a grammar's native build where one is installed and passes its trial
   * (tree-sitter-native.ts), else WebAssembly. Default: true, unless the
   * environment says SPLIT_ADVISOR_TREE_SITTER=wasm (to compare the two).
   */
  native?: boolean;
}

/**
 * Loads what is needed to parse the given languages (ids without a grammar, such as
 * typescript or markdown, are ignored) and returns a service for those that loaded.
 * A native grammar is used where there is one; the WebAssembly runtime starts on
 * the first call that needs it. Later calls reuse every grammar already loaded.
 */
export async function loadTreeSitter(languageIds: Iterable<string>, options: TreeSitterOptions = {}): Promise<TreeSitterService> {
  const native = options.native ?? process.env.SPLIT_ADVISOR_TREE_SITTER !== 'wasm';
  const wanted = [...new Set(languageIds)].filter((id) => Object.prototype.hasOwnProperty.call(GRAMMARS, id));
  const parsers = new Map<string, ParserLike>();
  const engines = new Map<string, 'native' | 'wasm'>();
  const unavailable = new Map<string, string>();
  const needWasm: string[] = [];
  for (const id of wanted) {
    const name = GRAMMARS[id];
    if (native && Object.prototype.hasOwnProperty.call(NATIVE_GRAMMARS, name)) {
      const result = checkGrammar(`native:${name}`, name, () => {
        counts.nativeLoads.set(name, (counts.nativeLoads.get(name) ?? 0) + 1);
        return loadNativeParser(name);
      });
      if (result.ok) {
        parsers.set(id, result.parser);
        engines.set(id, 'native');
        continue;
      }
    }
    needWasm.push(id);
  }
  if (needWasm.length > 0) {
    const failure = await startRuntime();
    if (failure !== null) {
      for (const id of needWasm) unavailable.set(id, failure);
    } else {
      const loaded = await Promise.all(needWasm.map((id) => loadGrammar(GRAMMARS[id])));
      needWasm.forEach((id, k) => {
        const result = checkGrammar(GRAMMARS[id], GRAMMARS[id], () => wasmParser(loaded[k]));
        if (result.ok) {
          parsers.set(id, result.parser);
          engines.set(id, 'wasm');
        } else {
          unavailable.set(id, result.reason);
        }
      });
    }
  }
  const languages: ReadonlySet<string> = new Set(parsers.keys());
  return {
    languages,
    unavailable,
    engines,
    parse(languageId: string, path: string, text: string, options: ParseOptions = {}): FileSyntax | null {
      const parser = parsers.get(languageId);
      if (parser === undefined || text.length > MAX_TEXT_LENGTH) return null;
      return parseWith(parser, languageId, path, text, options);
    },
  };
}

function parseWith(parser: ParserLike, languageId: string, path: string, text: string, options: ParseOptions): FileSyntax | null {
  const tokens = options.tokens === true;
  const deadline = Date.now() + PARSE_DEADLINE_MS;
  const stack = runtimeExports?.emscripten_stack_get_current() ?? null;
  let tree: TreeLike | null;
  let base: TreeLike | null = null;
  // The lines of `text`, once something needs them (the edits, then the tokens).
  let index: LineIndex | null = null;
  if (options.from !== undefined) {
    try {
      base = editedTree(parser, options.from.syntax, options.from.edits, text, (index ??= lineIndexOf(text)));
    } catch {
      // Editing a copied tree runs WebAssembly too: on failure, a fresh parse.
      if (stack !== null) runtimeExports?._emscripten_stack_restore(stack);
      base = null;
    }
  }
  try {
    // The callback cancels the parse by returning true.
    tree = parser.parse(text, base, { progressCallback: () => Date.now() > deadline }) ?? null;
  } catch {
    // A JS exception unwound the WebAssembly frames without popping their C stack:
    // restore it, or some 75 such failures later the runtime corrupts its memory.
    if (stack !== null) runtimeExports?._emscripten_stack_restore(stack);
    parser.reset();
    return null;
  } finally {
    base?.delete?.();
  }
  if (tree === null) {
    parser.reset();
    return null;
  }
  let declarations: FileSyntax['declarations'];
  let hasErrors: boolean;
  try {
    const root = tree.rootNode;
    declarations = declarationsOf(languageId, path, root, text);
    hasErrors = root.hasError;
  } catch {
    // A tree shape these walkers do not expect: the table lexer is the safe answer.
    tree.delete?.();
    return null;
  }
  // Tokens cost more than the parse itself (a JS walk over every leaf), and many
  // callers only want declarations: they are made on first use, by parsing again,
  // unless the caller said it will read them: then the tree is kept, and lines
  // are made a range at a time from it (most callers read a few lines).
  let lines: FileSyntax['lines'] | null = null;
  let kept: TreeLike | null = null;
  // Kept until the other version of the file was parsed from it.
  let reusePending = false;
  if ((tokens || options.reuse === true) && keptCharacters + text.length <= KEPT_TEXT_BUDGET) {
    kept = tree;
    keptCharacters += text.length;
    reusePending = options.reuse === true;
  } else {
    if (tokens) lines = fromTree(tree);
    tree.delete?.();
  }
  /** Runs a walk of the kept tree; a failure frees it, and null sends the caller to the whole-file path. */
  const fromKept = <T>(walk: (tree: TreeLike) => T | null): T | null => {
    if (kept === null) return null;
    try {
      return walk(kept);
    } catch {
      if (stack !== null) runtimeExports?._emscripten_stack_restore(stack);
      parser.reset();
      release();
      return null;
    }
  };
  const release = () => {
    if (kept === null) return;
    keptTrees.unregister(result);
    kept.delete?.();
    kept = null;
    keptCharacters -= text.length;
  };
  const result: FileSyntax = {
    get lines() {
      if (lines === null) {
        lines = fromKept((tree) => tokenize(tree, text, (index ??= lineIndexOf(text))));
        if (!reusePending) release();
        lines ??= tokensOf(parser, text) ?? lexLines(text.split('\n'), languageFor(languageId));
      }
      return lines;
    },
    linesIn(start: number, end: number) {
      if (lines !== null) return lines.slice(start, end);
      return fromKept((tree) => tokenizeRows(tree, text, (index ??= lineIndexOf(text)), start, end));
    },
    declarations,
    hasErrors,
  };
  if (kept !== null) keptTrees.register(result, { tree: kept, characters: text.length }, result);
  if (reusePending) {
    reusable.set(result, {
      parser,
      text,
      index: () => (index ??= lineIndexOf(text)),
      // The native binding has no copy: a parse of the same text from the kept tree
      // reuses every node (0.6 ms for 60 KB of C) and gives an equal tree to edit,
      // while the kept one stays as it was.
      copy: () => fromKept((tree) => tree.copy?.() ?? parser.parse(text, tree, { progressCallback: () => false }) ?? null),
      done: () => {
        reusePending = false;
        reusable.delete(result);
        if (!tokens || lines !== null) release();
      },
    });
  }
  return result;

  /** Tokens from the tree at hand, or null (reading `lines` parses again). */
  function fromTree(tree: TreeLike): LexedLine[] | null {
    try {
      return tokenize(tree, text);
    } catch {
      if (stack !== null) runtimeExports?._emscripten_stack_restore(stack);
      parser.reset();
      return null;
    }
  }
}

/** What a parse kept for reparsing the other version of its file incrementally. */
interface ReusableParse {
  parser: ParserLike;
  text: string;
  index(): LineIndex;
  /** A copy of the kept tree (the caller frees it), or null if it is gone. */
  copy(): TreeLike | null;
  /** No other parse will start from this one: the tree may go. */
  done(): void;
}
const reusable = new WeakMap<FileSyntax, ReusableParse>();

/**
 * The tree kept from `previous`'s parse, edited into the shape of `text`, for
 * tree-sitter to reparse only around the edits; null (a full parse) when there
 * is none, or when the text outside the edits is not the previous text's: wrong
 * edits would make a wrong tree, and checking costs a string comparison.
 */
function editedTree(parser: ParserLike, previous: FileSyntax, edits: readonly LineEdit[], text: string, after: LineIndex): TreeLike | null {
  const reuse = reusable.get(previous);
  if (reuse === undefined || reuse.parser !== parser) return null;
  const tree = reuse.copy();
  reuse.done();
  if (tree === null) return null;
  let applied = false;
  try {
    applied = applyEdits(tree, reuse, edits, text, after);
  } finally {
    if (!applied) tree.delete?.();
  }
  if (!applied) return null;
  counts.incrementalParses++;
  return tree;
}

/** Edits `tree` from the previous text into `text`'s shape; false when the edits do not describe the two texts. */
function applyEdits(tree: TreeLike, reuse: ReusableParse, edits: readonly LineEdit[], text: string, after: LineIndex): boolean {
  const before = reuse.index();
  const offsetIn = (index: LineIndex, full: string, line: number) => (line < index.starts.length ? index.starts[line] : full.length);
  const pointIn = (index: LineIndex, full: string, line: number) =>
    line < index.starts.length ? { row: line, column: 0 } : { row: index.starts.length - 1, column: full.length - index.starts[index.starts.length - 1] };
  // Where each edit lands in the new text, and a check of the lines between edits.
  const placed: Array<{ edit: LineEdit; newStart: number }> = [];
  let oldLine = 0;
  let newLine = 0;
  for (const edit of edits) {
    if (edit.start < oldLine || edit.start + edit.removed > before.texts.length) return false;
    const same = edit.start - oldLine;
    if (reuse.text.slice(offsetIn(before, reuse.text, oldLine), offsetIn(before, reuse.text, edit.start)) !== text.slice(offsetIn(after, text, newLine), offsetIn(after, text, newLine + same))) return false;
    placed.push({ edit, newStart: newLine + same });
    oldLine = edit.start + edit.removed;
    newLine += same + edit.added;
  }
  if (newLine > after.texts.length || reuse.text.slice(offsetIn(before, reuse.text, oldLine)) !== text.slice(offsetIn(after, text, newLine))) return false;
  // Last edit first: the rows and offsets above an edit are still the previous text's.
  for (const { edit, newStart } of placed.reverse()) {
    const startIndex = offsetIn(before, reuse.text, edit.start);
    const newEnd = pointIn(after, text, newStart + edit.added);
    tree.edit({
      startIndex,
      oldEndIndex: offsetIn(before, reuse.text, edit.start + edit.removed),
      newEndIndex: startIndex + offsetIn(after, text, newStart + edit.added) - offsetIn(after, text, newStart),
      startPosition: pointIn(before, reuse.text, edit.start),
      oldEndPosition: pointIn(before, reuse.text, edit.start + edit.removed),
      newEndPosition: { row: edit.start + newEnd.row - newStart, column: newEnd.column },
    } satisfies TreeEdit);
  }
  return true;
}

/**
 * Trees kept for their tokens, or for reparsing the file's other version, are
 * freed when their FileSyntax is collected, if reading `lines` (tokens) or the
 * reparse (reuse) did not free them first. A tree takes about 46 bytes per
 * character of C (a 34 KB file: 1.5 MB) and WebAssembly memory never goes back to
 * the system, so at most the trees of this much text are kept at once (about
 * 50 MB); past it, tokens are made whole from the first parse.
 */
export const KEPT_TEXT_BUDGET = 1024 * 1024;
let keptCharacters = 0;

/** How many characters of text the kept trees hold now (for tests). */
export function keptTreeCharacters(): number {
  return keptCharacters;
}
const keptTrees = new FinalizationRegistry<{ tree: TreeLike; characters: number }>(({ tree, characters }) => {
  tree.delete?.();
  keptCharacters -= characters;
});

/** Parses again and tokenizes, or null when that fails (the caller falls back to the table lexer). */
function tokensOf(parser: ParserLike, text: string): FileSyntax['lines'] | null {
  const stack = runtimeExports?.emscripten_stack_get_current() ?? null;
  let tree: TreeLike | null = null;
  try {
    const deadline = Date.now() + PARSE_DEADLINE_MS;
    tree = parser.parse(text, null, { progressCallback: () => Date.now() > deadline }) ?? null;
    return tree === null ? null : tokenize(tree, text);
  } catch {
    if (stack !== null) runtimeExports?._emscripten_stack_restore(stack);
    parser.reset();
    return null;
  } finally {
    tree?.delete?.();
  }
}

function languageFor(languageId: string): Language {
  return LANGUAGES[languageId] ?? LANGUAGES.text;
}

// ---------------------------------------------------------------------------
// Tokens

/** Whole-literal node types: one token each, whatever their children. */
const STRING_TYPES = new Set([
  // C family, Go, Rust, Java, Kotlin, Swift, C#, Dart, Scala
  'string_literal', 'raw_string_literal', 'char_literal', 'character_literal', 'system_lib_string',
  'interpreted_string_literal', 'rune_literal', 'verbatim_string_literal', 'interpolated_string_expression',
  'interpolated_verbatim_string_expression', 'text_block', 'line_string_literal', 'multi_line_string_literal',
  'regex_literal', 'template_string', 'interpolated_string',
  // Python, Ruby, shell, PHP, Lua, JSON, TOML, Elixir
  'string', 'raw_string', 'ansi_c_string', 'translated_string', 'regex', 'character', 'subshell',
  'string_array', 'symbol_array', 'delimited_symbol', 'heredoc_beginning', 'heredoc_body', 'heredoc_end',
  'heredoc', 'nowdoc', 'encapsed_string', 'shell_command_expression', 'charlist', 'sigil',
  // CSS, HTML (text is data), YAML
  'string_value', 'quoted_attribute_value', 'attribute_value', 'text', 'raw_text',
  'double_quote_scalar', 'single_quote_scalar', 'block_scalar',
]);

/** Heredoc parts whose indentation is data: the token starts at the line start, and the line counts as inside a string. */
const HEREDOC_LINE_TYPES = new Set(['heredoc_body', 'heredoc_end']);

/** Named leaves that are names, besides types ending in `identifier`. */
const NAME_TYPES = new Set([
  'name', 'constant', 'instance_variable', 'class_variable', 'global_variable', 'variable_name', 'property_name', 'bare_key', 'alias',
]);

const WORD_START = /[A-Za-z0-9_$\u0080-\uffff]/;
const WORD_CHAR = /[A-Za-z0-9_]/;
const FALLBACK_PIECE = /\s+|[A-Za-z0-9_$\u0080-\uffff]+|[^]/gy;

interface RawToken {
  type: TokenType;
  start: number;
  end: number;
  identifier: boolean;
  /** Split into words and punctuation by the fallback scanner (a leaf with spaces inside, like a macro body). */
  split: boolean;
  heredocLine: boolean;
}

/** Text offsets of a window of lines: [from, to) (`to` past the end for the last line). */
interface Window {
  from: number;
  to: number;
}

interface Leaves {
  tokens: RawToken[];
  broken: Array<[number, number]>;
  /** The largest end of the nodes skipped before the window (0 without a window). */
  skippedEnd: number;
}

/**
 * The leaves of the tree, in order, with the ranges of ERROR and MISSING nodes.
 * With a window, nodes ending before it or starting at or after its end are
 * skipped, not walked: their leaves cannot reach the window's lines. Null when a
 * leaf is met after a node skipped for starting past the window (a grammar whose
 * nodes are out of text order, as heredoc bodies are): tokenizing all leaves
 * would then have dropped it, and only the whole walk can say.
 */
function collectLeaves(tree: TreeLike, text: string, window: Window | null): Leaves | null {
  const tokens: RawToken[] = [];
  const broken: Array<[number, number]> = [];
  let skippedEnd = 0;
  let skippedAfter = false;
  const cursor = tree.walk();
  try {
    for (;;) {
      const start = cursor.startIndex;
      const end = cursor.endIndex;
      let skip = false;
      if (window !== null) {
        // A node ending exactly where the window starts may hold a zero-width MISSING node there.
        if (end < window.from) {
          skip = true;
          skippedEnd = Math.max(skippedEnd, end);
        } else if (start >= window.to) {
          skip = true;
          skippedAfter = true;
        }
      }
      if (!skip) {
        const type = cursor.nodeType;
        const count = tokens.length;
        let enter = false;
        if (cursor.nodeIsMissing) {
          broken.push([start, end]);
        } else if (end > start) {
          const named = cursor.nodeIsNamed;
          if (named && type.includes('comment')) {
            tokens.push({ type: 'comment', start, end, identifier: false, split: false, heredocLine: false });
          } else if (named && STRING_TYPES.has(type) && type !== 'concatenated_string') {
            tokens.push({ type: 'string', start, end, identifier: false, split: false, heredocLine: HEREDOC_LINE_TYPES.has(type) });
          } else {
            if (type === 'ERROR') broken.push([start, end]);
            enter = true;
          }
        }
        if (enter && cursor.gotoFirstChild()) continue;
        if (enter) addLeaf(tokens, type, cursor.nodeIsNamed, start, end, text);
        if (skippedAfter && tokens.length > count) return null;
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return { tokens, broken, skippedEnd };
      }
    }
  } finally {
    cursor.delete?.();
  }
}

function addLeaf(tokens: RawToken[], type: string, named: boolean, from: number, to: number, text: string): void {
  // Leaves may hold blanks at their ends (Python's line continuation is `\\\n`);
  // newline tokens (Go, C preprocessor) are nothing but blanks.
  let start = from;
  let end = to;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (start === end) return;
  const leaf = text.slice(start, end);
  const wordish = WORD_START.test(leaf[0]) || (named && WORD_CHAR.test(leaf));
  // A leaf with blanks inside: a macro body is code, scanned into words and
  // punctuation; anything else (a shell word with an escaped space...) is data.
  const blanks = /\s/.test(leaf);
  tokens.push({
    type: blanks && type !== 'preproc_arg' ? 'string' : wordish ? 'word' : 'punct',
    start,
    end,
    // Symbolic names (Scala's `operator_identifier`) are operators to us.
    identifier: wordish && named && (type.endsWith('identifier') || NAME_TYPES.has(type)),
    split: blanks && type === 'preproc_arg',
    heredocLine: false,
  });
}

/** A placeholder delimiter for the lines a literal continues on; only `kind` of the state matters. */
function stringState(literal: string, heredoc: boolean): LexState {
  const open = heredoc ? '' : (/^[A-Za-z@$]*[^\w\s]*/.exec(literal)?.[0] ?? '');
  const close = heredoc ? literal.trim().split('\n').pop()?.trim() ?? '' : (/[^\w\s]*$/.exec(literal)?.[0] ?? '');
  const delimiter: StringDelimiter = { open, close, multiline: true, escapes: !/^[rR@`]/.test(open) };
  return { kind: 'string', delimiter };
}

function commentState(comment: string): LexState {
  const close = /(\*\/|-->|\]=*\]|=end|[^\w\s]+)\s*$/.exec(comment)?.[1] ?? '';
  return { kind: 'comment', close };
}

/** A text's lines and the offset each starts at. */
export interface LineIndex {
  texts: string[];
  starts: number[];
}

function lineIndexOf(text: string): LineIndex {
  const texts = text.split('\n');
  const starts: number[] = [];
  let offset = 0;
  for (const line of texts) {
    starts.push(offset);
    offset += line.length + 1;
  }
  return { texts, starts };
}

/** Builds the LexedLines: one per line of `text` split on '\n'. */
function tokenize(tree: TreeLike, text: string, index: LineIndex = lineIndexOf(text)): LexedLine[] {
  const leaves = collectLeaves(tree, text, null)!;
  return buildLines(leaves, text, index, 0, index.texts.length - 1)!;
}

/**
 * Lines [first, end) exactly as tokenize gives them, walking only the part of the
 * tree around them; null when that cannot be told apart from the rest (the
 * caller then tokenizes the whole text).
 */
function tokenizeRows(tree: TreeLike, text: string, index: LineIndex, first: number, end: number): LexedLine[] | null {
  const rows = index.starts.length;
  if (first >= end || first >= rows) return [];
  // One line more: a line's end state is the next line's start state.
  const last = Math.min(end, rows - 1);
  const window = { from: index.starts[first], to: last + 1 < rows ? index.starts[last + 1] : Infinity };
  const leaves = collectLeaves(tree, text, window);
  if (leaves === null) return null;
  return buildLines(leaves, text, index, first, last)?.slice(0, end - first) ?? null;
}

/**
 * The LexedLines of rows [first, last] from the leaves: tokens, the text between
 * them, states and opaque lines. The leaves must include every one reaching
 * these rows; `skippedEnd` bounds the ends of those left out before them. Null
 * when a leaf starts before that bound (the leaves left out might have
 * overlapped it).
 */
function buildLines(leaves: Leaves, text: string, index: LineIndex, first: number, last: number): LexedLine[] | null {
  const { tokens: raw, broken, skippedEnd } = leaves;
  const { texts: lineTexts, starts: lineStarts } = index;
  const lineEnd = (row: number) => lineStarts[row] + lineTexts[row].length;
  const rowOf = (offset: number): number => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  /** The last row a range [start, end) has text on (a range ending with '\n' stops before the next line). */
  const lastRowOf = (start: number, end: number): number => {
    const from = rowOf(start);
    const to = rowOf(end);
    return to > from && lineStarts[to] === end ? to - 1 : to;
  };

  const lines: LexedLine[] = [];
  const space: string[] = [];
  for (let row = first; row <= last; row++) {
    lines.push({ startState: null, endState: null, tokens: [], trailing: '', opaque: false });
    space.push('');
  }
  const inside = (row: number) => row >= first && row <= last;

  const push = (row: number, token: SyntaxToken) => {
    lines[row - first].tokens.push(token);
    space[row - first] = '';
  };
  /** Text between tokens: whitespace is remembered for the next token; anything else is scanned here. */
  const scan = (from: number, to: number, opaqueIfText: boolean) => {
    if (from >= to) return;
    for (let row = Math.max(rowOf(from), first); row <= last && lineStarts[row] < to; row++) {
      const start = Math.max(from, lineStarts[row]);
      const stop = Math.min(to, lineEnd(row));
      FALLBACK_PIECE.lastIndex = start;
      while (FALLBACK_PIECE.lastIndex < stop) {
        const at = FALLBACK_PIECE.lastIndex;
        const piece = FALLBACK_PIECE.exec(text)![0].slice(0, stop - at);
        FALLBACK_PIECE.lastIndex = at + piece.length;
        if (/^\s/.test(piece)) {
          space[row - first] += piece;
          continue;
        }
        push(row, { type: WORD_START.test(piece[0]) ? 'word' : 'punct', text: piece, spaceBefore: space[row - first] });
        // A backslash ending the line is a line continuation some grammars keep out of the tree.
        const continuation = piece === '\\' && /^\s*$/.test(text.slice(at + 1, lineEnd(row)));
        if (opaqueIfText && !continuation) lines[row - first].opaque = true;
      }
    }
  };

  let pos = skippedEnd;
  for (const token of raw) {
    // A leaf left out before the window may have reached past this one's start.
    if (pos === skippedEnd && token.start < skippedEnd) return null;
    let start = Math.max(token.start, pos);
    const end = token.end;
    if (end <= start) continue;
    const from = rowOf(start);
    if (token.heredocLine && /^\s*$/.test(text.slice(Math.max(lineStarts[from], pos), start))) {
      start = Math.max(lineStarts[from], pos);
    }
    scan(pos, start, true);
    pos = end;
    if (token.split) {
      scan(start, end, false);
      continue;
    }
    const to = lastRowOf(start, end);
    if (to < first || from > last) continue;
    const literal = text.slice(start, end);
    const state =
      token.type === 'comment' ? commentState(literal) : token.type === 'string' ? stringState(literal, token.heredocLine) : null;
    if (token.heredocLine && start === lineStarts[from] && inside(from)) lines[from - first].startState = state;
    for (let row = Math.max(from, first); row <= Math.min(to, last); row++) {
      const rowFrom = Math.max(start, lineStarts[row]);
      const rowTo = Math.min(end, lineEnd(row));
      if (row > from) lines[row - first].startState = state;
      // A literal opening at the very end of a line (a Ruby heredoc body) has nothing on that line.
      if (row === from && rowFrom === rowTo && to > from) continue;
      const out: SyntaxToken = { type: token.type, text: text.slice(rowFrom, rowTo), spaceBefore: row === from ? space[row - first] : '' };
      if (token.identifier) out.identifier = true;
      push(row, out);
    }
  }
  scan(pos, text.length, true);

  for (const [start, end] of broken) {
    const to = end > start ? lastRowOf(start, end) : rowOf(start);
    for (let row = Math.max(rowOf(start), first); row <= Math.min(to, last); row++) lines[row - first].opaque = true;
  }
  lines.forEach((line, k) => {
    line.trailing = space[k];
    if (k > 0) lines[k - 1].endState = line.startState;
  });
  return lines;
}
