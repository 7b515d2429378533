#!/usr/bin/env node
/**
 * Per-kind precision and recall of the classification, against the hand-labelled
 * corpus in fixtures/kinds/corpus.json (one kind per changed line).
 *
 *   npm run bench:kinds [-- --filter S] [--corpus FILE] [--dist DIR] [--json FILE]
 *
 * Every case becomes a scratch repository with two commits (before, after), and the
 * built CLI runs on it exactly as `split-advisor suggest HEAD --json` does (in-process,
 * through dist/src/cli.js's runCli: same input edge, parsers and heuristics). Each
 * labelled line is then looked up in the change that holds it (new-side lines in the
 * changes' `new` ranges, old-side ones in `old`), and takes that change's kind.
 *
 *   precision(k) = lines labelled k and predicted k / lines predicted k
 *   recall(k)    = lines labelled k and predicted k / lines labelled k
 *   no-op precision = of the lines predicted whitespace, formatting, comment, refactor
 *                     or move, the share that are labelled with one of those kinds:
 *                     a wrong "no-op" is the error the commit practice forbids.
 *
 * Prints a markdown report: the table, the no-op figures, a confusion table, the wrong
 * no-op labels, then every other mislabelled line by case (case, file:line, expected,
 * got, and the heuristic's reason). Needs `npm run build` first; --dist points at
 * another build (say, of a clean `git archive HEAD` while the work tree holds unfinished
 * changes), --json writes every line's verdict for further digging. About a minute for
 * the 213 cases, mostly git creating the scratch repositories.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const KINDS = ['whitespace', 'formatting', 'comment', 'refactor', 'move', 'api-addition', 'api-change', 'api-removal', 'test', 'docs', 'dependency', 'generated', 'functional'];
const NOOP = new Set(['whitespace', 'formatting', 'comment', 'refactor', 'move']);

function usage(message) {
  if (message) process.stderr.write(`bench:kinds: ${message}\n`);
  process.stderr.write('usage: npm run bench:kinds [-- --filter S] [--corpus FILE] [--dist DIR] [--json FILE]\n');
  process.exit(2);
}

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
let corpusFile = path.join(root, 'fixtures', 'kinds', 'corpus.json');
let dist = path.join(root, 'dist');
let filter = null;
let jsonOut = null;
for (let k = 0; k < args.length; k++) {
  const value = () => args[++k] ?? usage(`${args[k - 1]} needs a value`);
  if (args[k] === '--corpus') corpusFile = path.resolve(value());
  else if (args[k] === '--dist') dist = path.resolve(value());
  else if (args[k] === '--filter') filter = value();
  else if (args[k] === '--json') jsonOut = path.resolve(value());
  else usage(`unknown argument ${args[k]}`);
}
const cliModule = path.join(dist, 'src', 'cli.js');
if (!fs.existsSync(cliModule)) usage(`${path.relative(process.cwd(), cliModule)} is missing: run npm run build first`);
if (!fs.existsSync(corpusFile)) usage(`no corpus at ${corpusFile}`);

// Neither the scratch repositories nor the tool's own git calls may see the user's
// git configuration (a diff.algorithm setting would move the changed lines).
Object.assign(process.env, { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: os.devNull, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' });
delete process.env.GIT_DIR;
delete process.env.GIT_WORK_TREE;
// As the CLI does: tree-sitter's WebAssembly stays on the baseline compiler.
require('node:v8').setFlagsFromString('--liftoff-only');
const { runCli } = require(cliModule);

function git(cwd, argv) {
  const result = spawnSync('git', argv, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_DATE: '1704067200 +0000', GIT_COMMITTER_DATE: '1704067200 +0000' } });
  if (result.status !== 0) throw new Error(`git ${argv.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** Two commits in `dir`: the case's files before, then after. */
