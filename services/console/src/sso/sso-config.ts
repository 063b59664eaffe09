/** A group (or role) the identity provider puts in the groups claim, and what it grants. */
export type RoleMapping =
  | { group: string; role: 'admin' }
  /** `team` is the team's id or its name (resolved at sign-in). */
  | { group: string; role: 'team_admin'; team: string };

/** Console sign-in through an OpenID Connect provider (authorization code + PKCE). */
export interface SsoConfig {
  /** The provider's issuer; its `/.well-known/openid-configuration` is discovered. */
  issuer: string;
  clientId: string;
  /** Absent for a public client (PKCE only). Never logged. */
  clientSecret: string | undefined;
  /** The console's `<prefix>/auth/sso/callback` as the browser reaches it; registered at the provider. */
  redirectUrl: string;
  /** Where the provider sends the browser after logout; registered there too. */
  postLogoutRedirectUrl: string;
  /** The claim holding the person's groups; a dotted path reaches into objects (`realm_access.roles`). */
  groupsClaim: string;
  /** Scopes asked for; `openid` is always among them. */
  scopes: string;
  roleMappings: readonly RoleMapping[];
  /** Signs the `x-switchyard-actor` assertions the admin APIs accept for SSO sessions. */
  actorSecret: string;
}
