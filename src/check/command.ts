/**
 * The handlers of `check`, `lint-message` and `install-hook`, loaded by
 * src/cli.ts only when one of them runs. They read the policy, pick the commits
 * (a range, the upstream range, a push on stdin, or everything), run the rules
 * and render the report; the exit code is 1 when an error-level finding remains.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CliIo } from '../cli';
import { InputError } from '../errors';
import { ExitCode } from '../exit-codes';
import { Git, configValue, openRepository } from '../git';
import { parseCommitMessage } from '../message';
import { rules, findRule } from '../rules';
import { diffFacts, runRules, toResult } from './analyse';
import { CheckConfig, ignoreMatcher, loadConfig } from './config';
import { allTargets, parsePrePush, pushTargets, rangeTargets } from './history';
import { CheckReport, summarise, totalsOf } from './report';
import { Depth, checkCommits, defaultJobs } from './run';
import { CommitAnalysis } from './rule';

/** Bad usage: exit 2, one line, with a pointer to --help. */
class UsageError extends InputError {
  constructor(message: string) {
    super(`${message} (see split-advisor --help)`);
  }
}

export const FORMATS = ['text', 'json', 'sarif', 'markdown', 'github'] as const;
type Format = (typeof FORMATS)[number];

/** A range longer than this is a history audit: summary output, fast analysis. */
export const AUDIT_THRESHOLD = 100;

export interface CheckArguments {
  range?: string;
  all?: boolean;
  'pre-push'?: boolean;
  remote?: string;
  format?: string;
  json?: boolean;
  config?: string;
  explain?: string;
  jobs?: number;
  depth?: string;
  summary?: boolean;
  color?: boolean;
  C?: string;
}

export interface LintMessageArguments {
  file?: string;
  staged?: boolean;
  format?: string;
  json?: boolean;
  config?: string;
  color?: boolean;
  C?: string;
}

function useColor(io: CliIo, flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.isTTY && io.env.TERM !== 'dumb';
}

function formatOf(args: { format?: string; json?: boolean }): Format {
  const format = args.json ? 'json' : (args.format ?? 'text');
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format '${format}' (allowed: ${FORMATS.join(', ')})`);
  return format as Format;
}

function render(report: CheckReport, format: Format, io: CliIo, color: boolean | undefined): string {
  /* eslint-disable @typescript-eslint/no-require-imports */
  switch (format) {
    case 'json':
      return (require('../render/check-json') as typeof import('../render/check-json')).renderCheckJson(report);
    case 'sarif':
      return (require('../render/check-sarif') as typeof import('../render/check-sarif')).renderCheckSarif(report);
    case 'markdown':
      return (require('../render/check-markdown') as typeof import('../render/check-markdown')).renderCheckMarkdown(report);
    default: {
      const text = (require('../render/check-text') as typeof import('../render/check-text')).renderCheckText(report, { color: useColor(io, color) });
      // In GitHub Actions the findings also become annotations on the pull request's files.
      if (format === 'github' || io.env.GITHUB_ACTIONS === 'true') {
        return (require('../render/check-github') as typeof import('../render/check-github')).renderGithubAnnotations(report) + text;
      }
      return text;
    }
  }
  /* eslint-enable @typescript-eslint/no-require-imports */
}

/** `--explain RULE`: the rule's description, default, rationale and how to configure it. */
export function explainRule(id: string): string {
  const rule = findRule(id);
  if (rule === undefined) throw new UsageError(`unknown rule '${id}' (known: ${rules.map((known) => known.meta.id).join(', ')})`);
  const { meta } = rule;
  const wrap = (text: string) => text.replace(/(.{1,78})(\s+|$)/g, '$1\n').trimEnd();
  return [
    `${meta.id} (default: ${meta.defaultSeverity}; ${meta.scope === 'diff' ? 'reads the diff' : 'reads the message'})`,
    '',
    wrap(meta.description),
    '',
    wrap(meta.rationale),
    '',
    `Configure it in .split-advisor.json: { "rules": { "${meta.id}": "off" | "warn" | "error" } }`,
    '',
  ].join('\n');
}

/** A progress bar on stderr, for a terminal only (never in CI or when piped). */
function progressBar(io: CliIo, format: Format, total: number): ((done: number, all: number) => void) | undefined {
  if (!io.isTTY || format !== 'text' || total < 20 || io.env.CI || io.env.GITHUB_ACTIONS || io.env.TERM === 'dumb') return undefined;
  const started = performance.now();
  let last = 0;
  return (done, all) => {
    const now = performance.now();
    if (done < all && now - last < 100) return;
    last = now;
    const width = 30;
    const filled = Math.round((done / all) * width);
    const rate = done / Math.max((now - started) / 1000, 0.001);
    const eta = done < all ? `, ${Math.ceil((all - done) / rate)} s left` : '';
    io.stderr(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${all} commits, ${Math.round(rate)}/s${eta}\u001b[K`);
    if (done === all) io.stderr('\r\u001b[K');
  };
}

