/** The three ways a request reaches the fast upstream. */
export type TargetName = 'direct' | 'switchyard' | 'peer';

/** Where the load generator sends chat completions, and how. */
export interface BenchTarget {
  readonly name: TargetName;
  /** e.g. http://127.0.0.1:PORT; requests go to `${origin}/v1/chat/completions`. */
  readonly origin: string;
  /** Authorization and whatever routing headers the target needs. */
  readonly headers: Readonly<Record<string, string>>;
  /** The model id this target expects in the body. */
  readonly model: string;
  /** The gateway's process, for its CPU time and memory; undefined for `direct`. */
  readonly gatewayPid: number | undefined;
}
