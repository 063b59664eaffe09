import {
  type FakeUpstream,
  type FakeUpstreamOptions,
  startFakeUpstream,
} from '../fake-upstream/start-fake-upstream.js';
import type { FakeAzureAuth } from './check-azure-auth.js';
import { createAzureDialect } from './create-azure-dialect.js';

/** Options of {@link startFakeAzure}: where it listens and how it authenticates. */
export interface FakeAzureOptions extends FakeUpstreamOptions, FakeAzureAuth {}

/** A running fake Azure OpenAI resource; `url` is the resource endpoint, `http://127.0.0.1:PORT`. */
export type FakeAzure = FakeUpstream;

/**
 * Starts a fake Azure OpenAI resource: the fake OpenAI's answers and scenarios at Azure's
 * deployment and v1 paths, behind `api-key` or Entra bearer auth (`verifyToken`, e.g. a fake
 * Entra's `tokens.verify`).
 */
export function startFakeAzure(options: FakeAzureOptions): Promise<FakeAzure> {
  return startFakeUpstream(createAzureDialect(options), options);
}
