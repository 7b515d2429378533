/**
 * The series controls shared by `suggest`, `plan` and `apply`: --max-commits,
 * --granularity and --together, read and checked in one place.
 */
import { InputError } from './errors';
import { Granularity } from './series';

export interface SeriesArgumentsLike {
  'max-commits'?: number;
  granularity?: string;
  together?: string[];
}

export function seriesOptionsOf(args: SeriesArgumentsLike): { maxCommits: number | undefined; granularity: Granularity; together: string[][] } {
  const maxCommits = args['max-commits'];
  if (maxCommits !== undefined && (!Number.isInteger(maxCommits) || maxCommits < 1)) throw new InputError('--max-commits takes a whole number of at least 1');
  const granularity = (args.granularity ?? 'normal') as Granularity;
  const together = (args.together ?? []).map((set) => set.split(',').map((item) => item.trim()).filter((item) => item !== ''));
  return { maxCommits, granularity, together };
}
