/**
 * TypeScript through V8's code cache (src/syntax/typescript-compiler.ts): each
 * case loads the built module in a fresh Node, as the CLI does, parses a file
 * and reports what it did with the cache.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compileCacheDirectory } from '../../src/syntax/typescript-compiler';

const LOADER = path.resolve(__dirname, '..', '..', 'dist', 'src', 'syntax', 'typescript-compiler.js');

interface LoadReport {
  use: string;
  version: string;
  /** Whether the parse read a variable statement. */
  parsed: boolean;
  /** Whether ts-morph, required afterwards, got the same TypeScript, not a second copy. */
  shared: boolean;
}

/** Loads TypeScript in a child Node with this cache directory (null: none). */
function load(cacheDirectory: string | null, nodeFlags: string[] = []): LoadReport {
  const script = `
    const { loadTypeScript, codeCacheUse } = require(${JSON.stringify(LOADER)});
    const ts = loadTypeScript(${JSON.stringify(cacheDirectory)});
    // A second load (the --typecheck path after the parsers) returns the same module and keeps the first one's report.
    if (loadTypeScript(${JSON.stringify(cacheDirectory)}) !== ts && ${JSON.stringify(cacheDirectory)} !== null) throw new Error('loaded twice');
    const file = ts.createSourceFile('a.ts', 'export const a: number = 1;', ts.ScriptTarget.Latest, true);
    const parsed = file.statements[0].kind === ts.SyntaxKind.VariableStatement;
    const shared = require('ts-morph').ts.SyntaxKind === ts.SyntaxKind;
    process.stdout.write(JSON.stringify({ use: codeCacheUse(), version: ts.version, parsed, shared }));`;
  const result = spawnSync(process.execPath, [...nodeFlags, '-e', script], { encoding: 'utf8', cwd: path.dirname(LOADER) });
  if (result.status !== 0) throw new Error(`child failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as LoadReport;
}

const cacheFiles = (directory: string) => fs.readdirSync(directory).filter((name) => name.endsWith('.v8cache'));

describe('loading TypeScript through the code cache', () => {
  let directory: string;
  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'split-advisor-cache-'));
  });
  afterEach(() => fs.rmSync(directory, { recursive: true, force: true }));

  it('writes the cache on the first run and uses it on the next', () => {
    const first = load(directory);
    expect(first).toMatchObject({ use: 'written', parsed: true, shared: true });
    expect(cacheFiles(directory)).toHaveLength(1);
    const second = load(directory);
    expect(second).toEqual({ ...first, use: 'used' });
  });

  it('rewrites a damaged cache instead of handing it to V8', () => {
    load(directory);
    const [name] = cacheFiles(directory);
    const file = path.join(directory, name);
    const content = fs.readFileSync(file);
    content[content.length - 100] ^= 0xff;
    fs.writeFileSync(file, content);
    expect(load(directory).use).toBe('written');
    expect(load(directory).use).toBe('used');
  });

  it('keeps a cache per set of V8 flags (V8 rejects one made under others)', () => {
    expect(load(directory).use).toBe('written');
    expect(load(directory, ['--max-semi-space-size=32']).use).toBe('written');
    expect(cacheFiles(directory)).toHaveLength(2);
    expect(load(directory).use).toBe('used');
    expect(load(directory, ['--max-semi-space-size=32']).use).toBe('used');
  });

  it('creates the directory private to its owner (the cache is code that runs)', () => {
    const nested = path.join(directory, 'cache', 'split-advisor');
    expect(load(nested).use).toBe('written');
    if (process.platform !== 'win32') for (const made of [nested, path.dirname(nested)]) expect(fs.statSync(made).mode & 0o777).toBe(0o700);
  });

  it('still loads when the cache cannot be written', () => {
    const blocked = path.join(directory, 'file');
    fs.writeFileSync(blocked, 'not a directory');
    expect(load(path.join(blocked, 'cache'))).toMatchObject({ use: 'unwritable', parsed: true });
    expect(load(path.join(blocked, 'cache')).use).toBe('unwritable');
  });

  it('requires TypeScript as before without a directory', () => {
    expect(load(null)).toMatchObject({ use: 'off', parsed: true, shared: true });
  });
});

describe('where the code cache lives', () => {
  test.each([
    { name: 'the variable names it', environment: { SPLIT_ADVISOR_CACHE_DIR: '/var/cache/sa', XDG_CACHE_HOME: '/x' }, expected: '/var/cache/sa' },
    { name: 'an empty variable turns it off', environment: { SPLIT_ADVISOR_CACHE_DIR: '', XDG_CACHE_HOME: '/x' }, expected: null },
    { name: 'else under XDG_CACHE_HOME', environment: { XDG_CACHE_HOME: '/x' }, expected: path.join('/x', 'split-advisor') },
    { name: 'else under ~/.cache', environment: {}, expected: path.join(os.homedir(), '.cache', 'split-advisor') },
  ])('$name', ({ environment, expected }) => {
    expect(compileCacheDirectory(environment)).toBe(expected);
  });
});
