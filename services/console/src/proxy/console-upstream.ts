import type { Readable } from 'node:stream';
/** Which Switchyard API a console call goes to. */
export type UpstreamTarget = 'admin' | 'catalog' | 'gateway';

/** A call to one of the public APIs: a path with its query, headers and an optional JSON body. */
export interface UpstreamRequest {
  method: string;
  /** Path and query, e.g. `/admin/v1/keys?limit=20`. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Answer the body as a stream (a CSV export), not read into memory. */
  stream?: boolean;
}

/** What came back, fully read (admin responses are small JSON documents). */
export interface UpstreamResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The body, unread, when the request asked for a stream (`body` is then empty). */
  stream?: Readable;
}

/**
 * How the console reaches the public APIs: over HTTP in its own process, or through the same
 * fastify instance's routes when mounted in the standalone process. Rejects when unreachable.
 */
export type ConsoleUpstream = (
  target: UpstreamTarget,
  request: UpstreamRequest,
) => Promise<UpstreamResponse>;
