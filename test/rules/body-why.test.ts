/**
 * body-why: a short body with no word of cause, purpose or problem; generous:
 * long bodies pass, any "because"/"so that"/"fails"/"was" passes, small changes
 * are exempt when the diff is known.
 */
import { bodyWhy } from '../../src/rules/body-why';
import { runRuleTests } from '../helpers/rule-tester';

const code = (count: number) => Array.from({ length: count }, (_value, k) => `call_${k}();\n`).join('');
const BIG = [{ path: 'src/run.c', before: 'int x;\n', after: `int x;\n${code(12)}` }];

runRuleTests(bodyWhy, {
  valid: [
    { name: 'because', message: 'run: call everything\n\nCall all of them because the order matters.\n', files: BIG },
    { name: 'describes the old behaviour', message: 'run: call everything\n\nThe daemon started without its sockets.\n', files: BIG },
    { name: 'to avoid', message: 'run: add calls\n\nAdd the calls to avoid a race at start-up.\n' },
    { name: 'a long body', message: `run: add calls\n\n${'Add the calls here and there and everywhere. '.repeat(4)}\n` },
    { name: 'a small change', message: 'run: add a call\n\nAdd a call.\n', files: [{ path: 'src/run.c', before: 'int x;\n', after: `int x;\n${code(2)}` }] },
    { name: 'no body (body-missing says so)', message: 'run: add calls\n' },
  ],
  invalid: [
    { name: 'only what', message: 'run: add calls\n\nAdd twelve calls to run.c.\n', files: BIG, expect: [{ severity: 'warn', message: /not why/ }] },
    { name: 'no diff', message: 'run: add calls\n\nAdd calls.\n', expect: [{ severity: 'warn' }] },
  ],
});
