/**
 * The registry: every heuristic by id, in the order they are tried. The first one
 * that returns a verdict decides; `functional-default` always comes last.
 * test/heuristics/registry.test.ts checks that this list matches the files here.
 */
import { Heuristic } from '../src/heuristic';
import { formatWhitespaceOnly } from './format-whitespace-only';
import { functionalDefault } from './functional-default';

export const heuristics: readonly Heuristic[] = [formatWhitespaceOnly, functionalDefault];
