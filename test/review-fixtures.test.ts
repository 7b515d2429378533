/**
 * fixtures/review/ is what `git show` prints for the cases of
 * test/helpers/review-fixtures.ts: rebuilt with real git, byte for byte.
 * (`npm run fixtures:review` rewrites them after a case changes.)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cleanupRepos } from './helpers/git-repo';
import { buildReviewRepo, reviewCases, showChange } from './helpers/review-fixtures';

const FIXTURE_DIR = path.join(__dirname, '..', 'fixtures', 'review');

afterAll(cleanupRepos);

test.each(reviewCases.map((reviewCase) => [reviewCase.name, reviewCase] as const))('fixtures/review/%s.diff is git show of its case', (name, reviewCase) => {
  const stored = fs.readFileSync(path.join(FIXTURE_DIR, `${name}.diff`));
  expect(showChange(buildReviewRepo(reviewCase)).equals(stored)).toBe(true);
});
