/**
 * A pre-push hook must not pay for what a commit does not need: requiring the
 * TypeScript compiler costs ~300 ms, so `suggest` on a commit without TS/JS files
 * must not load it (nor ts-morph), while a commit with a .ts file must. Likewise
 * the Markdown renderer (markdown-it) is loaded only for a Markdown change that
 * could be a re-layout (format-markdown renders nothing else). Each case
 * runs the built CLI in a fresh Node process and reports which modules it loaded.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { NATIVE_GRAMMARS } from '../src/syntax/tree-sitter-native';
import { cleanupRepos, createRepo } from './helpers/git-repo';

const CLI = path.resolve(__dirname, '..', 'dist', 'src', 'cli.js');

/** Runs `suggest HEAD --json` in-process in a child Node and returns the module paths it loaded. */
function loadedModules(cwd: string, env: NodeJS.ProcessEnv = {}): string[] {
  const script = `
    const { runCli } = require(${JSON.stringify(CLI)});
    const io = { stdout: () => {}, stderr: (t) => process.stderr.write(t), cwd: ${JSON.stringify(cwd)}, env: process.env, isTTY: false, readStdin: () => Buffer.alloc(0) };
    runCli(['suggest', 'HEAD', '--json'], io).then((code) => {
      process.stdout.write(JSON.stringify({ code, modules: Object.keys(require.cache) }));
    });`;
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`child failed: ${result.stderr}`);
  const parsed = JSON.parse(result.stdout) as { code: number; modules: string[] };
  expect(parsed.code).toBe(0);
  return parsed.modules;
}

const isMarkdownIt = (module: string) => /node_modules[\\/]markdown-it[\\/]/.test(module);
const isTreeSitter = (module: string) => /node_modules[\\/]web-tree-sitter[\\/]/.test(module);
const isNativeTreeSitter = (module: string) => /node_modules[\\/]tree-sitter[\\/]/.test(module);
/** Where the native tree-sitter build's prebuilt binaries are part of the npm packages. */
const NATIVE_EXPECTED = process.platform === 'linux' && process.arch === 'x64';
const isTypeScript = (module: string) => /node_modules[\\/](typescript|ts-morph|@ts-morph)[\\/]/.test(module);

afterAll(cleanupRepos);

describe('the TypeScript compiler is loaded only when a TS/JS file changed', () => {
  it('is not loaded for a commit of Python and C files', () => {
    const repo = createRepo();
    repo.commitFiles('base', { 'a.py': 'def f(x):\n    return x\n', 'b.c': 'int f(void) { return 1; }\n' });
    repo.commitFiles('change', { 'a.py': 'def f(x):\n    return x + 1\n', 'b.c': 'int f(void) { return 2; }\n' });
    const modules = loadedModules(repo.dir);
    expect(modules.filter(isTypeScript)).toEqual([]);
  });

  it('is loaded for a commit that changes a .ts file', () => {
    const repo = createRepo();
    repo.commitFiles('base', { 'a.ts': 'export function f(x: number): number {\n  return x;\n}\n' });
    repo.commitFiles('change', { 'a.ts': 'export function f(x: number): number {\n  return x + 1;\n}\n' });
    const modules = loadedModules(repo.dir);
    expect(modules.some(isTypeScript)).toBe(true);
  });
});

describe('markdown-it is loaded only when a Markdown change could render the same', () => {
  it('is not loaded for a commit without Markdown', () => {
    const repo = createRepo();
    repo.commitFiles('base', { 'a.py': 'def f(x):\n    return x\n', 'notes.txt': 'some text\nhere\n' });
    repo.commitFiles('change', { 'a.py': 'def f(x):\n    return x + 1\n', 'notes.txt': 'some\ntext here\n' });
    expect(loadedModules(repo.dir).filter(isMarkdownIt)).toEqual([]);
  });

  it('is not loaded for a Markdown change that rewrites words (it cannot be a re-layout)', () => {
    const repo = createRepo();
    repo.commitFiles('base', { 'README.md': '# Tool\n\nIt reads a commit.\n' });
    repo.commitFiles('change', { 'README.md': '# Tool\n\nIt reads a commit and suggests a series.\n' });
    expect(loadedModules(repo.dir).filter(isMarkdownIt)).toEqual([]);
  });

  it('is loaded for a commit that re-wraps a Markdown paragraph', () => {
    const repo = createRepo();
    repo.commitFiles('base', { 'README.md': '# Tool\n\nIt reads a commit and\nsuggests a series.\n' });
    repo.commitFiles('change', { 'README.md': '# Tool\n\nIt reads a commit\nand suggests a series.\n' });
    expect(loadedModules(repo.dir).some(isMarkdownIt)).toBe(true);
  });
});

