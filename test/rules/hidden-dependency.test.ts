/**
 * hidden-dependency: a raised minimum version that the message does not
 * mention; not when the message names the package or says it bumps a
 * dependency; not a lowered version.
 */
import { hiddenDependency } from '../../src/rules/hidden-dependency';
import { runRuleTests } from '../helpers/rule-tester';

const pkg = (version: string) => `{\n  "name": "app",\n  "dependencies": {\n    "yargs": "${version}"\n  }\n}\n`;
const CODE = { path: 'src/cli.js', before: 'run(1);\n', after: 'run(2);\n' };

runRuleTests(hiddenDependency, {
  valid: [
    { name: 'the message names the package', message: 'cli: use yargs strict mode\n\nNeeds yargs 17.7 for strictOptions.\n', files: [{ path: 'package.json', before: pkg('^17.0.0'), after: pkg('^17.7.2') }, CODE] },
    { name: 'the message says bump', message: 'build: bump the CLI parser\n\nFor the security fix.\n', files: [{ path: 'package.json', before: pkg('^17.0.0'), after: pkg('^17.7.2') }] },
    { name: 'a lowered version', message: 'cli: run the greeting twice\n\nUsers asked for it.\n', files: [{ path: 'package.json', before: pkg('^17.7.2'), after: pkg('^17.0.0') }, CODE] },
  ],
  invalid: [
    {
      name: 'raised inside a functional change that does not say so',
      message: 'cli: run the greeting twice\n\nUsers asked for it.\n',
      files: [{ path: 'package.json', before: pkg('^17.0.0'), after: pkg('^17.7.2') }, CODE],
      expect: [{ severity: 'error', message: /raises the minimum version of yargs from \^17\.0\.0 to \^17\.7\.2 in package\.json/, file: 'package.json' }],
    },
  ],
});
