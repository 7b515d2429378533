#!/usr/bin/env node
/**
 * Measures the TS/JS SyntaxService (src/syntax/typescript.ts) on the built files:
 *   npm run build && node bench/syntax-typescript.js [file.ts]
 *
 * 1. Load cost, in fresh processes: importing the module and creating the
 *    service (must not load TypeScript), then the first parse of a one-line
 *    file (requires ts-morph and its TypeScript, creates the Project).
 * 2. A 2,000-line TypeScript text (the given file, or this repository's own
 *    src/**\/*.ts, whole files concatenated up to 2,000 lines): warm `parse` (tokens,
 *    syntax errors and declarations), against TypeScript's parse alone and the
 *    table lexer (src/lexer.ts), medians of several runs.
 * 3. `typeOnlyEqual` on that text against itself with one annotation changed.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const modulePath = path.join(root, 'dist/src/syntax/typescript.js');
if (!fs.existsSync(modulePath)) {
  console.error('dist/src/syntax/typescript.js is missing: run `npm run build` first.');
  process.exit(2);
}

const RUNS = 20;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;

// 1. Load cost, each sample in a new process.
const child = `
  const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;
  const modulePath = process.env.MODULE_PATH;
  const heavy = () => Object.keys(require.cache).filter((key) => /typescript|ts-morph/.test(key) && key !== modulePath);
  let start = process.hrtime.bigint();
  const service = require(modulePath).createTypeScriptSyntax();
  const importMs = ms(start);
  const before = heavy().length;
  start = process.hrtime.bigint();
  service.parse('typescript', 'one.ts', 'export const one = 1;\\n');
  const firstParseMs = ms(start);
  console.log(JSON.stringify({ importMs, firstParseMs, before, after: heavy().length }));
`;
const loads = [];
for (let k = 0; k < 5; k++) {
  const run = spawnSync(process.execPath, ['-e', child], { env: { ...process.env, MODULE_PATH: modulePath }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  loads.push(JSON.parse(run.stdout));
}
console.log('load (5 fresh processes, median):');
console.log(`  import + createTypeScriptSyntax(): ${median(loads.map((l) => l.importMs)).toFixed(1)} ms, TypeScript modules loaded: ${loads[0].before}`);
console.log(`  first parse (loads ts-morph, creates the Project): ${median(loads.map((l) => l.firstParseMs)).toFixed(0)} ms, TypeScript modules loaded after: ${loads[0].after}`);

// 2. A 2,000-line text.
function twoThousandLines() {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) files.push(full);
    }
  };
  walk(path.join(root, 'src'));
  // Whole files (a cut one would be a syntax error), until 2,000 lines are reached.
  const texts = [];
  let count = 0;
  for (const file of files) {
    if (count >= 2000) break;
    const content = fs.readFileSync(file, 'utf8').replace(/^#!.*/, ''); // a shebang only parses on line 1
    texts.push(content);
    count += content.split('\n').length;
  }
  return texts.join('\n');
}
const file = process.argv[2];
const text = file === undefined ? twoThousandLines() : fs.readFileSync(file, 'utf8');
const { createTypeScriptSyntax } = require(modulePath);
const { typeOnlyEqual } = require(path.join(root, 'dist/src/syntax/typescript-emit.js'));
const service = createTypeScriptSyntax();
const { ts } = require('ts-morph');
const { lexText } = require(path.join(root, 'dist/src/lexer.js'));
const { LANGUAGES } = require(path.join(root, 'dist/src/language.js'));

const time = (fn) => {
  for (let k = 0; k < 3; k++) fn();
  const samples = [];
  for (let k = 0; k < RUNS; k++) {
    const start = process.hrtime.bigint();
    fn();
    samples.push(ms(start));
  }
  return median(samples);
};
const result = service.parse('typescript', 'bench.ts', text);
const tokens = result.lines.reduce((sum, line) => sum + line.tokens.length, 0);
console.log(`\n${file ?? 'src/**/*.ts, whole files up to 2,000 lines'}: ${result.lines.length} lines, ${(text.length / 1024).toFixed(0)} KiB, ${tokens} tokens, ${result.declarations.length} declarations, hasErrors=${result.hasErrors}`);
console.log(`  parse() (tokens + errors + declarations): ${time(() => service.parse('typescript', 'bench.ts', text)).toFixed(1)} ms (median of ${RUNS}, warm)`);
console.log(`  ts.createSourceFile alone:                ${time(() => ts.createSourceFile('bench.ts', text, ts.ScriptTarget.Latest, true)).toFixed(1)} ms`);
console.log(`  table lexer (src/lexer.ts lexText):       ${time(() => lexText(text, LANGUAGES.typescript)).toFixed(1)} ms`);

// 3. typeOnlyEqual: the first call in the process (transpiler code still cold),
//    then warm calls on texts not seen before, then a cached call.
const variant = (k) => `${text}\nexport type Bench${k} = string;\n`;
let start = process.hrtime.bigint();
const equal = typeOnlyEqual(text, text.replace(/: string\b/, ': number'), 'bench.ts');
const firstMs = ms(start);
let k = 0;
const warmMs = time(() => typeOnlyEqual(variant(k++), variant(k++), 'bench.ts'));
console.log(`  typeOnlyEqual (two transpiles): first call ${firstMs.toFixed(0)} ms (result ${equal}), warm ${warmMs.toFixed(0)} ms, cached ${time(() => typeOnlyEqual(text, variant(0), 'bench.ts')).toFixed(2)} ms`);
