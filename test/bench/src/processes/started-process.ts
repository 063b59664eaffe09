import type { ChildProcess } from 'node:child_process';

/** A server the bench started in its own process. */
export interface StartedProcess {
  /** e.g. http://127.0.0.1:PORT */
  readonly origin: string;
  readonly process: ChildProcess;
  /** Everything the process wrote so far. */
  output(): string;
}
