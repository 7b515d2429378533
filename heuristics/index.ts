/**
 * The registry: every heuristic, in the order they are tried. The first
 * non-functional verdict decides (a functional one from an earlier heuristic is
 * kept as the reason if nothing else matches); `functional-default` comes last.
 *
 * Order: what a file is made of before how it changed (generated output and
 * lockfiles are never reviewed line by line), then the no-op kinds from the
 * strictest proof (identical tokens) to the weaker ones, then the path-based
 * kinds, so that a whitespace fix in a test file still lands in the whitespace
 * commit. format-markdown comes after format-whitespace-only, which refuses
 * Markdown (whitespace is meaning there) with a tentative functional verdict:
 * the render proves what the token comparison cannot, and a Markdown file
 * under test/ or docs/ is still formatting when it renders the same. The public-API kinds come after moves and renames (a moved function is
 * a move) but before type-only (a changed exported signature is flagged, not
 * hidden); api-surface leaves test and doc files to their own heuristics. test/heuristics/registry.test.ts checks this list against the files.
 */
import { Heuristic } from '../src/heuristic';
import { apiSurface } from './api-surface';
import { commentOnly } from './comment-only';
import { dependencyManifest } from './dependency-manifest';
import { docsFile } from './docs-file';
import { formatMarkdown } from './format-markdown';
import { formatReformat } from './format-reformat';
import { formatWhitespaceOnly } from './format-whitespace-only';
import { functionalDefault } from './functional-default';
import { generatedFile } from './generated-file';
import { moveBlock } from './move-block';
import { refactorExtract } from './refactor-extract';
import { refactorImportOrder } from './refactor-import-order';
import { refactorRename } from './refactor-rename';
import { refactorTypeOnly } from './refactor-type-only';
import { testFile } from './test-file';

export const heuristics: readonly Heuristic[] = [
  generatedFile,
  dependencyManifest,
  formatWhitespaceOnly,
  formatReformat,
  formatMarkdown,
  commentOnly,
  moveBlock,
  refactorRename,
  refactorImportOrder,
  refactorExtract,
  apiSurface,
  refactorTypeOnly,
  testFile,
  docsFile,
  functionalDefault,
];
