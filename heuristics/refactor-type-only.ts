/**
 * refactor-type-only: a TypeScript change to type annotations, interfaces, type
 * aliases or type imports that leaves the emitted JavaScript identical. Said
 * plainly in the reason: it changes what the type checker accepts, not what runs.
 *
 * The proof is the compiler's own: the old file and the old file with only this
 * change applied transpile to the same JavaScript. Files with decorators are left
 * alone, since `emitDecoratorMetadata` turns type annotations into runtime values.
 * So are changes to directive comments (`// @ts-ignore`, `// eslint-disable`,
 * `#__PURE__` annotations): the emitted code may be the same, but they switch
 * checks off or change what a bundler keeps, which is not a refactor.
 */
import { applyChanges } from '../src/prefix-check';
import { Heuristic, HeuristicResult } from '../src/heuristic';
import { DIRECTIVE } from './comment-only';

const messages = {
  typeOnly: 'Type-only: the emitted JavaScript is identical, so nothing changes at run time; it changes what the type checker accepts.',
};

const TYPESCRIPT_FILE = /\.(ts|tsx|mts|cts)$/;
const DECORATOR = /^\s*@[A-Za-z_$]/m;

export const refactorTypeOnly: Heuristic = {
  meta: {
    id: 'refactor-type-only',
    description: 'TypeScript type annotations or declarations changed with identical emitted JavaScript.',
    produces: ['refactor'],
    languages: ['typescript'],
    messages,
  },
  appliesTo: (file) => TYPESCRIPT_FILE.test((file.newPath ?? file.oldPath)?.text ?? '') && !/\.d\.[cm]?ts$/.test((file.newPath ?? file.oldPath)?.text ?? ''),
  classify(change, context): HeuristicResult | null {
    if (change.removed.length === 0 && change.added.length === 0) return null;
    const oldText = context.commit.text(change.fileIndex, 'old');
    if (oldText === null || DECORATOR.test(oldText) || change.added.some((line) => DECORATOR.test(line))) return null;
    const directives = (side: 'old' | 'new') =>
      context
        .lexSide(side)
        .lines.flatMap((line) => line.tokens)
        .filter((token) => token.type === 'comment' && DIRECTIVE.test(token.text.trim()))
        .map((token) => token.text.trim())
        .join('\n');
    if (directives('old') !== directives('new')) return null;
    const patched = applyChanges(oldText, [change]);
    if (patched === null) return null;
    // Loaded only here: a commit without TypeScript files never pays for the compiler.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { typeOnlyEqual } = require('../src/syntax/typescript') as typeof import('../src/syntax/typescript');
    if (!typeOnlyEqual(oldText, patched, change.file)) return null;
    return { kind: 'refactor', detail: 'type-only', confidence: 0.85, messageId: 'typeOnly' };
  },
};
