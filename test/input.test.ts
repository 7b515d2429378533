/**
 * Every input mode of `suggest`, against real git in temporary repositories,
 * through runCli with `--json`: a commit, HEAD, a root commit, a merge (refused,
 * then --first-parent), a range, the index, the work tree (the user's index left
 * untouched), renames, binaries, odd file names, patch files and standard input,
 * and -C.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SuggestJson, TestRepo, cleanupRepos, createRepo, hashFile, makeTempDir, runCliIn, suggestJson } from './helpers/git-repo';
import { loadInput } from '../src/input';

afterAll(cleanupRepos);

const STACK_LINE = /^\s+at /m;

function files(json: SuggestJson): string[] {
  return [...new Set(json.changes.map((change) => change.file))].sort();
}

/** The files `git diff --numstat -z` reports between two revisions (new names for renames). */
function numstatFiles(repo: TestRepo, args: string[]): string[] {
  const out = repo.gitRaw(['-c', 'core.quotePath=true', 'diff', '--numstat', '-z', '-M', ...args]).toString('utf8');
  const names: string[] = [];
  const fields = out.split('\0');
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    if (field === '') continue;
    const [, , name] = field.split('\t');
    if (name === '') {
      // A rename: the old and new names follow as their own fields.
      names.push(fields[i + 2]);
      i += 2;
    } else {
      names.push(name);
    }
  }
  return names.sort();
}

/** Total lines changed on each side, from the JSON ranges. */
function lineTotals(json: SuggestJson): { removed: number; added: number } {
  let removed = 0;
  let added = 0;
  for (const change of json.changes) {
    removed += change.old?.lines ?? 0;
    added += change.new?.lines ?? 0;
  }
  return { removed, added };
}

/** Total lines changed on each side, from git's numstat (binary files count 0). */
function numstatTotals(repo: TestRepo, args: string[]): { removed: number; added: number } {
  let removed = 0;
  let added = 0;
  for (const line of repo.git(['diff', '--numstat', '-M', ...args]).split('\n')) {
    if (line === '') continue;
    const [plus, minus] = line.split('\t');
    if (plus !== '-') added += Number(plus);
    if (minus !== '-') removed += Number(minus);
  }
  return { removed, added };
}

