import { readJsonObjectText } from '@switchyard/contracts';
import { ProviderError } from '@switchyard/providers';
import { parseBody } from '@switchyard/service-kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Authenticator } from '../auth/create-authenticator.js';
import { isCredential } from '../catalog/credential-pool.js';
import type { ModelCatalog } from '../catalog/model-catalog.js';
import { upstreamErrorToApiError } from '../errors/to-api-error.js';
import { callerText } from '../pipeline/caller-text.js';
import { allowedCandidates } from '../routing/allowed-candidates.js';
import { planCandidates } from '../routing/plan-candidates.js';
import type { Executor } from '../upstream/create-executor.js';
import { readBody } from '../upstream/read-body.js';
import { requestSignals } from '../upstream/request-signals.js';
import { UpstreamFailure } from '../upstream/upstream-failure.js';
import { estimateMessageTokens } from './estimate-message-tokens.js';
import { forwardedHeaders } from './forwarded-headers.js';
import { nativeOf } from './native-of.js';

/** Largest count response read from upstream (it is `{"input_tokens": n}`). */
const MAX_COUNT_BODY_BYTES = 64 * 1024;

/** What `count_tokens` reads itself; the rest goes to the upstream as sent. */
const countTokensRequestSchema = z.looseObject({
  model: z.string().min(1),
  messages: z.array(z.unknown()),
  system: z.unknown().optional(),
  tools: z.array(z.unknown()).optional(),
});

export interface CountTokensDeps {
  authenticate: Authenticator;
  catalog: ModelCatalog;
  executor: Executor;
  requestTimeoutMs: number;
  now: () => number;
}

/**
 * `POST /v1/messages/count_tokens`: the model's first route the key may use answers. An
 * Anthropic route (a pass-through with a counting endpoint) forwards the body (model replaced)
 * to Anthropic's own endpoint and returns its answer as sent (`x-switchyard-token-count: provider`); any other route, or an Anthropic one
 * that cannot be reached, gets an o200k estimate (`x-switchyard-token-count: estimate`). A
 * request the upstream refuses is refused (its 4xx). Counting costs nothing and is not metered.
 */
export function countTokensHandler(deps: CountTokensDeps) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const principal = await deps.authenticate(request.headers);
    const body = parseBody(countTokensRequestSchema, request.body);
    const [candidate] = allowedCandidates(
      principal,
      planCandidates(deps.catalog, body, 'chat'),
      body.model,
    );
    const native = candidate === undefined ? undefined : nativeOf(candidate);
    if (candidate !== undefined && native?.buildCountTokensRequest !== undefined) {
      const { route } = candidate;
      const { provider } = route;
      const credential = provider.pool.acquire(route.upstreamModel, 0, new Set());
      if (isCredential(credential)) {
        const built = native.buildCountTokensRequest(
          {
            rawBody: callerText(request) ?? readJsonObjectText(JSON.stringify(request.body)),
            stream: false,
            overrides: {},
            headers: forwardedHeaders(request.headers, native.forwardedHeaders),
          },
          {
            baseUrl: provider.baseUrl,
            upstreamModel: route.upstreamModel,
            apiKey: credential.key,
            extraHeaders: provider.headers,
          },
        );
        const signals = requestSignals(reply, deps.requestTimeoutMs);
        const context = { provider: provider.name, secrets: [credential.key] };
        try {
          const response = await deps.executor.send({
            request: built,
            provider: provider.name,
            upstreamModel: route.upstreamModel,
            operation: 'chat',
            deadline: signals.deadline,
            clientClosed: signals.clientClosed,
            parentContext: request.traceContext,
          });
          const text = await readBody(response.body, MAX_COUNT_BODY_BYTES);
          if (response.status < 300) {
            return reply
              .headers({
                'content-type': 'application/json',
                'x-switchyard-provider': provider.name,
                'x-switchyard-token-count': 'provider',
              })
              .send(text);
          }
          const error = provider.adapter.parseError(
            response.status,
            text,
            response.headers,
            deps.now(),
          );
          // The caller's request is at fault: counting it elsewhere would only hide that.
          if (error.kind === 'invalid_request' || error.kind === 'not_found') {
            throw upstreamErrorToApiError(error, context);
          }
        } catch (error: unknown) {
          if (!(error instanceof UpstreamFailure) && !(error instanceof ProviderError)) throw error;
          request.log.warn({ err: error }, 'count_tokens upstream failed; answering an estimate');
        } finally {
          provider.pool.release(credential.id, 0);
        }
      }
    }
    return reply
      .header('x-switchyard-token-count', 'estimate')
      .send({ input_tokens: estimateMessageTokens(body) });
  };
}
