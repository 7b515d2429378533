/**
 * Native tree-sitter: the official Node binding (`tree-sitter`) and grammars that
 * ship prebuilt binaries in their npm packages, loaded through node-gyp-build
 * (no compiler, no download). They are optional dependencies: on a platform
 * without prebuilds, or when one does not load, the caller uses the WebAssembly
 * build of the same language instead.
 *
 * Why both: a WebAssembly grammar is compiled by V8 in every process (C 60-70 ms,
 * bash ~90 ms on a 2-core machine) and its first parses run 2-5 times slower than
 * later ones while V8 tiers the code up, which a one-shot CLI never gets past; a
 * native grammar loads in 15-35 ms and parses at full speed from the first file.
 * Only grammars whose native packages are well kept and whose node types the
 * declaration walkers and the tests were checked against are listed.
 */
import { ParserLike } from './tree-sitter-api';

/** tree-sitter grammar names (grammars.ts) -> the npm package of its native build. */
export const NATIVE_GRAMMARS: Readonly<Record<string, string>> = {
  c: 'tree-sitter-c',
  cpp: 'tree-sitter-cpp',
  bash: 'tree-sitter-bash',
  go: 'tree-sitter-go',
  java: 'tree-sitter-java',
  python: 'tree-sitter-python',
  ruby: 'tree-sitter-ruby',
  rust: 'tree-sitter-rust',
};

/** The native binding's parser class and a grammar's language object, as far as used here. */
interface NativeBinding {
  new (): { setLanguage(language: unknown): void } & ParserLike;
}

/**
 * A native parser for the grammar, or why there is none (not listed, not
 * installed, no binary for this platform, a binary built for another ABI).
 * Never throws.
 */
export function loadNativeParser(grammar: string): ParserLike | string {
  const name = NATIVE_GRAMMARS[grammar];
  if (name === undefined) return `no native build of ${grammar}`;
  try {
    // Required here, not at the top: the binding costs ~8 ms, wasted on a commit without these languages.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Binding = require('tree-sitter') as NativeBinding;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const language = require(name) as unknown;
    const parser = new Binding();
    parser.setLanguage(language);
    return parser;
  } catch (error) {
    return `native ${name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
}
