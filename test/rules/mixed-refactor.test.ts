/**
 * mixed-refactor: a rename or a move beside a functional change; not a pure
 * refactor commit, not a functional change alone.
 */
import { mixedRefactor } from '../../src/rules/mixed-refactor';
import { runRuleTests } from '../helpers/rule-tester';

const MESSAGE = 'net: retry once on timeout\n\nA single dropped packet failed the whole sync.\n';
const PY = 'def fetch_data(url):\n    return get(url)\n\n\ndef sync():\n    return fetch_data(URL)\n';
const RENAMED = PY.replace(/fetch_data/g, 'fetch');

runRuleTests(mixedRefactor, {
  valid: [
    { name: 'a rename alone', message: 'net: rename fetch_data to fetch\n\nNo functional change.\n', files: [{ path: 'net.py', before: PY, after: RENAMED }] },
    { name: 'a functional change alone', message: MESSAGE, files: [{ path: 'net.py', before: PY, after: PY.replace('return get(url)', 'return get(url, retries=1)') }] },
  ],
  invalid: [
    {
      name: 'a rename beside a functional change in another file',
      message: MESSAGE,
      files: [
        { path: 'net.py', before: PY, after: RENAMED },
        { path: 'config.py', before: 'TIMEOUT = 10\n', after: 'TIMEOUT = 30\n' },
      ],
      expect: [{ severity: 'error', message: /no-op change.*rename.*fetch_data.*fetch.*beside 1 functional change/ }],
    },
    {
      name: 'a function moved to another file beside a functional change',
      message: MESSAGE,
      files: [
        { path: 'a.py', before: 'def helper(x):\n    total = x * 2\n    total += 1\n    return total\n\n\ndef main():\n    return 1\n', after: 'def main():\n    return 1\n' },
        { path: 'b.py', before: 'def other():\n    return 2\n', after: 'def other():\n    return 2\n\n\ndef helper(x):\n    total = x * 2\n    total += 1\n    return total\n' },
        { path: 'config.py', before: 'TIMEOUT = 10\n', after: 'TIMEOUT = 30\n' },
      ],
      expect: [{ message: /move/ }],
    },
  ],
});
