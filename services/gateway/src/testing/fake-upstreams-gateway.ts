/** A gateway on fake OpenAI and Gemini upstreams, for tests of what requests it accepts. */
import { loadConfig } from '@switchyard/config';
import {
  type FakeGoogle,
  type FakeOpenAI,
  startFakeGoogle,
  startFakeOpenAI,
} from '@switchyard/testing';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { buildGatewayApp, type GatewayApp } from '../app.js';
import type { RequestOutcome } from '../usage/usage-recorder.js';

export const MASTER_KEY = 'sk-sy-unit-content';

/** The gateway and its fakes, set once the file's `beforeAll` ran. */
export interface FakeUpstreamsGateway {
  gateway: GatewayApp;
  openai: FakeOpenAI;
  google: FakeGoogle;
  /** Outcomes recorded since the test began. */
  outcomes: RequestOutcome[];
  /**
   * POSTs `body` as JSON to `path` with the master key, through the gateway's HTTP handling; a
   * string is sent as it is (JSON text spelled as a test needs).
   */
  post(
    path: string,
    body: unknown,
  ): Promise<{
    status: number;
    headers: Record<string, unknown>;
    json: () => unknown;
    /** The body as text (a stream's SSE). */
    text: () => string;
  }>;
}

/** Registers this file's gateway (openai/* and google/* models on fakes), stopped after. */
export function useFakeUpstreamsGateway(): FakeUpstreamsGateway {
  const outcomes: RequestOutcome[] = [];
  const state = { outcomes } as FakeUpstreamsGateway;
  beforeAll(async () => {
    state.openai = await startFakeOpenAI();
    state.google = await startFakeGoogle();
    const config = loadConfig({
      env: {
        OPENAI_BASE_URL: state.openai.url,
        OPENAI_API_KEY: 'sk-upstream-openai',
        GOOGLE_BASE_URL: state.google.url,
        GOOGLE_API_KEY: 'AIza-upstream-google',
        LOG_LEVEL: 'silent',
      },
    });
    state.gateway = buildGatewayApp(
      { ...config, masterKey: MASTER_KEY },
      { usage: { record: (outcome) => outcomes.push(outcome) } },
    );
    await state.gateway.app.ready();
  });
  afterAll(async () => {
    await state.gateway?.app.close();
    await state.openai?.close();
    await state.google?.close();
  });
  beforeEach(() => {
    outcomes.length = 0;
    state.openai.reset();
    state.google.reset();
  });
  state.post = async (path, body) => {
    const response = await state.gateway.app.inject({
      method: 'POST',
      url: path,
      headers: { authorization: `Bearer ${MASTER_KEY}`, 'content-type': 'application/json' },
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return {
      status: response.statusCode,
      headers: response.headers,
      json: () => response.json(),
      text: () => response.body,
    };
  };
  return state;
}
