/**
 * A pre-push hook must not pay for what a commit does not need: requiring the
 * TypeScript compiler costs ~300 ms, so `suggest` on a commit without TS/JS files
 * must not load it (nor ts-morph), while a commit with a .ts file must. Each case
 * runs the built CLI in a fresh Node process and reports which modules it loaded.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { cleanupRepos, createRepo } from './helpers/git-repo';

const CLI = path.resolve(__dirname, '..', 'dist', 'src', 'cli.js');

/** Runs `suggest HEAD --json` in-process in a child Node and returns the module paths it loaded. */
function loadedModules(cwd: string): string[] {
  const script = `
    const { runCli } = require(${JSON.stringify(CLI)});
    const io = { stdout: () => {}, stderr: (t) => process.stderr.write(t), cwd: ${JSON.stringify(cwd)}, env: process.env, isTTY: false, readStdin: () => Buffer.alloc(0) };
    runCli(['suggest', 'HEAD', '--json'], io).then((code) => {
      process.stdout.write(JSON.stringify({ code, modules: Object.keys(require.cache) }));
    });`;
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`child failed: ${result.stderr}`);
  const parsed = JSON.parse(result.stdout) as { code: number; modules: string[] };
  expect(parsed.code).toBe(0);
  return parsed.modules;
}

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