function resolveCwd(io: CliIo, directory: string | undefined): string {
  return directory !== undefined ? path.resolve(io.cwd, directory) : io.cwd;
}

export async function runCheck(args: CheckArguments, io: CliIo): Promise<number> {
  const extra = ((args as { _?: Array<string | number> })._ ?? []).slice(1);
  if (extra.length > 0) throw new UsageError(`unexpected argument: ${extra[0]}`);
  if (args.explain !== undefined) {
    io.stdout(explainRule(args.explain));
    return ExitCode.Success;
  }
  const format = formatOf(args);
  const sources = [args.range !== undefined, args.all === true, args['pre-push'] === true].filter(Boolean).length;
  if (sources > 1) throw new UsageError('give one of: a range, --all, --pre-push');
  if (args.depth !== undefined && args.depth !== 'full' && args.depth !== 'fast') throw new UsageError(`unknown depth '${args.depth}' (allowed: full, fast)`);
  if (args.jobs !== undefined && (!Number.isInteger(args.jobs) || args.jobs < 1)) throw new UsageError('--jobs takes a whole number of at least 1');
  const started = performance.now();
  const cwd = resolveCwd(io, args.C);
  const git = openRepository(cwd);
  const config = loadConfig(rules.map((rule) => rule.meta), git.cwd, args.config, cwd);
  const targets = args['pre-push'] ? pushTargets(git, parsePrePush(io.readStdin().toString('utf8')), args.remote) : args.all ? allTargets(git) : rangeTargets(git, args.range);
  const audit = args.all === true || targets.shas.length > AUDIT_THRESHOLD;
  const depth: Depth = (args.depth as Depth | undefined) ?? (audit ? 'fast' : 'full');
  const jobs = args.jobs ?? defaultJobs();
  const results = await checkCommits(git, targets.shas, config, { depth, jobs, progress: progressBar(io, format, targets.shas.length) });
  const notes = [...targets.notes];
  if (audit && args.depth === undefined) notes.push('A history audit runs the fast analysis (no real parsers, so api-with-use is quiet); --depth full for the complete one.');
  const report: CheckReport = {
    label: targets.label,
    kind: 'commits',
    results,
    notes,
    configSource: config.source,
    depth,
    summary: (args.summary ?? audit) ? summarise(results, rules) : null,
    rules: rules.filter((rule) => config.rules[rule.meta.id] !== 'off'),
    elapsedMs: performance.now() - started,
    jobs: results.length >= 40 ? Math.min(jobs, Math.ceil(results.length / 16)) : 1,
  };
  io.stdout(render(report, format, io, args.color));
  return totalsOf(results).errors > 0 ? ExitCode.Findings : ExitCode.Success;
}

/** Removes what git removes before committing: comment lines, and everything below the scissors line. */
export function stripComments(text: string, commentChar: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const scissors = lines.findIndex((line) => line === `${commentChar} ------------------------ >8 ------------------------`);
  const kept = (scissors >= 0 ? lines.slice(0, scissors) : lines).filter((line) => !line.startsWith(commentChar));
  return kept.join('\n').replace(/^\s*\n/, '').replace(/\s+$/, '') + '\n';
}

