import { NodeSDK } from '@opentelemetry/sdk-node';

/** The OpenTelemetry SDK, started with the standard `OTEL_*` settings and no instrumentations. */
export function startNodeSdk(serviceName: string): { shutdown(): Promise<void> } {
  const sdk = new NodeSDK({ serviceName, instrumentations: [] });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}
