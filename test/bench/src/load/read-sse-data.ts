/**
 * A reader of SSE bytes as they arrive (events may span chunks) that hands on each `data:` line,
 * as the providers' SDKs read their streams: every `data:` line carries its event's `type`, so
 * the `event:` lines are not needed. `onEvent` gets the line's JSON object; `onOther` any other
 * data (OpenAI's `[DONE]`, or text that is not JSON).
 */
export function readSseData(handlers: {
  onEvent: (event: Record<string, unknown>) => void;
  onOther: (data: string) => void;
}): (chunk: Buffer) => void {
  const decoder = new TextDecoder();
  let pending = '';
  const readData = (data: string) => {
    let event: unknown;
    try {
      event = JSON.parse(data);
    } catch {
      handlers.onOther(data);
      return;
    }
    if (typeof event === 'object' && event !== null) {
      handlers.onEvent(event as Record<string, unknown>);
    }
  };
  return (chunk) => {
    pending += decoder.decode(chunk, { stream: true });
    let newline = pending.indexOf('\n');
    while (newline !== -1) {
      const line = pending.slice(0, newline).replace(/\r$/, '');
      pending = pending.slice(newline + 1);
      if (line.startsWith('data:')) readData(line.slice(5).trim());
      newline = pending.indexOf('\n');
    }
  };
}
