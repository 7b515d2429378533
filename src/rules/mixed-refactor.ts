/**
 * mixed-refactor: a no-op refactor (rename, extract, import reorder) or a moved
 * block in a commit that also changes behaviour. Type-only edits are left out: a
 * new interface field or annotation usually serves the functional change next to it.
 * So is a block moved to another file that the suggested series cannot take
 * apart from the functional changes of its commit: a module move brings the
 * imports of its callers and the declarations it needs, which read as
 * functional, and no step of its own would build without them.
 */
import { FUNCTIONAL_KINDS, Rule, lineOf, listFiles, plural } from '../check/rule';

export const mixedRefactor: Rule = {
  meta: {
    id: 'mixed-refactor',
    description: 'A no-op refactor or move beside functional changes.',
    defaultSeverity: 'error',
    scope: 'diff',
    rationale:
      'Commit practice, "What must not be mixed" 2: "Refactoring with functional changes. A no-op refactor (rename, move, extract, reorder) is done in its own commit, so reviewers and tests can confirm it changes no behaviour." Mixed in, a rename or a move multiplies the lines a reviewer must read to find the one that changes behaviour.',
  },
  check(commit) {
    const report = commit.diff?.report;
    if (report === undefined) return [];
    const changes = report.changes;
    const functional = changes.filter((change) => FUNCTIONAL_KINDS.has(change.verdict.kind));
    if (functional.length === 0) return [];
    // Type-only edits (an interface field, an annotation) usually serve the feature beside them: not counted.
    const seriesCommit = new Map(report.series.flatMap((step) => step.changes.map((id) => [id, step] as const)));
    const changeById = new Map(changes.map((change) => [change.id, change]));
    const movedWithItsWiring = (change: (typeof changes)[number]) =>
      change.verdict.kind === 'move' && change.verdict.detail === 'cross-file' && (seriesCommit.get(change.id)?.changes ?? []).some((id) => FUNCTIONAL_KINDS.has(changeById.get(id)?.verdict.kind ?? ''));
    const refactors = changes.filter((change) => ((change.verdict.kind === 'refactor' && change.verdict.detail !== 'type-only') || change.verdict.kind === 'move') && !movedWithItsWiring(change));
    if (refactors.length === 0) return [];
    const what = [...new Set(refactors.map((change) => (change.verdict.kind === 'move' ? 'move' : (change.verdict.detail ?? 'refactor'))))];
    const rename = refactors.map((change) => /Renames (.+?) consistently/.exec(change.verdict.reason)?.[1]).find((text) => text !== undefined);
    const described = what.map((item) => (item === 'rename' && rename !== undefined ? `rename ${rename}` : item)).join(', ');
    return [
      {
        message: `${plural(refactors.length, 'no-op change')} (${described}; in ${listFiles(refactors.map((change) => change.file))}) beside ${plural(functional.length, 'functional change')}: do the refactor in a commit of its own, before the change.`,
        file: refactors[0].file,
        line: lineOf(refactors[0]),
      },
    ];
  },
};
