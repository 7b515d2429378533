/** The exit codes split-advisor documents in its README. */
export enum ExitCode {
  /** The command did what was asked. */
  Success = 0,
  /** `check` found errors (reserved for the gate). */
  Findings = 1,
  /** Bad usage or bad input: unknown option, unknown revision, malformed diff, not a repository. */
  BadInput = 2,
  /** A bug in split-advisor itself (the message asks for a report). */
  InternalError = 70,
}
