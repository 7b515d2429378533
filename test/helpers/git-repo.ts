/**
 * Real git in throw-away repositories, for tests of the input edge and the CLI.
 *
 *   const repo = createRepo();            // mkdtemp + `git init -q -b main`
 *   repo.write('src/a.c', 'int x;\n');    // string or Buffer; parent dirs created
 *   const sha = repo.commit('area: one'); // `git add -A` + commit, returns the full sha
 *   const { code, stdout, stderr } = await runCliIn(repo.dir, ['suggest', '--json']);
 *   cleanupRepos();                       // in afterAll: removes every repo created
 *
 * Every git call runs with a pinned environment: no system or global configuration
 * (so a developer's ~/.gitconfig cannot change the result), a local user, and fixed
 * author/committer dates that advance one minute per commit, so commit ids are
 * the same on every run.
 */
import type { JsonReport } from '../../src/render/json';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CliIo, runCli } from '../../src/cli';

const created: string[] = [];

/** The environment for the helper's own git calls: isolated from the user's configuration. */
export function gitEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: os.devNull,
    GIT_TERMINAL_PROMPT: '0',
    LC_ALL: 'C',
    ...extra,
  };
}

/** Runs git in `cwd`; throws with git's stderr when it fails. Returns stdout as a Buffer. */
export function gitIn(cwd: string, args: string[], options: { input?: Buffer | string; env?: NodeJS.ProcessEnv } = {}): Buffer {
  const result = spawnSync('git', args, { cwd, input: options.input, env: options.env ?? gitEnv(), maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed (${result.status}): ${result.stderr.toString('utf8')}`);
  return result.stdout;
}

/** Makes an empty temporary directory that cleanupRepos() removes. */
export function makeTempDir(prefix = 'split-advisor-test-'): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  created.push(dir);
  return dir;
}

export class TestRepo {
  /** Commits made so far; each one's dates are one minute after the previous one's. */
  private commits = 0;

  constructor(readonly dir: string) {}

  /** Runs git in the repository and returns stdout as text (trailing newline dropped). */
  git(args: string[], options: { input?: Buffer | string; env?: NodeJS.ProcessEnv } = {}): string {
    return this.gitRaw(args, options).toString('utf8').replace(/\n$/, '');
  }

  /** Runs git in the repository and returns stdout as bytes. */
  gitRaw(args: string[], options: { input?: Buffer | string; env?: NodeJS.ProcessEnv } = {}): Buffer {
    return gitIn(this.dir, args, { input: options.input, env: gitEnv({ ...this.dates(), ...options.env }) });
  }

  /** Absolute path of a file in the work tree. */
  path(relative: string): string {
    return path.join(this.dir, relative);
  }

  /** Writes a file (creating parent directories). */
  write(relative: string, content: string | Buffer): this {
    const full = this.path(relative);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
    return this;
  }

  /** Writes several files at once. */
  writeAll(files: Record<string, string | Buffer>): this {
    for (const [name, content] of Object.entries(files)) this.write(name, content);
    return this;
  }

  read(relative: string): Buffer {
    return fs.readFileSync(this.path(relative));
  }

  remove(relative: string): this {
    fs.rmSync(this.path(relative), { recursive: true, force: true });
    return this;
  }

  /** Stages the given paths (all changes, untracked files included, when none given). */
  add(...paths: string[]): this {
    this.git(paths.length === 0 ? ['add', '-A'] : ['add', '--', ...paths]);
    return this;
  }

  /**
   * Stages everything (unless `stage: false`) and commits with a fixed date.
   * Returns the new commit's full id.
   */
  commit(message: string, options: { stage?: boolean; allowEmpty?: boolean } = {}): string {
    if (options.stage !== false) this.add();
    this.commits += 1;
    this.git(['commit', '-q', '--no-verify', ...(options.allowEmpty ? ['--allow-empty'] : []), '-F', '-'], { input: message });
    return this.head();
  }

  /** Writes files, then stages and commits them. */
  commitFiles(message: string, files: Record<string, string | Buffer>): string {
    this.writeAll(files);
    return this.commit(message);
  }

  head(): string {
    return this.git(['rev-parse', 'HEAD']);
  }

  /** Deterministic dates for the next commit: 2024-01-01 plus one minute per commit. */
  private dates(): NodeJS.ProcessEnv {
    const date = `${1704067200 + this.commits * 60} +0000`;
    return { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  }
}

/** Creates a temporary repository on branch `main` with a local user, removed by cleanupRepos(). */
export function createRepo(): TestRepo {
  const dir = makeTempDir();
  gitIn(dir, ['init', '-q', '-b', 'main']);
  const repo = new TestRepo(dir);
  repo.git(['config', 'user.name', 'Test User']);
  repo.git(['config', 'user.email', 'test@example.com']);
  repo.git(['config', 'commit.gpgsign', 'false']);
  repo.git(['config', 'core.autocrlf', 'false']);
  return repo;
}

/** Removes every temporary directory made by createRepo()/makeTempDir(). Call it in afterAll. */
export function cleanupRepos(): void {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Extra or overriding environment variables for the CLI (it sees a copy of process.env otherwise). */
  env?: NodeJS.ProcessEnv;
  /** Whether stdout pretends to be a terminal (default false). */
  isTTY?: boolean;
}

/** Runs the CLI in-process in `dir`, with captured stdout/stderr and `stdin` as standard input. */
export async function runCliIn(dir: string, argv: string[], stdin: Buffer | string = '', options: RunOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    cwd: dir,
    env,
    isTTY: options.isTTY ?? false,
    readStdin: () => (typeof stdin === 'string' ? Buffer.from(stdin, 'utf8') : stdin),
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

/** Runs `suggest --json` (plus `argv`) in `dir`, asserts success and returns the parsed JSON. */
export async function suggestJson(dir: string, argv: string[] = [], stdin?: Buffer | string): Promise<SuggestJson> {
  const result = await runCliIn(dir, ['suggest', '--json', ...argv], stdin);
  if (result.code !== 0) throw new Error(`suggest ${argv.join(' ')} exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout) as SuggestJson;
}

/** The JSON contract's shape (../../../shared/contract/suggest-json.md), as the renderer declares it. */
export type SuggestJson = JsonReport;

/** Sha-256 (hex) of a file's bytes, or null when it does not exist. */
export function hashFile(file: string): string | null {
  if (!fs.existsSync(file)) return null;
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}
