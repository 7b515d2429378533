/**
 * Which kinds a reviewer can skim and which must be read: the one table shared
 * by `suggest --format markdown` and the review page's summary bar, so both say
 * the same number of lines "need reading". Kinds the tool may add later are read
 * until someone decides otherwise: a wrong "skim" hides a behaviour change.
 */
import { Report } from '../model';

export type ReviewCategory = 'read' | 'skim' | 'generated';

/** The no-op kinds (nothing a reader must check line by line) and the tool-written ones; every other kind is read. */
const CATEGORY_OF_KIND: Readonly<Record<string, ReviewCategory>> = {
  whitespace: 'skim',
  formatting: 'skim',
  comment: 'skim',
  refactor: 'skim',
  move: 'skim',
  generated: 'generated',
};

/** The order kinds are listed in within a category (the commit practice's order); unknown kinds follow, by name. */
const KIND_ORDER = ['api-addition', 'api-change', 'api-removal', 'dependency', 'functional', 'test', 'docs', 'whitespace', 'formatting', 'comment', 'refactor', 'move', 'generated'];

const CATEGORY_ORDER: ReviewCategory[] = ['read', 'skim', 'generated'];

/** skim: whitespace, formatting, comment, refactor, move (no-op kinds); generated: generated; read: everything else, including unknown kinds. */
export function reviewCategoryOf(kind: string): ReviewCategory {
  return Object.prototype.hasOwnProperty.call(CATEGORY_OF_KIND, kind) ? CATEGORY_OF_KIND[kind] : 'read';
}

export interface ReviewSummary {
  /** Changed lines (removed + added) of all changes. */
  totalLines: number;
  /** Changed lines per category. */
  lines: Record<ReviewCategory, number>;
  /** One entry per kind present; stable order: read kinds first, then skim, then generated. */
  byKind: Array<{ kind: string; category: ReviewCategory; changes: number; lines: number }>;
}

/** Counts changes and changed lines (removed + added) per category and per kind. */
export function reviewSummary(report: Report): ReviewSummary {
  const lines: Record<ReviewCategory, number> = { read: 0, skim: 0, generated: 0 };
  const kinds = new Map<string, { changes: number; lines: number }>();
  let totalLines = 0;
  for (const change of report.changes) {
    const kind = change.verdict.kind;
    const changed = change.removed.length + change.added.length;
    totalLines += changed;
    lines[reviewCategoryOf(kind)] += changed;
    const entry = kinds.get(kind) ?? { changes: 0, lines: 0 };
    entry.changes++;
    entry.lines += changed;
    kinds.set(kind, entry);
  }
  const rank = (kind: string) => {
    const known = KIND_ORDER.indexOf(kind);
    return known >= 0 ? known : KIND_ORDER.length;
  };
  const byKind = [...kinds]
    .map(([kind, counts]) => ({ kind, category: reviewCategoryOf(kind), ...counts }))
    .sort((a, b) => CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) || rank(a.kind) - rank(b.kind) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  return { totalLines, lines, byKind };
}
