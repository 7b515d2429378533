/**
 * "Every step builds", at the level the advisor can check by itself: after a
 * prefix of the suggested series, every file it can parse must still parse. The
 * check applies a subset of a file's changes to its old text and asks the real
 * parser; a file that already failed to parse before or after the commit is not
 * held against any step.
 */
import { Commit } from './classify';
import { Change } from './model';

/** Applies the given changes of one file to its old text (they never overlap on the old side). */
export function applyChanges(oldText: string, changes: Change[]): string | null {
  const lines = oldText.split('\n');
  const ordered = [...changes].sort((a, b) => (b.old?.start ?? 0) - (a.old?.start ?? 0));
  for (const change of ordered) {
    if (change.old === null) return null;
    const start = change.old.lines === 0 ? change.old.start : change.old.start - 1;
    if (lines.slice(start, start + change.removed.length).some((line, k) => line !== change.removed[k])) return null;
    lines.splice(start, change.removed.length, ...change.added);
  }
  return lines.join('\n');
}

/** Returns a function naming the files that would not parse with only the given changes applied. */
export function brokenFilesChecker(view: Commit): (changeIds: Set<string>) => string[] {
  const cache = new Map<string, boolean>();
  const byFile = new Map<number, Change[]>();
  for (const change of view.changes) byFile.set(change.fileIndex, [...(byFile.get(change.fileIndex) ?? []), change]);
  return (changeIds) => {
    const broken: string[] = [];
    for (const [fileIndex, changes] of byFile) {
      const applied = changes.filter((change) => changeIds.has(change.id));
      if (applied.length === 0 || applied.length === changes.length) continue;
      const key = `${fileIndex}:${applied.map((change) => change.id).join(',')}`;
      let isBroken = cache.get(key);
      if (isBroken === undefined) {
        isBroken = false;
        const oldText = view.text(fileIndex, 'old');
        const before = view.syntax(fileIndex, 'old');
        const after = view.syntax(fileIndex, 'new');
        if (oldText !== null && before !== null && after !== null && !before.hasErrors && !after.hasErrors) {
          const text = applyChanges(oldText, applied);
          const parsed = text === null ? null : view.parseText(fileIndex, text);
          isBroken = parsed !== null && parsed.hasErrors;
        }
        cache.set(key, isBroken);
      }
      if (isBroken) broken.push(applied[0].file);
    }
    return broken;
  };
}
