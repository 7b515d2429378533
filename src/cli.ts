#!/usr/bin/env node
/**
 * The command line: argument parsing (yargs) and the error edge. Everything it
 * needs from outside (argv, streams, cwd, environment) is passed in, so tests
 * run it in-process. The analysis modules are required only once a command
 * runs, so `--help` and bad usage stay fast.
 */
import yargs, { Argv } from 'yargs';
import { ExitCode } from './exit-codes';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Whether stdout is a terminal (colour is used only then). */
  isTTY: boolean;
  /** Reads all of standard input (for `--patch -`). */
  readStdin: () => Buffer;
}

interface SuggestArguments {
  rev?: string;
  patch?: string;
  staged?: boolean;
  worktree?: boolean;
  'first-parent'?: boolean;
  json?: boolean;
  format?: string;
  color?: boolean;
  C?: string;
  'max-commits'?: number;
  granularity?: string;
  together?: string[];
  typecheck?: boolean;
}

class UsageError extends Error {}

/** When the module was loaded: SPLIT_ADVISOR_TIMINGS reports time from here. */
const processStart = performance.now();

function useColor(io: CliIo, flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.isTTY && io.env.TERM !== 'dumb';
}

async function runSuggest(args: SuggestArguments, io: CliIo): Promise<number> {
  // Loaded here, not at the top: help and usage errors do not pay for them.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { loadInput } = require('./input') as typeof import('./input');
  const { analyse } = require('./advise') as typeof import('./advise');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const path = require('node:path') as typeof import('node:path');
  const cwd = args.C !== undefined ? path.resolve(io.cwd, args.C) : io.cwd;
  // yargs' strict mode lets through words after `--`; analysing HEAD instead would be wrong.
  const extra = ((args as { _?: Array<string | number> })._ ?? []).slice(1);
  if (extra.length > 0) throw new UsageError(`unexpected argument: ${extra[0]}`);
  const sources = [args.patch !== undefined, args.staged === true, args.worktree === true, args.rev !== undefined].filter(Boolean).length;
  if (sources > 1) throw new UsageError('give one input: a revision, a range, --staged, --worktree or --patch FILE');
  const format = args.json ? 'json' : (args.format ?? 'text');
  if (format !== 'text' && format !== 'json' && format !== 'markdown') throw new UsageError(`unknown format '${format}' (allowed: text, json, markdown)`);
  if (args['first-parent'] && (args.patch !== undefined || args.staged || args.worktree)) throw new UsageError('--first-parent applies to a commit only');

  const inputStarted = performance.now();
  const rev = args.rev ?? 'HEAD';
  const loaded =
    args.patch !== undefined
      ? loadInput({ kind: 'patch', path: args.patch, cwd, stdin: io.readStdin })
      : args.staged
        ? loadInput({ kind: 'staged', cwd })
        : args.worktree
          ? loadInput({ kind: 'worktree', cwd })
          : /\.\./.test(rev)
            ? loadInput({ kind: 'range', rev, cwd })
            : loadInput({ kind: 'commit', rev, cwd, firstParent: args['first-parent'] === true });
  const { loadSyntaxForInput } = require('./syntax/load') as typeof import('./syntax/load');
  const { seriesOptionsOf } = require('./cli-series-options') as typeof import('./cli-series-options');
  const { maxCommits, granularity, together } = seriesOptionsOf(args);
  const timings: Record<string, number> = { input: performance.now() - inputStarted };
  const started = performance.now();
  const syntax = await loadSyntaxForInput(loaded);
  timings.parsers = performance.now() - started;
  let typecheck: import('./prefix-check').TypecheckProject | undefined;
  let input = loaded;
  if (args.typecheck) {
    const typecheckStarted = performance.now();
    const { loadTypecheck } = require('./typecheck') as typeof import('./typecheck');
    const setup = loadTypecheck(loaded, cwd);
    typecheck = setup.project ?? undefined;
    input = { ...loaded, notes: [...loaded.notes, ...setup.notes] };
    timings['typecheck input'] = performance.now() - typecheckStarted;
  }
  const report = analyse(input, { syntax, granularity, maxCommits, together, timings, ...(typecheck !== undefined ? { typecheck } : {}) });
  if (io.env.SPLIT_ADVISOR_TIMINGS) {
    // Which tree-sitter build parsed each language: a platform without the native prebuilds is slower, with the same answers.
    const engines = syntax.flatMap((service) => [...(service.engines ?? [])].map(([id, engine]) => `${id} ${engine}`));
    // Whether TypeScript came from V8's code cache: a first run (or a new Node) compiles it, ~150 ms more.
    const codeCache = (require('./syntax/typescript-compiler') as typeof import('./syntax/typescript-compiler')).codeCacheUse();
    io.stderr(
      `timings (ms): ${Object.entries(timings).map(([stage, ms]) => `${stage} ${ms.toFixed(1)}`).join(', ')}; total since start ${(performance.now() - processStart).toFixed(1)}${engines.length > 0 ? `; tree-sitter: ${engines.join(', ')}` : ''}${codeCache !== undefined ? `; typescript code cache: ${codeCache}` : ''}\n`,
    );
  }
  if (format === 'json') {
    const { renderJson } = require('./render/json') as typeof import('./render/json');
    io.stdout(renderJson(report));
  } else if (format === 'markdown') {
    const { renderMarkdown } = require('./render/markdown') as typeof import('./render/markdown');
    io.stdout(renderMarkdown(report));
  } else {
    const { renderText } = require('./render/text') as typeof import('./render/text');
    io.stdout(renderText(report, { color: useColor(io, args.color) }));
  }
  return ExitCode.Success;
}