describe('tree-sitter (native or WebAssembly) is loaded only when a file has a grammar', () => {
  it('is not loaded for a commit of Markdown and plain text', () => {
    const repo = createRepo();
    repo.commitFiles('base', { 'README.md': '# Tool\n\nIt reads a commit.\n', 'notes.txt': 'some text\n' });
    repo.commitFiles('change', { 'README.md': '# Tool\n\nIt reads a commit and more.\n', 'notes.txt': 'other text\n' });
    expect(loadedModules(repo.dir).filter((module) => isTreeSitter(module) || isNativeTreeSitter(module))).toEqual([]);
  });

  it('for a C file, loads the native build and no WebAssembly where the native one is installed', () => {
    const repo = createRepo();
    repo.commitFiles('base', { 'b.c': 'int f(void) { return 1; }\n', 'notes.txt': 'some text\n' });
    repo.commitFiles('change', { 'b.c': 'int f(void) { return 2; }\n', 'notes.txt': 'other text\n' });
    const modules = loadedModules(repo.dir);
    if (NATIVE_EXPECTED) {
      expect(modules.some(isNativeTreeSitter)).toBe(true);
      expect(modules.filter(isTreeSitter)).toEqual([]);
    } else {
      expect(modules.some((module) => isTreeSitter(module) || isNativeTreeSitter(module))).toBe(true);
    }
  });

  it('is loaded for a C file with SPLIT_ADVISOR_TREE_SITTER=wasm, and for a language without a native build', () => {
    const repo = createRepo();
    repo.commitFiles('base', { 'b.c': 'int f(void) { return 1; }\n' });
    repo.commitFiles('change', { 'b.c': 'int f(void) { return 2; }\n' });
    expect(loadedModules(repo.dir, { SPLIT_ADVISOR_TREE_SITTER: 'wasm' }).some(isTreeSitter)).toBe(true);
    // YAML has no native build: the WebAssembly runtime must start for it.
    expect(Object.keys(NATIVE_GRAMMARS)).not.toContain('yaml');
    const yaml = createRepo();
    yaml.commitFiles('base', { 'config.yaml': 'retries: 1\n' });
    yaml.commitFiles('change', { 'config.yaml': 'retries: 2\n' });
    expect(loadedModules(yaml.dir).some(isTreeSitter)).toBe(true);
  });
});

describe('SPLIT_ADVISOR_TIMINGS names the tree-sitter build of each language', () => {
  const timingsLine = (cwd: string, env: NodeJS.ProcessEnv): string => {
    const result = spawnSync(process.execPath, [CLI, 'suggest', 'HEAD', '--json'], { cwd, encoding: 'utf8', env: { ...process.env, SPLIT_ADVISOR_TIMINGS: '1', ...env } });
    expect(result.status).toBe(0);
    return result.stderr.split('\n').find((line) => line.startsWith('timings (ms):')) ?? '';
  };

  it('native where installed, WebAssembly for the rest and when asked', () => {
    const repo = createRepo();
    repo.commitFiles('base', { 'b.c': 'int f(void) { return 1; }\n', 'config.yaml': 'retries: 1\n' });
    repo.commitFiles('change', { 'b.c': 'int f(void) { return 2; }\n', 'config.yaml': 'retries: 2\n' });
    const line = timingsLine(repo.dir, {});
    expect(line).toMatch(/; tree-sitter: .*\byaml wasm\b/);
    expect(line).toMatch(NATIVE_EXPECTED ? /\bc native\b/ : /\bc (native|wasm)\b/);
    const forced = timingsLine(repo.dir, { SPLIT_ADVISOR_TREE_SITTER: 'wasm' });
    expect(forced).toMatch(/\bc wasm\b/);
    expect(forced).toMatch(/\byaml wasm\b/);
  });
});
