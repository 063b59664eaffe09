import {
  type FakeUpstream,
  type FakeUpstreamOptions,
  startFakeUpstream,
} from '../fake-upstream/start-fake-upstream.js';
import { createVertexDialect, type VertexDialectOptions } from './create-vertex-dialect.js';

/** Options of {@link startFakeVertex}. */
export interface FakeVertexOptions extends FakeUpstreamOptions, VertexDialectOptions {}

/**
 * A running fake Vertex AI; `url` is the base URL of its project and location,
 * `http://127.0.0.1:PORT/v1/projects/{project}/locations/{location}`.
 */
export type FakeVertex = FakeUpstream;

/** Starts a fake Vertex AI for one project and location, checking tokens with `verifyToken`. */
export function startFakeVertex(options: FakeVertexOptions): Promise<FakeVertex> {
  return startFakeUpstream(createVertexDialect(options), options);
}
