/**
 * Checks for a created series, shared by the apply tests:
 *
 *   const before = snapshot(dir);              // index, work tree (untracked too), refs, HEAD
 *   const plan = await planJson(dir, 'HEAD');  // `plan --format json`, parsed
 *   const result = await runCliIn(dir, ['apply', 'HEAD', '--plan', '-'], JSON.stringify(reversed(plan)));
 *   checkSeries(dir, rev, 'split-abc1234', printedCommits(result.stdout).length); // ends on rev's tree, each step applies as a mail
 *   expect(snapshot(dir)).toEqual(before);     // (apply on a new branch: only that ref differs)
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildChanges } from '../../src/changes';
import { loadInput } from '../../src/input';
import { gitEnv, gitIn, makeTempDir, runCliIn } from './git-repo';

export interface PlanJson {
  source: { rev: string };
  changes: Array<{ id: string; file: string; digest: string }>;
  series: Array<{ index: number; kind: string; title: string; message: string; changes: string[]; dependsOn: number[] }>;
}

export function git(dir: string, args: string[], input?: Buffer | string): string {
  return gitIn(dir, args, { input }).toString('utf8').replace(/\n$/, '');
}

/** A digest of everything apply must leave alone: the index file, every work-tree file (untracked included), HEAD. */
export function worktreeSnapshot(dir: string): string {
  const hash = createHash('sha256');
  const gitDir = path.join(dir, '.git');
  const index = path.join(gitDir, 'index');
  hash.update(fs.existsSync(index) ? fs.readFileSync(index) : 'no index');
  // Names as bytes: a file name need not be UTF-8.
  const walk = (relative: Buffer) => {
    const names = fs.readdirSync(Buffer.concat([Buffer.from(dir + '/'), relative]), { encoding: 'buffer' }).sort(Buffer.compare);
    for (const name of names) {
      if (relative.length === 0 && name.toString() === '.git') continue;
      const entry = Buffer.concat([relative, name]);
      const full = Buffer.concat([Buffer.from(dir + '/'), entry]);
      const stat = fs.lstatSync(full);
      hash.update(Buffer.concat([Buffer.from('\0'), entry, Buffer.from(`\0${stat.mode}\0`)]));
      if (stat.isSymbolicLink()) hash.update(fs.readlinkSync(full, { encoding: 'buffer' }));
      else if (stat.isDirectory()) walk(Buffer.concat([entry, Buffer.from('/')]));
      else hash.update(fs.readFileSync(full));
    }
  };
  walk(Buffer.alloc(0));
  hash.update(fs.readFileSync(path.join(gitDir, 'HEAD')));
  return hash.digest('hex');
}

/** Every ref and its commit, one per line. */
export function refs(dir: string): string {
  return git(dir, ['for-each-ref', '--format=%(refname) %(objectname)']);
}

/** The work tree, index, HEAD and refs at once. */
export function snapshot(dir: string): { worktree: string; refs: string } {
  return { worktree: worktreeSnapshot(dir), refs: refs(dir) };
}

/** The change ids of a commit, as plan and apply number them (without classifying anything: fast). */
export function changeIds(dir: string, rev: string): string[] {
  return buildChanges(loadInput({ kind: 'commit', rev, cwd: dir }).files).map((change) => change.id);
}

