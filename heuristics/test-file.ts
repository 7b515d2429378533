/**
 * test-file: changes in test code, by path (`test/`, `__tests__/`, `*.test.ts`,
 * `*_test.go`, `test_*.py`, `*Test.java`, `*_spec.rb`, ...). Commit practice: a
 * functional change goes "with its tests", so the series keeps these next to the
 * code they exercise rather than in a commit of their own.
 */
import { Heuristic } from '../src/heuristic';
import { isTestPath } from '../src/paths';

export const testFile: Heuristic = {
  meta: {
    id: 'test-file',
    description: 'Test code, recognised by its path.',
    produces: ['test'],
    languages: 'all',
    messages: { testPath: 'Test code ({{file}} is a test file by its path).' },
  },
  appliesTo: (file) => isTestPath((file.newPath ?? file.oldPath)?.text ?? ''),
  classify: (change) => ({ kind: 'test', confidence: 0.9, messageId: 'testPath', data: { file: change.file } }),
};