describe('suggest on commits', () => {
  let repo: TestRepo;
  let root: string;
  let second: string;
  let third: string;

  beforeAll(() => {
    repo = createRepo();
    root = repo.commitFiles('project: start', {
      'src/main.c': 'int main(void)\n{\n    return 0;\n}\n',
      'README.md': '# demo\n\nA demo.\n',
      'lib/util.py': 'def add(a, b):\n    return a + b\n',
    });
    second = repo.commitFiles('main: return one\n\nThe exit code must say failure.\n', {
      'src/main.c': 'int main(void)\n{\n    return 1;\n}\n',
      'lib/util.py': 'def add(a, b):\n    return a + b\n\n\ndef sub(a, b):\n    return a - b\n',
    });
    third = repo.commitFiles('readme: more words', { 'README.md': '# demo\n\nA demo, with more words.\n' });
  });

  test('suggest <rev> analyses that commit against its parent', async () => {
    const json = await suggestJson(repo.dir, [second]);
    expect(json.source).toEqual({ kind: 'commit', rev: second, subject: 'main: return one' });
    expect(files(json)).toEqual(['lib/util.py', 'src/main.c']);
    expect(lineTotals(json)).toEqual(numstatTotals(repo, [root, second]));
    expect(json.changes.every((change) => change.status === 'modified')).toBe(true);
    const main = json.changes.find((change) => change.file === 'src/main.c')!;
    expect(main.old).toEqual({ start: 3, lines: 1 });
    expect(main.new).toEqual({ start: 3, lines: 1 });
  });

  test.each([
    ['a short sha', () => second.slice(0, 10)],
    ['a relative name', () => 'HEAD~1'],
    ['a branch name', () => 'main~1'],
  ])('suggest accepts %s', async (_name, rev) => {
    const json = await suggestJson(repo.dir, [rev()]);
    expect(json.source.rev).toBe(second);
  });

  test('suggest with no revision analyses HEAD', async () => {
    const json = await suggestJson(repo.dir);
    expect(json.source).toEqual({ kind: 'commit', rev: third, subject: 'readme: more words' });
    expect(files(json)).toEqual(['README.md']);
  });

  test('a root commit is diffed against the empty tree: every file added', async () => {
    const json = await suggestJson(repo.dir, [root]);
    expect(json.source.rev).toBe(root);
    expect(files(json)).toEqual(['README.md', 'lib/util.py', 'src/main.c']);
    for (const change of json.changes) {
      expect(change.status).toBe('added');
      expect(change.oldFile).toBeNull();
      expect(change.old === null || change.old.lines === 0).toBe(true);
    }
    // Every line of every file is added.
    expect(lineTotals(json)).toEqual({ removed: 0, added: 4 + 3 + 2 });
  });

  test('a range a..b gives the combined diff of its commits', async () => {
    const json = await suggestJson(repo.dir, [`${root}..${third}`]);
    expect(json.source.kind).toBe('range');
    expect(json.source.rev).toBe(`${root}..${third}`);
    expect(files(json)).toEqual(['README.md', 'lib/util.py', 'src/main.c']);
    expect(lineTotals(json)).toEqual(numstatTotals(repo, [root, third]));
  });

  test('a range with an empty end means HEAD', async () => {
    const json = await suggestJson(repo.dir, [`${root}..`]);
    expect(json.source.rev).toBe(`${root}..${third}`);
  });

  test('-C runs in another directory, absolute or relative', async () => {
    const elsewhere = makeTempDir();
    const absolute = await suggestJson(elsewhere, ['-C', repo.dir, second]);
    expect(absolute.source.rev).toBe(second);
    const relative = await suggestJson(path.dirname(repo.dir), ['-C', path.basename(repo.dir)]);
    expect(relative.source.rev).toBe(third);
    // From a subdirectory, paths stay relative to the top of the repository.
    const sub = await suggestJson(repo.path('src'), [second]);
    expect(files(sub)).toEqual(['lib/util.py', 'src/main.c']);
  });
});

describe('ranges between branches', () => {
  test('a..b and a...b start at the merge base, whatever a has since', async () => {
    const repo = createRepo();
    const base = repo.commitFiles('project: start', { 'a.txt': 'a\n', 'b.txt': 'b\n' });
    repo.git(['checkout', '-q', '-b', 'topic']);
    repo.commitFiles('b: one', { 'b.txt': 'b\nb1\n' });
    const topic = repo.commitFiles('b: two', { 'b.txt': 'b\nb1\nb2\n', 'c.txt': 'c\n' });
    repo.git(['checkout', '-q', 'main']);
    repo.commitFiles('a: on main', { 'a.txt': 'A\n' });
    for (const range of ['main..topic', 'main...topic']) {
      const json = await suggestJson(repo.dir, [range]);
      expect(json.source).toEqual({ kind: 'range', rev: `${base}..${topic}` });
      expect(files(json)).toEqual(['b.txt', 'c.txt']);
      expect(lineTotals(json)).toEqual({ removed: 0, added: 3 });
    }
  });
});

