/**
 * Which languages have a tree-sitter grammar, and where it lives: a module of its
 * own, without the runtime, so a caller can ask before paying for loading it.
 */

/** Our language ids (src/language.ts) -> tree-sitter-wasms grammar names. */
export const GRAMMARS: Readonly<Record<string, string>> = {
  c: 'c',
  cpp: 'cpp',
  csharp: 'c_sharp',
  java: 'java',
  kotlin: 'kotlin',
  go: 'go',
  rust: 'rust',
  swift: 'swift',
  python: 'python',
  ruby: 'ruby',
  shell: 'bash',
  php: 'php',
  lua: 'lua',
  css: 'css',
  json: 'json',
  yaml: 'yaml',
  html: 'html',
  toml: 'toml',
  scala: 'scala',
  dart: 'dart',
  elixir: 'elixir',
  makefile: 'make',
};

/**
 * Grammars that tree-sitter-wasms lacks, from their own packages (same runtime ABI,
 * checked by the trial parse): Makefiles from tree-sitter-make, maintained by the
 * tree-sitter-grammars organisation, which ships its WebAssembly build.
 */
export const GRAMMAR_FILES: Readonly<Record<string, string>> = {
  make: 'tree-sitter-make/tree-sitter-make.wasm',
};
