#!/usr/bin/env node
/**
 * What each grouping link is worth: reads and classifies every tangled-commit case
 * of the datasets once, then builds the series with all links and with each link
 * left out in turn (SeriesOptions.withoutLinks), and prints the mean line accuracy
 * of each variant per dataset (the same measure as score.py's `accuracy`, computed
 * here so that one classification serves every variant).
 *
 *   npm run bench:links -- DATA_DIR [--only LINK,LINK...] [--cases N] [--per-case FILE]
 *
 * DATA_DIR is one dataset made by ../shared/bench/make_tangled.py or a folder of
 * them. The "all links" row reproduces `bench:accuracy`'s figures: the series is
 * built as `suggest` builds it (src/advise.ts), with the prefix parse check. The
 * analysis never reads the ground truth; only the scoring below does.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { datasetsOf } = require('./datasets');

function usage(message) {
  if (message) process.stderr.write(`bench:links: ${message}\n`);
  process.stderr.write('usage: npm run bench:links -- DATA_DIR [--only LINK,LINK...] [--cases N] [--per-case FILE]\n');
  process.exit(2);
}

const dist = path.resolve(__dirname, '..', 'dist', 'src');
if (!fs.existsSync(path.join(dist, 'series.js'))) usage('dist/src is missing: run npm run build first');
const { loadInput } = require(path.join(dist, 'input'));
const { loadSyntaxForInput } = require(path.join(dist, 'syntax', 'load'));
const { buildChanges } = require(path.join(dist, 'changes'));
const { Commit, classifyChanges } = require(path.join(dist, 'classify'));
const { symbolsOf } = require(path.join(dist, 'symbols'));
const { brokenFilesChecker } = require(path.join(dist, 'prefix-check'));
const { buildSeries, LINK_NAMES } = require(path.join(dist, 'series'));

const args = process.argv.slice(2);
let dataDir = null;
let links = [...LINK_NAMES];
let maxCases = Infinity;
let perCase = null;
for (let k = 0; k < args.length; k++) {
  if (args[k] === '--only') links = (args[++k] ?? usage('--only needs link names')).split(',');
  else if (args[k] === '--cases') maxCases = Number(args[++k] ?? usage('--cases needs a number'));
  else if (args[k] === '--per-case') perCase = path.resolve(args[++k] ?? usage('--per-case needs a file'));
  else if (args[k].startsWith('-')) usage(`unknown option ${args[k]}`);
  else dataDir = path.resolve(args[k]);
}
if (dataDir === null) usage('DATA_DIR is missing');
const unknown = links.filter((name) => !LINK_NAMES.includes(name));
if (unknown.length > 0) usage(`unknown link ${unknown[0]} (known: ${LINK_NAMES.join(', ')})`);
if (!(maxCases > 0)) usage('--cases needs a positive number');

const datasets = datasetsOf(dataDir, usage);

/** score.py's best one-to-one matching: dynamic programming over subsets of the (few) true commits. */
function bestMatching(contingency, trueIds) {
  const bit = new Map(trueIds.map((id, index) => [id, 1 << index]));
  let best = new Map([[0, 0]]);
  for (const row of contingency.values()) {
    const next = new Map(best);
    for (const [mask, value] of best) {
      for (const [id, lines] of row) {
        if (mask & bit.get(id)) continue;
        const grown = mask | bit.get(id);
        if ((next.get(grown) ?? -1) < value + lines) next.set(grown, value + lines);
      }
    }
    best = next;
  }
  return Math.max(...best.values());
}

/** Line accuracy of a series against the truth, as score.py computes it (first commit wins, uncovered lines wrong). */
function lineAccuracy(series, changes, truth) {
  const commitOf = new Map();
  series.forEach((commit, position) => commit.changes.forEach((id) => commitOf.has(id) || commitOf.set(id, position)));
  const ranges = new Map();
  const addRange = (key, span) => ranges.set(key, [...(ranges.get(key) ?? []), span]);
  for (const change of changes) {
    if (!commitOf.has(change.id)) continue;
    for (const side of ['old', 'new']) {
      const range = change[side];
      if (range === null || range.lines === 0) continue;
      const span = [range.start, range.start + range.lines - 1, commitOf.get(change.id)];
      addRange(`${change.file}\0${side}`, span);
      if (side === 'old' && change.oldFile && change.oldFile !== change.file) addRange(`${change.oldFile}\0${side}`, span);
    }
  }
  const contingency = new Map();
  for (const line of truth) {
    const hit = (ranges.get(`${line.file}\0${line.side}`) ?? []).find(([low, high]) => low <= line.line && line.line <= high);
    if (hit === undefined) continue;
    const row = contingency.get(hit[2]) ?? new Map();
    row.set(line.commit, (row.get(line.commit) ?? 0) + 1);
    contingency.set(hit[2], row);
  }
  return bestMatching(contingency, [...new Set(truth.map((line) => line.commit))].sort()) / truth.length;
}

