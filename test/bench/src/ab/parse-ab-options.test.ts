import { describe, expect, it } from 'vitest';
import { parseAbOptions } from './parse-ab-options.js';

describe('parseAbOptions', () => {
  it('measures streams at c16 against HEAD by default', () => {
    expect(parseAbOptions([])).toEqual({
      base: 'HEAD',
      kind: 'stream',
      concurrency: 16,
      body: 'short',
      rounds: 6,
      requests: 2000,
      warmup: 300,
      settleMax: 40_000,
      changeFlags: [],
      help: false,
    });
  });

  it('takes a base, a scenario and the round shape', () => {
    const options = parseAbOptions([
      '--base',
      'main~2',
      '--scenario',
      'chat',
      '--rounds',
      '4',
      '--settle-max',
      '0',
    ]);
    expect(options).toMatchObject({ base: 'main~2', kind: 'chat', rounds: 4, settleMax: 0 });
  });

  it('takes the Responses API scenario, which only bench:ab measures', () => {
    expect(parseAbOptions(['--scenario', 'responses-native', '--body', 'agent'])).toMatchObject({
      kind: 'responses-native',
      body: 'agent',
    });
  });

  it("takes a coding agent's turn as the body, and nothing else", () => {
    expect(parseAbOptions(['--body', 'agent']).body).toBe('agent');
    expect(() => parseAbOptions(['--body', 'huge'])).toThrow(
      /--body must be one of short, agent, got "huge"/,
    );
  });

  it('takes node flags for the change alone', () => {
    const options = parseAbOptions(['--change-flags=--max-semi-space-size=32  --no-opt']);
    expect(options.changeFlags).toEqual(['--max-semi-space-size=32', '--no-opt']);
    expect(() => parseAbOptions(['--change-flags=main.js'])).toThrow(
      /--change-flags takes node flags, got "main.js"/,
    );
  });

  it('lists every bad flag at once', () => {
    expect(() =>
      parseAbOptions(['--scenario', 'embeddings', '--rounds', '3', '--base=--all']),
    ).toThrow(
      /--scenario must be one of chat, stream, stream-anthropic, messages-native, responses-native, got "embeddings"[\s\S]*--base must be a git revision[\s\S]*--rounds must be even/,
    );
  });
});