describe('merge commits', () => {
  let repo: TestRepo;
  let base: string;
  let mainTip: string;
  let merge: string;

  beforeAll(() => {
    repo = createRepo();
    base = repo.commitFiles('project: start', { 'a.txt': 'one\ntwo\nthree\n', 'b.txt': 'alpha\nbeta\n' });
    repo.git(['checkout', '-q', '-b', 'topic']);
    repo.commitFiles('b: add gamma', { 'b.txt': 'alpha\nbeta\ngamma\n', 'c.txt': 'new file\n' });
    repo.git(['checkout', '-q', 'main']);
    mainTip = repo.commitFiles('a: change two', { 'a.txt': 'one\nTWO\nthree\n' });
    repo.git(['merge', '-q', '--no-ff', '--no-edit', '-m', 'Merge branch topic', 'topic']);
    merge = repo.head();
  });

  test('is refused with one line that points at --first-parent', async () => {
    const result = await runCliIn(repo.dir, ['suggest', '--json', merge]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^split-advisor: .*--first-parent[^\n]*\n$/);
    expect(result.stderr).not.toMatch(STACK_LINE);
    // HEAD is the merge too.
    const head = await runCliIn(repo.dir, ['suggest']);
    expect(head.code).toBe(2);
    expect(head.stderr).toMatch(/--first-parent/);
  });

  test('with --first-parent is the diff against parent 1', async () => {
    const json = await suggestJson(repo.dir, ['--first-parent', merge]);
    expect(json.source.kind).toBe('commit');
    expect(json.source.rev).toBe(merge);
    expect(json.source.subject).toBe('Merge branch topic');
    // Parent 1 is main's tip: the merge brings topic's changes, not main's.
    expect(files(json)).toEqual(numstatFiles(repo, [mainTip, merge]));
    expect(files(json)).toEqual(['b.txt', 'c.txt']);
    expect(lineTotals(json)).toEqual(numstatTotals(repo, [mainTip, merge]));
    expect(base).not.toBe(mainTip);
  });
});

describe('--staged', () => {
  test('takes what git commit would take, not the unstaged rest', async () => {
    const repo = createRepo();
    repo.commitFiles('project: start', { 'a.txt': 'one\ntwo\n', 'b.txt': 'x\n' });
    repo.write('a.txt', 'one\nTWO\n').add('a.txt');
    repo.write('b.txt', 'y\n'); // not staged
    repo.write('new.txt', 'staged new\n').add('new.txt');
    repo.write('untracked.txt', 'not staged\n');
    const json = await suggestJson(repo.dir, ['--staged']);
    expect(json.source.kind).toBe('staged');
    expect(files(json)).toEqual(['a.txt', 'new.txt']);
    expect(json.changes.find((change) => change.file === 'new.txt')!.status).toBe('added');
    expect(lineTotals(json)).toEqual(numstatTotals(repo, ['--cached']));
  });

  test('works in a repository with no commits yet', async () => {
    const repo = createRepo();
    repo.write('first.txt', 'hello\nworld\n').write('dir/second.txt', 'x\n').add();
    const json = await suggestJson(repo.dir, ['--staged']);
    expect(files(json)).toEqual(['dir/second.txt', 'first.txt']);
    expect(json.changes.every((change) => change.status === 'added')).toBe(true);
    expect(lineTotals(json)).toEqual({ removed: 0, added: 3 });
  });
});

