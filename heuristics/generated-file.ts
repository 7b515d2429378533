/**
 * generated-file: output of tools rather than of people (minified bundles, source
 * maps, test snapshots, protobuf and other codegen, files whose first lines say
 * `@generated` or `DO NOT EDIT` in a comment). Not a no-op: the reader should
 * review its source instead, and the series keeps it with the change that
 * regenerated it.
 */
import { Heuristic, HeuristicResult } from '../src/heuristic';
import { Language } from '../src/language';
import { lexLines } from '../src/lexer';
import { GENERATED_MARKER, isGeneratedPath, isLockfile } from '../src/paths';

const messages = {
  path: 'Generated file by its name ({{file}}): review the source that produced it instead.',
  marker: 'The file says it is generated ("{{marker}}"): review the source that produced it instead.',
  minified: 'Minified content (a line of {{length}} characters): generated, not written by hand.',
};

/** How many first lines of a file a generator marker may stand in. */
const MARKER_LINES = 5;
const MINIFIED_LINE = 1000;

/** Lines that are comments in languages whose comments the lexer table does not know (YAML, XML, Markdown...). */
const COMMENT_LEADER = /^\s*(#|\/\/|\/\*|\*|<!--|--|;)/;

/**
 * A marker in a comment, not quoted: a file that documents or matches the marker
 * (`files marked \`@generated\``, `/@generated/`) is not generated itself.
 */
function markerIn(text: string): string | null {
  const pattern = new RegExp(GENERATED_MARKER.source, 'gi');
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const before = text[match.index - 1] ?? '';
    const after = text[match.index + match[0].length] ?? '';
    if (!/[`'"]/.test(before) && !/[`'"]/.test(after)) return match[0];
  }
  return null;
}

/** The first generator marker in comments of the file's first lines, or null. */
function markerInHead(head: string[], language: Language): string | null {
  if (language.lineComments.length > 0 || language.blockComments.length > 0) {
    for (const line of lexLines(head, language)) {
      for (const token of line.tokens) {
        const marker = token.type === 'comment' ? markerIn(token.text) : null;
        if (marker !== null) return marker;
      }
    }
    return null;
  }
  for (const line of head) {
    const leader = COMMENT_LEADER.exec(line);
    // In Markdown `#` opens a heading, not a comment.
    if (leader === null || (language.id === 'markdown' && leader[1] === '#')) continue;
    const marker = markerIn(line);
    if (marker !== null) return marker;
  }
  return null;
}

export const generatedFile: Heuristic = {
  meta: {
    id: 'generated-file',
    description: 'Files written by tools: minified bundles, source maps, snapshots, codegen, files marked @generated or DO NOT EDIT.',
    produces: ['generated'],
    languages: 'all',
    messages,
  },
  // Lockfiles say @generated too, but they are dependency changes: dependency-manifest decides.
  appliesTo: (file) => !isLockfile((file.newPath ?? file.oldPath)?.text ?? ''),
  classify(change, context): HeuristicResult | null {
    if (isGeneratedPath(change.file)) return { kind: 'generated', detail: 'path', confidence: 0.9, messageId: 'path', data: { file: change.file } };
    const side = change.status === 'deleted' ? 'old' : 'new';
    const text = context.commit.text(change.fileIndex, side);
    let head: string[];
    if (text !== null) {
      head = text.split('\n', MARKER_LINES);
    } else {
      // Diff only: the first lines are known when the hunk starts at the top of the file.
      const hunk = context.file.hunks[0];
      head = hunk !== undefined && (side === 'new' ? hunk.newStart : hunk.oldStart) <= 1
        ? hunk.lines.filter((line) => line.type !== (side === 'new' ? '-' : '+')).slice(0, MARKER_LINES).map((line) => line.text)
        : [];
    }
    const marker = markerInHead(head, context.language);
    if (marker !== null) return { kind: 'generated', detail: 'marker', confidence: 0.85, messageId: 'marker', data: { marker } };
    if (/\.(m?js|css)$/.test(change.file)) {
      const longest = Math.max(0, ...change.added.map((line) => line.length));
      if (longest >= MINIFIED_LINE) return { kind: 'generated', detail: 'minified', confidence: 0.8, messageId: 'minified', data: { length: longest } };
    }
    return null;
  },
};
