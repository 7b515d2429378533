/**
 * Groups classified changes into the suggested series and writes each commit's
 * message. This first version follows the commit practice's canonical order in
 * its simplest form: whitespace in a commit of its own, first; everything else
 * after it. Subjects name the area; the original message goes with the commit it
 * describes; trailers go on every commit, except Change-Id, which stays on one.
 */
import { areaOf } from './area';
import { formatCommitMessage } from './message';
import { ClassifiedChange, CommitMessage, DiffFile, SeriesCommit } from './model';

export interface SeriesResult {
  series: SeriesCommit[];
  notes: string[];
}

const MAX_SUBJECT = 72;

/** Names of the functions or classes git printed as hunk context, for subjects. */
function symbolsOf(changes: ClassifiedChange[], files: DiffFile[]): string[] {
  const names: string[] = [];
  for (const change of changes) {
    if (change.hunkIndex < 0) continue;
    const section = files[change.fileIndex].hunks[change.hunkIndex].section;
    const match =
      /\b(?:def|func|function|class|fn|sub|struct|interface|enum|module|type)\s+(?:\([^)]*\)\s*)?([A-Za-z_$][\w$]*)/.exec(section) ??
      /([A-Za-z_$][\w$]*)\s*\([^()]*$/.exec(section) ??
      /([A-Za-z_$][\w$]*)\s*\(/.exec(section);
    if (match && !names.includes(match[1])) names.push(match[1]);
  }
  return names;
}

function fitSubject(prefix: string, items: string[], fallback: string): string {
  let subject = fallback;
  for (let count = items.length; count > 0; count--) {
    const more = count < items.length ? ' and more' : '';
    const candidate = `${prefix}${items.slice(0, count).join(', ')}${more}`;
    if (candidate.length <= MAX_SUBJECT) {
      subject = candidate;
      break;
    }
  }
  return subject.length <= MAX_SUBJECT ? subject : subject.slice(0, MAX_SUBJECT - 3) + '...';
}

function whitespaceTitle(area: string, changes: ClassifiedChange[]): string {
  const details = new Set(changes.map((change) => change.verdict.detail ?? 'whitespace'));
  const only = details.size === 1 ? [...details][0] : null;
  const what =
    only === 'indentation'
      ? 're-indent'
      : only === 'trailing-whitespace'
        ? 'remove trailing whitespace'
        : only === 'blank-lines'
          ? 'tidy blank lines'
          : only === 'line-endings'
            ? 'normalise line endings'
            : 'whitespace clean-up';
  return fitSubject(`${area}: `, [what], `${area}: ${what}`);
}

function describeFiles(changes: ClassifiedChange[]): string {
  const byFile = new Map<string, Set<string>>();
  for (const change of changes) {
    const details = byFile.get(change.file) ?? new Set<string>();
    details.add((change.verdict.detail ?? change.verdict.kind).replace(/-/g, ' '));
    byFile.set(change.file, details);
  }
  return [...byFile].map(([file, details]) => `- ${file}: ${[...details].join(', ')}`).join('\n');
}

/** Builds the series for classified changes and the original commit message, if any. */
export function buildSeries(changes: ClassifiedChange[], files: DiffFile[], original: CommitMessage | null): SeriesResult {
  const notes: string[] = [];
  const whitespace = changes.filter((change) => change.verdict.kind === 'whitespace');
  const rest = changes.filter((change) => change.verdict.kind !== 'whitespace');
  const trailers = original?.trailers ?? [];
  const changeIdTrailers = trailers.filter((trailer) => trailer.key.toLowerCase() === 'change-id');
  const sharedTrailers = trailers.filter((trailer) => trailer.key.toLowerCase() !== 'change-id');
  const groups: Array<{ kind: 'whitespace' | 'rest'; changes: ClassifiedChange[] }> = [];
  if (whitespace.length > 0) groups.push({ kind: 'whitespace', changes: whitespace });
  if (rest.length > 0) groups.push({ kind: 'rest', changes: rest });
  // Change-Id must be unique per commit (Gerrit rejects duplicates): keep it on the
  // commit that carries the original message, or the only commit there is.
  const changeIdHolder = groups.length - 1;
  if (changeIdTrailers.length > 0 && groups.length > 1) {
    notes.push(`Change-Id kept on commit ${changeIdHolder + 1} only: Gerrit rejects the same Change-Id on two commits.`);
  }

  const series = groups.map((group, index): SeriesCommit => {
    const area = areaOf(group.changes.map((change) => change.file));
    const groupTrailers = [...sharedTrailers, ...(index === changeIdHolder ? changeIdTrailers : [])];
    let message: CommitMessage;
    if (group.kind === 'whitespace') {
      message = {
        subject: whitespaceTitle(area, group.changes),
        body: `Whitespace only; no functional change: the token streams are identical.\n\n${describeFiles(group.changes)}`,
        trailers: groupTrailers,
      };
    } else if (original !== null && original.subject !== '') {
      message = { subject: original.subject, body: original.body, trailers: groupTrailers };
    } else {
      const symbols = symbolsOf(group.changes, files);
      const fileNames = [...new Set(group.changes.map((change) => change.file))];
      const subject =
        symbols.length > 0
          ? fitSubject(`${area}: change `, symbols, `${area}: change ${fileNames.length} file(s)`)
          : fitSubject(`${area}: change `, fileNames, `${area}: change ${fileNames.length} files`);
      message = {
        subject,
        body: `Functional change; describe the problem it solves and why.\n\n${describeFiles(group.changes)}`,
        trailers: groupTrailers,
      };
    }
    const kinds = new Map<string, number>();
    for (const change of group.changes) kinds.set(change.verdict.kind, (kinds.get(change.verdict.kind) ?? 0) + 1);
    const dominant = [...kinds].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0] as SeriesCommit['kind'];
    return {
      index: index + 1,
      kind: dominant,
      title: message.subject,
      message: formatCommitMessage(message),
      changes: group.changes.map((change) => change.id),
      dependsOn: [],
    };
  });

  // A later commit that touches a file an earlier one touched needs it: its patch
  // context comes from the earlier commit's result.
  for (let later = 1; later < series.length; later++) {
    const laterFiles = new Set(groups[later].changes.map((change) => change.fileIndex));
    for (let earlier = 0; earlier < later; earlier++) {
      if (groups[earlier].changes.some((change) => laterFiles.has(change.fileIndex))) series[later].dependsOn.push(earlier + 1);
    }
  }
  return { series, notes };
}