export async function runLintMessage(args: LintMessageArguments, io: CliIo): Promise<number> {
  const format = formatOf(args);
  const started = performance.now();
  const cwd = resolveCwd(io, args.C);
  // yargs reads a lone '-' positional as an empty string.
  const file = args.file === undefined || args.file === '' ? '-' : args.file;
  let git: Git | null = null;
  try {
    git = openRepository(cwd);
  } catch (error) {
    if (args.staged) throw error;
  }
  let raw: Buffer;
  if (file === '-') raw = io.readStdin();
  else {
    try {
      raw = fs.readFileSync(path.resolve(cwd, file));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new InputError(`cannot read message file: ${file} (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory' : (error as Error).message})`);
    }
  }
  const configured = git === null ? null : configValue(git, 'core.commentChar');
  const commentChar = configured === null || configured === 'auto' || configured === '' ? '#' : configured[0];
  const text = stripComments(raw.toString('utf8'), commentChar);
  const config: CheckConfig = loadConfig(rules.map((rule) => rule.meta), git?.cwd ?? null, args.config, cwd);
  const label = file === '-' ? 'the message on standard input' : `the message in ${file}`;
  const report: CheckReport = { label, kind: 'message', results: [], notes: [], configSource: config.source, depth: 'full', summary: null, rules: rules.filter((rule) => config.rules[rule.meta.id] !== 'off'), elapsedMs: 0, jobs: 1 };
  // Git aborts an empty message itself; a merge's message is git's own.
  if (text.trim() === '') return ExitCode.Success;
  if (git !== null && fs.existsSync(path.resolve(git.cwd, git.text(['rev-parse', '--git-path', 'MERGE_HEAD'])))) return ExitCode.Success;
  const message = parseCommitMessage(text);
  let diff = null;
  if (args.staged && git !== null) {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { loadInput } = require('../input') as typeof import('../input');
    const { languageOf } = require('../language') as typeof import('../language');
    const { loadSyntaxServices } = require('../syntax/load') as typeof import('../syntax/load');
    const { CHECK_HEURISTICS } = require('./run') as typeof import('./run');
    /* eslint-enable @typescript-eslint/no-require-imports */
    const loaded = loadInput({ kind: 'staged', cwd });
    // The policy's ignored paths are left out here as in `check`.
    const ignored = ignoreMatcher(config);
    const kept = loaded.files.map((staged, index) => ({ staged, contents: loaded.contents[index] })).filter(({ staged }) => !ignored((staged.newPath ?? staged.oldPath)?.text ?? ''));
    if (kept.length > 0) {
      const files = kept.map(({ staged }) => staged);
      const contents = kept.map(({ contents }) => contents);
      const languages = new Set(files.filter((_file, index) => contents[index] !== undefined).map((staged) => languageOf((staged.newPath ?? staged.oldPath)?.text ?? '').id));
      diff = diffFacts({ kind: 'staged' }, files, contents, message, await loadSyntaxServices(languages), CHECK_HEURISTICS);
    } else {
      report.notes.push('Nothing is staged (an amend of the message only?): the rules that compare the message with the diff were skipped.');
    }
  }
  const analysis: CommitAnalysis = { sha: null, author: null, rawMessage: text, message, diff };
  report.results = [toResult(analysis, runRules(analysis, config, rules), config)];
  report.elapsedMs = performance.now() - started;
  io.stdout(render(report, format, io, args.color));
  return totalsOf(report.results).errors > 0 ? ExitCode.Findings : ExitCode.Success;
}

export async function runInstallHook(args: { hook?: string; C?: string }, io: CliIo): Promise<number> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { HOOKS, installHook } = require('./hooks') as typeof import('./hooks');
  const name = args.hook ?? 'pre-push';
  if (!(HOOKS as string[]).includes(name)) throw new UsageError(`unknown hook '${name}' (allowed: ${HOOKS.join(', ')})`);
  const result = installHook(resolveCwd(io, args.C), name as (typeof HOOKS)[number]);
  io.stdout(result.messages.join('\n') + '\n');
  return ExitCode.Success;
}
