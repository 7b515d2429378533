#!/usr/bin/env node
/**
 * CPU time of classifying one commit (buildChanges + classifyChanges), measured
 * with process.cpuUsage() in one process: the first run (which also compiles
 * the code) and the fastest of the later ones. CPU time, not wall time, so that
 * a machine shared with other jobs still gives comparable figures.
 *
 *   npm run build && node bench/classify-cpu.js REV [REPO_DIR] [RUNS]
 *
 * Plain JS on the built output: tsconfig.build.json does not compile bench/.
 */
'use strict';
const path = require('node:path');

const DIST = path.join(__dirname, '..', 'dist', 'src');
const { loadInput } = require(path.join(DIST, 'input.js'));
const { loadSyntaxForInput } = require(path.join(DIST, 'syntax', 'load.js'));
const { buildChanges } = require(path.join(DIST, 'changes.js'));
const { Commit, classifyChanges } = require(path.join(DIST, 'classify.js'));

async function main() {
  const [rev, cwd = '.', runsArgument = '6'] = process.argv.slice(2);
  if (rev === undefined) throw new Error('usage: node bench/classify-cpu.js REV [REPO_DIR] [RUNS]');
  const runs = Math.max(2, Number(runsArgument));
  const input = loadInput({ kind: 'commit', rev, cwd: path.resolve(cwd), firstParent: false });
  const syntax = await loadSyntaxForInput(input);
  const times = [];
  for (let run = 0; run < runs; run++) {
    const start = process.cpuUsage();
    const changes = buildChanges(input.files);
    const view = new Commit(input.files, changes, input.contents, syntax);
    classifyChanges(input.files, changes, { view });
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  console.log(`${rev}: first run ${times[0].toFixed(0)} ms CPU, fastest later run ${Math.min(...times.slice(1)).toFixed(0)} ms CPU`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
