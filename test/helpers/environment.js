/**
 * Jest's node environment, plus one copy per worker process of the native
 * tree-sitter binding's JavaScript (test/helpers/tree-sitter-shared.js hands it to
 * every test file). Jest gives each test file a module registry of its own, and
 * `tree-sitter`'s index.js patches the native classes' prototypes when it loads:
 * a second copy over the same native instance wraps the first copy's getters and
 * gets trees without nodes. A program loads it once; so do the tests, through this.
 */
'use strict';
const { TestEnvironment } = require('jest-environment-node');

let shared;
try {
  shared = require('tree-sitter');
} catch {
  // No native build on this platform: the loader falls back to WebAssembly.
  shared = undefined;
}

// No V8 code cache for TypeScript in the tests (src/syntax/typescript-compiler.ts):
// compiled in the worker's own context, its objects would not be the test
// context's, and a run must not depend on what an earlier one left in ~/.cache.
// Set on the worker's process, so the CLIs the tests start inherit it; the
// loader's own test passes a directory explicitly.
process.env.SPLIT_ADVISOR_CACHE_DIR = '';

class SharedNativeEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global.__sharedNativeTreeSitter = shared;
  }
}

module.exports = SharedNativeEnvironment;
