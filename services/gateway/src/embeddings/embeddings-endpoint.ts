import { type EmbeddingsRequest, embeddingsRequestSchema } from '@switchyard/contracts';
import { apiErrors, parseBody } from '@switchyard/service-kit';
import type { Endpoint, ParsedRequest } from '../pipeline/endpoint.js';
import { parseUpstreamJson } from '../relay/parse-upstream-json.js';
import { responseContext } from '../relay/response-context.js';
import { jsonAnswer } from '../usage/answer.js';
import { encodeEmbeddings } from './encode-embeddings.js';
import { estimateInputTokens } from './estimate-input-tokens.js';

/** An embeddings request as the pipeline carries it. */
export interface ParsedEmbeddings extends ParsedRequest {
  readonly body: EmbeddingsRequest;
}

/**
 * `/v1/embeddings` in the pipeline: routed like chat (fallbacks, credential pools, circuits) to
 * the candidates whose provider has an embeddings API; the input (~4 characters a token) is
 * counted against rate limits and reserved at the prompt price.
 */
export function embeddingsEndpoint(deps: { now: () => number }): Endpoint<ParsedEmbeddings> {
  return {
    name: 'embeddings',
    kind: 'embedding',
    parse: (raw) => {
      const body = parseBody(embeddingsRequestSchema, raw);
      return { body, route: body, requestedModel: body.model, stream: false };
    },
    fit: ({ body }, planned) => {
      const candidates = planned.filter(
        (candidate) => candidate.route.provider.adapter.embeddings !== undefined,
      );
      if (candidates.length === 0) {
        throw apiErrors.invalidRequest(
          `No provider of '${body.model}' has an embeddings API.`,
          'model',
        );
      }
      const estimatedTokens = Math.ceil(JSON.stringify(body.input).length / 4);
      return {
        candidates,
        estimatedTokens,
        estimatePromptTokens: () => estimateInputTokens(body.input),
        reservation: (prices) => ({
          fixedNanos: estimatedTokens * prices.promptNanos,
          perTokenNanos: 0,
          maxTokens: 0,
        }),
        // Nothing to clamp: no completion tokens are reserved.
        clamp: () => undefined,
        build: (candidate, target) => {
          const embeddings = candidate.route.provider.adapter.embeddings;
          if (!embeddings) throw new Error('filtered above');
          return embeddings.buildRequest(body, target);
        },
        adjustedMaxTokens: () => undefined,
      };
    },
    respond: async ({ request, call, admitted, reply }) => {
      const { route } = call.candidate;
      const parsed = await parseUpstreamJson(
        call,
        (json) =>
          route.provider.adapter.embeddings?.parseResponse(
            json,
            responseContext(route, deps.now),
          ) ?? { body: {}, usage: undefined },
      );
      admitted.settle({
        status: 200,
        errorCode: null,
        errorMessage: null,
        usage: parsed.usage,
        delivery: 'complete',
        answer: jsonAnswer(parsed.body, parsed.passThrough ? parsed.text : undefined),
      });
      // An OpenAI-format body is forwarded as written: re-serialising vectors is the costly part.
      if (parsed.passThrough) reply.type('application/json').send(parsed.text);
      else reply.send(encodeEmbeddings(parsed.body, request.body.encoding_format));
    },
  };
}
