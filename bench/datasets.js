/**
 * The datasets a benchmark's DATA_DIR names: the folder itself when it is one
 * dataset made by ../shared/bench/make_tangled.py (it holds stats.json and the
 * scratch repository), else every such folder directly inside it.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const isDataset = (dir) => fs.existsSync(path.join(dir, 'stats.json')) && fs.existsSync(path.join(dir, 'repo'));

/** The dataset folders under dataDir; calls usage (which exits) when there is none. */
function datasetsOf(dataDir, usage) {
  if (!fs.existsSync(dataDir) || !fs.statSync(dataDir).isDirectory()) usage(`${dataDir} is not a directory`);
  const datasets = isDataset(dataDir)
    ? [dataDir]
    : fs.readdirSync(dataDir).map((name) => path.join(dataDir, name)).filter((dir) => fs.statSync(dir).isDirectory() && isDataset(dir));
  if (datasets.length === 0) usage(`no dataset under ${dataDir}`);
  return datasets;
}

module.exports = { datasetsOf };