describe('--worktree', () => {
  /** Every file under dir (except .git) with a hash of its bytes. */
  function snapshot(dir: string): Record<string, string | null> {
    const out: Record<string, string | null> = {};
    const walk = (relative: string) => {
      for (const entry of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
        const name = path.join(relative, entry.name);
        if (name === '.git') continue;
        if (entry.isDirectory()) walk(name);
        else out[name] = hashFile(path.join(dir, name));
      }
    };
    walk('');
    return out;
  }

  test('has modified tracked files and untracked non-ignored files, not ignored ones; the index is untouched', async () => {
    const repo = createRepo();
    repo.commitFiles('project: start', {
      '.gitignore': '*.log\nbuild/\n',
      'tracked.txt': 'one\ntwo\n',
      'staged.txt': 'a\n',
      'deleted.txt': 'gone soon\n',
    });
    repo.write('tracked.txt', 'one\nTWO\n'); // modified, unstaged
    repo.write('staged.txt', 'b\n').add('staged.txt'); // modified, staged
    repo.remove('deleted.txt');
    repo.write('untracked.txt', 'brand new\n');
    repo.write('nested/dir/untracked.c', 'int x;\n');
    repo.write('debug.log', 'ignored\n');
    repo.write('build/out.txt', 'ignored too\n');

    const indexFile = repo.path('.git/index');
    const indexBefore = hashFile(indexFile);
    const treeBefore = snapshot(repo.dir);
    const statusBefore = repo.git(['status', '--porcelain=v1', '-z', '--untracked-files=all']);

    const json = await suggestJson(repo.dir, ['--worktree']);

    expect(json.source.kind).toBe('worktree');
    expect(files(json)).toEqual(['deleted.txt', 'nested/dir/untracked.c', 'staged.txt', 'tracked.txt', 'untracked.txt']);
    const status = Object.fromEntries(json.changes.map((change) => [change.file, change.status]));
    expect(status).toEqual({
      'deleted.txt': 'deleted',
      'nested/dir/untracked.c': 'added',
      'staged.txt': 'modified',
      'tracked.txt': 'modified',
      'untracked.txt': 'added',
    });
    expect(lineTotals(json)).toEqual({ removed: 1 + 1 + 1, added: 1 + 1 + 1 + 1 });

    expect(hashFile(indexFile)).toBe(indexBefore);
    expect(snapshot(repo.dir)).toEqual(treeBefore);
    expect(repo.git(['status', '--porcelain=v1', '-z', '--untracked-files=all'])).toBe(statusBefore);
    expect(fs.existsSync(repo.path('.git/index.lock'))).toBe(false);
  });

  test('symbolic links: a new one and a retargeted one', async () => {
    const repo = createRepo();
    repo.write('target-a.txt', 'a\n').write('target-b.txt', 'b\n');
    fs.symlinkSync('target-a.txt', repo.path('link'));
    repo.commit('links: start');
    fs.unlinkSync(repo.path('link'));
    fs.symlinkSync('target-b.txt', repo.path('link'));
    fs.symlinkSync('missing-target', repo.path('dangling'));
    const json = await suggestJson(repo.dir, ['--worktree']);
    expect(files(json)).toEqual(['dangling', 'link']);
    expect(json.changes.find((change) => change.file === 'dangling')!.status).toBe('added');
    expect(lineTotals(json)).toEqual({ removed: 1, added: 2 });
  });

  test('works before the first commit and leaves no index behind', async () => {
    const repo = createRepo();
    repo.write('a.txt', 'a\n').write('.gitignore', 'x.tmp\n').write('x.tmp', 'ignored\n');
    const json = await suggestJson(repo.dir, ['--worktree']);
    expect(files(json)).toEqual(['.gitignore', 'a.txt']);
    expect(fs.existsSync(repo.path('.git/index'))).toBe(false);
  });
});

describe('the same edit through every git input', () => {
  // Whitespace inside a template literal that opens far above the hunk: only the
  // full file shows it is data (functional), not layout. Every git input has the
  // full file, so all of them must agree with the commit.
  const body = (indent: string) => 'const x = `\n' + Array.from({ length: 12 }, (_, i) => `line ${i}\n`).join('') + `${indent}indented\n` + Array.from({ length: 12 }, (_, i) => `line ${i}\n`).join('') + '`;\n';
  const summary = (json: SuggestJson) => json.changes.map((change) => ({ file: change.file, status: change.status, old: change.old, new: change.new, kind: change.kind, reason: change.reason }));

  test('--worktree, --staged and the commit classify alike', async () => {
    const repo = createRepo();
    repo.commitFiles('project: start', { 'src/a.js': body('  '), 'src/b.c': 'int f(void)\n{\n  return 1;\n}\n' });
    repo.writeAll({ 'src/a.js': body('    '), 'src/b.c': 'int f(void)\n{\n    return 2;\n}\n', 'src/new.js': 'export const y = 1;\n' });
    const worktree = summary(await suggestJson(repo.dir, ['--worktree']));
    repo.add();
    const staged = summary(await suggestJson(repo.dir, ['--staged']));
    const sha = repo.commit('a: everything');
    const commit = summary(await suggestJson(repo.dir, [sha]));
    expect(commit.find((change) => change.file === 'src/a.js')!.kind).toBe('functional');
    expect(staged).toEqual(commit);
    expect(worktree).toEqual(commit);
  });
});

