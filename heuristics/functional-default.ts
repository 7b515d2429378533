/**
 * functional-default: the catch-all that runs last. Anything no other heuristic
 * recognised is a functional change: when unsure, the advisor says "read this"
 * (commit practice: a wrong no-op label is worse than no label).
 */
import { Heuristic, HeuristicResult } from '../src/heuristic';
import { Change, DiffFile } from '../src/model';

const messages = {
  binary: 'Binary content changed; it cannot be inspected, so it is treated as a real change.',
  modeChange: 'File mode changed from {{oldMode}} to {{newMode}}{{what}}.',
  symlink: 'Symbolic link target changed.',
  submodule: 'Submodule pointer moved to another commit.',
  pureRename: 'File {{verb}} from {{oldPath}} without content changes.',
  emptyFile: 'Empty file {{verb}}.',
  addedLines: 'Adds {{added}} line(s) that no heuristic recognises as a no-op.',
  removedLines: 'Removes {{removed}} line(s) that no heuristic recognises as a no-op.',
  changedLines: 'Replaces {{removed}} line(s) with {{added}}; the tokens differ.',
};

function describeModes(file: DiffFile): HeuristicResult {
  const oldMode = file.oldMode ?? '?';
  const newMode = file.newMode ?? '?';
  const what =
    newMode === '100755' && oldMode === '100644'
      ? ' (now executable)'
      : oldMode === '100755' && newMode === '100644'
        ? ' (no longer executable)'
        : newMode === '120000'
          ? ' (now a symbolic link)'
          : oldMode === '120000'
            ? ' (no longer a symbolic link)'
            : '';
  return { kind: 'functional', confidence: 0.9, messageId: 'modeChange', data: { oldMode, newMode, what } };
}

export const functionalDefault: Heuristic = {
  meta: {
    id: 'functional-default',
    description: 'Everything no other heuristic recognised: a functional change until proven otherwise.',
    produces: ['functional'],
    languages: 'all',
    messages,
  },
  appliesTo: () => true,
  classify(change: Change, context): HeuristicResult {
    const { file } = context;
    const mode = file.newMode ?? file.oldMode;
    if (change.removed.length === 0 && change.added.length === 0) {
      if (file.binary) return { kind: 'functional', confidence: 0.9, messageId: 'binary' };
      if (file.status === 'mode') return describeModes(file);
      if (file.status === 'renamed' || file.status === 'copied') {
        return { kind: 'functional', confidence: 0.6, messageId: 'pureRename', data: { verb: file.status, oldPath: change.oldFile ?? '' } };
      }
      return { kind: 'functional', confidence: 0.6, messageId: 'emptyFile', data: { verb: file.status } };
    }
    if (mode === '160000') return { kind: 'functional', confidence: 0.9, messageId: 'submodule' };
    if (mode === '120000') return { kind: 'functional', confidence: 0.9, messageId: 'symlink' };
    const data = { added: change.added.length, removed: change.removed.length };
    if (change.removed.length === 0) return { kind: 'functional', confidence: 0.7, messageId: 'addedLines', data };
    if (change.added.length === 0) return { kind: 'functional', confidence: 0.7, messageId: 'removedLines', data };
    return { kind: 'functional', confidence: 0.7, messageId: 'changedLines', data };
  },
};
