import type { ConsoleUpstream, UpstreamTarget } from './console-upstream.js';

export interface HttpUpstreamOptions {
  adminUrl: string;
  catalogUrl: string;
  gatewayUrl: string;
  /** Give up on a call after this long; default 15 s. */
  timeoutMs?: number;
}

/** Reaches the admin, catalog and gateway APIs over HTTP at their configured origins. */
export function createHttpUpstream(options: HttpUpstreamOptions): ConsoleUpstream {
  const origins: Record<UpstreamTarget, string> = {
    admin: options.adminUrl.replace(/\/+$/, ''),
    catalog: options.catalogUrl.replace(/\/+$/, ''),
    gateway: options.gatewayUrl.replace(/\/+$/, ''),
  };
  const timeoutMs = options.timeoutMs ?? 15_000;
  return async (target, request) => {
    const response = await fetch(`${origins[target]}${request.path}`, {
      method: request.method,
      headers: request.headers,
      ...(request.body !== undefined && { body: request.body }),
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    return { status: response.status, headers, body: await response.text() };
  };
}
