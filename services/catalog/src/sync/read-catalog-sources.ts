import type { EncryptionKeyring, ModelConfig, ProviderConfig } from '@switchyard/config';
import { decryptSecret } from '@switchyard/config';
import type { JsonValue, Tables } from '@switchyard/db';
import {
  descriptorFor,
  type ProviderAuth,
  type RequestSigner,
  signerForProvider,
} from '@switchyard/providers';
import type { Kysely } from 'kysely';
import type { CatalogSources } from './merge/merge-catalog-sources.js';
import { readLastGoodModels } from './read-last-good-models.js';
import type { ProviderListedModel, SourceModel } from './source-model.js';
import type { SourceStateStore } from './source-state-store.js';
import { fetchOpenRouterCatalog, type RejectedEntry } from './sources/fetch-openrouter-catalog.js';
import { listProviderModels } from './sources/list-provider-models.js';
import { SourceError } from './sources/source-error.js';
import type { SyncLogger } from './sync-logger.js';
import type { SourceReport } from './sync-report.js';

/** What reading the sources needs. */
export interface ReadSourcesDeps {
  db: Kysely<Tables>;
  config: { providers: readonly ProviderConfig[]; models: readonly ModelConfig[] };
  fetch: typeof globalThis.fetch;
  openRouterCatalogUrl: string | undefined;
  fetchTimeoutMs: number;
  keyring: EncryptionKeyring | undefined;
  logger: SyncLogger;
  states: SourceStateStore;
  now: Date;
  /** Skip every remote source (OpenRouter and the providers' lists). */
  configOnly?: boolean;
}

/** The sources' data for the merge, and how each source fared. */
export interface ReadSources {
  sources: CatalogSources;
  reports: Record<string, SourceReport>;
  rejected: { source: string; id: string; reason: string }[];
}

/**
 * Reads every source at once: the OpenRouter-format catalog and each provider's model list. A
 * source that fails is logged and replaced by its last good data; one that succeeds becomes the
 * new last good data.
 */
export async function readCatalogSources(deps: ReadSourcesDeps): Promise<ReadSources> {
  const reports: Record<string, SourceReport> = {
    config: report('ok', 'fresh', null, deps.config.models.length, 0, deps.now),
  };
  const rejected: ReadSources['rejected'] = [];
  const providers = await listProviders(deps);
  if (deps.configOnly === true) {
    reports.openrouter = report('skipped', 'none', 'configuration only', 0, 0, undefined);
    for (const provider of providers) {
      reports[`provider:${provider.name}`] = report(
        'skipped',
        'none',
        'configuration only',
        0,
        0,
        undefined,
      );
    }
    return {
      sources: {
        configModels: deps.config.models,
        providers: providers.map(toMergedProvider),
        openRouter: undefined,
        providerLists: new Map(),
      },
      reports,
      rejected,
    };
  }
  const openRouterTask = readOpenRouter(deps, reports, rejected);
  const listTasks = providers.map(async (provider) => {
    const listed = await readProviderList(deps, provider, reports);
    return [provider.name, listed] as const;
  });
  const [openRouter, ...lists] = await Promise.all([openRouterTask, ...listTasks]);
  const providerLists = new Map<string, readonly ProviderListedModel[]>();
  for (const [name, listed] of lists) if (listed !== undefined) providerLists.set(name, listed);
  return {
    sources: {
      configModels: deps.config.models,
      providers: providers.map(toMergedProvider),
      openRouter,
      providerLists,
    },
    reports,
    rejected,
  };
}

interface ProviderToList {
  name: string;
  type: string;
  baseUrl: string;
  /** A SigV4 provider's configured region (admin-made providers have none: their base URL names it). */
  region: string | undefined;
  headers: Readonly<Record<string, string>>;
  apiKey: string | undefined;
  /** The upstream models the configuration routes to it. */
  routedModels: string[];
  /** From the YAML (the operator's), not made through the admin API. */
  fromConfig: boolean;
  /** The YAML's `serve_listed_models`: its list may route the makers' models (hosted routes). */
  serveListedModels: boolean;
}

