import type { Context } from '@opentelemetry/api';
import type { UpstreamRequest, UpstreamTarget } from '@switchyard/providers';
import type { Route } from '../catalog/model-catalog.js';
import { toApiError } from '../errors/to-api-error.js';
import type { Executor, UpstreamResponse } from '../executor/create-executor.js';
import { readBody } from './read-body.js';

/** Largest upstream error body read to type the error. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

export interface UpstreamCallResult {
  response: UpstreamResponse;
  target: UpstreamTarget;
}

/**
 * Sends the request a route's adapter builds and returns a successful response; an upstream
 * error status or transport failure is thrown as the client-facing ApiError, credentials removed.
 */
export async function callUpstream(options: {
  executor: Executor;
  route: Route;
  build: (target: UpstreamTarget) => UpstreamRequest;
  clientSignal: AbortSignal;
  parentContext: Context;
  now: () => number;
}): Promise<UpstreamCallResult> {
  const { route } = options;
  const provider = route.provider;
  const target: UpstreamTarget = {
    baseUrl: provider.baseUrl,
    upstreamModel: route.upstreamModel,
    apiKey: provider.nextKey(),
    extraHeaders: provider.headers,
  };
  const errorContext = { provider: provider.name, secrets: [target.apiKey] };
  try {
    const response = await options.executor.send({
      request: options.build(target),
      provider: provider.name,
      upstreamModel: route.upstreamModel,
      clientSignal: options.clientSignal,
      parentContext: options.parentContext,
    });
    if (response.status >= 400) {
      const text = await readBody(response.body, MAX_ERROR_BODY_BYTES).catch(() => '');
      throw provider.adapter.parseError(response.status, text, response.headers, options.now());
    }
    return { response, target };
  } catch (error: unknown) {
    throw toApiError(error, errorContext);
  }
}