async function main() {
  const variants = [['all links', new Set()], ...links.map((name) => [`without ${name}`, new Set([name])])];
  const table = new Map(variants.map(([variant]) => [variant, new Map()]));
  const perCaseOut = perCase === null ? null : fs.openSync(perCase, 'w');
  for (const dataset of datasets) {
    const name = path.basename(dataset);
    const ids = fs.readdirSync(dataset).filter((id) => fs.existsSync(path.join(dataset, id, 'truth.json'))).sort().slice(0, maxCases);
    process.stderr.write(`${name}: ${ids.length} cases, ${variants.length} variants...\n`);
    for (const id of ids) {
      const kase = JSON.parse(fs.readFileSync(path.join(dataset, id, 'case.json'), 'utf8'));
      const truth = JSON.parse(fs.readFileSync(path.join(dataset, id, 'truth.json'), 'utf8'));
      const scores = {};
      try {
        const loaded = loadInput({ kind: 'commit', rev: kase.branch || `tangled/${id}`, cwd: path.join(dataset, 'repo'), firstParent: false });
        const syntax = await loadSyntaxForInput(loaded);
        const changes = buildChanges(loaded.files);
        const view = new Commit(loaded.files, changes, loaded.contents, syntax);
        const classified = classifyChanges(loaded.files, changes, { view });
        const symbols = new Map(changes.map((change) => [change.id, symbolsOf(view, change)]));
        for (const [variant, withoutLinks] of variants) {
          const { series } = buildSeries(classified, loaded.files, loaded.message, symbols, { brokenFiles: brokenFilesChecker(view), withoutLinks });
          scores[variant] = lineAccuracy(series, classified, truth);
        }
      } catch (error) {
        // A case the tool fails on scores 0 everywhere, as in score.py.
        process.stderr.write(`${id}: ${error instanceof Error ? error.message : String(error)}\n`);
        for (const [variant] of variants) scores[variant] = 0;
      }
      for (const [variant] of variants) {
        const sums = table.get(variant);
        const key = `${name}\0${kase.stratum ?? 'ALL'}`;
        for (const group of [key, `${name}\0ALL`]) sums.set(group, [...(sums.get(group) ?? [0, 0])].map((value, index) => value + (index === 0 ? scores[variant] : 1)));
      }
      if (perCaseOut !== null) fs.writeSync(perCaseOut, JSON.stringify({ dataset: name, id, stratum: kase.stratum, scores }) + '\n');
    }
  }
  const names = datasets.map((dataset) => path.basename(dataset));
  const mean = (variant, group) => {
    const [sum, count] = table.get(variant).get(group) ?? [0, 0];
    return count === 0 ? NaN : sum / count;
  };
  const lines = [`| variant | ${names.map((name) => `${name} (same-file / all)`).join(' | ')} |`, `| --- | ${names.map(() => '---').join(' | ')} |`];
  for (const [variant] of variants) {
    const cells = names.map((name) => {
      const all = mean(variant, `${name}\0ALL`);
      const same = mean(variant, `${name}\0same-file`);
      const delta = variant === 'all links' ? '' : ` (${(all - mean('all links', `${name}\0ALL`) >= 0 ? '+' : '')}${(all - mean('all links', `${name}\0ALL`)).toFixed(3)})`;
      return `${same.toFixed(3)} / ${all.toFixed(3)}${delta}`;
    });
    lines.push(`| ${variant} | ${cells.join(' | ')} |`);
  }
  process.stdout.write(lines.join('\n') + '\n');
  if (perCaseOut !== null) fs.closeSync(perCaseOut);
}

main().catch((error) => {
  process.stderr.write(`bench:links: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(70);
});
