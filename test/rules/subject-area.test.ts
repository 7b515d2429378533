/**
 * subject-area: the subject must name something the diff touches: a directory,
 * a file, a symbol, a custom area, "docs"/"tests" for such files; generous
 * matching (parse/parsing). Without a diff there is nothing to compare.
 */
import { subjectArea } from '../../src/rules/subject-area';
import { runRuleTests } from '../helpers/rule-tester';

const BODY = '\n\nThe reason.\n';
const PARSER = [{ path: 'src/parser/hunk.c', before: 'int a;\n', after: 'int b;\n' }];

runRuleTests(subjectArea, {
  valid: [
    { name: 'area prefix is the directory', message: `parser: fix the count${BODY}`, files: PARSER },
    { name: 'area prefix is the file', message: `hunk: fix the count${BODY}`, files: PARSER },
    { name: 'a word of the summary close to the area', message: `Fix parsing of empty hunks${BODY}`, files: PARSER },
    { name: 'conventional commit scope', message: `fix(parser): empty hunks${BODY}`, files: PARSER },
    { name: 'a function the change is in', message: `count_lines: off by one${BODY}`, syntax: true, files: [{ path: 'src/x.c', before: 'int count_lines(void) {\n  return 1;\n}\n', after: 'int count_lines(void) {\n  return 2;\n}\n' }] },
    { name: 'docs for a README change', message: `docs: explain the flags${BODY}`, files: [{ path: 'README.md', before: 'a\n', after: 'b\n' }] },
    { name: 'a custom area', message: `engine: fix the count${BODY}`, config: { areas: { 'src/parser/': 'engine' } }, files: PARSER },
    { name: 'no diff', message: `Fix things${BODY}` },
  ],
  invalid: [
    { name: 'names another area', message: `network: fix the count${BODY}`, files: PARSER, expect: [{ severity: 'warn', message: /names nothing this commit touches \(src\/parser\/hunk\.c\).*"hunk: \.\.\."/ }] },
    { name: 'names nothing', message: `Fix bug${BODY}`, files: PARSER, expect: [{ message: /start it with the area/ }] },
    { name: 'suggests the custom area', message: `Fix bug${BODY}`, config: { areas: { 'src/parser/': 'engine' } }, files: PARSER, expect: [{ message: /"engine: \.\.\."/ }] },
  ],
});
