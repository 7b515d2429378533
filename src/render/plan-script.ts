/**
 * Renders a series as a self-contained POSIX sh script that creates it on a new
 * branch: the patches and messages are embedded (quoted here-documents, or
 * printf octal escapes for bytes a here-document cannot carry), each commit is
 * built with a temporary index (`git apply --cached`, `write-tree`) and written
 * as a commit object with the original author line, and the branch is created
 * with `update-ref` only once the last tree is checked against the original.
 * The working tree, the index and every other ref are left alone.
 */
import { SeriesDocument, messageBytes } from '../plan';
import { isUtf8 } from 'node:buffer';
import { commentLines, embedBytes, octalFormat, shellWord } from './shell';

export interface ScriptOptions {
  /** The branch the script creates unless given one as its first argument. */
  branch: string;
}

export function renderPlanScript(doc: SeriesDocument, options: ScriptOptions): string {
  const short = doc.original.sha.slice(0, 12);
  const parent = doc.original.parent;
  const total = doc.steps.length;
  const parts: string[] = [];
  const text = (lines: string[]) => parts.push(lines.join('\n') + '\n');
  text([
    '#!/bin/sh',
    ...commentLines(`${doc.tool}: splits ${short} "${doc.original.subject}" into ${total} commit${total === 1 ? '' : 's'}.`),
    '#',
    '# Run it anywhere in the repository: sh THIS-SCRIPT [BRANCH]',
    `# It creates BRANCH (default ${options.branch}) with the series on top of ${parent === null ? 'nothing (a new root, as the original)' : parent.slice(0, 12)},`,
    `# and only if the last commit's tree is ${short}'s tree. It touches neither your working`,
    '# tree, nor your index, nor any other branch: the commits are built with a temporary',
    '# index and written with git plumbing.',
    '#',
  ]);
  doc.steps.forEach((entry, position) => {
    text(commentLines(`${position + 1}. [${entry.kind}] ${entry.title}`));
    for (const change of entry.changes) text(commentLines(`${change.id} ${change.file} ${change.location}  ${change.kind}: ${change.reason}`, '   '));
  });
  for (const note of doc.notes) text(commentLines(`Note: ${note}`));
  text([
    'set -eu',
    `branch=\${1:-${shellWord(options.branch)}}`,
    `final_tree=${doc.original.tree}`,
    'if ! git check-ref-format --branch "$branch" >/dev/null 2>&1; then',
    '  echo "split-advisor: not a valid branch name: $branch" >&2',
    '  exit 2',
    'fi',
    'if git rev-parse --verify --quiet "refs/heads/$branch" >/dev/null; then',
    '  echo "split-advisor: branch $branch already exists; give another name as the first argument" >&2',
    '  exit 2',
    'fi',
    'work=${TMPDIR:-/tmp}/split-advisor.$$',
    'mkdir -m 700 "$work"',
    "trap 'rm -rf \"$work\"' EXIT",
    "trap 'exit 1' HUP INT TERM",
    'GIT_INDEX_FILE=$work/index',
    'export GIT_INDEX_FILE',
    parent === null ? 'git read-tree --empty' : `git read-tree ${parent}`,
    `parent=${parent ?? ''}`,
    'committer=$(git var GIT_COMMITTER_IDENT)',
  ]);
  // An author line that is not UTF-8 (an old latin1 name) is spelled in octal, so the script stays UTF-8.
  const author = doc.original.authorLine;
  text([isUtf8(author) ? `author=${shellWord(author.toString('utf8'))}` : `author=$(printf '${octalFormat(author)}')`]);
  text([
    '# commit PATCH MESSAGE: applies PATCH to the temporary index and commits it on $parent.',
    'commit() {',
    '  git apply --cached --binary --whitespace=nowarn -- "$1"',
    '  tree=$(git write-tree)',
    '  parent=$(',
    '    {',
    '      printf "tree %s\\n" "$tree"',
    '      if [ -n "$parent" ]; then printf "parent %s\\n" "$parent"; fi',
    '      printf "%s\\ncommitter %s\\n\\n" "$author" "$committer"',
    '      cat "$2"',
    '    } | git hash-object -t commit -w --stdin',
    '  )',
    '}',
  ]);
  doc.steps.forEach((entry, position) => {
    text(['', ...commentLines(`${position + 1}/${total} ${entry.title}`)]);
    parts.push(embedBytes(`"$work/${position + 1}.patch"`, entry.patch));
    parts.push(embedBytes(`"$work/${position + 1}.msg"`, messageBytes(entry.message)));
    text([`commit "$work/${position + 1}.patch" "$work/${position + 1}.msg"`]);
  });
  text([
    '',
    'if [ "$(git rev-parse "$parent^{tree}")" != "$final_tree" ]; then',
    `  echo "split-advisor: the series does not end on the tree of ${short}; no branch was created" >&2`,
    '  exit 1',
    'fi',
    `git update-ref -m "split-advisor: split ${short}" "refs/heads/$branch" "$parent" ""`,
    `echo "Created branch $branch: ${total} commit${total === 1 ? '' : 's'} ending on the tree of ${short}."`,
  ]);
  return parts.join('');
}
