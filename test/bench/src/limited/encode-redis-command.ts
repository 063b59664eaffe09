/** A Redis command in RESP, the wire format every Redis server accepts: an array of bulk strings. */
export function encodeRedisCommand(args: readonly string[]): string {
  const parts = args.map((arg) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`);
  return `*${args.length}\r\n${parts.join('')}`;
}
