/**
 * Renders a series as a `git rebase -i` todo list: the original commit replaced
 * by one `exec` line per new commit, each commented with its kind, title and
 * changes. The exec lines run `step.sh`, written next to the patches and
 * messages, which builds the commit with plumbing (a temporary index,
 * `git apply --cached`, `write-tree`, a commit object with the original author
 * line) and moves HEAD there with `git reset --keep`. A last `verify` line stops
 * the rebase if the series did not end on the original commit's tree.
 */
import { SeriesDocument, messageBytes } from '../plan';
import { commentLines, commentText, shellWord } from './shell';

export interface TodoOptions {
  /** Absolute directory the step files are written to (no control characters). */
  directory: string;
  /** The later commits of the branch to pick after the series, or null when they cannot be listed. */
  picks: Array<{ sha: string; subject: string }> | null;
  /** Why the later commits are not listed, when `picks` is null. */
  picksNote?: string;
}

export interface TodoOutput {
  /** The todo list (also written as `git-rebase-todo`). */
  todo: string;
  /** Files to write into the directory: name → bytes. */
  files: Array<{ name: string; data: Buffer }>;
}

/** The four-digit name of step `position` (0-based): 0001, 0002, ... */
export function stepName(position: number): string {
  return String(position + 1).padStart(4, '0');
}

function stepScript(doc: SeriesDocument, directory: string): Buffer {
  const short = doc.original.sha.slice(0, 12);
  const head = [
    '#!/bin/sh',
    ...commentLines(`${doc.tool}: builds one commit of the series that splits ${short} "${doc.original.subject}".`),
    '# The exec lines of the todo next to this file run it. `sh step.sh NNNN` builds',
    '# commit NNNN from NNNN.patch and NNNN.msg on top of HEAD with a temporary index',
    "# (git apply --cached, write-tree), the original commit's author line and git's",
    '# configured committer, then moves HEAD there (git reset --keep). `sh step.sh verify`',
    `# fails when the series, started on ${short}'s parent, did not end on ${short}'s tree.`,
    'set -eu',
    `dir=${shellWord(directory)}`,
  ].join('\n');
  const author = Buffer.from(`author=${shellWord(doc.original.authorLine.toString('latin1'))}\n`, 'latin1');
  const body = [
    `root=${doc.original.parent === null ? 'yes' : 'no'}`,
    `start_tree=${doc.original.baseTree}`,
    `final_tree=${doc.original.tree}`,
    'case $1 in',
    'verify)',
    '  if [ "$(cat "$dir/start-tree")" = "$start_tree" ] && [ "$(git rev-parse "HEAD^{tree}")" != "$final_tree" ]; then',
    `    echo "split-advisor: the series did not end on the tree of ${short} ($final_tree); the rebase stops here" >&2`,
    '    exit 1',
    '  fi',
    '  exit 0 ;;',
    'esac',
    'if [ "$1" = 0001 ]; then git rev-parse "HEAD^{tree}" >"$dir/start-tree"; fi',
    'index=$dir/index.tmp',
    'if [ "$1" = 0001 ] && [ "$root" = yes ]; then',
    '  GIT_INDEX_FILE=$index git read-tree --empty',
    '  parent=',
    'else',
    '  GIT_INDEX_FILE=$index git read-tree HEAD',
    '  parent=$(git rev-parse HEAD)',
    'fi',
    'GIT_INDEX_FILE=$index git apply --cached --binary --whitespace=nowarn -- "$dir/$1.patch"',
    'tree=$(GIT_INDEX_FILE=$index git write-tree)',
    'rm -f "$index"',
    'commit=$(',
    '  {',
    '    printf "tree %s\\n" "$tree"',
    '    if [ -n "$parent" ]; then printf "parent %s\\n" "$parent"; fi',
    '    printf "%s\\ncommitter %s\\n\\n" "$author" "$(git var GIT_COMMITTER_IDENT)"',
    '    cat "$dir/$1.msg"',
    '  } | git hash-object -t commit -w --stdin',
    ')',
    'git reset -q --keep "$commit"',
    '',
  ].join('\n');
  return Buffer.concat([Buffer.from(head + '\n'), author, Buffer.from(body)]);
}

export function renderPlanTodo(doc: SeriesDocument, options: TodoOptions): TodoOutput {
  const short = doc.original.sha.slice(0, 12);
  const parent = doc.original.parent;
  const step = shellWord(`${options.directory}/step.sh`);
  const rebase = parent === null ? 'git rebase -i --root' : `git rebase -i ${parent.slice(0, 12)}`;
  const total = doc.steps.length;
  const lines = [
    ...commentLines(`${doc.tool}: ${short} "${doc.original.subject}" as ${total} commit${total === 1 ? '' : 's'}.`),
    '#',
    `# In the todo of \`${rebase}\`, replace the line "pick ${doc.original.sha.slice(0, 7)} ..." with`,
    '# the lines below, from the first exec line to the "verify" one; or give git this whole list:',
    `#   GIT_SEQUENCE_EDITOR=${commentText(shellWord(`cp ${shellWord(`${options.directory}/git-rebase-todo`)}`))} ${rebase}`,
    '# Each exec line builds one commit from the patch and message in',
    `#   ${commentText(options.directory)}`,
    `# and "verify" stops the rebase if the series does not end on ${short}'s tree.`,
  ];
  doc.steps.forEach((entry, position) => {
    lines.push('#', ...commentLines(`${position + 1}/${total} [${entry.kind}] ${entry.title}`));
    for (const change of entry.changes) lines.push(...commentLines(`${change.id} ${change.file} ${change.location}  ${change.kind}: ${change.reason}`, '   '));
    lines.push(`exec sh ${step} ${stepName(position)}`);
  });
  lines.push(`exec sh ${step} verify`);
  for (const note of doc.notes) lines.push(...commentLines(`Note: ${note}`));
  if (options.picks !== null) {
    if (options.picks.length > 0) lines.push(`# The commits after ${short}, unchanged:`);
    for (const pick of options.picks) lines.push(`pick ${pick.sha} ${commentText(pick.subject)}`);
  } else if (options.picksNote !== undefined) {
    lines.push(...commentLines(options.picksNote));
  }
  const todo = lines.join('\n') + '\n';
  const files: TodoOutput['files'] = [];
  doc.steps.forEach((entry, position) => {
    files.push({ name: `${stepName(position)}.patch`, data: entry.patch });
    files.push({ name: `${stepName(position)}.msg`, data: messageBytes(entry.message) });
  });
  files.push({ name: 'step.sh', data: stepScript(doc, options.directory) });
  files.push({ name: 'git-rebase-todo', data: Buffer.from(todo) });
  return { todo, files };
}