/** What the merge needs of a provider; only the YAML opts one in to hosted routes. */
function toMergedProvider(provider: ProviderToList): CatalogSources['providers'][number] {
  return {
    name: provider.name,
    type: provider.type,
    ...(provider.serveListedModels && { serveListedModels: true }),
  };
}

/** Config providers (with their first key) and admin-made ones (with their first enabled stored key). */
async function listProviders(deps: ReadSourcesDeps): Promise<ProviderToList[]> {
  const routed = (name: string) =>
    deps.config.models.flatMap((model) =>
      model.routes.filter((route) => route.provider === name).map((route) => route.upstreamModel),
    );
  const fromConfig = deps.config.providers.map((provider) => ({
    name: provider.name,
    type: provider.type,
    baseUrl: provider.baseUrl,
    region: provider.region,
    headers: provider.headers,
    apiKey: provider.credentials[0]?.key,
    routedModels: routed(provider.name),
    fromConfig: true,
    serveListedModels: provider.serveListedModels === true,
  }));
  const configured = new Set(fromConfig.map((provider) => provider.name));
  const stored = await deps.db.selectFrom('catalog.providers').selectAll().execute();
  const result: ProviderToList[] = [...fromConfig];
  for (const provider of stored) {
    if (!configured.has(provider.name)) {
      result.push({
        name: provider.name,
        type: provider.type,
        baseUrl: provider.base_url,
        region: undefined,
        headers: {},
        apiKey: undefined,
        routedModels: routed(provider.name),
        fromConfig: false,
        serveListedModels: false,
      });
    }
  }
  for (const provider of result) {
    if (provider.apiKey === undefined) provider.apiKey = await storedKey(deps, provider.name);
  }
  return result;
}

async function storedKey(deps: ReadSourcesDeps, provider: string): Promise<string | undefined> {
  if (deps.keyring === undefined) return undefined;
  const row = await deps.db
    .selectFrom('catalog.credentials')
    .selectAll()
    .where('provider', '=', provider)
    .where('enabled', '=', true)
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  try {
    return decryptSecret(
      { ciphertext: row.ciphertext, iv: row.iv, authTag: row.auth_tag, keyId: row.key_id },
      deps.keyring,
      provider,
    );
  } catch (error: unknown) {
    deps.logger.warn(
      { provider, credentialId: row.id, err: error },
      'stored credential does not decrypt',
    );
    return undefined;
  }
}

async function readOpenRouter(
  deps: ReadSourcesDeps,
  reports: Record<string, SourceReport>,
  rejected: ReadSources['rejected'],
): Promise<SourceModel[] | undefined> {
  const source = 'openrouter';
  if (deps.openRouterCatalogUrl === undefined) {
    reports[source] = report('skipped', 'none', null, 0, 0, undefined);
    return undefined;
  }
  try {
    const catalog = await fetchOpenRouterCatalog(deps.openRouterCatalogUrl, {
      fetch: deps.fetch,
      timeoutMs: deps.fetchTimeoutMs,
    });
    logRejected(deps.logger, source, catalog.rejected);
    rejected.push(...catalog.rejected.map((entry) => ({ source, ...entry })));
    await deps.states.succeeded(source, { models: toJsonArray(catalog.models) }, deps.now);
    reports[source] = report(
      'ok',
      'fresh',
      null,
      catalog.models.length,
      catalog.rejected.length,
      deps.now,
    );
    return catalog.models;
  } catch (error: unknown) {
    return fallBack(deps, reports, source, error, (data) => readLastGoodModels('openrouter', data));
  }
}

