/**
 * message-lists-several: the message describes several things ("Also, ...",
 * "While at it", a list whose items do different things or name different
 * areas), a hint that the commit should be split. With the diff known, only when
 * the analysis also finds more than one step.
 */
import { Rule } from '../check/rule';
import { humanBodyLines } from '../check/message-text';

/**
 * The word must start a sentence, a paragraph or a clause after `;`, and stand
 * alone: `unrelated-changes` (a rule's name) or `` `also` `` quoted is a name,
 * not a second topic, and a line of a wrapped paragraph that happens to start
 * with "also" goes on with the sentence before.
 */
const ALSO = /(^|[.!?]\s+|\n\s*\n|;\s*)(also|additionally|in addition|while (?:at it|here|i was at it|there)|unrelated(?:ly)?|separately|on top of that|as a drive-by|drive-by)(?![\w-])/i;
const SUBJECT_SEVERAL = /;\s|\band also\b|,\s*also\b|\s\+\s|\s&\s/i;
const BULLET = /^\s*(?:[-*+•]|\d+[.)])\s+(.*)$/;
const VERBS = new Set(['add', 'adds', 'added', 'fix', 'fixes', 'fixed', 'remove', 'removes', 'removed', 'drop', 'drops', 'update', 'updates', 'updated', 'change', 'changes', 'rename', 'renames', 'move', 'moves', 'refactor', 'refactors', 'improve', 'improves', 'bump', 'bumps', 'clean', 'cleans', 'use', 'uses', 'support', 'supports', 'make', 'makes', 'allow', 'allows', 'implement', 'implements', 'document', 'documents', 'reformat']);
const stemVerb = (verb: string) => verb.replace(/(es|ed|s)$/, '');

export const messageListsSeveral: Rule = {
  meta: {
    id: 'message-lists-several',
    description: 'The message lists several unrelated things: a hint to split the commit.',
    defaultSeverity: 'warn',
    scope: 'message',
    rationale:
      'Commit practice, "What a commit message must carry" 6: "Hints of a split. A message that describes several unrelated things (\'also ...\', a bullet list of different areas) usually means the commit should be split."',
  },
  check(commit) {
    if (commit.diff !== null && commit.diff.report.series.length < 2) return [];
    const subject = commit.message.subject;
    const body = humanBodyLines(commit.message.body).join('\n');
    const also = ALSO.exec(body) ?? ALSO.exec(subject);
    let hint: string | null = null;
    if (also !== null) hint = `it says "${also[2]}"`;
    else if (SUBJECT_SEVERAL.test(subject)) hint = 'the subject joins two things';
    else {
      const items = humanBodyLines(commit.message.body).map((line) => BULLET.exec(line)?.[1]).filter((item): item is string => item !== undefined);
      const areas = new Set(items.map((item) => /^([\w./-]+):\s/.exec(item)?.[1]).filter((area): area is string => area !== undefined));
      const verbs = new Set(items.map((item) => item.split(/\s+/)[0].toLowerCase()).filter((verb) => VERBS.has(verb)).map(stemVerb));
      if (areas.size >= 2) hint = `its list names ${areas.size} areas (${[...areas].slice(0, 3).join(', ')})`;
      else if (verbs.size >= 3) hint = `its list does ${verbs.size} different things (${[...verbs].slice(0, 3).join(', ')})`;
    }
    if (hint === null) return [];
    const steps = commit.diff === null ? '' : ` and the analysis finds ${commit.diff.report.series.length} separable steps`;
    return [{ message: `the message describes several things (${hint})${steps}: consider one commit per thing.` }];
  },
};
