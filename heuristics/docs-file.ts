/**
 * docs-file: documentation by path (Markdown, reStructuredText, AsciiDoc, man
 * pages, `docs/`, README, CHANGELOG). Commit practice: docs and defaults come
 * last in a series, after the change they describe.
 */
import { Heuristic } from '../src/heuristic';
import { isDocPath } from '../src/paths';

export const docsFile: Heuristic = {
  meta: {
    id: 'docs-file',
    description: 'Documentation, recognised by its path.',
    produces: ['docs'],
    languages: 'all',
    messages: { docPath: 'Documentation ({{file}} is a documentation file by its path).' },
  },
  appliesTo: (file) => isDocPath((file.newPath ?? file.oldPath)?.text ?? ''),
  classify: (change) => ({ kind: 'docs', confidence: 0.85, messageId: 'docPath', data: { file: change.file } }),
};