export async function planJson(dir: string, rev: string, argv: string[] = []): Promise<PlanJson> {
  const result = await runCliIn(dir, ['plan', rev, '--format', 'json', ...argv]);
  if (result.code !== 0) throw new Error(`plan ${rev} exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout) as PlanJson;
}

/** A plan with one commit per change, in the order of `ids` (on top of a `plan --format json` output, or alone). */
export function onePerChange(plan: Partial<PlanJson>, ids: string[]): PlanJson {
  return { ...(plan as PlanJson), series: ids.map((id, index) => ({ index: index + 1, kind: 'functional', title: `step ${index + 1}: ${id}`, message: `step ${index + 1}: ${id}\n\nOnly ${id}.`, changes: [id], dependsOn: [] })) };
}

/** The commits of a series, oldest first: from `base` (exclusive; null for a root series) to `tip`. */
export function seriesCommits(dir: string, base: string | null, tip: string): string[] {
  const out = git(dir, ['rev-list', '--reverse', '--topo-order', base === null ? tip : `${base}..${tip}`]);
  return out === '' ? [] : out.split('\n');
}

/** The commits apply printed (`  <12 hex> <title>` lines), in order. */
export function printedCommits(stdout: string): Array<{ sha: string; title: string }> {
  return [...stdout.matchAll(/^ {2}([0-9a-f]{12}) (.*)$/gm)].map((match) => ({ sha: match[1], title: match[2] }));
}

/** The author header line of each commit, read in one `cat-file --batch`. */
function authorLines(dir: string, shas: string[]): string[] {
  const out = gitIn(dir, ['cat-file', '--batch'], { input: shas.join('\n') + '\n' });
  const lines: string[] = [];
  let offset = 0;
  while (offset < out.length) {
    const headerEnd = out.indexOf(0x0a, offset);
    const size = Number(out.subarray(offset, headerEnd).toString('latin1').split(' ')[2]);
    const body = out.subarray(headerEnd + 1, headerEnd + 1 + size).toString('latin1');
    lines.push(body.split('\n').find((line) => line.startsWith('author ')) ?? '');
    offset = headerEnd + 1 + size + 1;
  }
  return lines;
}

/**
 * Checks a created series: it ends on the original commit's tree, has `count`
 * commits on the original's parent, each with the original author line, and
 * (unless `am: false`) every step applies as a mail: `git format-patch` of the
 * series, `git am` onto the parent in a temporary clone, ends on the same tree
 * with as many commits.
 */
export function checkSeries(dir: string, rev: string, tip: string, count: number, options: { am?: boolean } = {}): void {
  const parent = git(dir, ['rev-list', '--parents', '-n', '1', rev]).split(' ')[1] ?? null;
  const [tree, tipTree] = git(dir, ['rev-parse', `${rev}^{tree}`, `${tip}^{tree}`]).split('\n');
  if (tipTree !== tree) throw new Error(`series ${tip} does not end on ${rev}'s tree`);
  const commits = seriesCommits(dir, parent, tip);
  if (commits.length !== count) throw new Error(`expected ${count} commits, found ${commits.length}`);
  const [original, ...authors] = authorLines(dir, [rev, ...commits]);
  const changed = authors.findIndex((line) => line !== original);
  if (changed >= 0) throw new Error(`${commits[changed]}: author line changed: ${authors[changed]}`);
  if (options.am === false) return;
  const mails = gitIn(dir, ['format-patch', '--stdout', '--binary', '--full-index', ...(parent === null ? ['--root', tip] : [`${parent}..${tip}`])]);
  const clone = path.join(makeTempDir('split-advisor-am-'), 'clone');
  if (parent !== null) {
    gitIn(dir, ['clone', '-q', '--shared', '--no-checkout', dir, clone]);
    gitIn(clone, ['checkout', '-q', '--detach', parent]);
  } else {
    // A root series applies to nothing: an empty repository (the mails carry every byte).
    gitIn(dir, ['init', '-q', clone]);
  }
  const identity = { GIT_COMMITTER_NAME: 'Am Tester', GIT_COMMITTER_EMAIL: 'am@example.com' };
  gitIn(clone, ['am', '-q', '--keep-cr', '--whitespace=nowarn'], { input: mails, env: gitEnv(identity) });
  const applied = git(clone, ['rev-parse', 'HEAD^{tree}']);
  if (applied !== tree) throw new Error(`git am of the series ends on ${applied}, not on ${rev}'s tree ${tree}`);
  if (seriesCommits(clone, parent, 'HEAD').length !== count) throw new Error('git am made a different number of commits');
}
