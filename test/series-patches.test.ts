/**
 * The series composed as patches from the diff alone must rebuild the commit
 * exactly: for every commit below, the advisor's series (and series cut finer
 * and reordered: one change per step, last change first, or odd then even) is
 * replayed on the parent with real git, once as an mbox through `git am` and
 * once through the generated sh script, and the last tree must be the commit's
 * tree. `git am` applies each step to the tree the previous steps left, without
 * fuzz, so every step applies on its own.
 *
 * The commits: every diff construct of fixtures/parse (rebuilt by
 * test/helpers/scenarios.ts), hand-made commits that cut hunks and files across
 * steps, and a dozen commits of this repository's own history.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { adviseOnPatch } from '../src/advise';
import { InputError } from '../src/errors';
import { Report, SeriesCommit } from '../src/model';
import { renderMbox, renderPatchScript, seriesPatches } from '../src/series-patches';
import { cleanupRepos, createRepo, gitEnv, gitIn, makeTempDir } from './helpers/git-repo';
import { FIXTURE_DIR, buildBase, scenarios } from './helpers/scenarios';

afterAll(cleanupRepos);

jest.setTimeout(120_000);

/** Every change its own step, in the given order of change positions. */
function onePerStep(report: Report, order: number[]): Report {
  const series: SeriesCommit[] = order.map((position, step) => {
    const change = report.changes[position];
    return { index: step + 1, kind: change.verdict.kind, title: `step ${step + 1}: ${change.id}`, message: `step ${step + 1}: ${change.id}\n\nFrom the diff alone.\n`, changes: [change.id], dependsOn: [] };
  });
  return { ...report, series };
}

/** The advisor's series, and finer ones in orders that cut hunks and files across steps. */
function seriesVariants(report: Report, maxSteps = 80): Array<[string, Report]> {
  const positions = report.changes.map((_, position) => position);
  const variants: Array<[string, Report]> = [['suggested', report]];
  if (report.changes.length > 1 && report.changes.length <= maxSteps) {
    variants.push(['one change per step, last first', onePerStep(report, [...positions].reverse())]);
    variants.push(['one change per step, odd then even', onePerStep(report, [...positions.filter((p) => p % 2 === 1), ...positions.filter((p) => p % 2 === 0)])]);
  }
  return variants;
}

function git(dir: string, args: string[], input?: string | Buffer): string {
  return gitIn(dir, args, { input, env: gitEnv({ GIT_AUTHOR_DATE: '1704067200 +0000', GIT_COMMITTER_DATE: '1704067200 +0000' }) })
    .toString('utf8')
    .replace(/\n$/, '');
}

/**
 * Replays the report's series on `base` through git am and (unless `script` is
 * false, to save time where another variant already ran it) through the script;
 * both must end on `commit`'s tree.
 */