function makeRepo(testCase, dir) {
  git(dir, ['init', '-q', '-b', 'main']);
  for (const side of ['before', 'after']) {
    for (const file of testCase.files) {
      const full = path.join(dir, file.path);
      if (file[side] === null) {
        fs.rmSync(full, { force: true });
      } else {
        fs.mkdirSync(path.dirname(full), { recursive: true });
        fs.writeFileSync(full, file[side]);
      }
    }
    git(dir, ['add', '-A']);
    git(dir, ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', 'commit', '-q', '--allow-empty', '--no-verify', '-m', `${testCase.name}: ${side}`]);
  }
}

async function suggest(dir) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd: dir, env: process.env, isTTY: false, readStdin: () => Buffer.alloc(0) };
  const code = await runCli(['suggest', 'HEAD', '--json'], io);
  if (code !== 0) return { error: `exit ${code}: ${stderr.trim().split('\n')[0]}` };
  return { report: JSON.parse(stdout) };
}

const within = (range, line) => range !== null && range.lines > 0 && line >= range.start && line < range.start + range.lines;

/** The change holding a labelled line, or null. */
function changeFor(changes, label) {
  return (
    changes.find((change) =>
      label.side === 'new' ? change.file === label.file && within(change.new, label.line) : (change.oldFile ?? change.file) === label.file && within(change.old, label.line),
    ) ?? null
  );
}

const percent = (num, den) => (den === 0 ? '—' : `${((100 * num) / den).toFixed(1)}%`);

