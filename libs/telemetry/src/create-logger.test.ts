import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
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
