/**
 * generated-file: output of tools rather than of people (minified bundles, source
 * maps, test snapshots, protobuf and other codegen, files marked `@generated` or
 * `DO NOT EDIT`). Not a no-op: the reader should review its source instead, and
 * the series keeps it with the change that regenerated it.
 */
import { Heuristic, HeuristicResult } from '../src/heuristic';
import { GENERATED_MARKER, isGeneratedPath } from '../src/paths';

const messages = {
  path: 'Generated file by its name ({{file}}): review the source that produced it instead.',
  marker: 'The file says it is generated ("{{marker}}"): review the source that produced it instead.',
  minified: 'Minified content (a line of {{length}} characters): generated, not written by hand.',
};

/** How many first lines of a file a generator marker may stand in. */
const MARKER_LINES = 5;
const MINIFIED_LINE = 1000;

export const generatedFile: Heuristic = {
  meta: {
    id: 'generated-file',
    description: 'Files written by tools: minified bundles, source maps, snapshots, codegen, files marked @generated or DO NOT EDIT.',
    produces: ['generated'],
    languages: 'all',
    messages,
  },
  appliesTo: () => true,
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
    const marked = head.map((line) => GENERATED_MARKER.exec(line)).find((match) => match !== null);
    if (marked) return { kind: 'generated', detail: 'marker', confidence: 0.85, messageId: 'marker', data: { marker: marked[0] } };
    if (/\.(m?js|css)$/.test(change.file)) {
      const longest = Math.max(0, ...change.added.map((line) => line.length));
      if (longest >= MINIFIED_LINE) return { kind: 'generated', detail: 'minified', confidence: 0.8, messageId: 'minified', data: { length: longest } };
    }
    return null;
  },
};
