/**
 * `apply` on every fixture commit of test/helpers/scenarios.ts (one per diff
 * construct git emits: renames, copies, deletions, binaries, modes, symlinks,
 * submodules, CRLF, missing final newlines, odd paths, the root commit's
 * kinds of content), split into one commit per change in reverse order, the
 * hardest order for re-basing: the series must end on the original tree, every
 * step must apply as a mail (`git am` in a clone), and the work tree, the index
 * and HEAD must be as before.
 */
import { cleanupRepos, runCliIn } from './helpers/git-repo';
import { buildBase, scenarios } from './helpers/scenarios';
import { changeIds, checkSeries, git, onePerChange, printedCommits, worktreeSnapshot } from './helpers/series-check';

afterAll(cleanupRepos);

const CHANGE_DATE = '2024-01-02T11:30:00+00:00';

describe('every fixture commit', () => {
  it.each(scenarios.map((scenario) => [scenario.name, scenario] as const))('%s: one commit per change, last first, ends on its tree and every step applies', async (_name, scenario) => {
    const repo = buildBase(scenario);
    try {
      scenario.change(repo);
      repo.commit(scenario.message ?? `change: ${scenario.name}`, CHANGE_DATE);
      const rev = git(repo.dir, ['rev-parse', 'HEAD']);
      const before = worktreeSnapshot(repo.dir);
      const ids = changeIds(repo.dir, rev).reverse();
      const result = await runCliIn(repo.dir, ['apply', rev, '--plan', '-', '--branch', 'reversed'], JSON.stringify(onePerChange({}, ids)));
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      // A step can only be left out when a whole-file change already took its change (a file turned symlink).
      const printed = printedCommits(result.stdout);
      expect(printed.length === ids.length || /was left out/.test(result.stdout)).toBe(true);
      checkSeries(repo.dir, rev, 'reversed', printed.length);
      expect(worktreeSnapshot(repo.dir)).toBe(before);
      expect(git(repo.dir, ['rev-parse', 'HEAD'])).toBe(rev);
    } finally {
      repo.dispose();
    }
  });
});