async function main() {
  const corpus = JSON.parse(fs.readFileSync(corpusFile, 'utf8'));
  const cases = corpus.cases.filter((testCase) => filter === null || testCase.name.includes(filter));
  if (cases.length === 0) usage(`no case matches ${filter}`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'split-advisor-kinds-'));
  const started = process.hrtime.bigint();
  const results = [];
  try {
    for (const [index, testCase] of cases.entries()) {
      const dir = path.join(work, String(index));
      fs.mkdirSync(dir);
      makeRepo(testCase, dir);
      const { report, error } = await suggest(dir);
      const lines = testCase.expect.map((label) => {
        if (error) return { ...label, got: '(error)', why: error };
        const change = changeFor(report.changes, label);
        if (change === null) return { ...label, got: '(none)', why: 'no change holds this line' };
        return { ...label, got: change.kind, change: change.id, detail: change.detail, heuristic: change.heuristic, why: change.reason };
      });
      results.push({ name: testCase.name, note: testCase.note, error: error ?? null, lines });
      fs.rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  // Counts.
  const all = results.flatMap((result) => result.lines.map((line) => ({ ...line, case: result.name })));
  const stats = Object.fromEntries(KINDS.map((kind) => [kind, { labelled: 0, predicted: 0, correct: 0 }]));
  const confusion = new Map();
  for (const line of all) {
    stats[line.kind].labelled++;
    if (stats[line.got]) stats[line.got].predicted++;
    if (line.got === line.kind) stats[line.kind].correct++;
    const key = `${line.kind}\t${line.got}`;
    confusion.set(key, (confusion.get(key) ?? 0) + 1);
  }
  const predictedNoop = all.filter((line) => NOOP.has(line.got));
  const labelledNoop = all.filter((line) => NOOP.has(line.kind));
  const noopRight = predictedNoop.filter((line) => NOOP.has(line.kind));
  const noopExact = predictedNoop.filter((line) => line.got === line.kind);
  const correct = all.filter((line) => line.got === line.kind).length;

  const out = [];
  out.push(`# Classification per kind: ${results.length} cases, ${all.length} labelled lines (${seconds.toFixed(1)} s)`);
  out.push('');
  out.push('| kind | labelled | predicted | correct | precision | recall |');
  out.push('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const kind of KINDS) {
    const row = stats[kind];
    out.push(`| ${kind} | ${row.labelled} | ${row.predicted} | ${row.correct} | ${percent(row.correct, row.predicted)} | ${percent(row.correct, row.labelled)} |`);
  }
  const unclassified = all.filter((line) => !stats[line.got]).length;
  out.push(`| **all** | ${all.length} | ${all.length - unclassified} | ${correct} | ${percent(correct, all.length - unclassified)} | ${percent(correct, all.length)} |`);
  out.push('');
  out.push(
    `**No-op precision: ${percent(noopRight.length, predictedNoop.length)}** (${noopRight.length} of the ${predictedNoop.length} lines called whitespace, formatting, comment, refactor or move are no-ops; ` +
      `${noopExact.length} of them, ${percent(noopExact.length, predictedNoop.length)}, with the very kind labelled). ` +
      `No-op recall: ${percent(labelledNoop.filter((line) => NOOP.has(line.got)).length, labelledNoop.length)} of the ${labelledNoop.length} no-op lines are called some no-op.`,
  );
  if (unclassified > 0) out.push(`\n${unclassified} labelled line(s) are in no change or in a case the tool failed on (counted as misses).`);

  out.push('');
  out.push('## Confusion (labelled → predicted, lines)');
  out.push('');
  const gotKinds = [...KINDS, '(none)', '(error)'].filter((kind) => all.some((line) => line.got === kind));
  out.push(`| labelled \\ predicted | ${gotKinds.join(' | ')} |`);
  out.push(`| --- | ${gotKinds.map(() => '---:').join(' | ')} |`);
  for (const kind of KINDS) {
    if (stats[kind].labelled === 0) continue;
    out.push(`| ${kind} | ${gotKinds.map((got) => confusion.get(`${kind}\t${got}`) ?? '').join(' | ')} |`);
  }

  // Mislabelled lines, as runs of consecutive lines with the same verdict.
  const runs = [];
  for (const result of results) {
    let run = null;
    for (const line of result.lines) {
      if (line.got === line.kind) {
        run = null;
        continue;
      }
      const same = run && run.file === line.file && run.side === line.side && run.kind === line.kind && run.got === line.got && run.change === line.change && run.last + 1 === line.line;
      if (same) {
        run.last = line.line;
      } else {
        run = { case: result.name, file: line.file, side: line.side, first: line.line, last: line.line, kind: line.kind, got: line.got, change: line.change, detail: line.detail, heuristic: line.heuristic, why: line.why };
        runs.push(run);
      }
    }
  }
  const describe = (run) => {
    const where = `${run.file}:${run.first === run.last ? run.first : `${run.first}-${run.last}`}${run.side === 'old' ? ' (old)' : ''}`;
    const got = `${run.got}${run.detail ? `/${run.detail}` : ''}`;
    const why = run.why ? ` — ${run.heuristic ? `${run.heuristic}: ` : ''}${run.why.length > 140 ? `${run.why.slice(0, 137)}...` : run.why}` : '';
    return `- \`${run.case}\` ${where}: expected **${run.kind}**, got **${got}**${why}`;
  };
  const wrongNoop = runs.filter((run) => NOOP.has(run.got) && !NOOP.has(run.kind));
  out.push('');
  out.push(`## Wrong no-op labels: ${wrongNoop.reduce((sum, run) => sum + run.last - run.first + 1, 0)} line(s)`);
  out.push('');
  out.push(wrongNoop.length === 0 ? 'None.' : wrongNoop.map(describe).join('\n'));
  const others = runs.filter((run) => !wrongNoop.includes(run));
  out.push('');
  out.push(`## Other mislabelled lines: ${others.reduce((sum, run) => sum + run.last - run.first + 1, 0)} line(s) in ${new Set(others.map((run) => run.case)).size} case(s)`);
  out.push('');
  out.push(others.length === 0 ? 'None.' : others.map(describe).join('\n'));
  const failed = results.filter((result) => result.error);
  if (failed.length > 0) {
    out.push('');
    out.push('## Cases the tool failed on');
    out.push('');
    for (const result of failed) out.push(`- \`${result.name}\`: ${result.error}`);
  }
  process.stdout.write(out.join('\n') + '\n');
  if (jsonOut !== null) fs.writeFileSync(jsonOut, JSON.stringify({ stats, results }, null, 1) + '\n');
}

main().catch((error) => {
  process.stderr.write(`bench:kinds: ${error.stack ?? error}\n`);
  process.exit(1);
});