function expectSeriesRebuilds(dir: string, base: string, commit: string, report: Report, label: string, script = true): void {
  const patches = seriesPatches(report);
  expect(patches).toHaveLength(report.series.length);
  const tree = git(dir, ['rev-parse', `${commit}^{tree}`]);

  git(dir, ['checkout', '-q', '-f', '--detach', base]);
  try {
    git(dir, ['am', '-q', '--patch-format=mboxrd'], renderMbox(patches, { author: 'Series Author <series@example.com>', date: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)) }));
  } catch (error) {
    const applied = Number(git(dir, ['rev-list', '--count', `${base}..HEAD`]));
    spawnSync('git', ['am', '--abort'], { cwd: dir, env: gitEnv() });
    throw new Error(`${label}: git am failed at step ${applied + 1} of ${patches.length}:\n${patches[applied]?.patch}\n${(error as Error).message}`);
  }
  // A step can be empty only when a finer series separates a path's deletion from the addition replacing it.
  const mailed = patches.filter((entry) => entry.patchBytes.length > 0).length;
  expect([label, 'git am', git(dir, ['rev-list', '--count', `${base}..HEAD`])]).toEqual([label, 'git am', String(mailed)]);
  expect([label, 'git am', git(dir, ['rev-parse', 'HEAD^{tree}'])]).toEqual([label, 'git am', tree]);
  expect(git(dir, ['log', '-1', '--format=%an <%ae>|%ad', '--date=iso-strict-local'], undefined)).toMatch(/^Series Author <series@example.com>\|/);

  if (!script) return;
  git(dir, ['checkout', '-q', '-f', '--detach', base]);
  const scriptFile = path.join(makeTempDir('split-advisor-series-script-'), 'series.sh');
  fs.writeFileSync(scriptFile, renderPatchScript(patches));
  const run = spawnSync('sh', [scriptFile], { cwd: dir, env: gitEnv({ GIT_AUTHOR_DATE: '1704067200 +0000', GIT_COMMITTER_DATE: '1704067200 +0000' }) });
  expect([label, 'script', run.status, run.stderr.toString('utf8')]).toEqual([label, 'script', 0, '']);
  expect([label, 'script', git(dir, ['rev-list', '--count', `${base}..HEAD`])]).toEqual([label, 'script', String(patches.length)]);
  expect([label, 'script', git(dir, ['rev-parse', 'HEAD^{tree}'])]).toEqual([label, 'script', tree]);
  // Each step's commit carries its suggested message (git's subject: the first paragraph on one line).
  const subjects = git(dir, ['log', '--reverse', '--format=%s', `${base}..HEAD`]).split('\n');
  expect(subjects).toEqual(report.series.map((entry) => entry.message.trim().split(/\n\s*\n/)[0].split('\n').map((line) => line.trim()).join(' ')));
}

/** Joins lines with a final newline. */
const text = (...lines: string[]) => lines.join('\n') + '\n';

describe('what each step sees, line by line', () => {
  const twoEdits = text('--- a/f.txt', '+++ b/f.txt', '@@ -1,7 +1,7 @@', ' a', '-b', '+B', ' c', ' d', ' e', '-f', '+F', ' g');
  const newFile = text('diff --git a/new.c b/new.c', 'new file mode 100644', 'index 0000000..1111111', '--- /dev/null', '+++ b/new.c', '@@ -0,0 +1,9 @@', '+int one(void)', '+{', '+  return 1;', '+}', '+', '+int two(void)', '+{', '+  return 2;', '+}');
  const oldFile = text('diff --git a/old.c b/old.c', 'deleted file mode 100644', 'index 1111111..0000000', '--- a/old.c', '+++ /dev/null', '@@ -1,9 +0,0 @@', '-int one(void)', '-{', '-  return 1;', '-}', '-', '-int two(void)', '-{', '-  return 2;', '-}');
  const newlineAdded = text('--- a/n.txt', '+++ b/n.txt', '@@ -1,2 +1,3 @@', ' x', '-hello world', '\\ No newline at end of file', '+hello world', '+more');
  test.each([
    [
      'one hunk cut in two, the later edit first: the other edit is context on its old side, then on its new side',
      twoEdits,
      [1, 0],
      [
        text('diff --git a/f.txt b/f.txt', '--- a/f.txt', '+++ b/f.txt', '@@ -1,7 +1,7 @@', ' a', ' b', ' c', ' d', ' e', '-f', '+F', ' g'),
        text('diff --git a/f.txt b/f.txt', '--- a/f.txt', '+++ b/f.txt', '@@ -1,7 +1,7 @@', ' a', '-b', '+B', ' c', ' d', ' e', ' F', ' g'),
      ],
    ],
    [
      'a new file cut in two: the first step creates it with its own lines only',
      newFile,
      [1, 0],
      [
        text('diff --git a/new.c b/new.c', 'new file mode 100644', '--- /dev/null', '+++ b/new.c', '@@ -0,0 +1,4 @@', '+int two(void)', '+{', '+  return 2;', '+}'),
        text('diff --git a/new.c b/new.c', '--- a/new.c', '+++ b/new.c', '@@ -1,4 +1,9 @@', '+int one(void)', '+{', '+  return 1;', '+}', '+', ' int two(void)', ' {', '   return 2;', ' }'),
      ],
    ],
    [
      'a deleted file cut in two: modified first, deleted by the step taking its last lines',
      oldFile,
      [1, 0],
      [
        text('diff --git a/old.c b/old.c', '--- a/old.c', '+++ b/old.c', '@@ -1,9 +1,5 @@', ' int one(void)', ' {', '   return 1;', ' }', ' ', '-int two(void)', '-{', '-  return 2;', '-}'),
        text('diff --git a/old.c b/old.c', 'deleted file mode 100644', '--- a/old.c', '+++ /dev/null', '@@ -1,5 +0,0 @@', '-int one(void)', '-{', '-  return 1;', '-}', '-'),
      ],
    ],
    [
      'a line after the last one first: the last line gets its newline there, so the newline fix later has nothing left to do',
      newlineAdded,
      [1, 0],
      [text('diff --git a/n.txt b/n.txt', '--- a/n.txt', '+++ b/n.txt', '@@ -1,2 +1,3 @@', ' x', '-hello world', '\\ No newline at end of file', '+hello world', '+more'), ''],
    ],
    [
      'the newline fix first: the old last line keeps its missing newline as context until its own step',
      newlineAdded,
      [0, 1],
      [
        text('diff --git a/n.txt b/n.txt', '--- a/n.txt', '+++ b/n.txt', '@@ -1,2 +1,2 @@', ' x', '-hello world', '\\ No newline at end of file', '+hello world'),
        text('diff --git a/n.txt b/n.txt', '--- a/n.txt', '+++ b/n.txt', '@@ -1,2 +1,3 @@', ' x', ' hello world', '+more'),
      ],
    ],
  ] as Array<[string, string, number[], string[]]>)('%s', (_name, patch, order, expected) => {
    const report = adviseOnPatch(patch);
    expect(report.changes).toHaveLength(order.length);
    expect(seriesPatches(onePerStep(report, order)).map((entry) => entry.patch)).toEqual(expected);
  });
});

