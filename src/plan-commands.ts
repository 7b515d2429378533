/**
 * The `plan` and `apply` commands, behind the yargs layer of cli.ts: analyse
 * one commit, take the suggested series or a hand-edited plan file, build the
 * series in a quarantine (apply.ts), then render it (plan) or put it in the
 * repository (apply). cli.ts requires this module only when one of them runs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyse } from './advise';
import { ApplyOptions, BuiltSeries, ExecFailure, OriginalCommit, applySeries, buildSeriesCommits, checkNewBranch, defaultBranch, operationInProgress, readHead, readOriginal, stepPatch, writeFormatPatches } from './apply';
import type { CliIo } from './cli';
import { seriesOptionsOf } from './cli-series-options';
import { InputError } from './errors';
import { ExitCode } from './exit-codes';
import { Git, openRepository, resolveCommit } from './git';
import { LoadedInput, loadInput } from './input';
import { buildChanges } from './changes';
import { Change, Report } from './model';
import { Plan, SeriesDocument, planFromSeries, readPlanFile } from './plan';
import { location, printablePath } from './render/text';
import { loadSyntaxForInput } from './syntax/load';
import { TOOL } from './version';

/** Options both commands share: which commit, and how to split it. */
export interface SeriesArguments {
  rev?: string;
  plan?: string;
  'first-parent'?: boolean;
  'max-commits'?: number;
  granularity?: string;
  together?: string[];
  typecheck?: boolean;
  C?: string;
  _?: Array<string | number>;
}

export interface PlanArguments extends SeriesArguments {
  format?: string;
  'output-directory'?: string;
  branch?: string;
}

export interface ApplyArguments extends SeriesArguments {
  branch?: string;
  'in-place'?: boolean;
  exec?: string;
}

export const PLAN_FORMATS = ['todo', 'script', 'patches', 'json'] as const;

interface Prepared {
  git: Git;
  original: OriginalCommit;
  loaded: LoadedInput;
  changes: Change[];
  /** The classified analysis; null when a plan file made it unnecessary (apply --plan). */
  report: Report | null;
  plan: Plan;
}

function commandDirectory(args: SeriesArguments, io: CliIo): string {
  // yargs' strict mode lets through words after `--`; acting on HEAD instead would be wrong.
  const extra = (args._ ?? []).slice(1);
  if (extra.length > 0) throw new InputError(`unexpected argument: ${extra[0]}`);
  return args.C !== undefined ? path.resolve(io.cwd, args.C) : io.cwd;
}

/** Resolves the one commit both commands work on; a range is refused. */
function resolveRev(git: Git, args: SeriesArguments): string {
  const rev = args.rev ?? 'HEAD';
  if (/\.\./.test(rev)) throw new InputError(`${rev}: plan and apply take one commit, not a range`);
  return resolveCommit(git, rev);
}

/**
 * Analyses the commit (with the real parsers its languages need) and picks the
 * plan: a file, or the suggestion. With a plan file and `classify` false (apply
 * --plan), only the changes are cut: their kinds would not be used, and
 * classification is most of the time a commit takes.
 */
async function prepare(git: Git, cwd: string, sha: string, args: SeriesArguments, io: CliIo, classify: boolean): Promise<Prepared> {
  const { maxCommits, granularity, together } = seriesOptionsOf(args);
  const loaded = loadInput({ kind: 'commit', rev: sha, cwd, firstParent: args['first-parent'] === true });
  let report: Report | null = null;
  if (classify || args.plan === undefined) {
    let input = loaded;
    let typecheck: import('./prefix-check').TypecheckProject | undefined;
    if (args.typecheck) {
      // Required only when asked for: it loads the TypeScript compiler.
      const { loadTypecheck } = require('./typecheck') as typeof import('./typecheck');
      const setup = loadTypecheck(loaded, cwd);
      typecheck = setup.project ?? undefined;
      input = { ...loaded, notes: [...loaded.notes, ...setup.notes] };
    }
    report = analyse(input, { syntax: await loadSyntaxForInput(loaded), granularity, maxCommits, together, ...(typecheck !== undefined ? { typecheck } : {}) });
  }
  const changes = report?.changes ?? buildChanges(loaded.files);
  const short = sha.slice(0, 12);
  if (changes.length === 0) throw new InputError(`${short} changes nothing: there is nothing to split`);
  let plan = report === null ? { steps: [] } : planFromSeries(report.series);
  if (args.plan !== undefined) {
    const file = path.resolve(cwd, args.plan);
    let text: string;
    try {
      text = args.plan === '-' ? io.readStdin().toString('utf8') : fs.readFileSync(file, 'utf8');
    } catch {
      throw new InputError(`cannot read plan file: ${args.plan}`);
    }
    plan = readPlanFile(text, args.plan === '-' ? 'standard input' : args.plan, changes, sha);
  }
  return { git, original: readOriginal(git, sha), loaded, changes, report, plan };
}

