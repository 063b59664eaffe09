import { describe, expect, it } from 'vitest';
import { createResponsesSseScanner } from './create-responses-sse-scanner.js';

const event = (data: Record<string, unknown>) =>
  Buffer.from(`event: ${String(data.type)}\ndata: ${JSON.stringify(data)}\n\n`);
const delta = (text: string) => event({ type: 'response.output_text.delta', delta: text });

describe('createResponsesSseScanner', () => {
  it('counts non-empty text deltas and sees usage on response.completed', () => {
    const scanner = createResponsesSseScanner();
    scanner.push(event({ type: 'response.created', response: { usage: null } }));
    scanner.push(Buffer.concat([delta('Hel'), delta(''), delta('lo')]));
    expect(scanner.contentEvents).toBe(2);
    expect(scanner.sawCompleted).toBe(false);
    scanner.push(event({ type: 'response.completed', response: { usage: { output_tokens: 2 } } }));
    expect(scanner).toMatchObject({ sawCompleted: true, sawUsage: true, error: undefined });
  });

  it('does not take a Response ended without usage, or incomplete, as complete', () => {
    const withoutUsage = createResponsesSseScanner();
    withoutUsage.push(event({ type: 'response.completed', response: { usage: null } }));
    expect(withoutUsage).toMatchObject({ sawCompleted: true, sawUsage: false });
    const incomplete = createResponsesSseScanner();
    incomplete.push(event({ type: 'response.incomplete', response: { usage: {} } }));
    expect(incomplete).toMatchObject({ sawCompleted: false, sawUsage: false });
  });

  it('reports an error event and a failed Response', () => {
    const errored = createResponsesSseScanner();
    errored.push(event({ type: 'error', code: 'server_error', message: 'upstream broke' }));
    expect(errored.error).toBe('upstream broke');
    const failed = createResponsesSseScanner();
    failed.push(event({ type: 'response.failed', response: { error: { code: 'server_error' } } }));
    expect(failed.error).toBe('response.failed: {"code":"server_error"}');
  });
});
