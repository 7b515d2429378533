/**
 * "Every step builds", at the level the advisor can check by itself: after a
 * prefix of the suggested series, every file it can parse must still parse. The
 * check applies a subset of a file's changes to its old text and asks the real
 * parser; a file that already failed to parse before or after the commit is not
 * held against any step.
 */
import { Commit } from './classify';
import { Change } from './model';
import type { TypeErrorCount } from './series';

/** TypeScript and JavaScript files, the ones `--typecheck` counts errors in. */
export const TYPECHECKED_FILE = /\.(?:[cm]?tsx?|[cm]?jsx?)$/i;

/**
 * What `--typecheck` needs from the input edge (src/typecheck.ts): a project of
 * the new commit's tree that counts a file's type errors (syntactic and
 * semantic) with the diff's files laid out as given.
 */
export interface TypecheckProject {
  /** Errors per path of `paths`, with `overlay` (path → text, null for absent) over the new tree. */
  countErrors(overlay: Map<string, string | null>, paths: string[]): Map<string, number>;
}

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
        // Cheapest first: a version that does not parse settles it (many C files
        // do not, for their macros), then the step, then the new version only
        // for a step that does not parse. Each parse is a whole file.
        const before = oldText === null ? null : view.syntax(fileIndex, 'old');
        if (oldText !== null && before !== null && !before.hasErrors && view.parsedSyntax(fileIndex, 'new')?.hasErrors !== true) {
          const text = applyChanges(oldText, applied);
          const parsed = text === null ? null : view.parseText(fileIndex, text);
          if (parsed !== null && parsed.hasErrors) {
            const after = view.syntax(fileIndex, 'new');
            isBroken = after !== null && !after.hasErrors;
          }
        }
        cache.set(key, isBroken);
      }
      if (isBroken) broken.push(applied[0].file);
    }
    return broken;
  };
}

/**
 * Returns a function naming the changed TS/JS files that would have more type
 * errors with only the given changes applied than both before and after the
 * commit (so errors the commit fixes or brings are not held against a step).
 * A file whose step cannot be laid out (no full text) keeps the new version.
 */
export interface TypeErrorsChecker {
  (changeIds: Set<string>): TypeErrorCount[];
  /** One sentence on what was checked, for the report's notes. */
  summary(): string;
}

export function typeErrorsChecker(view: Commit, project: TypecheckProject): TypeErrorsChecker {
  const byFile = new Map<number, Change[]>();
  for (const change of view.changes) byFile.set(change.fileIndex, [...(byFile.get(change.fileIndex) ?? []), change]);
  const checked = view.files.map((_file, fileIndex) => fileIndex).filter((fileIndex) => {
    const file = view.files[fileIndex];
    return [file.oldPath, file.newPath].some((name) => name !== null && TYPECHECKED_FILE.test(name.text));
  });

  /** Every touched path as it is once the applied changes are (see layoutStep in plan.ts), and where each checked file is. */
  function layout(applied: Set<string>): { overlay: Map<string, string | null>; at: Map<number, string> } {
    const removals = new Map<string, string | null>();
    const present = new Map<string, string | null>();
    const at = new Map<number, string>();
    view.files.forEach((file, fileIndex) => {
      const changes = byFile.get(fileIndex) ?? [];
      const done = changes.filter((change) => applied.has(change.id));
      const oldPath = file.oldPath?.text ?? null;
      const newPath = file.newPath?.text ?? null;
      let path: string | null;
      let text: string | null;
      if (done.length === 0) {
        // The new tree is the base: a path the file only gets later is not there yet.
        if (newPath !== null && newPath !== oldPath) removals.set(newPath, null);
        path = oldPath;
        text = view.text(fileIndex, 'old');
      } else {
        if (oldPath !== null && file.status !== 'copied' && oldPath !== newPath) removals.set(oldPath, null);
        path = newPath ?? oldPath;
        if (done.length === changes.length) {
          path = newPath;
          text = view.text(fileIndex, 'new');
        } else {
          const oldText = view.text(fileIndex, 'old');
          text = oldText === null ? null : applyChanges(oldText, done);
        }
      }
      if (path === null) return;
      at.set(fileIndex, path);
      // An unknown text (binary, too large, not laid out) stays as the new tree has it.
      if (text !== null) present.set(path, text);
    });
    return { overlay: new Map([...removals, ...present]), at };
  }

  const cache = new Map<string, Map<number, { path: string; errors: number }>>();
  function countsFor(applied: Set<string>): Map<number, { path: string; errors: number }> {
    const key = [...applied].sort().join(',');
    let counts = cache.get(key);
    if (counts === undefined) {
      const { overlay, at } = layout(applied);
      const paths = checked.filter((fileIndex) => at.has(fileIndex) && TYPECHECKED_FILE.test(at.get(fileIndex)!));
      const errors = project.countErrors(overlay, paths.map((fileIndex) => at.get(fileIndex)!));
      counts = new Map(paths.map((fileIndex) => [fileIndex, { path: at.get(fileIndex)!, errors: errors.get(at.get(fileIndex)!) ?? 0 }]));
      cache.set(key, counts);
    }
    return counts;
  }

  let baseline: Map<number, number> | null = null;
  let steps = 0;
  const check = (changeIds: Set<string>): TypeErrorCount[] => {
    steps++;
    if (checked.length === 0) return [];
    if (baseline === null) {
      const before = countsFor(new Set());
      const after = countsFor(new Set(view.changes.map((change) => change.id)));
      baseline = new Map(checked.map((fileIndex) => [fileIndex, Math.max(before.get(fileIndex)?.errors ?? 0, after.get(fileIndex)?.errors ?? 0)]));
    }
    const allowed = baseline;
    const broken: TypeErrorCount[] = [];
    for (const [fileIndex, { path, errors }] of countsFor(changeIds)) {
      const limit = allowed.get(fileIndex) ?? 0;
      if (errors > limit) broken.push({ file: path, newErrors: errors - limit });
    }
    return broken;
  };
  const summary = (): string => {
    if (steps === 0) return '--typecheck: one commit suggested, no step to check.';
    const found = [...cache.values()].some((counts) => counts.size > 0);
    if (!found) return "--typecheck: none of the changed TypeScript/JavaScript files is in the program of tsconfig.json; not checked.";
    return `--typecheck: ${steps} prefix(es) of the series checked with tsconfig.json; each suggested step's changed TypeScript/JavaScript files type-check as well as the original's.`;
  };
  return Object.assign(check, { summary });
}
