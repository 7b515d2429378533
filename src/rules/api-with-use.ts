/**
 * api-with-use: a new public declaration (api-addition) and, in the same commit,
 * code in another file, outside the tests, that starts using it. Tests of the
 * new API belong with it; a helper used only in its own file is not counted.
 * The new names are the public declarations the parsers found in the addition,
 * so without full files (the audit's fast mode) there are none and the rule is quiet.
 */
import { Rule, lineOf, listFiles } from '../check/rule';

const USER_KINDS = new Set(['functional', 'api-change', 'api-removal', 'refactor', 'move']);

export const apiWithUse: Rule = {
  meta: {
    id: 'api-with-use',
    description: 'A new API added in the same commit as the code that starts using it.',
    defaultSeverity: 'warn',
    scope: 'diff',
    rationale:
      'Commit practice, "What must not be mixed" 4: "A new public API (function, class, RPC, option, config class) with the code that uses it. Add the API first, in its own commit, then switch the callers or change the policy in a following one. This makes the API design reviewable on its own."',
  },
  check(commit) {
    const diff = commit.diff;
    if (diff === null) return [];
    const changes = diff.report.changes;
    const additions = changes.filter((change) => change.verdict.kind === 'api-addition');
    if (additions.length === 0) return [];
    const names = new Map<string, (typeof additions)[number]>();
    for (const change of additions) for (const name of diff.apiNames.get(change.id) ?? []) if (!names.has(name)) names.set(name, change);
    if (names.size === 0) return [];
    const used = new Set<string>();
    const declaredIn = new Set(additions.map((change) => change.file));
    const users = changes.filter((change) => {
      if (!USER_KINDS.has(change.verdict.kind) || declaredIn.has(change.file)) return false;
      const uses = diff.symbols.get(change.id)?.uses ?? new Set<string>();
      let hit = false;
      for (const name of uses) {
        if (names.has(name)) {
          used.add(name);
          hit = true;
        }
      }
      return hit;
    });
    if (users.length === 0) return [];
    const first = names.get([...used][0])!;
    const shown = [...used].slice(0, 3).join(', ') + (used.size > 3 ? ` and ${used.size - 3} more` : '');
    return [
      {
        message: `adds ${shown} and starts using ${used.size === 1 ? 'it' : 'them'} in ${listFiles(users.map((change) => change.file))}: add the API in a commit of its own, then switch the callers.`,
        file: first.file,
        line: lineOf(first),
      },
    ];
  },
};
