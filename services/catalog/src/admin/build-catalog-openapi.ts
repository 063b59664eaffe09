import {
  catalogSnapshotV1Schema,
  credentialJsonSchema,
  credentialListSchema,
  modelJsonSchema,
  modelPageSchema,
  providerJsonSchema,
  providerListSchema,
  syncRunJsonSchema,
} from '@switchyard/contracts';
import { buildOpenapi, type RegisteredAdminRoute } from '@switchyard/service-kit';

/** The OpenAPI 3.1 document of the catalog admin API, generated from its registered routes. */
export function buildCatalogOpenapi(
  routes: readonly RegisteredAdminRoute[],
): Record<string, unknown> {
  return buildOpenapi({
    title: 'Switchyard catalog admin API',
    routes,
    components: {
      Model: modelJsonSchema,
      ModelList: modelPageSchema,
      Provider: providerJsonSchema,
      ProviderList: providerListSchema,
      Credential: credentialJsonSchema,
      CredentialList: credentialListSchema,
      SyncRun: syncRunJsonSchema,
      CatalogSnapshotV1: catalogSnapshotV1Schema,
    },
    errors: {
      '400': 'Malformed request; `error.param` names the field.',
      '401': 'Missing or invalid API key.',
      '403': 'The key may not do this (`insufficient_role`): only admin keys write.',
      '404': 'No such model, provider, credential or sync run.',
    },
  });
}
