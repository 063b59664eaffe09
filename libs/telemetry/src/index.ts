export { CachedCounter, type CounterChild } from './cached-counter.js';
export { CachedHistogram, type HistogramChild } from './cached-histogram.js';
export {
  type CreateLoggerOptions,
  createLogger,
  loggerOptions,
  REDACTED_PATHS,
} from './create-logger.js';
export { createServiceMetrics, type HttpMetrics, type ServiceMetrics } from './metrics-registry.js';
export { startTracing, type Tracing } from './start-tracing.js';
export { isTracingOn, NO_SPAN } from './tracing-on.js';