/** The options plan and apply share: which commit, which plan, how to split. */
function seriesOptions<T>(command: Argv<T>) {
  return command
    .positional('rev', { type: 'string', describe: 'the commit to split (default HEAD)' })
    .option('plan', { type: 'string', describe: 'a plan from `plan --format json`, edited by hand (\'-\' for stdin), instead of the suggested series', requiresArg: true })
    .option('first-parent', { type: 'boolean', describe: 'split a merge commit against its first parent' })
    .option('C', { type: 'string', describe: 'run as if started in this directory', requiresArg: true })
    .options(SPLIT_CONTROLS);
}

/** How to split: the options suggest, plan and apply share. */
const SPLIT_CONTROLS = {
  'max-commits': { type: 'number', describe: 'suggest at most N commits (merging the closest ones)', requiresArg: true },
  granularity: { type: 'string', choices: ['coarse', 'normal', 'fine'], describe: 'how finely to split: coarse (one commit per kind), normal, fine (every independent change)' },
  together: { type: 'string', array: true, describe: 'change ids or path globs, comma-separated, that must share a commit (repeatable): --together "src/a.ts,src/b.ts"', requiresArg: true },
  typecheck: { type: 'boolean', describe: "every step's TS/JS files must type-check as well as the original's (with the commit's tsconfig.json; slower)" },
} as const;

