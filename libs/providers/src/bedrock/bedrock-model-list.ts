import { z } from 'zod';
import type { ListedModel, ModelListDialect } from '../model-list-dialect.js';

/** `bedrock-runtime.{region}.amazonaws.com` (FIPS and China too): the runtime host whose control plane is `bedrock.`. */
const RUNTIME_HOST = /^bedrock-runtime(-fips)?\.(.+)$/;

/** The cursor of the first inference-profile page; later ones append the `nextToken`. */
const PROFILES = 'profiles:';

/** Profiles per page (the API's maximum). */
const PROFILE_PAGE_SIZE = '1000';

/** The makers whose Bedrock prefix is not their id elsewhere (`meta.llama…` is `meta-llama/…`). */
const MAKER_IDS: Readonly<Record<string, string>> = { meta: 'meta-llama', mistral: 'mistralai' };

const foundationModelsSchema = z.looseObject({
  modelSummaries: z.array(
    z.looseObject({
      modelId: z.string().min(1),
      outputModalities: z.array(z.string()).default([]),
      inferenceTypesSupported: z.array(z.string()).default([]),
      modelLifecycle: z.looseObject({ status: z.string() }).optional(),
    }),
  ),
});

const inferenceProfilesSchema = z.looseObject({
  inferenceProfileSummaries: z
    .array(
      z.looseObject({
        inferenceProfileId: z.string().min(1),
        status: z.string().optional(),
      }),
    )
    .default([]),
  nextToken: z.string().optional(),
});

/**
 * Bedrock's control plane (`https://bedrock.{region}.amazonaws.com`, SigV4 service `bedrock`,
 * the runtime base URL's region): `ListFoundationModels` (`GET /foundation-models`, one page),
 * keeping the ACTIVE models (not LEGACY) invokable on demand that answer text or embeddings, then
 * `ListInferenceProfiles` (`GET /inference-profiles`, `maxResults`/`nextToken` pages), whose
 * active profiles (`us.anthropic.claude-…`) serve the models only reachable across regions.
 * A base URL that is not a runtime host (a proxy) is asked as it is. Each entry names the
 * maker's model it serves (`anthropic/claude-3-5-sonnet-20241022`) for the catalog merge.
 */
export const bedrockModelList: ModelListDialect = {
  buildRequest: (target, cursor) => {
    const base = controlPlaneUrl(target.baseUrl);
    let url = `${base}/foundation-models`;
    if (cursor?.startsWith(PROFILES) === true) {
      const query = new URLSearchParams({ maxResults: PROFILE_PAGE_SIZE });
      const token = cursor.slice(PROFILES.length);
      if (token !== '') query.set('nextToken', token);
      url = `${base}/inference-profiles?${query.toString()}`;
    }
    return { url, method: 'GET', headers: { ...target.headers }, body: undefined };
  },
  parsePage: (body, cursor) => {
    if (cursor?.startsWith(PROFILES) === true) {
      const parsed = inferenceProfilesSchema.safeParse(body);
      if (!parsed.success) return undefined;
      const models = parsed.data.inferenceProfileSummaries
        .filter((profile) => profile.status === undefined || profile.status === 'ACTIVE')
        .map((profile) => listed(profile.inferenceProfileId));
      const token = parsed.data.nextToken;
      return {
        models,
        nextCursor: token === undefined || token === '' ? undefined : `${PROFILES}${token}`,
      };
    }
    const parsed = foundationModelsSchema.safeParse(body);
    if (!parsed.success) return undefined;
    const models = parsed.data.modelSummaries
      .filter(
        (model) =>
          // LEGACY models are on their way out (AWS refuses accounts that have not used them).
          (model.modelLifecycle === undefined || model.modelLifecycle.status === 'ACTIVE') &&
          model.inferenceTypesSupported.includes('ON_DEMAND') &&
          (model.outputModalities.includes('TEXT') || model.outputModalities.includes('EMBEDDING')),
      )
      .map((model) => listed(model.modelId));
    return { models, nextCursor: PROFILES };
  },
};

/** The control plane's origin for a runtime base URL (`bedrock-runtime.` → `bedrock.`). */
function controlPlaneUrl(baseUrl: string): string {
  if (!URL.canParse(baseUrl)) return baseUrl;
  const url = new URL(baseUrl);
  const runtime = RUNTIME_HOST.exec(url.hostname);
  if (runtime === null) return baseUrl.replace(/\/+$/, '');
  return `${url.protocol}//bedrock${runtime[1] ?? ''}.${runtime[2] ?? ''}`;
}

function listed(modelId: string): ListedModel {
  const served = servedModel(modelId);
  return {
    upstreamModel: modelId,
    contextLength: null,
    maxOutputTokens: null,
    ...(served !== undefined && { servedModel: served }),
  };
}

/**
 * `[geo.]maker.model[-vN][:M]` → `maker/model`: a cross-region profile's geography (`us.`,
 * `eu.`, `apac.`, `global.`) and the Bedrock version suffix (`-v2:0`, `:0`) are Bedrock's, not the model's.
 */
function servedModel(modelId: string): string | undefined {
  const segments = modelId.split('.');
  const [maker, ...rest] = segments.length >= 3 ? segments.slice(1) : segments;
  if (maker === undefined || rest.length === 0) return undefined;
  const model = rest
    .join('.')
    .replace(/:\d+$/, '')
    .replace(/-v\d+$/, '');
  return `${MAKER_IDS[maker] ?? maker}/${model}`;
}