async function readProviderList(
  deps: ReadSourcesDeps,
  provider: ProviderToList,
  reports: Record<string, SourceReport>,
): Promise<ProviderListedModel[] | undefined> {
  const source = `provider:${provider.name}`;
  const descriptor = descriptorFor(provider.type);
  const dialect = descriptor?.modelList;
  const skipped =
    dialect === undefined
      ? (descriptor?.noModelListReason ?? 'no model list')
      : missingCredential(provider, descriptor?.auth);
  if (dialect === undefined || skipped !== undefined) {
    reports[source] = report('skipped', 'none', skipped ?? null, 0, 0, undefined);
    return undefined;
  }
  try {
    const listed = await listProviderModels(
      dialect,
      {
        name: provider.name,
        baseUrl: provider.baseUrl,
        apiKey: provider.apiKey,
        headers: provider.headers,
        routedModels: provider.routedModels,
      },
      { fetch: deps.fetch, timeoutMs: deps.fetchTimeoutMs, signer: signerOf(provider) },
    );
    await deps.states.succeeded(source, { models: toJsonArray(listed) }, deps.now);
    reports[source] = report('ok', 'fresh', null, listed.length, 0, deps.now);
    return listed;
  } catch (error: unknown) {
    return fallBack(deps, reports, source, error, (data) => readLastGoodModels('list', data));
  }
}

/**
 * Why a provider's list cannot be read for want of a credential, if it cannot. A keyless SigV4 or
 * token provider signs with the catalog's ambient identity (the AWS default chain, Google's
 * Application Default Credentials): only a YAML provider may, as the operator chose its base URL.
 * An admin-made one's base URL is whatever the admin wrote, so the pod's AWS signature or Google
 * bearer token would go to any host; it needs a stored credential instead.
 */
function missingCredential(
  provider: ProviderToList,
  auth: ProviderAuth | undefined,
): string | undefined {
  if (provider.apiKey !== undefined || auth === undefined) return undefined;
  if (auth.required) return 'no credential';
  const ambient = auth.kind !== 'api-key';
  return ambient && !provider.fromConfig
    ? 'no credential (an admin-made provider never uses the ambient cloud identity)'
    : undefined;
}

/**
 * The provider's signer, the gateway's own seam (`signerForProvider`): SigV4 per provider (its
 * region), OAuth tokens per type, signing at the wall clock's time (AWS refuses a signature
 * 5 minutes off). A SigV4 provider without a region fails its source.
 */
function signerOf(provider: ProviderToList): RequestSigner | undefined {
  try {
    return signerForProvider(provider, { now: Date.now });
  } catch (error: unknown) {
    throw new SourceError(
      `${provider.name} model list: ${error instanceof Error ? error.message : 'no signer'}`,
    );
  }
}

/** Logs and records a failed source, and answers its last good data instead. */
async function fallBack<T extends unknown[]>(
  deps: ReadSourcesDeps,
  reports: Record<string, SourceReport>,
  source: string,
  error: unknown,
  read: (data: unknown) => T | undefined,
): Promise<T | undefined> {
  const message = error instanceof Error ? error.message : String(error);
  await deps.states.failed(source, message, deps.now);
  const last = await deps.states.lastGood(source);
  const data = last === undefined ? undefined : read(last.data);
  deps.logger.warn(
    { source, error: message, keptModels: data?.length ?? 0 },
    'catalog source failed; keeping its last good data',
  );
  reports[source] = report(
    'failed',
    data === undefined ? 'none' : 'last_good',
    message,
    data?.length ?? 0,
    0,
    last?.at,
  );
  return data;
}

function logRejected(logger: SyncLogger, source: string, rejected: readonly RejectedEntry[]): void {
  for (const entry of rejected) {
    logger.warn({ source, model: entry.id, reason: entry.reason }, 'catalog entry rejected');
  }
}

function toJsonArray(values: readonly object[]): JsonValue[] {
  return JSON.parse(JSON.stringify(values)) as JsonValue[];
}

function report(
  status: SourceReport['status'],
  used: SourceReport['used'],
  error: string | null,
  models: number,
  rejectedCount: number,
  lastSuccess: Date | undefined,
): SourceReport {
  return {
    status,
    used,
    error,
    models,
    rejected: rejectedCount,
    last_success_at: lastSuccess?.toISOString() ?? null,
  };
}
