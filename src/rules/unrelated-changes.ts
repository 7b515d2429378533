/**
 * unrelated-changes: the suggested series holds two or more functional commits,
 * i.e. the analysis found functional changes that share nothing (no name one
 * defines and another uses, no enclosing function, not nearby in one file).
 * Groups that touch a common file count as one: two groups in one file are too
 * often a single change whose link the analysis missed. Groups made only of
 * configuration files (JSON, YAML, TOML, plain-text dotfiles) are not counted:
 * dropping a Node version touches the CI matrix and tsconfig.json beside the
 * code, and shares no name with it.
 */
import { ClassifiedChange } from '../model';
import { FUNCTIONAL_KINDS, Rule, lineOf, listFiles } from '../check/rule';
import { languageOf } from '../language';

/** Languages of configuration and data files: a group of only these is not counted. */
const CONFIG_LANGUAGES = new Set(['text', 'json', 'yaml', 'toml']);

const FUNCTIONAL_COMMITS = new Set(['functional', 'api-change', 'api-removal']);

export const unrelatedChanges: Rule = {
  meta: {
    id: 'unrelated-changes',
    description: 'Two or more independent groups of functional changes in one commit.',
    defaultSeverity: 'warn',
    scope: 'diff',
    rationale:
      'Commit practice, "What must not be mixed" 3: "Two unrelated functional changes. Each goes in its own commit, or a later revert has to untangle them." And "One logical change per commit": "a broken commit can be reverted without untangling unrelated work; `git bisect` lands on a small, well-defined change".',
  },
  check(commit) {
    const report = commit.diff?.report;
    if (report === undefined) return [];
    const byId = new Map(report.changes.map((change) => [change.id, change]));
    // Functional commits of the suggested series, joined when they touch a common file:
    // two groups in one file are too often one change whose link the analysis missed.
    const members: ClassifiedChange[][] = [];
    for (const step of report.series) {
      if (!FUNCTIONAL_COMMITS.has(step.kind)) continue;
      let group = step.changes.map((id) => byId.get(id)).filter((change): change is ClassifiedChange => change !== undefined && FUNCTIONAL_KINDS.has(change.verdict.kind));
      if (group.length === 0) continue;
      for (let k = members.length - 1; k >= 0; k--) {
        const files = new Set(members[k].map((change) => change.file));
        if (group.some((change) => files.has(change.file))) {
          group = [...members[k], ...group];
          members.splice(k, 1);
        }
      }
      members.push(group);
    }
    // Configuration alone (CI, tsconfig, dotfiles) usually changes because the code beside it does.
    const groups = members.filter((group) => group.some((change) => !CONFIG_LANGUAGES.has(languageOf(change.file).id)));
    if (groups.length < 2) return [];
    const described = members.map((group, k) => `(${k + 1}) ${listFiles(group.map((change) => change.file), 1)}`).join(', ');
    const first = members[1][0];
    return [
      {
        message: `${groups.length} independent groups of functional changes: ${described}; each should be a commit of its own.`,
        file: first?.file,
        line: first === undefined ? undefined : lineOf(first),
      },
    ];
  },
};
