/**
 * message-lists-several: "Also", "while at it", a subject joining two things, a
 * list over several areas or verbs; with a diff, only when the analysis finds
 * more than one step.
 */
import { messageListsSeveral } from '../../src/rules/message-lists-several';
import { runRuleTests } from '../helpers/rule-tester';

const ONE = [{ path: 'net.py', before: 'def timeout():\n    return 10\n', after: 'def timeout():\n    return 30\n' }];
const TWO = [...ONE, { path: 'ui.py', before: 'def greeting():\n    return "helo"\n', after: 'def greeting():\n    return "hello"\n' }];

runRuleTests(messageListsSeveral, {
  valid: [
    { name: 'one thing', message: 'net: longer timeout\n\nSlow links timed out.\n' },
    { name: '"also" but one step in the diff', message: 'net: longer timeout\n\nSlow links timed out. Also, the tests now cover it.\n', files: ONE },
    { name: 'a list of one kind', message: 'net: longer timeouts\n\n- raise the read timeout\n- raise the write timeout\n' },
    { name: '"also" inside a sentence', message: 'net: longer timeout\n\nSlow links, which also drop packets, timed out.\n' },
    {
      name: 'a name that starts with one of the words, with two steps',
      message: 'net: longer timeout\n\nSlow links timed out.\nunrelated-changes flagged the old value; fix the greeting too.\n',
      files: TWO,
    },
    {
      name: 'a wrapped line that starts with "also" mid-sentence, with two steps',
      message: 'net: longer timeout\n\nSlow links timed out: the retry, which runs on a timer, must\nalso wait for the clock.\n',
      files: TWO,
    },
  ],
  invalid: [
    { name: '"Also," with two steps', message: 'net: longer timeout\n\nSlow links timed out.\n\nAlso, fix the greeting.\n', files: TWO, expect: [{ severity: 'warn', message: /it says "Also".*finds 2 separable steps/ }] },
    { name: '"Also" starting a sentence on a new line', message: 'net: longer timeout\n\nSlow links timed out.\nAlso the greeting was wrong.\n', expect: [{ message: /it says "Also"/ }] },
    { name: 'while at it', message: 'net: longer timeout\n\nSlow links timed out. While at it, fix the greeting.\n', expect: [{ message: /While at it/i }] },
    { name: 'a subject joining two things', message: 'net: longer timeout; ui: fix greeting\n\nTwo fixes.\n', expect: [{ message: /subject joins two things/ }] },
    { name: 'a list over several areas', message: 'misc fixes\n\n- net: longer timeout\n- ui: fix the greeting\n', expect: [{ message: /names 2 areas \(net, ui\)/ }] },
    { name: 'a list of different things', message: 'misc\n\n- Add a retry\n- Fix the greeting\n- Remove the old flag\n', expect: [{ message: /does 3 different things/ }] },
  ],
});