describe('git configuration and layouts', () => {
  test('a hostile local configuration does not change the answer', async () => {
    const repo = createRepo();
    repo.commitFiles('project: start', { 'odd name.txt': 'a\n\nb\nc\nd\ne\nf\ng\n', 'src/a.c': 'int f(void)\n{\n  return 1;\n}\n', 'old.txt': 'x\ny\nz\nw\n' });
    repo.writeAll({ 'odd name.txt': 'a\n\nB\nc\nd\ne\nf\nG\n', 'src/a.c': 'int f(void)\n{\n    return 2;\n}\n' });
    repo.git(['mv', 'old.txt', 'ünï.txt']);
    const sha = repo.commit('all: a bit of everything');
    const clean = await suggestJson(repo.dir, [sha]);
    const settings: Array<[string, string]> = [
      ['diff.noprefix', 'true'],
      ['diff.mnemonicPrefix', 'true'],
      ['color.ui', 'always'],
      ['color.diff', 'always'],
      ['core.quotePath', 'false'],
      ['diff.renames', 'false'],
      ['diff.context', '10'],
      ['diff.suppressBlankEmpty', 'true'],
      ['diff.relative', 'true'],
      ['diff.algorithm', 'patience'],
      ['diff.external', 'false'],
      ['core.abbrev', '7'],
      ['format.pretty', 'oneline'],
      ['log.showSignature', 'true'],
    ];
    for (const [key, value] of settings) repo.git(['config', key, value]);
    const hostile = await suggestJson(repo.path('src'), [sha]);
    expect(hostile).toEqual(clean);
  });

  test('a linked work tree: --worktree reads and leaves its own index alone', async () => {
    const repo = createRepo();
    repo.commitFiles('project: start', { 'a.txt': 'a\n' });
    const linked = path.join(makeTempDir(), 'linked');
    repo.git(['worktree', 'add', '-q', '-b', 'side', linked]);
    fs.writeFileSync(path.join(linked, 'a.txt'), 'A\n');
    fs.writeFileSync(path.join(linked, 'new.txt'), 'new\n');
    const linkedIndex = path.join(repo.dir, '.git', 'worktrees', 'linked', 'index');
    const before = [hashFile(repo.path('.git/index')), hashFile(linkedIndex)];
    const json = await suggestJson(linked, ['--worktree']);
    expect(files(json)).toEqual(['a.txt', 'new.txt']);
    expect([hashFile(repo.path('.git/index')), hashFile(linkedIndex)]).toEqual(before);
    // The main work tree has nothing uncommitted.
    expect((await suggestJson(repo.dir, ['--worktree'])).changes).toEqual([]);
  });
});