/** Runs the CLI and returns the exit code; never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let exitCode: number = ExitCode.Success;
  let commandError: unknown = null;
  /** Wraps a command: its exit code, or its error, is kept for the end of runCli (which never throws). */
  const handle =
    <A>(run: (args: A) => Promise<number>) =>
    async (args: A): Promise<void> => {
      try {
        exitCode = await run(args);
      } catch (error) {
        commandError = error;
      }
    };
  const parser = yargs(argv)
    .scriptName('split-advisor')
    .usage('$0 <command> [options]\n\nClassifies every change in a commit or diff and suggests how to split it into one-logical-change commits.')
    .command<SuggestArguments>(
      'suggest [rev]',
      'Suggest how to split a commit, a range, the staged or uncommitted changes, or a patch',
      (command) =>
        command
          .positional('rev', { type: 'string', describe: 'a commit (default HEAD) or a range a..b' })
          .option('patch', { type: 'string', describe: "read a unified diff or format-patch mail from FILE ('-' for stdin)", requiresArg: true })
          .option('staged', { type: 'boolean', describe: 'analyse what `git commit` would take (HEAD against the index)' })
          .option('worktree', { type: 'boolean', describe: 'analyse everything not yet committed, untracked files included' })
          .option('first-parent', { type: 'boolean', describe: 'analyse a merge commit against its first parent' })
          .option('json', { type: 'boolean', describe: 'print the JSON contract (same as --format json)' })
          .option('format', { type: 'string', choices: ['text', 'json', 'markdown'], describe: 'text (default), json (the contract), markdown (a review comment)' })
          .option('color', { type: 'boolean', describe: 'force colour on or off (default: on a terminal, unless NO_COLOR is set)' })
          .option('C', { type: 'string', describe: 'run as if started in this directory', requiresArg: true })
          .options(SPLIT_CONTROLS)
          .example('$0 suggest HEAD', 'split the last commit')
          .example('$0 suggest main..topic', 'the combined diff of a branch')
          .example('git diff | $0 suggest --patch -', 'a diff on standard input'),
      handle((args) => runSuggest(args, io)),
    )
    .command<import('./plan-commands').PlanArguments>(
      'plan [rev]',
      'Write the suggested series (or an edited plan) as a rebase todo, a script, patches or an editable JSON plan',
      (command) =>
        seriesOptions(command)
          .option('format', { type: 'string', choices: ['todo', 'script', 'patches', 'json'], describe: 'todo (default): a git rebase -i todo list; script: a sh script creating a branch; patches: git format-patch files; json: the editable plan' })
          .option('output-directory', { alias: 'o', type: 'string', describe: 'where the todo\'s step files (default: .git/split-advisor/<commit>) or the patches (default: .) go', requiresArg: true })
          .option('branch', { type: 'string', describe: 'for --format script: the branch the script creates (default split-<commit>)', requiresArg: true })
          .example('$0 plan HEAD --format json > plan.json', 'an editable plan for the last commit')
          .example('$0 plan HEAD --format patches -o out/', 'the series as mails for git am or git send-email'),
      handle((args) => (require('./plan-commands') as typeof import('./plan-commands')).runPlan(args, io)),
    )
    .command<import('./plan-commands').ApplyArguments>(
      'apply [rev]',
      'Create the suggested series (or an edited plan) as commits, on a new branch or in place',
      (command) =>
        seriesOptions(command)
          .option('branch', { type: 'string', describe: 'the new branch to create (default split-<commit>)', requiresArg: true })
          .option('in-place', { type: 'boolean', describe: 'replace the commit in the current branch and replay the commits after it' })
          .option('exec', { type: 'string', describe: 'run this shell command on every new commit in a temporary worktree; a failure changes nothing', requiresArg: true })
          .example('$0 apply HEAD', 'the last commit as a series on branch split-<commit>')
          .example('$0 apply HEAD~2 --in-place --exec "make test"', 'split a commit of this branch, testing each step'),
      handle((args) => (require('./plan-commands') as typeof import('./plan-commands')).runApply(args, io)),
    )
    .command<import('./check/command').CheckArguments>(
      'check [range]',
      'Check each commit of a range (default: the commits not yet on the upstream), a push or the whole history for tangled changes and weak messages',
      (command) =>
        command
          .positional('range', { type: 'string', describe: 'a range a..b or one commit (default @{upstream}..HEAD)' })
          .option('all', { type: 'boolean', describe: 'audit every commit on branches, tags and remote-tracking branches' })
          .option('pre-push', { type: 'boolean', describe: "read git's pre-push lines on stdin and check the commits the push sends (the hook does this)" })
          .option('remote', { type: 'string', describe: 'the remote being pushed to, for the report (with --pre-push)', requiresArg: true })
          .option('format', { type: 'string', choices: ['text', 'json', 'sarif', 'markdown', 'github'], describe: 'text (default; plus annotations when GITHUB_ACTIONS is set), json, sarif, markdown (a PR comment), github (annotations)' })
          .option('json', { type: 'boolean', describe: 'same as --format json' })
          .option('config', { type: 'string', describe: 'policy file (default .split-advisor.json, or "split-advisor" in package.json)', requiresArg: true })
          .option('explain', { type: 'string', describe: "print a rule's rationale from the commit practice", requiresArg: true })
          .option('depth', { type: 'string', choices: ['full', 'fast'], describe: 'full: whole files and real parsers (default up to 100 commits); fast: no parsers (default for --all and longer ranges)' })
          .option('jobs', { type: 'number', describe: 'worker threads for long ranges (default: the available cores)', requiresArg: true })
          .option('summary', { type: 'boolean', describe: 'end with the audit summary (default for --all and ranges over 100 commits)' })
          .option('color', { type: 'boolean', describe: 'force colour on or off' })
          .option('C', { type: 'string', describe: 'run as if started in this directory', requiresArg: true })
          .example('$0 check', 'the commits not yet pushed to the upstream')
          .example('$0 check origin/main..HEAD --format sarif > check.sarif', 'for a code-scanning upload')
          .example('$0 check --all', 'audit the whole history')
          .example('$0 check --explain mixed-whitespace', 'why a rule exists'),
      handle((args) => (require('./check/command') as typeof import('./check/command')).runCheck(args, io)),
    )
    .command<import('./check/command').LintMessageArguments>(
      'lint-message [file]',
      "Check a commit message against the message rules (FILE or '-' for stdin; the commit-msg hook does this)",
      (command) =>
        command
          .positional('file', { type: 'string', describe: "the message file (git passes .git/COMMIT_EDITMSG), or '-' for stdin" })
          .option('staged', { type: 'boolean', describe: 'also compare the message with the staged changes (area, trivial or not, no-op)' })
          .option('format', { type: 'string', choices: ['text', 'json', 'sarif', 'markdown', 'github'], describe: 'output format' })
          .option('json', { type: 'boolean', describe: 'same as --format json' })
          .option('config', { type: 'string', describe: 'policy file', requiresArg: true })
          .option('color', { type: 'boolean', describe: 'force colour on or off' })
          .option('C', { type: 'string', describe: 'run as if started in this directory', requiresArg: true }),
      handle((args) => (require('./check/command') as typeof import('./check/command')).runLintMessage(args, io)),
    )
    .command<{ hook?: string; C?: string }>(
      'install-hook [hook]',
      'Install the pre-push (default) or commit-msg hook that runs the gate, keeping any hook already there',
      (command) =>
        command
          .positional('hook', { type: 'string', choices: ['pre-push', 'commit-msg'], describe: 'which hook' })
          .option('C', { type: 'string', describe: 'run as if started in this directory', requiresArg: true }),
      handle((args) => (require('./check/command') as typeof import('./check/command')).runInstallHook(args, io)),
    )
    .command<import('./serve/command').ServeArguments>(
      'serve',
      'Serve the review page on 127.0.0.1: paste a diff or name a revision, see what to read and what to skim, and the series to send',
      (command) =>
        command
          .option('port', { type: 'number', describe: 'the port to listen on (default: a free one)', requiresArg: true })
          .option('open', { type: 'boolean', describe: 'open the page in the default browser' })
          .option('max-request-size', { type: 'number', describe: 'the largest request body accepted, in MiB (default 32)', requiresArg: true })
          .option('C', { type: 'string', describe: "the directory the page's repository field starts with (default: this one)", requiresArg: true })
          .example('$0 serve --open', 'start the page and open it in a browser'),
      handle((args) => (require('./serve/command') as typeof import('./serve/command')).runServe(args, io)),
    )
    .demandCommand(1, 'name a command, e.g. `split-advisor suggest HEAD`')
    .strict()
    .help()
    .alias('h', 'help')
    .version(require('./version').TOOL.version)
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .exitProcess(false);

  let usageFailure: string | null = null;
  parser.fail((message, error) => {
    usageFailure ??= message ?? error?.message ?? 'bad usage';
    // Throw: a fail handler that returns lets yargs go on and run the command anyway.
    throw error ?? new Error(usageFailure);
  });
  let helpOutput = '';
  try {
    await parser.parseAsync(argv, {}, (_error, _parsed, output) => {
      helpOutput = output;
    });
  } catch (error) {
    usageFailure ??= error instanceof Error ? error.message : String(error);
  }
  if (usageFailure !== null) {
    // One line: some yargs messages (invalid choices) span several.
    const oneLine = (usageFailure as string).trim().replace(/\s*\n\s*/g, ' ');
    io.stderr(`split-advisor: ${oneLine} (see split-advisor --help)\n`);
    return ExitCode.BadInput;
  }
  if (helpOutput !== '') io.stdout(helpOutput + '\n');
  if (commandError !== null) return reportError(commandError, io);
  return exitCode;
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof UsageError) {
    io.stderr(`split-advisor: ${error.message} (see split-advisor --help)\n`);
    return ExitCode.BadInput;
  }
  const exit = (error as { exitCode?: number }).exitCode;
  if (error instanceof Error && exit === ExitCode.BadInput) {
    io.stderr(`split-advisor: ${error.message.split('\n')[0]}\n`);
    return ExitCode.BadInput;
  }
  if (error instanceof Error && (error as NodeJS.ErrnoException).code === 'EPIPE') return ExitCode.Success;
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  io.stderr(`split-advisor: internal error: ${message} (please report it; SPLIT_ADVISOR_DEBUG=1 shows the stack)\n`);
  if (io.env.SPLIT_ADVISOR_DEBUG) io.stderr(`${error instanceof Error ? error.stack : ''}\n`);
  return ExitCode.InternalError;
}

if (require.main === module) {
  // tree-sitter grammars are WebAssembly: V8's optimising tier would spend 1-3 s of
  // CPU compiling them in the background, and stall a later grammar load. The
  // baseline compiler alone is as fast for our parses. Set only for the CLI process.
  require('node:v8').setFlagsFromString('--liftoff-only');
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    isTTY: process.stdout.isTTY === true,
    readStdin: () => require('node:fs').readFileSync(0),
  };
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
  });
  runCli(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
