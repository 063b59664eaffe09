/** Unacked messages a durable allows by default: room for a few replicas' batches. */
export function defaultMaxAckPending(batchSize: number): number {
  return Math.max(1_000, batchSize * 4);
}
