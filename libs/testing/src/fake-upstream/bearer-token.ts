/** The value after `Bearer ` in an Authorization header, if it is a bearer header. */
export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(.*)$/i.exec(authorization ?? '');
  return match?.[1]?.trim();
}
