/** `tree-sitter` inside the tests: the worker's one copy (see environment.js), or a failure like a missing install. */
'use strict';
if (globalThis.__sharedNativeTreeSitter === undefined) throw new Error('native tree-sitter is not installed for this platform');
module.exports = globalThis.__sharedNativeTreeSitter;
