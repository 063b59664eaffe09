const RUNTIME_HOST =
  /^bedrock-runtime(?:-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d+)\.amazonaws\.com(?:\.cn)?$/;

/**
 * The region of a Bedrock runtime base URL (`https://bedrock-runtime.eu-west-1.amazonaws.com`,
 * FIPS and China endpoints included); undefined for any other host (a VPC endpoint or a proxy,
 * whose region the configuration names).
 */
export function bedrockRegionOf(baseUrl: string): string | undefined {
  if (!URL.canParse(baseUrl)) return undefined;
  return RUNTIME_HOST.exec(new URL(baseUrl).hostname)?.[1];
}
