import { describe, expect, it } from 'vitest';
import type { BenchTarget } from '../load/bench-target.js';
import type { ScenarioTargets } from './scenario-targets.js';
import { describeSettling, serversOf } from './settle-targets.js';

const target = (name: BenchTarget['name'], gatewayPid: number | undefined): BenchTarget => ({
  name,
  origin: 'http://127.0.0.1:1',
  api: 'openai-chat',
  headers: {},
  model: 'm',
  gatewayPid,
});

describe('serversOf', () => {
  it('gives each process once, with every kind it is measured on, and leaves out direct', () => {
    const direct = target('direct', undefined);
    const floor = target('floor', 11);
    const switchyard = target('switchyard', 12);
    const switchyardAnthropic = { ...switchyard, model: 'fake/claude' };
    const targets: ScenarioTargets = {
      chat: [direct, floor, switchyard],
      stream: [direct, floor, switchyard],
      'stream-anthropic': [direct, switchyardAnthropic],
      'messages-native': [],
    };
    expect(serversOf(targets)).toEqual([
      {
        name: 'floor',
        pid: 11,
        loads: [
          { target: floor, kind: 'chat' },
          { target: floor, kind: 'stream' },
        ],
      },
      {
        name: 'switchyard',
        pid: 12,
        loads: [
          { target: switchyard, kind: 'chat' },
          { target: switchyard, kind: 'stream' },
          { target: switchyardAnthropic, kind: 'stream-anthropic' },
        ],
      },
    ]);
  });
});

describe('describeSettling', () => {
  it('says how CPU per request moved and why settling stopped', () => {
    const reading = {
      target: 'floor',
      requests: 14_000,
      roundsUs: [1460.4, 620, 380.2],
      errors: 0,
    };
    expect(describeSettling({ ...reading, stoppedBy: 'settled' })).toBe(
      '14000 requests, 1460 → 380 µs/request, settled',
    );
    expect(describeSettling({ ...reading, stoppedBy: 'cap' })).toBe(
      '14000 requests, 1460 → 380 µs/request, not settled at --settle-max',
    );
    expect(describeSettling({ ...reading, roundsUs: [], stoppedBy: 'no reading' })).toBe(
      '14000 requests, no round measured, stopped: no CPU reading, or no request succeeded',
    );
  });
});
