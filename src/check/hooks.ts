/**
 * `split-advisor install-hook`: writes a pre-push or commit-msg hook that runs
 * the gate. A hook already there is never overwritten: it is renamed
 * `<hook>.legacy` (the name the pre-commit framework uses) and the new hook runs
 * it first, with the same arguments and standard input, stopping if it fails.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../errors';
import { Git, configValue, hookPath, openRepository } from '../git';

export type HookName = 'pre-push' | 'commit-msg';
export const HOOKS: HookName[] = ['pre-push', 'commit-msg'];

/** The first line after the shebang of every hook split-advisor writes. */
export const HOOK_MARKER = '# split-advisor hook';

/** Quotes a word for /bin/sh. */
function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The command the hook runs: this Node and this build's cli.js, so the hook does not depend on PATH. */
export function cliCommand(): string {
  const beside = path.resolve(__dirname, '..', 'cli.js');
  const built = path.resolve(__dirname, '../../dist/src/cli.js');
  const script = fs.existsSync(beside) ? beside : fs.existsSync(built) ? built : null;
  if (script === null) throw new InputError('cannot find split-advisor\'s cli.js to call from the hook (run `npm run build` first)');
  return `${shellQuote(process.execPath)} ${shellQuote(script)}`;
}

export function hookScript(name: HookName, command: string): string {
  const common = [
    '#!/bin/sh',
    `${HOOK_MARKER}: ${name} (written by \`split-advisor install-hook ${name}\`; bypass once with --no-verify).`,
    `# A ${name} hook that was here before is kept as ${name}.legacy and runs first.`,
    'hook_dir=$(dirname "$0")',
  ];
  if (name === 'pre-push') {
    return [
      ...common,
      '# git writes "<local ref> <local sha> <remote ref> <remote sha>" lines on stdin; both hooks read them.',
      'refs=$(cat)',
      `if [ -x "$hook_dir/${name}.legacy" ]; then`,
      `  printf '%s\\n' "$refs" | "$hook_dir/${name}.legacy" "$@" || exit $?`,
      'fi',
      `printf '%s\\n' "$refs" | ${command} check --pre-push --remote "$1"`,
      '',
    ].join('\n');
  }
  return [
    ...common,
    `if [ -x "$hook_dir/${name}.legacy" ]; then`,
    `  "$hook_dir/${name}.legacy" "$@" || exit $?`,
    'fi',
    `exec ${command} lint-message --staged "$1"`,
    '',
  ].join('\n');
}

export interface InstallResult {
  file: string;
  /** What happened, for the user: one line each. */
  messages: string[];
}

export function installHook(cwd: string, name: HookName, command: string = cliCommand()): InstallResult {
  const git: Git = openRepository(cwd);
  const hooksPath = configValue(git, 'core.hooksPath');
  if (hooksPath !== null && /husky/.test(hooksPath)) {
    throw new InputError(`core.hooksPath is ${hooksPath}: husky manages the hooks; add \`split-advisor ${name === 'pre-push' ? 'check --pre-push --remote "$1"' : 'lint-message --staged "$1"'}\` to .husky/${name} instead (see the README)`);
  }
  const file = hookPath(git, name);
  const legacy = `${file}.legacy`;
  const messages: string[] = [];
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let existing: string | null = null;
  try {
    existing = fs.readFileSync(file, 'utf8');
  } catch {
    existing = null;
  }
  if (existing !== null && !existing.includes(HOOK_MARKER)) {
    if (fs.existsSync(legacy)) throw new InputError(`${file} exists and so does ${path.basename(legacy)}: merge them by hand, then run install-hook again`);
    fs.renameSync(file, legacy);
    messages.push(`Kept your existing ${name} hook as ${path.basename(legacy)}; it runs first, and a failure there still stops the ${name === 'pre-push' ? 'push' : 'commit'}.`);
  }
  fs.writeFileSync(file, hookScript(name, command), { mode: 0o755 });
  fs.chmodSync(file, 0o755);
  messages.unshift(`${existing !== null && existing.includes(HOOK_MARKER) ? 'Updated' : 'Installed'} the ${name} hook: ${file}`);
  if (hooksPath !== null) messages.push(`(core.hooksPath is ${hooksPath}, so git runs hooks from there.)`);
  messages.push(name === 'pre-push' ? 'Every `git push` now runs `split-advisor check` on the commits it sends; errors refuse the push (`git push --no-verify` skips it once).' : 'Every commit message is now checked by `split-advisor lint-message`; errors refuse the commit (`git commit --no-verify` skips it once).');
  return { file, messages };
}
