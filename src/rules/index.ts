/**
 * The rule registry of `check`, in report order: the diff rules (what must not
 * be mixed), then the message rules (what a message must carry). Each rule is
 * src/rules/<id>.ts; test/rules/registry.test.ts checks this list against the
 * files, the test tables and the README.
 */
import { Rule } from '../check/rule';
import { apiWithUse } from './api-with-use';
import { bodyMissing } from './body-missing';
import { bodyOnlyReference } from './body-only-reference';
import { bodyWhy } from './body-why';
import { hiddenDependency } from './hidden-dependency';
import { messageListsSeveral } from './message-lists-several';
import { mixedRefactor } from './mixed-refactor';
import { mixedWhitespace } from './mixed-whitespace';
import { noopSaysSo } from './noop-says-so';
import { subjectArea } from './subject-area';
import { subjectLength } from './subject-length';
import { subjectMissing } from './subject-missing';
import { tooLarge } from './too-large';
import { trailersLast } from './trailers-last';
import { unrelatedChanges } from './unrelated-changes';

export const rules: readonly Rule[] = [
  mixedWhitespace,
  mixedRefactor,
  apiWithUse,
  unrelatedChanges,
  hiddenDependency,
  tooLarge,
  subjectMissing,
  subjectLength,
  subjectArea,
  bodyMissing,
  bodyOnlyReference,
  bodyWhy,
  trailersLast,
  messageListsSeveral,
  noopSaysSo,
];

export function findRule(id: string): Rule | undefined {
  return rules.find((rule) => rule.meta.id === id);
}
