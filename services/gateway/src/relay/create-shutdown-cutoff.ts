/**
 * Tells the requests still running when the shutdown grace is over that the server is ending
 * them: a stream sends its client a last event, and the ledger records the server's doing, not a
 * client that left. A list of listeners rather than one `AbortSignal`: thousands of concurrent
 * requests would trip node's listener-leak warning.
 */
export interface ShutdownCutoff {
  /** Calls `listener` once if the cut comes while registered; the returned function unregisters. */
  onCut(listener: () => void): () => void;
  /** Tells every registered request; requests registering later are told at once. */
  cut(): void;
  /** How many listeners are registered: nonzero while a request runs. */
  registered(): number;
}

/** One registered listener; unlinked nodes keep no pointer at all. */
interface ListenerNode {
  listener: (() => void) | undefined;
  previous: ListenerNode | undefined;
  next: ListenerNode | undefined;
}

/**
 * A linked list, not a `Set`: a `Set` that churns rehashes into a new table, and the old one
 * keeps every listener it held and a pointer to the new one. Once a table is old-generation, that
 * chain holds each request's listener, and all its request reaches, past the next young
 * collection (young-GC survival 19% -> 5% at 16 concurrent requests).
 */
export function createShutdownCutoff(): ShutdownCutoff {
  let head: ListenerNode | undefined;
  let tail: ListenerNode | undefined;
  let cut = false;
  let count = 0;
  const unlink = (node: ListenerNode): void => {
    count -= 1;
    if (node.previous) node.previous.next = node.next;
    else head = node.next;
    if (node.next) node.next.previous = node.previous;
    else tail = node.previous;
    node.listener = undefined;
    node.previous = undefined;
    node.next = undefined;
  };
  return {
    onCut(listener) {
      if (cut) {
        listener();
        return () => undefined;
      }
      const node: ListenerNode = { listener, previous: tail, next: undefined };
      count += 1;
      if (tail) tail.next = node;
      else head = node;
      tail = node;
      return () => {
        if (node.listener) unlink(node);
      };
    },
    cut() {
      cut = true;
      const current: Array<() => void> = [];
      while (head) {
        const { listener } = head;
        if (listener) current.push(listener);
        unlink(head);
      }
      for (const listener of current) listener();
    },
    registered: () => count,
  };
}
