/**
 * The TypeScript compiler that ts-morph bundles, loaded with V8's code cache.
 *
 * A plain `require` compiles the compiler's 9 MB of JavaScript on every run
 * (~250 ms of the ~450 ms it costs here); a pre-push hook pays that for every
 * commit with a TS/JS file. With the code V8 compiled on an earlier run, only
 * the reading and the top-level run remain (~190 ms). The cache is written once,
 * at exit, so it also holds what the first parse compiled (the scanner, the
 * parser), and rewritten only when V8 rejects it (another Node, other flags).
 *
 * The module is registered in `require.cache` under its own file name, so
 * ts-morph (the --typecheck path) gets this same instance, not a second copy.
 * Anything unexpected (no such file, an unwritable cache directory, a corrupt
 * cache) falls back to the plain `require`: the cache only ever saves time.
 */
import { isAscii } from 'node:buffer';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

type Ts = typeof import('ts-morph').ts;

/**
 * Where the code cache lives: `SPLIT_ADVISOR_CACHE_DIR` (empty: no cache), else
 * `$XDG_CACHE_HOME/split-advisor`, else `~/.cache/split-advisor`.
 */
export function compileCacheDirectory(environment: NodeJS.ProcessEnv): string | null {
  const chosen = environment.SPLIT_ADVISOR_CACHE_DIR;
  if (chosen !== undefined) return chosen === '' ? null : path.resolve(chosen);
  if (environment.XDG_CACHE_HOME) return path.join(environment.XDG_CACHE_HOME, 'split-advisor');
  try {
    return path.join(os.homedir(), '.cache', 'split-advisor');
  } catch {
    return null;
  }
}

/** The entry file of ts-morph's @ts-morph/common, which bundles its TypeScript and the default library files. */
export function tsMorphCommonEntry(): string {
  return require.resolve('@ts-morph/common', { paths: [path.dirname(require.resolve('ts-morph'))] });
}

/** Where ts-morph's own TypeScript is: `@ts-morph/common/dist/typescript.js`. */
function compilerFile(): string {
  return path.join(path.dirname(tsMorphCommonEntry()), 'typescript.js');
}

/**
 * The cache file for this compiler under this Node: another version, file or
 * set of V8 flags (V8 rejects a cache made under other flags, even
 * `--max-semi-space-size`) gets another name, so two setups do not keep
 * overwriting each other's.
 */
function cacheFile(directory: string, file: string): string {
  const stat = fs.statSync(file);
  const flags = `${process.execArgv.join(' ')}\0${process.env.NODE_OPTIONS ?? ''}`;
  const key = crypto.createHash('sha256').update(`${process.version}\0${process.arch}\0${flags}\0${file}\0${stat.size}\0${stat.mtimeMs}`).digest('hex').slice(0, 16);
  return path.join(directory, `typescript-${key}.v8cache`);
}

const DIGEST_BYTES = 32;

function digest(data: Buffer): Buffer {
  return crypto.createHash('sha256').update(data).digest();
}

/**
 * The cached code, when the file is whole: V8 checks that the cache fits the
 * source and its own version and flags, but a release build does not checksum
 * the code itself, so the file carries its own digest.
 */
function readCache(file: string): Buffer | undefined {
  let content: Buffer;
  try {
    content = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  const data = content.subarray(DIGEST_BYTES);
  return content.length > DIGEST_BYTES && digest(data).equals(content.subarray(0, DIGEST_BYTES)) ? data : undefined;
}

/** Whether the directory exists (made now if need be, private to its owner) and can be written. */
function cacheDirectoryUsable(directory: string): boolean {
  try {
    // The cache is code this process will run: only its owner may write there.
    fs.mkdirSync(directory, { recursive: true, mode: 0o700 });
    fs.accessSync(directory, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Written beside and renamed into place, so a reader never sees half a file. */
function writeCache(file: string, data: Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, Buffer.concat([digest(data), data]));
    fs.renameSync(temporary, file);
  } catch {
    // A cache that cannot be written costs the next run its compile time, nothing more.
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // Nothing was written (no such directory).
    }
  }
}

/** What the last load did with the code cache (SPLIT_ADVISOR_TIMINGS prints it). */
export type CodeCacheUse = 'used' | 'written' | 'rejected' | 'unwritable' | 'off';
let lastUse: CodeCacheUse | undefined;

/** How TypeScript was loaded, or undefined when it was not. */
export function codeCacheUse(): CodeCacheUse | undefined {
  return lastUse;
}

/**
 * Loads TypeScript, through the code cache in `cacheDirectory` (by default the
 * one the environment names, compileCacheDirectory; null: a plain `require`).
 */
export function loadTypeScript(cacheDirectory: string | null = compileCacheDirectory(process.env)): Ts {
  if (cacheDirectory === null) return plainRequire();
  let file: string;
  try {
    file = compilerFile();
  } catch {
    return plainRequire();
  }
  // Loaded already (by an earlier call, or by ts-morph): what that load did stands.
  const cached = require.cache[file];
  if (cached !== undefined) {
    lastUse ??= 'off';
    return cached.exports as Ts;
  }
  let cache: string;
  try {
    cache = cacheFile(cacheDirectory, file);
  } catch {
    return plainRequire();
  }
  const cachedData = readCache(cache);
  let script: vm.Script;
  let module: Module;
  try {
    script = new vm.Script(Module.wrap(readSource(file)), { filename: file, cachedData });
    module = new Module(file, require.main);
    module.filename = file;
    const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
    wrapper.call(module.exports, module.exports, Module.createRequire(file), module, file, path.dirname(file));
  } catch {
    // Whatever failed here, the ordinary require still works (nothing was registered).
    return plainRequire();
  }
  module.loaded = true;
  require.cache[file] = module;
  lastUse = cachedData === undefined ? 'written' : script.cachedDataRejected === true ? 'rejected' : 'used';
  if (lastUse !== 'used') {
    if (cacheDirectoryUsable(path.dirname(cache))) {
      // At exit, so the cache also holds the functions this run compiled on first use.
      process.once('exit', () => writeCache(cache, script.createCachedData()));
    } else {
      // Not even serialized (~20 ms and a 3 MB buffer) when it could not be kept.
      lastUse = 'unwritable';
    }
  }
  return module.exports as Ts;
}

/** The compiler's text: it is ASCII, and decoding 9 MB as Latin-1 takes about half the time UTF-8 does (~60 against ~110 ms here). */
function readSource(file: string): string {
  const bytes = fs.readFileSync(file);
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

function plainRequire(): Ts {
  lastUse ??= 'off';
  return (require('ts-morph') as typeof import('ts-morph')).ts;
}
