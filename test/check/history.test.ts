/**
 * The commits check reads: one `git log -p` split per commit, ranges, the
 * default upstream range, and git's pre-push protocol (updates, new branches,
 * deletions, several refs).
 */
import { Git, logPatches } from '../../src/git';
import { loadCommits, parsePrePush, pushTargets, rangeTargets, splitLogRecords } from '../../src/check/history';
import { TestRepo, cleanupRepos, createRepo, gitIn, makeTempDir } from '../helpers/git-repo';

const ZERO = '0'.repeat(40);
let repo: TestRepo;
let shas: string[];

beforeAll(() => {
  repo = createRepo();
  shas = [
    repo.commitFiles('app: start\n\nThe first version.\n', { 'app.c': 'int main(void) {\n  return 0;\n}\n' }),
    repo.commitFiles('app: return 1\n\ndiff --git a/fake b/fake\nA message that looks like a diff.\n', { 'app.c': 'int main(void) {\n  return 1;\n}\n' }),
    repo.commitFiles('app: add notes\n', { 'NOTES.md': 'notes\n', 'bin.dat': Buffer.from([0, 1, 2, 3]) }),
  ];
});

afterAll(cleanupRepos);

describe('reading commits', () => {
  it('splits one git log -p into commits with their messages and patches', () => {
    const records = splitLogRecords(logPatches(new Git(repo.dir), shas));
    expect(records.map((record) => record.sha)).toEqual(shas);
    expect(records[0].parents).toEqual([]);
    expect(records[1].parents).toEqual([shas[0]]);
    expect(records[1].message).toBe('app: return 1\n\ndiff --git a/fake b/fake\nA message that looks like a diff.\n');
    expect(records[1].patch.toString('utf8')).toMatch(/^diff --git a\/app\.c b\/app\.c\n/);
    expect(records[2].patch.toString('utf8')).toMatch(/GIT binary patch/);
  });

  it('parses each commit, with contents only for files that need them', () => {
    const commits = loadCommits(new Git(repo.dir), shas, { contents: true });
    expect(commits.map((commit) => commit.message.subject)).toEqual(['app: start', 'app: return 1', 'app: add notes']);
    expect(commits[1].files.map((file) => file.newPath?.text)).toEqual(['app.c']);
    expect(commits[1].contents[0]).toEqual({ old: 'int main(void) {\n  return 0;\n}\n', new: 'int main(void) {\n  return 1;\n}\n' });
    expect(commits[2].contents.every((contents) => contents === undefined)).toBe(true);
  });

  it('drops ignored paths', () => {
    const [commit] = loadCommits(new Git(repo.dir), [shas[2]], { contents: false, keep: (file) => !file.endsWith('.md') });
    expect(commit.files.map((file) => file.newPath?.text)).toEqual(['bin.dat']);
  });
});

describe('ranges', () => {
  it('lists a range oldest first, and a single commit', () => {
    const git = new Git(repo.dir);
    expect(rangeTargets(git, `${shas[0]}..HEAD`).shas).toEqual(shas.slice(1));
    expect(rangeTargets(git, 'HEAD~1').shas).toEqual([shas[1]]);
    expect(() => rangeTargets(git, 'nope..HEAD')).toThrow('unknown revision: nope');
  });

  it('explains a missing upstream', () => {
    expect(() => rangeTargets(new Git(repo.dir), undefined)).toThrow(/branch 'main' has no upstream: name a range \(e\.g\. `split-advisor check origin\/main\.\.HEAD`\)/);
  });

  it('defaults to the commits not on the upstream', () => {
    const remote = makeTempDir();
    gitIn(remote, ['init', '-q', '--bare']);
    repo.git(['remote', 'add', 'origin', remote]);
    repo.git(['push', '-q', 'origin', `${shas[0]}:refs/heads/main`]);
    repo.git(['fetch', '-q', 'origin']);
    repo.git(['branch', '-q', '--set-upstream-to=origin/main']);
    const targets = rangeTargets(new Git(repo.dir), undefined);
    expect(targets.label).toBe('origin/main..HEAD');
    expect(targets.shas).toEqual(shas.slice(1));
  });
});

describe('pre-push protocol', () => {
  it('parses the lines git writes, and rejects anything else', () => {
    expect(parsePrePush(`refs/heads/main ${shas[2]} refs/heads/main ${shas[0]}\n\n`)).toEqual([{ localRef: 'refs/heads/main', localSha: shas[2], remoteRef: 'refs/heads/main', remoteSha: shas[0] }]);
    expect(parsePrePush('')).toEqual([]);
    expect(() => parsePrePush('main HEAD main HEAD\n')).toThrow(/--pre-push: line 1 of standard input is not '<local ref> <local sha> <remote ref> <remote sha>'/);
  });

  it('checks an update from the remote sha, a new branch against every remote-tracking branch, and skips deletions', () => {
    const git = new Git(repo.dir);
    // origin/main is at shas[0] (see the upstream test).
    const update = pushTargets(git, parsePrePush(`refs/heads/main ${shas[2]} refs/heads/main ${shas[1]}\n`), 'origin');
    expect(update.shas).toEqual([shas[2]]);
    const created = pushTargets(git, parsePrePush(`refs/heads/topic ${shas[2]} refs/heads/topic ${ZERO}\n`), 'origin');
    expect(created.shas).toEqual(shas.slice(1));
    const deleted = pushTargets(git, parsePrePush(`(delete) ${ZERO} refs/heads/old ${shas[1]}\n`), 'origin');
    expect(deleted.shas).toEqual([]);
    expect(deleted.notes).toEqual(['refs/heads/old: deleted, nothing to check.']);
    const unknownRemote = pushTargets(git, parsePrePush(`refs/heads/main ${shas[2]} refs/heads/main ${'f'.repeat(40)}\n`), 'origin');
    expect(unknownRemote.shas).toEqual(shas.slice(1));
  });

  it('checks several refs of one push, each commit once', () => {
    const git = new Git(repo.dir);
    const both = pushTargets(git, parsePrePush(`refs/heads/a ${shas[1]} refs/heads/a ${ZERO}\nrefs/heads/b ${shas[2]} refs/heads/b ${ZERO}\n`), undefined);
    expect(both.shas).toEqual([shas[1], shas[2]]);
    expect(both.label).toBe('push');
  });
});
