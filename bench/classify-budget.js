#!/usr/bin/env node
/**
 * What classification adds to a cold `suggest`, over a sample of commits of about
 * 500 changed lines: for each, the built CLI runs in a fresh Node with
 * SPLIT_ADVISOR_TIMINGS=1, and the "parsers", "changes" and "classify" stages
 * (loading the parsers, cutting changes, running the heuristics) are added up;
 * the fastest of RUNS runs counts. The sample is the newest non-merge commits of
 * REPO_DIR with MIN to MAX changed lines (git's numstat), COUNT of them.
 *
 *   npm run build && npm run bench:budget -- REPO_DIR [COUNT] [RUNS] [MIN] [MAX]
 *
 * Wall time: run it on a quiet machine (the load average is printed).
 */
'use strict';
const { execFileSync, spawnSync } = require('node:child_process');
const os = require('node:os');
const path = require('node:path');

const CLI = path.join(__dirname, '..', 'dist', 'src', 'cli.js');
const STAGES = ['parsers', 'changes', 'classify'];

function git(cwd, args) {
  return execFileSync('git', ['-C', cwd, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
}

/** The newest non-merge commits whose changed lines (added + removed, text files) fall in [min, max]. */
function sample(repo, count, min, max) {
  const picked = [];
  const log = git(repo, ['log', '--no-merges', '--numstat', '--format=@%H', '-n', '20000']);
  for (const record of log.split('@').slice(1)) {
    const [id, ...rows] = record.trim().split('\n');
    let lines = 0;
    for (const row of rows) {
      const [added, removed] = row.split('\t');
      if (added !== '-' && added !== undefined && removed !== undefined) lines += Number(added) + Number(removed);
    }
    if (lines >= min && lines <= max) picked.push({ id, lines });
    if (picked.length === count) break;
  }
  return picked;
}

/** The sum of the stages for one cold run, or null when the command failed. */
function run(repo, id) {
  const result = spawnSync(process.execPath, [CLI, 'suggest', id, '-C', repo, '--json'], {
    env: { ...process.env, SPLIT_ADVISOR_TIMINGS: '1' },
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const match = result.status === 0 ? /timings \(ms\): ([^;]*)/.exec(result.stderr) : null;
  if (match === null) return null;
  const stages = Object.fromEntries(
    match[1].split(', ').map((entry) => {
      const at = entry.lastIndexOf(' ');
      return [entry.slice(0, at), Number(entry.slice(at + 1))];
    }),
  );
  return STAGES.reduce((sum, stage) => sum + (stages[stage] ?? 0), 0);
}

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function main() {
  const [repoArgument, countArgument = '20', runsArgument = '3', minArgument = '400', maxArgument = '600'] = process.argv.slice(2);
  if (repoArgument === undefined) throw new Error('usage: node bench/classify-budget.js REPO_DIR [COUNT] [RUNS] [MIN] [MAX]');
  const repo = path.resolve(repoArgument);
  const commits = sample(repo, Number(countArgument), Number(minArgument), Number(maxArgument));
  const results = [];
  console.log(`load average ${os.loadavg().map((value) => value.toFixed(2)).join(' ')}; ${commits.length} commits of ${minArgument}-${maxArgument} changed lines`);
  for (const commit of commits) {
    const times = [];
    for (let k = 0; k < Number(runsArgument); k++) {
      const time = run(repo, commit.id);
      if (time !== null) times.push(time);
    }
    if (times.length === 0) {
      console.log(`${commit.id.slice(0, 10)} ${commit.lines} lines: no timings (the command failed)`);
      continue;
    }
    const best = Math.min(...times);
    results.push(best);
    console.log(`${commit.id.slice(0, 10)} ${String(commit.lines).padStart(4)} lines: ${best.toFixed(0)} ms`);
  }
  const sorted = [...results].sort((a, b) => a - b);
  if (sorted.length > 0) {
    const over = sorted.filter((time) => time > 150).length;
    console.log(`parsers + changes + classify, fastest of ${runsArgument}: median ${quantile(sorted, 0.5).toFixed(0)} ms, p90 ${quantile(sorted, 0.9).toFixed(0)} ms, max ${sorted.at(-1).toFixed(0)} ms; over 150 ms: ${over} of ${sorted.length}`);
  }
  console.log(`load average after ${os.loadavg().map((value) => value.toFixed(2)).join(' ')}`);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
}