describe('every diff construct of fixtures/parse', () => {
  // -U0 hunks have no context to anchor later steps: git apply needs --unidiff-zero, which the outputs do not pass.
  const cases = scenarios.filter((scenario) => scenario.applyArgs === undefined);

  test.each(cases.map((scenario) => [scenario.name, scenario] as const))('%s', (_name, scenario) => {
    const repo = buildBase(scenario);
    try {
      const base = repo.git(['rev-parse', 'HEAD']).toString('utf8').trim();
      scenario.change(repo);
      repo.commit(`change: ${scenario.name}`, '2024-01-02T11:30:00+00:00');
      const commit = repo.git(['rev-parse', 'HEAD']).toString('utf8').trim();
      const report = adviseOnPatch(fs.readFileSync(path.join(FIXTURE_DIR, `${scenario.name}.diff`)));
      if (report.files.some((file) => file.binary && file.binaryPatch === null)) {
        expect(() => seriesPatches(report)).toThrow(InputError);
        expect(() => seriesPatches(report)).toThrow(/binary change without its binary patch/);
        return;
      }
      seriesVariants(report).forEach(([variant, series], position) => expectSeriesRebuilds(repo.dir, base, commit, series, `${scenario.name} (${variant})`, position < 2));
    } finally {
      repo.dispose();
    }
  });
});

/** Lines `name 1` .. `name n`. */
function lines(n: number, name = 'line'): string[] {
  return Array.from({ length: n }, (_, k) => `${name} ${k + 1}`);
}

/** C functions separated by blank lines, so a whole added or removed file cuts into one change per function. */
function functions(names: string[], body = 'return 0;'): string {
  return names.map((name) => `int ${name}(void)\n{\n\t${body}\n\treturn 1;\n}\n`).join('\n');
}

interface HandMade {
  name: string;
  base: Record<string, string | Buffer>;
  /** Files to write (a string or bytes), or null to delete. */
  change: Record<string, string | Buffer | null>;
  /** Symlinks to create after the change: name → target. */
  symlinks?: Record<string, string>;
  modes?: Record<string, number>;
  renames?: Array<[string, string]>;
  /** At least this many changes, so the finer series really cut something. */
  minChanges: number;
}