describe('file kinds and names', () => {
  let repo: TestRepo;
  beforeAll(() => {
    repo = createRepo();
  });

  test('a renamed file is reported as renamed, with its old name', async () => {
    const body = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
    repo.commitFiles('project: start', { 'old/name.txt': body });
    repo.remove('old/name.txt');
    repo.write('new/name.txt', body.replace('line 7\n', 'line seven\n'));
    const sha = repo.commit('files: move name.txt');
    const json = await suggestJson(repo.dir, [sha]);
    expect(json.changes.length).toBeGreaterThan(0);
    for (const change of json.changes) {
      expect(change.status).toBe('renamed');
      expect(change.file).toBe('new/name.txt');
      expect(change.oldFile).toBe('old/name.txt');
    }
    expect(lineTotals(json)).toEqual({ removed: 1, added: 1 });
  });

  test('a pure rename is one change with null ranges', async () => {
    repo.git(['mv', 'new/name.txt', 'renamed.txt']);
    const sha = repo.commit('files: rename again');
    const json = await suggestJson(repo.dir, [sha]);
    expect(json.changes).toHaveLength(1);
    expect(json.changes[0]).toMatchObject({ file: 'renamed.txt', oldFile: 'new/name.txt', status: 'renamed', old: null, new: null });
  });

  test('a binary file is one change with null ranges', async () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 1, 2, 3, 0, 255, 254]);
    const added = repo.commitFiles('assets: add logo', { 'assets/logo.png': bytes });
    let json = await suggestJson(repo.dir, [added]);
    expect(json.changes).toHaveLength(1);
    expect(json.changes[0].file).toBe('assets/logo.png');
    expect(['binary', 'added']).toContain(json.changes[0].status);
    expect(json.changes[0].old).toBeNull();
    expect(json.changes[0].new).toBeNull();

    const modified = repo.commitFiles('assets: change logo', { 'assets/logo.png': Buffer.concat([bytes, Buffer.from([0, 7, 7])]) });
    json = await suggestJson(repo.dir, [modified]);
    expect(json.changes).toHaveLength(1);
    expect(json.changes[0]).toMatchObject({ file: 'assets/logo.png', status: 'binary', old: null, new: null });
  });

  const oddNames = ['with space.txt', 'quo"te.txt', "apo'strophe.txt", 'tab\there.txt', 'new\nline.txt', 'ünïcødé/日本語.txt', 'back\\slash.txt', '-dash.txt'];

  test('odd file names are decoded in `file`', async () => {
    const contents: Record<string, string> = {};
    for (const name of oddNames) contents[name] = `content of ${JSON.stringify(name)}\n`;
    const sha = repo.commitFiles('files: odd names', contents);
    const json = await suggestJson(repo.dir, [sha]);
    expect(files(json)).toEqual([...oddNames].sort());
    // Renamed with an odd name on both sides.
    repo.git(['mv', '--', 'tab\there.txt', 'still odd\n"name".txt']);
    const renamed = repo.commit('files: rename an odd name');
    const renameJson = await suggestJson(repo.dir, [renamed]);
    expect(renameJson.changes[0]).toMatchObject({ file: 'still odd\n"name".txt', oldFile: 'tab\there.txt', status: 'renamed' });
  });

  test('odd file names in the index and the work tree', async () => {
    repo.write('ünïcødé/日本語.txt', 'changed\n');
    repo.write('untracked "odd"\tname.txt', 'x\n');
    const json = await suggestJson(repo.dir, ['--worktree']);
    expect(files(json)).toEqual(['untracked "odd"\tname.txt', 'ünïcødé/日本語.txt'].sort());
    repo.add('ünïcødé/日本語.txt');
    const staged = await suggestJson(repo.dir, ['--staged']);
    expect(files(staged)).toEqual(['ünïcødé/日本語.txt']);
  });
});

