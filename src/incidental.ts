/**
 * Whitespace that belongs to an edit: re-indentation or blank lines touching a
 * functional or test change of the same hunk (the body of a block the edit
 * wrapped, the blank line before a new function or test). Splitting it out would
 * leave a step with code indented for a block that does not exist yet. The gate
 * does not count it as mixing, and the series keeps it with its edit.
 */
import { ClassifiedChange } from './model';

/** Lines strictly between two changes of one hunk on the new side (old side when a side is missing). */
export function linesBetween(a: ClassifiedChange, b: ClassifiedChange): number {
  const first = a.new ?? a.old;
  const second = b.new ?? b.old;
  if (first === null || second === null) return Infinity;
  const endFirst = first.start + Math.max(first.lines, 1) - 1;
  const endSecond = second.start + Math.max(second.lines, 1) - 1;
  if (endFirst < second.start) return second.start - endFirst - 1;
  if (endSecond < first.start) return first.start - endSecond - 1;
  return 0;
}

/** Kinds of the edits that own the whitespace around them: what a program or its tests do. */
export const EDIT_KINDS: ReadonlySet<string> = new Set(['functional', 'api-addition', 'api-change', 'api-removal', 'test']);

/** The edit (one of `edits`, of an EDIT_KINDS kind) this whitespace change goes with, if any. */
export function incidentalTo(change: ClassifiedChange, edits: ClassifiedChange[]): ClassifiedChange | undefined {
  const detail = change.verdict.detail;
  if (change.verdict.kind !== 'whitespace' || (detail !== 'indentation' && detail !== 'blank-lines')) return undefined;
  return edits.find(
    (other) => EDIT_KINDS.has(other.verdict.kind) && other.fileIndex === change.fileIndex && other.hunkIndex === change.hunkIndex && linesBetween(change, other) <= 1,
  );
}

/** Whitespace that goes with an edit: indentation or blank lines touching a functional or test change of the same hunk. */
export function isIncidental(change: ClassifiedChange, edits: ClassifiedChange[]): boolean {
  return incidentalTo(change, edits) !== undefined;
}
