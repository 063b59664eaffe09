import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { createLogger } from './create-logger.js';

describe('createLogger', () => {
  it('writes JSON lines with secrets at the redacted paths replaced', async () => {
    const destination = new PassThrough();
    const lines: string[] = [];
    destination.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
    const logger = createLogger({ level: 'info', name: 'test', destination });
    logger.info(
      {
        req: { headers: { authorization: 'Bearer sk-sy-secret', 'x-api-key': 'sk-ant-secret' } },
        apiKey: 'sk-abc',
        model: 'openai/gpt-4o',
      },
      'hello',
    );
    await new Promise((resolve) => setImmediate(resolve));
    const line = lines.join('');
    expect(line).not.toContain('sk-sy-secret');
    expect(line).not.toContain('sk-ant-secret');
    expect(line).not.toContain('sk-abc');
    expect(JSON.parse(line)).toMatchObject({
      service: 'test',
      msg: 'hello',
      model: 'openai/gpt-4o',
      apiKey: '[redacted]',
    });
  });
});

describe('createLogger errors', () => {
  it('names an error by its name, not by a class name a bundler renamed', async () => {
    const destination = new PassThrough();
    const lines: string[] = [];
    destination.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
    const logger = createLogger({ level: 'info', name: 'test', destination });
    // What esbuild emits for a class that refers to itself: the class itself is `_ApiError`.
    const ApiError = class _ApiError extends Error {
      override readonly name = 'ApiError';
    };
    logger.error({ err: new ApiError('refused') }, 'failed');
    logger.error({ err: new Error('plain') }, 'failed');
    await new Promise((resolve) => setImmediate(resolve));
    const types = lines.map((line) => (JSON.parse(line) as { err: { type: string } }).err.type);
    expect(types).toEqual(['ApiError', 'Error']);
  });
});

describe('createLogger to stdout', () => {
  const fixture = fileURLToPath(new URL('./__fixtures__/log-then-exit.ts', import.meta.url));
  const run = (ending: string) => spawn(process.execPath, ['--import', 'tsx', fixture, ending]);
  const linesOf = (text: string) =>
    text
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { index: number });

  it.each(['exit', 'throw'])(
    'loses no line when the process ends (%s)',
    async (ending) => {
      const child = run(ending);
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      await new Promise((resolve) => child.once('close', resolve));
      expect(linesOf(output).map((line) => line.index)).toEqual([0, 1, 2]);
    },
    30_000,
  );

  it('writes out a batch that is not full within the flush interval', async () => {
    const child = run('idle');
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    try {
      await vi.waitFor(() => expect(linesOf(output)).toHaveLength(3), {
        timeout: 20_000,
        interval: 50,
      });
    } finally {
      child.kill('SIGKILL');
    }
  }, 30_000);
});
