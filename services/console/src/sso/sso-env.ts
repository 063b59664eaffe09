import { z } from 'zod';
import type { RoleMapping, SsoConfig } from './sso-config.js';

const url = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

const roleMappingsSchema = z
  .string()
  .transform((text, context) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      context.addIssue({ code: 'custom', message: 'must be a JSON array of mappings' });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .array(
        z.discriminatedUnion('role', [
          z.strictObject({ group: z.string().min(1), role: z.literal('admin') }),
          z.strictObject({
            group: z.string().min(1),
            role: z.literal('team_admin'),
            team: z.string().min(1),
          }),
        ]),
        { error: 'must be a JSON array of {group, role[, team]}' },
      )
      .min(1, { error: 'must map at least one group' }),
  );

/** The console's SSO variables; all optional, but once the issuer is set the others follow. */
export const ssoEnvShape = {
  SWITCHYARD_SSO_ISSUER: url.optional(),
  SWITCHYARD_SSO_CLIENT_ID: z.string().trim().min(1).optional(),
  SWITCHYARD_SSO_CLIENT_SECRET: z.string().min(1).optional(),
  SWITCHYARD_SSO_REDIRECT_URL: url
    .refine((value) => new URL(value).pathname.endsWith('/auth/sso/callback'), {
      error: "must be the console's <prefix>/auth/sso/callback URL",
    })
    .optional(),
  SWITCHYARD_SSO_POST_LOGOUT_REDIRECT_URL: url.optional(),
  SWITCHYARD_SSO_GROUPS_CLAIM: z.string().trim().min(1).default('groups'),
  SWITCHYARD_SSO_SCOPES: z.string().trim().min(1).default('openid profile email'),
  SWITCHYARD_SSO_ROLE_MAPPINGS: roleMappingsSchema.optional(),
  SWITCHYARD_CONSOLE_ACTOR_SECRET: z
    .string()
    .min(32, { error: 'must be at least 32 characters' })
    .optional(),
};

type SsoEnv = z.output<z.ZodObject<typeof ssoEnvShape>>;

/** Which variables SSO cannot do without, once `SWITCHYARD_SSO_ISSUER` is set. */
export function checkSsoEnv(env: SsoEnv, context: z.RefinementCtx): void {
  if (env.SWITCHYARD_SSO_ISSUER === undefined) return;
  const required = [
    'SWITCHYARD_SSO_CLIENT_ID',
    'SWITCHYARD_SSO_REDIRECT_URL',
    'SWITCHYARD_SSO_ROLE_MAPPINGS',
    'SWITCHYARD_CONSOLE_ACTOR_SECRET',
  ] as const;
  for (const name of required) {
    if (env[name] === undefined) {
      context.addIssue({
        code: 'custom',
        path: [name],
        message: 'is required when SWITCHYARD_SSO_ISSUER is set',
      });
    }
  }
}

/** The SSO configuration, or undefined when SSO is off (no issuer). */
export function toSsoConfig(env: SsoEnv): SsoConfig | undefined {
  const issuer = env.SWITCHYARD_SSO_ISSUER;
  const clientId = env.SWITCHYARD_SSO_CLIENT_ID;
  const redirectUrl = env.SWITCHYARD_SSO_REDIRECT_URL;
  const mappings: RoleMapping[] | undefined = env.SWITCHYARD_SSO_ROLE_MAPPINGS;
  const actorSecret = env.SWITCHYARD_CONSOLE_ACTOR_SECRET;
  if (
    issuer === undefined ||
    clientId === undefined ||
    redirectUrl === undefined ||
    mappings === undefined ||
    actorSecret === undefined
  ) {
    return undefined;
  }
  // The console's page: the callback URL without `/auth/sso/callback`.
  const consoleUrl = redirectUrl.replace(/\/auth\/sso\/callback$/, '/');
  return {
    issuer,
    clientId,
    clientSecret: env.SWITCHYARD_SSO_CLIENT_SECRET,
    redirectUrl,
    postLogoutRedirectUrl: env.SWITCHYARD_SSO_POST_LOGOUT_REDIRECT_URL ?? consoleUrl,
    groupsClaim: env.SWITCHYARD_SSO_GROUPS_CLAIM,
    scopes: env.SWITCHYARD_SSO_SCOPES.split(/\s+/).includes('openid')
      ? env.SWITCHYARD_SSO_SCOPES
      : `openid ${env.SWITCHYARD_SSO_SCOPES}`,
    roleMappings: mappings,
    actorSecret,
  };
}