/** The renderers' view of a built series: each step with its patch and its changes described. */
function seriesDocument(git: Git, loaded: LoadedInput, report: Report, built: BuiltSeries): SeriesDocument {
  const byId = new Map(report.changes.map((change) => [change.id, change]));
  return {
    tool: `${TOOL.name} ${TOOL.version}`,
    original: { sha: built.original.sha, subject: loaded.source.subject ?? '', parent: built.original.parent, tree: built.original.tree, baseTree: built.baseTree, authorLine: built.original.authorLine },
    steps: built.steps.map((step, position) => ({
      kind: step.kind,
      title: step.title,
      message: step.message,
      patch: stepPatch(git, built, position),
      changes: step.changes.map((id) => {
        const change = byId.get(id)!;
        return { id, file: change.file, location: location(change), kind: change.verdict.kind + (change.verdict.detail ? `/${change.verdict.detail}` : ''), reason: change.verdict.reason };
      }),
    })),
    notes: [...report.notes, ...built.notes],
  };
}

/** The commits after `sha` on HEAD, for the todo to pick again, when they form a straight line. */
function laterCommits(git: Git, sha: string): { picks: Array<{ sha: string; subject: string }> | null; note?: string } {
  const short = sha.slice(0, 12);
  const head = git.probe(['rev-parse', '--verify', '--quiet', 'HEAD']);
  if (head === null || git.probe(['merge-base', '--is-ancestor', sha, head]) === null) {
    return { picks: null, note: `The commits after ${short} are not listed: it is not an ancestor of HEAD. Keep the todo's own pick lines after the verify line.` };
  }
  const out = git.text(['log', '--reverse', '--format=%H%x00%P%x00%s', `${sha}..${head}`, '--']);
  const commits = out === '' ? [] : out.split('\n').map((line) => line.split('\0'));
  if (commits.some(([, parents]) => parents.includes(' '))) {
    return { picks: null, note: `The commits after ${short} are not listed: there are merges among them. Keep the todo's own lines after the verify line.` };
  }
  return { picks: commits.map(([commit, , subject]) => ({ sha: commit, subject })) };
}

/** A directory the todo's exec lines can name: absolute, no control characters. */
function checkDirectory(directory: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(directory)) throw new InputError(`the output directory's name holds a control character (${JSON.stringify(directory)}); choose another with -o`);
  return directory;
}

/**
 * Writes the todo's step files into `directory` (default: split-advisor's own
 * .git/split-advisor/<commit>, emptied first) and returns the todo list.
 */
function writeTodo(git: Git, sha: string, doc: SeriesDocument, directory: string | undefined): string {
  const { renderPlanTodo } = require('./render/plan-todo') as typeof import('./render/plan-todo');
  const target = checkDirectory(directory ?? path.join(git.text(['rev-parse', '--absolute-git-dir']), 'split-advisor', sha.slice(0, 12)));
  // The default directory is split-advisor's own: files of an earlier plan for this commit go.
  if (directory === undefined) fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  const later = laterCommits(git, sha);
  const { todo, files } = renderPlanTodo(doc, { directory: target, picks: later.picks, picksNote: later.note });
  for (const file of files) fs.writeFileSync(path.join(target, file.name), file.data, { mode: file.name.endsWith('.sh') ? 0o755 : 0o644 });
  return todo;
}

/**
 * `plan --format todo` for a report already made of one commit (the review
 * page's download): builds the suggested series, writes the step files into
 * the repository's .git/split-advisor/<commit> and returns the todo list.
 */
export function suggestedTodo(cwd: string, loaded: LoadedInput, report: Report): string {
  const sha = report.source.rev;
  if (report.source.kind !== 'commit' || sha === undefined) throw new InputError('a rebase todo needs one commit of a repository');
  const git = openRepository(cwd);
  const built = buildSeriesCommits(git, readOriginal(git, sha), loaded.files, report.changes, planFromSeries(report.series));
  try {
    return writeTodo(git, sha, seriesDocument(git, loaded, report, built), undefined);
  } finally {
    built.quarantine.dispose();
  }
}

