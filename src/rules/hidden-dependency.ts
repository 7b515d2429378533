/**
 * hidden-dependency: a manifest raises a dependency's minimum version (or the
 * language/toolchain version) and the commit message mentions neither the
 * package nor a dependency change.
 */
import { Rule, lineOf } from '../check/rule';

const RAISED = /Raises the minimum version of (.+?) from (.+?) to (.+?):/;
/** Words that show the message is about a dependency change. */
const SAYS_SO = /\b(dependency|dependencies|deps?|bump(s|ed)?|upgrad(e|es|ed|ing)|requir(e|es|ed|ement|ements)|minimum|min version|raise[sd]?|newer)\b/i;

function mentions(text: string, name: string): boolean {
  const lower = text.toLowerCase();
  const candidates = [name, name.split('/').pop() ?? name, name.replace(/^@/, '')].map((item) => item.toLowerCase()).filter((item) => item.length >= 2);
  return candidates.some((item) => {
    const at = lower.indexOf(item);
    return at >= 0 && !/[\w-]/.test(lower[at - 1] ?? ' ') && !/[\w]/.test(lower[at + item.length] ?? ' ');
  });
}

export const hiddenDependency: Rule = {
  meta: {
    id: 'hidden-dependency',
    description: 'A raised dependency version inside a commit whose message says nothing of it.',
    defaultSeverity: 'error',
    scope: 'diff',
    rationale:
      'Commit practice, "What must not be mixed" 6: "A hidden new requirement. A change that starts using a newer library or tool version (a new minimum dependency) must not be buried in a refactor: reviewers miss it, and reverting it later is not trivial." At the least the message must say so.',
  },
  check(commit) {
    const changes = commit.diff?.report.changes ?? [];
    const findings = [];
    const seen = new Set<string>();
    for (const change of changes) {
      if (change.verdict.kind !== 'dependency' || change.verdict.detail !== 'raised-minimum') continue;
      const match = RAISED.exec(change.verdict.reason);
      const name = match?.[1] ?? 'a dependency';
      if (seen.has(name)) continue;
      seen.add(name);
      if (SAYS_SO.test(commit.rawMessage) || (match !== null && mentions(commit.rawMessage, name))) continue;
      findings.push({
        message: `raises the minimum version of ${name}${match ? ` from ${match[2]} to ${match[3]}` : ''} in ${change.file}, and the message does not say so: name the new requirement (better, raise it in a commit of its own).`,
        file: change.file,
        line: lineOf(change),
      });
    }
    return findings;
  },
};
