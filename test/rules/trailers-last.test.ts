/** trailers-last: known trailers outside the last paragraph, or split over two. */
import { trailersLast } from '../../src/rules/trailers-last';
import { runRuleTests } from '../helpers/rule-tester';

runRuleTests(trailersLast, {
  valid: [
    { name: 'grouped at the end', message: 'net: retry\n\nWhy.\n\nFixes: 0123456789ab ("net: send")\nSigned-off-by: A <a@example.com>\nChange-Id: I0123\n' },
    { name: 'no trailers', message: 'net: retry\n\nWhy.\n' },
    { name: 'prose that mentions a key', message: 'net: retry\n\nThe Fixes line of the last commit was wrong.\n' },
  ],
  invalid: [
    { name: 'a trailer before the body', message: 'net: retry\n\nSigned-off-by: A <a@example.com>\n\nWhy.\n', expect: [{ severity: 'warn', message: /Signed-off-by: on line 3/ }] },
    { name: 'two trailer blocks', message: 'net: retry\n\nWhy.\n\nReviewed-by: B <b@example.com>\n\nSigned-off-by: A <a@example.com>\n', expect: [{ message: /Reviewed-by: on line 5/ }] },
    { name: 'prose after the trailers', message: 'net: retry\n\nWhy.\n\nSigned-off-by: A <a@example.com>\nAnd one more thing.\n', expect: [{ message: /Signed-off-by/ }] },
  ],
});