export async function runPlan(args: PlanArguments, io: CliIo): Promise<number> {
  const cwd = commandDirectory(args, io);
  const format = args.format ?? 'todo';
  if (!(PLAN_FORMATS as readonly string[]).includes(format)) throw new InputError(`unknown format '${format}' (allowed: ${PLAN_FORMATS.join(', ')})`);
  if (args['output-directory'] !== undefined && format !== 'todo' && format !== 'patches') throw new InputError(`--output-directory applies to --format todo and patches only`);
  if (args.branch !== undefined && format !== 'script') throw new InputError(`--branch applies to --format script only (apply takes one too)`);
  const git = openRepository(cwd);
  const sha = resolveRev(git, args);
  const prepared = await prepare(git, cwd, sha, args, io, true);
  const report = prepared.report!;
  if (format === 'json') {
    const { renderPlanJson } = require('./render/plan-json') as typeof import('./render/plan-json');
    io.stdout(renderPlanJson(report, prepared.plan, prepared.original));
    return ExitCode.Success;
  }
  const built = buildSeriesCommits(git, prepared.original, prepared.loaded.files, prepared.changes, prepared.plan);
  try {
    if (format === 'patches') {
      const directory = path.resolve(cwd, args['output-directory'] ?? '.');
      fs.mkdirSync(directory, { recursive: true });
      for (const file of writeFormatPatches(git, built, directory)) io.stdout(`${printablePath(file)}\n`);
      for (const note of built.notes) io.stderr(`note: ${note}\n`);
      return ExitCode.Success;
    }
    const doc = seriesDocument(git, prepared.loaded, report, built);
    if (format === 'script') {
      const { renderPlanScript } = require('./render/plan-script') as typeof import('./render/plan-script');
      const branch = args.branch ?? defaultBranch(sha);
      if (branch.startsWith('-') || git.probe(['check-ref-format', '--branch', branch]) === null) throw new InputError(`not a valid branch name: ${branch}`);
      io.stdout(renderPlanScript(doc, { branch }));
      return ExitCode.Success;
    }
    const given = args['output-directory'];
    io.stdout(writeTodo(git, sha, doc, given !== undefined ? path.resolve(cwd, given) : undefined));
    return ExitCode.Success;
  } finally {
    built.quarantine.dispose();
  }
}

export async function runApply(args: ApplyArguments, io: CliIo): Promise<number> {
  const cwd = commandDirectory(args, io);
  if (args['in-place'] && args.branch !== undefined) throw new InputError('give --branch NAME or --in-place, not both');
  if (args.exec !== undefined && args.exec.trim() === '') throw new InputError('--exec needs a command');
  const git = openRepository(cwd);
  const busy = operationInProgress(git);
  if (busy !== null) throw new InputError(`${busy} is in progress; finish or abort it before apply`);
  const sha = resolveRev(git, args);
  // Checked before the analysis, so a wrong name or a detached HEAD fails fast.
  const head = args['in-place'] ? readHead(git, sha) : undefined;
  if (!args['in-place']) checkNewBranch(git, args.branch ?? defaultBranch(sha));
  const prepared = await prepare(git, cwd, sha, args, io, false);
  const started = Date.now();
  const built = buildSeriesCommits(git, prepared.original, prepared.loaded.files, prepared.changes, prepared.plan);
  const options: ApplyOptions = { branch: args.branch, inPlace: args['in-place'] === true, exec: args.exec, head, progress: (text) => io.stderr(text), env: io.env };
  let result;
  try {
    result = applySeries(git, built, options);
  } catch (error) {
    if (error instanceof ExecFailure) {
      io.stderr(`split-advisor: ${error.message}\n`);
      return ExitCode.Findings;
    }
    throw error;
  } finally {
    built.quarantine.dispose();
  }
  const short = sha.slice(0, 12);
  const name = result.ref.replace(/^refs\/heads\//, '');
  const subject = prepared.loaded.source.subject;
  const count = built.steps.length;
  io.stdout(
    args['in-place']
      ? `Rewrote ${name}: ${short}${subject ? ` "${subject}"` : ''} is now ${count} commit${count === 1 ? '' : 's'}${result.replayed > 0 ? `, and the ${result.replayed} commit${result.replayed === 1 ? '' : 's'} after it were replayed` : ''}; the tree is unchanged.\n`
      : `Created branch ${name}: ${count} commit${count === 1 ? '' : 's'} in place of ${short}${subject ? ` "${subject}"` : ''}, ending on the same tree.\n`,
  );
  for (const step of built.steps) io.stdout(`  ${step.commit.slice(0, 12)} ${step.title}\n`);
  for (const note of built.notes) io.stdout(`Note: ${note}\n`);
  if (io.env.SPLIT_ADVISOR_TIMINGS) io.stderr(`timings (ms): build and apply ${Date.now() - started}\n`);
  return ExitCode.Success;
}
