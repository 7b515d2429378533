/**
 * Lets plain `node` run the TypeScript test helpers without a build step or ts-node:
 * `node -r ./test/helpers/register-ts.js test/helpers/write-fixtures.ts`.
 * Each .ts file is transpiled on load (no type check; `npm run typecheck` does that).
 */
const fs = require('node:fs');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  module._compile(outputText, filename);
};
