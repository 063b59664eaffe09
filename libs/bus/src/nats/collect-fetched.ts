/**
 * Reads one fetch to its end. A fetch that ends in an error after delivering messages (missed
 * idle heartbeats when the process is starved of CPU, a reconnect) still hands on what it
 * delivered, and the error goes to `onError`: dropped, those messages would wait out their ack
 * wait before being delivered again. A fetch that delivered nothing rethrows.
 */
export async function collectFetched<Message, Item>(
  messages: AsyncIterable<Message>,
  toItem: (message: Message) => Item,
  onError: ((error: unknown) => void) | undefined,
): Promise<Item[]> {
  const items: Item[] = [];
  try {
    for await (const message of messages) items.push(toItem(message));
  } catch (error: unknown) {
    if (items.length === 0) throw error;
    try {
      onError?.(error);
    } catch {
      // A throwing error callback must not lose the batch.
    }
  }
  return items;
}
