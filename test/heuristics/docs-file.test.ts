/**
 * docs-file: documentation by path, one case per kind it claims (Markdown,
 * docs/ directory, CHANGELOG, man page, reStructuredText), and the near misses
 * whose names look like documentation but hold code or build input.
 *
 * Decisions pinned here:
 * - README, CHANGELOG, CHANGES, NEWS, HISTORY... are documentation bare or with
 *   a documentation extension; `src/changes.ts` or `lib/news.py` is code.
 * - A docs/ or man/ directory makes text, Markdown, HTML, YAML and JSON
 *   documentation; code there (`docs/conf.py`, `src/man/parse.c`) is code.
 * - `src/docs.ts` is a TypeScript module: code.
 */
import { docsFile } from '../../heuristics/docs-file';
import { runHeuristicTests } from '../helpers/heuristic-tester';

const docs = { kind: 'docs' as const, messageId: 'docPath' };
/** A one-line change in `path`. */
const edit = (name: string, path: string) => ({ name, path, before: 'a = 1\n', after: 'a = 2\n' });

runHeuristicTests(docsFile, {
  valid: [
    edit('requirements.txt is a manifest, not docs', 'requirements.txt'),
    edit('CMakeLists.txt is build input, not docs', 'CMakeLists.txt'),
    edit('decision: src/docs.ts is a TypeScript module, not docs', 'src/docs.ts'),
    edit('decision: src/changes.ts is code that shares the CHANGES name', 'src/changes.ts'),
    edit('decision: lib/news.py is code that shares the NEWS name', 'lib/news.py'),
    edit('decision: C source under a man/ directory is code', 'src/man/parse.c'),
    edit('decision: docs/conf.py (Sphinx configuration) is code', 'docs/conf.py'),
    edit('a Markdown file under test/ is a test fixture, not docs', 'test/fixtures/input.md'),
  ],
  invalid: [
    { ...edit('Markdown: README.md', 'README.md'), expect: [docs] },
    { ...edit('Markdown: a translated README.zh-CN.md', 'README.zh-CN.md'), expect: [docs] },
    { ...edit('Markdown: docs/x.md', 'docs/guide/x.md'), expect: [docs] },
    { ...edit('HTML under docs/', 'docs/index.html'), expect: [docs] },
    { ...edit('CHANGELOG without an extension', 'CHANGELOG'), expect: [docs] },
    { ...edit('NEWS without an extension', 'NEWS'), expect: [docs] },
    { ...edit('man page: foo.1', 'man/foo.1'), expect: [docs] },
    { ...edit('reStructuredText: .rst', 'doc/usage.rst'), expect: [docs] },
    { ...edit('AsciiDoc: .adoc', 'guide.adoc'), expect: [docs] },
  ],
});
