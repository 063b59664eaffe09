import type { ChildProcess } from 'node:child_process';

/** Everything a child wrote to stdout and stderr, kept to its last `limit` characters. */
export function captureOutput(child: ChildProcess, limit = 200_000): () => string {
  let output = '';
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > limit) output = output.slice(-limit);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return () => output;
}