const handMade: HandMade[] = [
  {
    name: 'one hunk holding several changes of different kinds',
    base: { 'src/calc.c': [...lines(4, '// header'), 'int a = 1;', 'int  b = 2;', '// says one', 'int c = 3;', 'int d = 4;', ...lines(6, '// footer')].join('\n') + '\n' },
    change: { 'src/calc.c': [...lines(4, '// header'), 'int a = 10;', 'int b = 2;', '// says two', 'int c = 3;', 'int d = 40;', 'int e = 5;', ...lines(6, '// footer')].join('\n') + '\n' },
    minChanges: 3,
  },
  {
    name: 'a new file whose functions land in different steps, next to an edited file',
    base: { 'src/main.c': functions(['main']) },
    change: { 'src/lib.c': functions(['one', 'two', 'three', 'four']), 'src/main.c': functions(['main'], 'return one() + four();') },
    minChanges: 4,
  },
  {
    name: 'a deleted file whose functions go in different steps',
    base: { 'src/old.c': functions(['alpha', 'beta', 'gamma']), 'src/keep.c': functions(['keep']) },
    change: { 'src/old.c': null, 'src/keep.c': functions(['keep'], 'return 2;') },
    minChanges: 3,
  },
  {
    name: 'a last line without newline, edited and followed by new lines',
    base: { 'notes.txt': [...lines(6), 'the end'].join('\n') },
    change: { 'notes.txt': [...lines(2), 'line two and a half', ...lines(6).slice(2), 'the real end', '', 'appendix one', 'appendix two'].join('\n') + '\n' },
    minChanges: 2,
  },
  {
    name: 'new lines after a last line that keeps lacking its newline elsewhere',
    base: { 'data.txt': ['alpha', 'beta', 'gamma', 'delta'].join('\n') + '\n' },
    change: { 'data.txt': ['alpha', 'BETA', 'gamma', 'delta', 'epsilon', '', 'zeta'].join('\n') },
    minChanges: 2,
  },
  {
    name: 'CRLF lines edited in several places',
    base: { 'win.txt': lines(20).join('\r\n') + '\r\n' },
    change: { 'win.txt': lines(20).map((line, k) => (k === 2 ? 'third\r' : k === 9 ? 'tenth' : k === 16 ? `${line}\r\nextra` : line)).join('\r\n') + '\r\n' },
    minChanges: 3,
  },
  {
    name: 'a renamed, now executable file edited in two places',
    base: { 'bin/tool.sh': ['#!/bin/sh', ...lines(20, 'echo step')].join('\n') + '\n' },
    change: { 'bin/tool.sh': null, 'bin/run.sh': ['#!/bin/sh', ...lines(20, 'echo step').map((line, k) => (k === 1 ? 'echo first edit' : k === 17 ? 'echo second edit' : line))].join('\n') + '\n' },
    modes: { 'bin/run.sh': 0o755 },
    minChanges: 2,
  },
  {
    name: 'a file of several functions replaced by a symlink',
    base: { 'conf.c': functions(['one', 'two', 'three']), 'real.c': 'int x;\n' },
    change: { 'conf.c': null },
    symlinks: { 'conf.c': 'real.c' },
    minChanges: 3,
  },
  {
    name: 'hostile names and a body line starting with From',
    base: { 'From here.txt': 'From the start\n' + lines(10).join('\n') + '\n', 'a "quoted" name.txt': 'x\n' },
    change: { 'From here.txt': 'From the start\n' + lines(10).map((line, k) => (k === 0 ? 'From me' : k === 8 ? '>From you' : line)).join('\n') + '\n', 'a "quoted" name.txt': 'y\n', 'tab\tname.txt': 'new\n' },
    minChanges: 3,
  },
];

