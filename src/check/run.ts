/**
 * Runs the gate over a list of commits: in this thread for a short list (a push),
 * or across worker threads for a long one (a history audit), each worker reading
 * its own batches of commits with one `git log -p` per batch. Results come back
 * in the order of the list.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Git } from '../git';
import { languageOf } from '../language';
import { isDocPath, isTestPath } from '../paths';
import { looksLikeDeclaration } from '../symbols';
import { SyntaxService } from '../syntax/types';
import { rules } from '../rules';
import { heuristics as registry } from '../../heuristics';
import { CommitResult, diffFacts, runRules, toResult } from './analyse';
import { CheckConfig, ignoreMatcher } from './config';
import { LoadedCommit, loadCommits } from './history';
import { CommitAnalysis } from './rule';

/**
 * How deep to look. `full`: whole files and the real parsers (TypeScript,
 * tree-sitter), every rule; `fast`: whole files through the table lexer, no
 * parsers, so api-with-use (which needs declarations) stays quiet.
 */
export type Depth = 'full' | 'fast';

export interface RunOptions {
  depth: Depth;
  /** Worker threads; 1 runs everything in this thread. */
  jobs: number;
  /** Called after each commit. */
  progress?: (done: number, total: number) => void;
}

/** Below this many commits the workers' start-up costs more than it saves. */
export const PARALLEL_THRESHOLD = 40;
/** Commits per `git log -p` in a worker (eight times as many per step in this thread): fewer git processes, still small enough to share the work evenly. */
const BATCH = 32;

/** Lazily loaded parsers, kept across batches: each language is loaded once per thread. */
export class ParserCache {
  private readonly loaded = new Set<string>();
  private services: SyntaxService[] = [];

  async for(commits: LoadedCommit[]): Promise<SyntaxService[]> {
    const wanted = new Set<string>();
    for (const commit of commits) for (const id of parserLanguages(commit)) wanted.add(id);
    const missing = [...wanted].filter((id) => !this.loaded.has(id));
    if (missing.length > 0) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { loadSyntaxServices } = require('../syntax/load') as typeof import('../syntax/load');
      const hadTypeScript = ['typescript', 'javascript'].some((id) => this.loaded.has(id));
      const toLoad = hadTypeScript ? missing.filter((id) => id !== 'typescript' && id !== 'javascript') : missing;
      missing.forEach((id) => this.loaded.add(id));
      if (toLoad.length > 0) this.services = [...this.services, ...(await loadSyntaxServices(toLoad))];
    }
    return this.services;
  }
}

/**
 * The languages whose real parser a commit needs. Only api-with-use needs what
 * the table lexer cannot give (declarations), and it can only fire when a code
 * file gains a top-level or public declaration of a name that it did not
 * declare before (not a reformat or an edit of an existing one) and another
 * non-test code file's added lines use that name. For any other commit, loading
 * TypeScript or tree-sitter (a third of a second and more) would change no finding.
 */
export function parserLanguages(commit: LoadedCommit): Set<string> {
  const languages = new Set<string>();
  const code = commit.files.filter((file, index) => {
    const name = (file.newPath ?? file.oldPath)?.text ?? '';
    return commit.contents[index] !== undefined && !isTestPath(name) && !isDocPath(name);
  });
  if (code.length < 2) return languages;
  const lines = (file: LoadedCommit['files'][number], type: '+' | '-') => file.hunks.flatMap((hunk) => hunk.lines.filter((line) => line.type === type).map((line) => line.text));
  const added = code.map((file) => lines(file, '+'));
  code.forEach((file, position) => {
    const language = languageOf((file.newPath ?? file.oldPath)?.text ?? '').id;
    const declared = (text: string[]) => new Set(text.filter((line) => PUBLIC_LINE.test(line) || (!/^\s/.test(line) && looksLikeDeclaration(line, language))).map((line) => DECLARED_NAME.exec(line)?.[1]).filter((name): name is string => name !== undefined));
    const before = declared(lines(file, '-'));
    const fresh = [...declared(added[position])].filter((name) => !before.has(name));
    if (fresh.length === 0) return;
    const used = fresh.some((name) => {
      const word = new RegExp(`(^|[^\\w$])${name.replace(/\$/g, '\\$')}($|[^\\w$])`);
      return added.some((other, k) => k !== position && other.some((line) => word.test(line)));
    });
    if (used) languages.add(language);
  });
  return languages;
}

const PUBLIC_LINE = /^\s*(export|pub|public)\b/;
/** The name a declaration line declares (function, class, const, def, func, fn, struct...). */
const DECLARED_NAME = /\b(?:function\*?|class|interface|type|enum|const|let|var|def|func|fn|struct|trait|module|object|record|namespace)\s+(?:\([^)]*\)\s*)?([A-Za-z_$][\w$]*)/;

