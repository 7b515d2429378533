/**
 * Errors the user can act on. The CLI prints their message on one line and exits
 * with their code; anything else is a bug in split-advisor (exit code 70).
 */
import { ExitCode } from './exit-codes';

/** Bad input: unknown revision, malformed diff, not a repository, unreadable file. */
export class InputError extends Error {
  readonly exitCode = ExitCode.BadInput;
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
