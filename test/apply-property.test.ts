/**
 * The promise of apply as a property: random edits to random files (odd names,
 * CRLF and mixed line endings, missing final newlines, binaries, modes,
 * renames, deletions, additions, symlinks), split into a random number of
 * commits in a random order, always end on the original tree, with every step
 * a commit on the one before and the work tree and index untouched.
 *
 * Seeded: a failure names its seed; `SPLIT_ADVISOR_PROPERTY_SEED=n` runs that
 * case alone, `SPLIT_ADVISOR_PROPERTY_CASES=n` runs more of them.
 */
import * as fs from 'node:fs';
import { TestRepo, cleanupRepos, createRepo, runCliIn } from './helpers/git-repo';
import { changeIds, checkSeries, onePerChange, printedCommits, worktreeSnapshot } from './helpers/series-check';

afterAll(cleanupRepos);

/** A small seeded generator (mulberry32). */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (from: number, to: number) => from + Math.floor(next() * (to - from + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)];
  const chance = (p: number) => next() < p;
  return { int, pick, chance };
}
type Random = ReturnType<typeof random>;

const NAMES = [
  'plain.txt',
  'with space.txt',
  "it's.txt",
  'say "hi".txt',
  '$(touch INJECTED).txt',
  '`touch INJECTED`.txt',
  '-dash.txt',
  'new\nline.txt',
  'café ünï 日本.txt',
  'deep/dir/file.c',
  'tab\tname.txt',
  'dos.txt',
  'src/main.py',
];
const WORDS = ['alpha', 'beta', '  indented', '\tx = 1;', '}', '', 'return y;', 'naïve', 'const z = "q";', '# comment'];

/** Random text lines with random endings (LF, CRLF), and maybe no final newline. */
function randomText(rng: Random, lines: number): string {
  const crlf = rng.chance(0.25);
  let text = '';
  for (let k = 0; k < lines; k++) text += `${rng.pick(WORDS)} ${rng.int(0, 20)}${crlf || rng.chance(0.05) ? '\r\n' : '\n'}`;
  return rng.chance(0.15) ? text.replace(/\r?\n$/, '') : text;
}

/** A few random edits: insertions, deletions, replacements, and a toggled final newline. */
function edit(rng: Random, text: string): string {
  const lines = text.split('\n');
  for (let n = rng.int(1, 5); n > 0; n--) {
    const at = rng.int(0, lines.length);
    const op = rng.int(0, 2);
    if (op === 0) lines.splice(at, 0, ...Array.from({ length: rng.int(1, 3) }, () => `${rng.pick(WORDS)} new ${rng.int(0, 99)}`));
    else if (op === 1) lines.splice(at, rng.int(1, 3));
    else if (at < lines.length) lines[at] = `${lines[at]} changed`;
  }
  let out = lines.join('\n');
  if (rng.chance(0.15)) out = out.endsWith('\n') ? out.slice(0, -1) : `${out}\n`;
  return out;
}

function binary(rng: Random): Buffer {
  return Buffer.from(Array.from({ length: rng.int(20, 300) }, (_v, k) => (k % 9 === 0 ? 0 : rng.int(0, 255))));
}

/** Builds a random base commit and a random change on it; returns the change's id. */
function randomCommit(repo: TestRepo, rng: Random): string {
  const files = NAMES.filter(() => rng.chance(0.45));
  if (files.length === 0) files.push(NAMES[0]);
  for (const name of files) {
    repo.write(name, rng.chance(0.1) ? binary(rng) : randomText(rng, rng.int(0, 30)));
    if (rng.chance(0.15)) fs.chmodSync(repo.path(name), 0o755);
  }
  repo.commit('base');
  for (const name of files) {
    const roll = rng.int(0, 9);
    const content = repo.read(name);
    if (roll <= 5) repo.write(name, content.includes(0) ? binary(rng) : edit(rng, content.toString('utf8')));
    else if (roll === 6) repo.remove(name);
    else if (roll === 7) {
      repo.remove(name);
      repo.write(`moved/${name.replace(/\//g, '-')}`, content.includes(0) ? content : edit(rng, content.toString('utf8')));
    } else if (roll === 8) fs.chmodSync(repo.path(name), fs.statSync(repo.path(name)).mode & 0o111 ? 0o644 : 0o755);
  }
  for (let n = rng.int(0, 2); n > 0; n--) repo.write(`added ${n}/${rng.pick(NAMES).replace(/\//g, '-')}`, randomText(rng, rng.int(1, 25)));
  if (rng.chance(0.15)) fs.symlinkSync(rng.pick(files), repo.path('a link'));
  // Something always changes.
  repo.write('always.txt', `${rng.int(0, 1e9)}\n`);
  return repo.commit('random: change things');
}

const single = process.env.SPLIT_ADVISOR_PROPERTY_SEED;
const count = Number(process.env.SPLIT_ADVISOR_PROPERTY_CASES ?? 30);
const seeds = single !== undefined ? [Number(single)] : Array.from({ length: count }, (_v, k) => 1000 + k);

describe('random commits, split at random, end on their tree', () => {
  it.each(seeds)('seed %i', async (seed) => {
    const rng = random(seed);
    const repo = createRepo();
    const rev = randomCommit(repo, rng);
    const ids = changeIds(repo.dir, rev);
    // A random partition into 1..6 commits, in a random order.
    const size = rng.int(1, Math.min(6, ids.length));
    const groups: string[][] = Array.from({ length: size }, () => []);
    for (const id of ids) groups[rng.int(0, size - 1)].push(id);
    const series = groups.filter((group) => group.length > 0).map((changes, k) => ({ index: k + 1, kind: 'functional', title: `part ${k + 1}`, message: `part ${k + 1}`, changes, dependsOn: [] }));
    const plan = { ...onePerChange({}, []), series };
    const before = worktreeSnapshot(repo.dir);
    const result = await runCliIn(repo.dir, ['apply', rev, '--plan', '-', '--branch', 'split'], JSON.stringify(plan));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    checkSeries(repo.dir, rev, 'split', printedCommits(result.stdout).length, { am: false });
    expect(worktreeSnapshot(repo.dir)).toBe(before);
    expect(fs.existsSync(repo.path('INJECTED'))).toBe(false);
  });
});
