/**
 * The host and port a service URL points at (`defaultPort` when it names none), or undefined
 * when the text is not a URL with a host.
 */
export function urlEndpoint(
  text: string,
  defaultPort: number,
): { host: string; port: number } | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === '') return undefined;
  return { host, port: url.port === '' ? defaultPort : Number(url.port) };
}

/** The URL with its password replaced by `***`, safe to put in an error message. */
export function redactUrl(text: string): string {
  try {
    const url = new URL(text);
    if (url.password === '') return text;
    url.password = '***';
    return url.toString();
  } catch {
    return '(not a valid URL)';
  }
}