/**
 * The heuristics check runs: all but refactor-type-only, which transpiles the
 * whole file once per change (most of the time of a TypeScript commit) and only
 * turns functional changes into type-only refactors, which mixed-refactor leaves
 * out anyway.
 */
export const CHECK_HEURISTICS = registry.filter((heuristic) => heuristic.meta.id !== 'refactor-type-only');

/** A commit with more changed lines than this is read from its diff alone: too-large says what matters about it. */
export const MAX_LINES_FOR_CONTENTS = 3000;

/** The rules' view of a loaded commit. */
export function analyseLoaded(commit: LoadedCommit, syntax: SyntaxService[]): CommitAnalysis {
  const diff = diffFacts({ kind: 'commit', rev: commit.sha, subject: commit.message.subject }, commit.files, commit.contents, commit.message, syntax, CHECK_HEURISTICS);
  return { sha: commit.sha, author: commit.author, rawMessage: commit.rawMessage, message: commit.message, diff };
}

/** Reads and checks one batch of commits in this thread. */
export async function checkBatch(git: Git, shas: string[], config: CheckConfig, depth: Depth, parsers: ParserCache): Promise<CommitResult[]> {
  const ignored = ignoreMatcher(config);
  const commits = loadCommits(git, shas, { contents: true, keep: (file) => !ignored(file), maxLinesForContents: MAX_LINES_FOR_CONTENTS });
  const syntax = depth === 'full' ? await parsers.for(commits) : [];
  return commits.map((commit) => {
    const analysis = analyseLoaded(commit, syntax);
    return toResult(analysis, runRules(analysis, config, rules), config);
  });
}

/** The compiled worker script, or null when running from TypeScript sources without a build. */
export function workerScript(): string | null {
  const beside = path.join(__dirname, 'worker.js');
  if (fs.existsSync(beside)) return beside;
  const built = path.resolve(__dirname, '../../dist/src/check/worker.js');
  return fs.existsSync(built) ? built : null;
}

export function defaultJobs(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

export async function checkCommits(git: Git, shas: string[], config: CheckConfig, options: RunOptions): Promise<CommitResult[]> {
  const script = workerScript();
  const jobs = Math.min(options.jobs, Math.ceil(shas.length / BATCH));
  if (jobs <= 1 || shas.length < PARALLEL_THRESHOLD || script === null) {
    const parsers = new ParserCache();
    const results: CommitResult[] = [];
    for (let start = 0; start < shas.length; start += BATCH * 8) {
      const batch = await checkBatch(git, shas.slice(start, start + BATCH * 8), config, options.depth, parsers);
      for (const result of batch) {
        results.push(result);
        options.progress?.(results.length, shas.length);
      }
    }
    return results;
  }
  return runWorkers(script, git.cwd, shas, config, options, jobs);
}

/** Messages between this thread and a worker. */
export type ToWorker = { type: 'batch'; id: number; shas: string[] } | { type: 'stop' };
export type FromWorker = { type: 'ready' } | { type: 'result'; id: number; results: CommitResult[] } | { type: 'error'; message: string; exitCode?: number };

async function runWorkers(script: string, cwd: string, shas: string[], config: CheckConfig, options: RunOptions, jobs: number): Promise<CommitResult[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
  const batches: string[][] = [];
  for (let start = 0; start < shas.length; start += BATCH) batches.push(shas.slice(start, start + BATCH));
  const results: CommitResult[][] = new Array(batches.length);
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: jobs }, () => new Worker(script, { workerData: { cwd, config, depth: options.depth }, resourceLimits: { maxYoungGenerationSizeMb: 48 } }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const feed = () => {
              if (next >= batches.length) {
                worker.postMessage({ type: 'stop' } satisfies ToWorker);
                resolve();
                return;
              }
              const id = next++;
              worker.postMessage({ type: 'batch', id, shas: batches[id] } satisfies ToWorker);
            };
            worker.on('message', (message: FromWorker) => {
              if (message.type === 'ready') feed();
              else if (message.type === 'result') {
                results[message.id] = message.results;
                for (let k = 0; k < message.results.length; k++) options.progress?.(++done, shas.length);
                feed();
              } else {
                const error = new Error(message.message) as Error & { exitCode?: number };
                if (message.exitCode !== undefined) error.exitCode = message.exitCode;
                reject(error);
              }
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (next < batches.length || results.some((batch) => batch === undefined)) reject(new Error(`a check worker stopped (exit code ${code}) before its work was done`));
            });
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results.flat();
}
