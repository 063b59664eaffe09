import Fastify, { type FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleShutdown } from './handle-shutdown.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('handleShutdown', () => {
  it('exits only once the logger has written the lines it buffered', async () => {
    const written: string[] = [];
    let buffered: string[] = [];
    // A destination that batches like the asynchronous stdout one: lines reach the output on flush.
    const destination = {
      write: (line: string) => {
        buffered.push(line);
      },
      flush: (done: () => void) => {
        setTimeout(() => {
          written.push(...buffered);
          buffered = [];
          done();
        }, 50);
      },
    };
    const app = Fastify({
      loggerInstance: pino({ level: 'info' }, destination),
    }) as unknown as FastifyInstance;
    await app.ready();
    const exited = new Promise<{ code: unknown; lines: number }>((resolve) => {
      vi.spyOn(process, 'exit').mockImplementation((code) => {
        resolve({ code, lines: written.length });
        return undefined as never;
      });
    });
    handleShutdown({
      app,
      readiness: { draining: false, checks: [] },
      graceMs: 1_000,
      signals: ['SIGUSR2'],
    });
    process.emit('SIGUSR2', 'SIGUSR2');
    const { code, lines } = await exited;
    expect(code).toBe(0);
    // "draining…" and "shut down cleanly", both written before the exit.
    expect(lines).toBe(2);
    expect(written.at(-1)).toContain('shut down cleanly');
  });
});
