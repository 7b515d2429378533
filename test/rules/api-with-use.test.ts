/**
 * api-with-use: a new exported function and, in another file, code that starts
 * calling it; not the API alone, not a new API used only by its tests, not a
 * helper used in its own file, not without the parsers (fast mode).
 */
import { apiWithUse } from '../../src/rules/api-with-use';
import { runRuleTests } from '../helpers/rule-tester';

const MESSAGE = 'shapes: report perimeters\n\nThe report needs perimeters to price the frames.\n';
const SHAPES = 'export function area(w: number, h: number): number {\n  return w * h;\n}\n';
const WITH_PERIMETER = `${SHAPES}\nexport function perimeter(w: number, h: number): number {\n  return 2 * (w + h);\n}\n`;
const REPORT = "import { area } from './shapes';\n\nexport function report(w: number, h: number): string {\n  return `area ${area(w, h)}`;\n}\n";
const REPORT_USING = "import { area, perimeter } from './shapes';\n\nexport function report(w: number, h: number): string {\n  return `area ${area(w, h)} perimeter ${perimeter(w, h)}`;\n}\n";

runRuleTests(apiWithUse, {
  valid: [
    { name: 'the API alone', message: MESSAGE, syntax: true, files: [{ path: 'src/shapes.ts', before: SHAPES, after: WITH_PERIMETER }] },
    {
      name: 'the API with its tests',
      message: MESSAGE,
      syntax: true,
      files: [
        { path: 'src/shapes.ts', before: SHAPES, after: WITH_PERIMETER },
        { path: 'test/shapes.test.ts', before: "import { area } from '../src/shapes';\n", after: "import { area, perimeter } from '../src/shapes';\n\nexpect(perimeter(1, 2)).toBe(6);\n" },
      ],
    },
    {
      name: 'without the parsers nothing is an API addition',
      message: MESSAGE,
      files: [
        { path: 'src/shapes.ts', before: SHAPES, after: WITH_PERIMETER },
        { path: 'src/report.ts', before: REPORT, after: REPORT_USING },
      ],
    },
  ],
  invalid: [
    {
      name: 'a new exported function and its first caller',
      message: MESSAGE,
      syntax: true,
      files: [
        { path: 'src/shapes.ts', before: SHAPES, after: WITH_PERIMETER },
        { path: 'src/report.ts', before: REPORT, after: REPORT_USING },
      ],
      expect: [{ severity: 'warn', message: /adds perimeter and starts using it in src\/report\.ts/, file: 'src/shapes.ts' }],
    },
  ],
});