describe('hand-made commits that cut hunks and files across steps', () => {
  test.each(handMade.map((entry) => [entry.name, entry] as const))('%s', (_name, entry) => {
    const repo = createRepo();
    repo.writeAll(entry.base);
    const base = repo.commit('base');
    for (const [name, content] of Object.entries(entry.change)) {
      if (content === null) repo.remove(name);
      else repo.write(name, content);
    }
    for (const [name, target] of Object.entries(entry.symlinks ?? {})) fs.symlinkSync(target, repo.path(name));
    for (const [name, mode] of Object.entries(entry.modes ?? {})) fs.chmodSync(repo.path(name), mode);
    const commit = repo.commit('change: several things\n\nFrom the start, a body line that mbox must escape.\n');
    const report = adviseOnPatch(repo.gitRaw(['format-patch', '-1', '--stdout', '--binary', commit]));
    expect(report.changes.length).toBeGreaterThanOrEqual(entry.minChanges);
    for (const [variant, series] of seriesVariants(report)) expectSeriesRebuilds(repo.dir, base, commit, series, `${entry.name} (${variant})`);
  });
});

/** A fixed commit of this repository, so that the history read below never changes. */
const HISTORY_TIP = '7a993f3';

describe("commits of this repository's history", () => {
  const source = path.join(__dirname, '..');
  const objects = path.resolve(source, git(source, ['rev-parse', '--git-common-dir']), 'objects');
  // The dozen most recent commits below the tip with 20 to 500 changed text lines.
  const picked: string[] = [];
  for (const line of git(source, ['log', '--no-merges', '--format=%H', '-n', '80', HISTORY_TIP]).split('\n')) {
    const numstat = git(source, ['show', '--numstat', '--format=', line]).split('\n').filter((row) => row !== '');
    const total = numstat.reduce((sum, row) => sum + (Number(row.split('\t')[0]) || 0) + (Number(row.split('\t')[1]) || 0), 0);
    if (total >= 20 && total <= 500) picked.push(line);
    if (picked.length === 12) break;
  }

  test('a dozen commits are picked', () => expect(picked).toHaveLength(12));

  test.each(picked.map((sha) => [sha.slice(0, 12), sha]))('%s', (_short, sha) => {
    // A scratch repository borrowing this one's objects (read only), so nothing here is touched.
    const dir = makeTempDir('split-advisor-history-');
    git(dir, ['init', '-q', '-b', 'main']);
    fs.writeFileSync(path.join(dir, '.git', 'objects', 'info', 'alternates'), objects + '\n');
    git(dir, ['config', 'user.name', 'Test User']);
    git(dir, ['config', 'user.email', 'test@example.com']);
    const base = git(dir, ['rev-parse', `${sha}^`]);
    const report = adviseOnPatch(gitIn(dir, ['show', '--format=email', '--binary', sha], { env: gitEnv() }));
    for (const [variant, series] of seriesVariants(report, 25).slice(0, 2)) expectSeriesRebuilds(dir, base, sha, series, `${sha.slice(0, 12)} (${variant})`);
  });
});

test('a binary change without its binary patch is refused with one sentence', () => {
  const report = adviseOnPatch(['diff --git a/logo.png b/logo.png', 'index 1111111..2222222 100644', 'Binary files a/logo.png and b/logo.png differ', ''].join('\n'));
  expect(() => seriesPatches(report)).toThrow(new InputError('logo.png is a binary change without its binary patch ("Binary files ... differ"), so the step holding it cannot be written as a patch; produce the diff with git diff --binary'));
});

test('a change the series leaves out is refused', () => {
  const report = adviseOnPatch(['--- a/x.txt', '+++ b/x.txt', '@@ -1 +1 @@', '-a', '+b', ''].join('\n'));
  expect(() => seriesPatches({ ...report, series: [] })).toThrow(/change c1 \(x\.txt\) is in no commit of the series/);
});

test('mbox: body lines beginning with From are escaped, CRLF content is base64', () => {
  const patch = (text: string) => ({ index: 1, title: 't', message: 't\n\nFrom here\n>From there\nFromage\n', patch: text, patchBytes: Buffer.from(text) });
  const plain = renderMbox([patch('diff --git a/a b/a\n')]);
  expect(plain.split('\n').filter((line) => /^>*From /.test(line))).toEqual(['From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001', '>From here', '>>From there']);
  expect(plain).toContain('\nFromage\n');
  const crlf = renderMbox([patch('diff --git a/a b/a\n+x\r\n')]);
  expect(crlf).toContain('Content-Transfer-Encoding: base64');
  expect(crlf).not.toContain('\r');
});
