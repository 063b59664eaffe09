import { createTokenLedger, type TokenLedger } from '../fake-oauth/create-token-ledger.js';
import { startTokenServer } from '../fake-oauth/start-token-server.js';
import { answerEntraToken, type FakeEntraPrincipal } from './answer-entra-token.js';

/** Options of {@link startFakeEntra}. */
export interface FakeEntraOptions extends FakeEntraPrincipal {
  /** The `expires_in` of issued tokens; default 3600. Small values test refresh. */
  readonly tokenLifetimeSeconds?: number;
}

/** A running fake Microsoft Entra token endpoint. */
export interface FakeEntra {
  /** The authority host, e.g. `http://127.0.0.1:PORT` (tokens at `/{tenant}/oauth2/v2.0/token`). */
  readonly url: string;
  /** The tokens it issued: what the fake Azure upstream checks bearer tokens against. */
  readonly tokens: TokenLedger;
  close(): Promise<void>;
}

/** Starts a fake Entra tenant that issues client-credentials tokens to one service principal. */
export async function startFakeEntra(options: FakeEntraOptions): Promise<FakeEntra> {
  const tokens = createTokenLedger('eyJ0eXAiOiJKV1Qi.fake-entra.');
  const lifetime = options.tokenLifetimeSeconds ?? 3600;
  const server = await startTokenServer((request, path) =>
    answerEntraToken(request, path, options, tokens, lifetime),
  );
  return { url: server.url, tokens, close: () => server.close() };
}
