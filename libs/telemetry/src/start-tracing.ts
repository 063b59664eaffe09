export interface Tracing {
  /** Flushes and stops the exporter; safe to call when tracing is off. */
  shutdown(): Promise<void>;
}

const OFF: Tracing = { shutdown: async () => {} };

/**
 * Starts the OpenTelemetry SDK when the standard `OTEL_*` variables ask for an exporter
 * (`OTEL_EXPORTER_OTLP_ENDPOINT`, `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` or `OTEL_TRACES_EXPORTER`),
 * and stays a no-op otherwise — without even loading the SDK, which is large. Spans are created
 * by hand (no monkey-patching instrumentations), so this can run at any point of start-up.
 */
export async function startTracing(
  serviceName: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<Tracing> {
  const wanted =
    env.OTEL_SDK_DISABLED !== 'true' &&
    ((env.OTEL_TRACES_EXPORTER !== undefined && env.OTEL_TRACES_EXPORTER !== 'none') ||
      env.OTEL_EXPORTER_OTLP_ENDPOINT !== undefined ||
      env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT !== undefined);
  if (!wanted) return OFF;
  // A module of ours that imports the SDK statically: `import()` of the CommonJS package itself
  // would lose its named exports in the compiled bundle.
  const { startNodeSdk } = await import('./start-node-sdk.js');
  return startNodeSdk(env.OTEL_SERVICE_NAME ?? serviceName);
}
