/**
 * test-file: test code by path, one case per ecosystem it claims, and paths
 * that only contain the letters "test" without being tests.
 *
 * Decisions pinned here:
 * - `src/testing_utils.ts` is not a test: a module under src/ is shipped with
 *   the code (test-support libraries included), so a change to it is read as
 *   code. Only a `testing/` directory marks test support as tests.
 * - A path is a test by a directory named exactly test/tests/__tests__/spec/...
 *   or by a test-file suffix/prefix, never by a substring (`latest.ts`,
 *   `contest/`, `Contest.java`).
 */
import { testFile } from '../../heuristics/test-file';
import { runHeuristicTests } from '../helpers/heuristic-tester';

const test = { kind: 'test' as const, messageId: 'testPath' };
/** A one-line change in `path`. */
const edit = (name: string, path: string) => ({ name, path, before: 'a = 1\n', after: 'a = 2\n' });

runHeuristicTests(testFile, {
  valid: [
    edit('decision: src/testing_utils.ts is shipped code, not a test', 'src/testing_utils.ts'),
    edit('latest.ts is not a test (test inside a word)', 'src/latest.ts'),
    edit('contest/x.py is not a test (directory name only ends in test)', 'contest/x.py'),
    edit('Contest.java is not a test (lower-case test at the end of a word)', 'src/main/java/x/Contest.java'),
    edit('protest_data.py is not a test (test_ not at the start of the name)', 'src/protest_data.py'),
  ],
  invalid: [
    // --- JavaScript / TypeScript.
    { ...edit('TypeScript: x.test.ts', 'src/parse.test.ts'), expect: [test] },
    { ...edit('JavaScript: x.spec.js', 'src/app.spec.js'), expect: [test] },
    { ...edit('JavaScript: a file under __tests__/', 'src/__tests__/app.js'), expect: [test] },
    { ...edit('TypeScript: a helper under test/', 'test/helpers/git-repo.ts'), expect: [test] },
    // --- Go.
    { ...edit('Go: x_test.go', 'pkg/parse/parse_test.go'), expect: [test] },
    // --- Python.
    { ...edit('Python: test_x.py', 'pkg/test_parse.py'), expect: [test] },
    { ...edit('Python: a module under tests/', 'tests/helpers.py'), expect: [test] },
    { ...edit('Python: conftest.py', 'conftest.py'), expect: [test] },
    // --- Java.
    { ...edit('Java: FooTest.java', 'app/FooTest.java'), expect: [test] },
    { ...edit('Java: a file under src/test/java/', 'src/test/java/com/x/Helper.java'), expect: [test] },
    // --- Ruby.
    { ...edit('Ruby: x_spec.rb', 'lib/parser_spec.rb'), expect: [test] },
    { ...edit('Ruby: a file under spec/', 'spec/spec_helper.rb'), expect: [test] },
  ],
});