describe('--patch', () => {
  let repo: TestRepo;
  let mail: Buffer;
  let plain: Buffer;
  const body = 'The parser dropped the last line of a file without a final newline.\nKeep it.';

  beforeAll(() => {
    repo = createRepo();
    repo.commitFiles('project: start', { 'src/parse.c': 'int a;\nint b;\nint c;\n', 'notes.txt': 'x\n' });
    repo.commitFiles(`parse: keep the last line\n\n${body}\n\nSigned-off-by: Test User <test@example.com>\n`, {
      'src/parse.c': 'int a;\nint bb;\nint c;\nint d;\n',
      'notes.txt': 'x\ny\n',
    });
    mail = repo.gitRaw(['format-patch', '--stdout', '-1', 'HEAD']);
    fs.writeFileSync(repo.path('mail.patch'), mail);

    // A plain `diff -u` between two directories' files, not git's format.
    const dir = makeTempDir();
    fs.writeFileSync(path.join(dir, 'before.py'), 'def f():\n    return 1\n\n\ndef g():\n    pass\n');
    fs.writeFileSync(path.join(dir, 'after.py'), 'def f():\n    return 2\n\n\ndef g():\n    pass\n\n\ndef h():\n    pass\n');
    const result = spawnSync('diff', ['-u', 'before.py', 'after.py'], { cwd: dir });
    expect(result.status).toBe(1);
    plain = result.stdout;
    fs.writeFileSync(repo.path('plain.diff'), plain);
  });

  test.each([
    ['a file', ['--patch', 'mail.patch'], undefined],
    ['standard input', ['--patch', '-'], 'stdin'],
  ])('a format-patch mail from %s', async (_name, argv, stdin) => {
    const json = await suggestJson(repo.dir, argv as string[], stdin === 'stdin' ? mail : undefined);
    expect(json.source.kind).toBe('patch');
    expect(json.source.subject).toBe('parse: keep the last line');
    // The repository holds the mail's blobs, so the files are read in full (test/rebuild.test.ts).
    expect(json.diffOnly).toBe(false);
    expect(files(json)).toEqual(['notes.txt', 'src/parse.c']);
    expect(lineTotals(json)).toEqual(numstatTotals(repo, ['HEAD~1', 'HEAD']));
    const messages = json.series.map((commit) => commit.message).join('\n');
    expect(messages).toContain('The parser dropped the last line of a file without a final newline.');
  });

  test.each([
    ['a file', ['--patch', 'plain.diff'], undefined],
    ['standard input', ['--patch', '-'], 'stdin'],
  ])('a plain diff -u from %s', async (_name, argv, stdin) => {
    const json = await suggestJson(repo.dir, argv as string[], stdin === 'stdin' ? plain : undefined);
    expect(json.source.kind).toBe('patch');
    expect(json.source.subject).toBeUndefined();
    expect(files(json)).toEqual(['after.py']);
    expect(lineTotals(json)).toEqual({ removed: 1, added: 5 });
  });

  test('bytes read elsewhere load like the same file, and name it in errors', () => {
    const fromFile = loadInput({ kind: 'patch', path: 'mail.patch', cwd: repo.dir });
    const fromBytes = loadInput({ kind: 'patch', path: 'the pasted diff', cwd: makeTempDir(), bytes: mail });
    expect(fromBytes.files).toEqual(fromFile.files);
    expect(fromBytes.message).toEqual(fromFile.message);
    expect(() => loadInput({ kind: 'patch', path: 'the pasted diff', cwd: repo.dir, bytes: Buffer.alloc(0) })).toThrow('the pasted diff: the patch is empty');
  });

  test.each([
    ['a format-patch mail', () => loadInput({ kind: 'patch', path: 'mail.patch', cwd: repo.dir }), 'Test User <test@example.com>'],
    ['git show output', () => loadInput({ kind: 'patch', path: '-', cwd: repo.dir, bytes: repo.gitRaw(['show', 'HEAD']) }), 'Test User <test@example.com>'],
    ['a commit', () => loadInput({ kind: 'commit', rev: 'HEAD', cwd: repo.dir }), 'Test User <test@example.com>'],
    ['a plain diff', () => loadInput({ kind: 'patch', path: 'plain.diff', cwd: repo.dir }), undefined],
  ])('the author of %s is kept', (_name, load, author) => {
    expect(load().author).toBe(author);
  });

  test('a patch needs no repository, and -C resolves its path', async () => {
    const outside = makeTempDir();
    fs.writeFileSync(path.join(outside, 'x.patch'), mail);
    const json = await suggestJson(outside, ['--patch', 'x.patch']);
    expect(json.source.subject).toBe('parse: keep the last line');
    const viaC = await suggestJson(makeTempDir(), ['-C', outside, '--patch', 'x.patch']);
    expect(viaC.source.subject).toBe('parse: keep the last line');
  });

  test('git diff output of odd names decodes them', async () => {
    const other = createRepo();
    other.commitFiles('start', { 'tab\there.txt': 'a\n', 'ü.txt': 'b\n' });
    other.writeAll({ 'tab\there.txt': 'A\n', 'ü.txt': 'B\n' });
    const diff = other.gitRaw(['-c', 'core.quotePath=true', 'diff']);
    const json = await suggestJson(other.dir, ['--patch', '-'], diff);
    expect(files(json)).toEqual(['tab\there.txt', 'ü.txt']);
  });
});
