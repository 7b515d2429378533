#!/usr/bin/env node
/**
 * Accuracy benchmark: runs `split-advisor suggest --json` on every tangled-commit
 * case of a dataset made by ../shared/bench/make_tangled.py and scores the series
 * against the line-level ground truth with the reference scorer, next to the
 * baselines (everything in one commit, one commit per file, one per block).
 *
 *   npm run bench:accuracy -- DATA_DIR [--kit DIR] [--out DIR] [--no-baselines]
 *
 * DATA_DIR is one dataset (it holds case directories and stats.json) or a folder of
 * datasets. The analysis code never reads the ground truth: the tool only sees the
 * scratch repository's tangled branches, exactly as run_tool.sh runs it.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { datasetsOf } = require('./datasets');

function usage(message) {
  if (message) process.stderr.write(`bench:accuracy: ${message}\n`);
  process.stderr.write('usage: npm run bench:accuracy -- DATA_DIR [--kit DIR] [--out DIR] [--no-baselines]\n');
  process.exit(2);
}

const args = process.argv.slice(2);
let dataDir = null;
let kit = path.resolve(__dirname, '..', '..', 'shared', 'bench');
let outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'split-advisor-bench-'));
let baselines = true;
for (let k = 0; k < args.length; k++) {
  if (args[k] === '--kit') kit = path.resolve(args[++k] ?? usage('--kit needs a directory'));
  else if (args[k] === '--out') outDir = path.resolve(args[++k] ?? usage('--out needs a directory'));
  else if (args[k] === '--no-baselines') baselines = false;
  else if (args[k].startsWith('-')) usage(`unknown option ${args[k]}`);
  else dataDir = path.resolve(args[k]);
}
if (dataDir === null) usage('DATA_DIR is missing');
if (!fs.existsSync(path.join(kit, 'score.py'))) usage(`no benchmark kit at ${kit} (pass --kit)`);
const cli = path.resolve(__dirname, '..', 'dist', 'src', 'cli.js');
if (!fs.existsSync(cli)) usage('dist/src/cli.js is missing: run npm run build first');

const datasets = datasetsOf(dataDir, usage);

function run(command, argv) {
  const result = spawnSync(command, argv, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${argv.join(' ')} failed: ${result.stderr.trim().split('\n').pop()}`);
  return result.stdout;
}

/** Parses score.py's stratum table into { stratum: { metric: mean } }. */
function parseScores(output) {
  const lines = output.trim().split('\n');
  const header = lines.findIndex((line) => line.startsWith('stratum'));
  const metrics = lines[header].split(/\s+/).filter((word) => !['stratum', 'cases', 'failed', 'mean/med'].includes(word));
  const rows = {};
  for (const line of lines.slice(header + 1)) {
    const cells = line.trim().split(/\s+/);
    if (cells.length < 3 + metrics.length || !/^\d+$/.test(cells[1])) continue;
    const values = {};
    metrics.forEach((metric, index) => (values[metric] = Number(cells[3 + index].split('/')[0])));
    rows[cells[0]] = { cases: Number(cells[1]), failed: Number(cells[2]), ...values };
  }
  return rows;
}

const table = [];
for (const dataset of datasets) {
  const name = path.basename(dataset);
  const predictions = path.join(outDir, name, 'split-advisor');
  process.stderr.write(`${name}: running split-advisor on every case...\n`);
  const timing = run('bash', [path.join(kit, 'run_tool.sh'), dataset, `node ${cli}`, predictions, '60']).trim().split('\n').pop();
  const scored = { 'split-advisor': parseScores(run('python3', [path.join(kit, 'score.py'), '--data', dataset, '--pred', predictions])) };
  if (baselines) {
    for (const kind of ['one', 'per-file', 'per-block']) {
      const out = path.join(outDir, name, kind);
      run('python3', [path.join(kit, 'baselines.py'), '--data', dataset, '--out', out, '--kind', kind]);
      scored[kind] = parseScores(run('python3', [path.join(kit, 'score.py'), '--data', dataset, '--pred', out]));
    }
  }
  table.push({ name, timing, scored });
}

const metrics = ['accuracy', 'acc_c', 'ari', 'exact', 'count_ok'];
const out = [];
out.push(`| dataset | stratum | method | cases | ${metrics.join(' | ')} |`);
out.push(`| --- | --- | --- | --- | ${metrics.map(() => '---').join(' | ')} |`);
for (const { name, scored } of table) {
  for (const stratum of ['same-file', 'disjoint-files', 'ALL']) {
    for (const [method, rows] of Object.entries(scored)) {
      const row = rows[stratum];
      if (row === undefined) continue;
      out.push(`| ${name} | ${stratum} | ${method} | ${row.cases} | ${metrics.map((metric) => (row[metric] ?? NaN).toFixed(3)).join(' | ')} |`);
    }
  }
}
process.stdout.write(out.join('\n') + '\n');
for (const { name, timing } of table) process.stdout.write(`${name}: ${timing}\n`);
process.stdout.write(`predictions and per-case output: ${outDir}\n`);
