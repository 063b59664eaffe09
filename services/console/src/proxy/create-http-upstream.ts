import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
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
    // A stream (an export) may take minutes: the timeout covers only the wait for its headers.
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new Error('upstream timed out')), timeoutMs);
    try {
      const response = await fetch(`${origins[target]}${request.path}`, {
        method: request.method,
        headers: request.headers,
        ...(request.body !== undefined && { body: request.body }),
        redirect: 'manual',
        signal: deadline.signal,
      });
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name] = value;
      });
      if (request.stream === true && response.body !== null) {
        clearTimeout(timer);
        return {
          status: response.status,
          headers,
          body: '',
          stream: Readable.fromWeb(response.body as WebReadableStream<Uint8Array>),
        };
      }
      return { status: response.status, headers, body: await response.text() };
    } finally {
      clearTimeout(timer);
    }
  };
}
