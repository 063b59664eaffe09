/** A `FoundationModelSummary` of us-east-1. */
export function foundationModel(
  modelId: string,
  outputModalities: readonly string[],
  inferenceTypesSupported: readonly string[],
): Record<string, unknown> {
  return {
    modelArn: `arn:aws:bedrock:us-east-1::foundation-model/${modelId}`,
    modelId,
    modelName: modelId,
    providerName: modelId.split('.')[0] ?? '',
    inputModalities: ['TEXT'],
    outputModalities,
    responseStreamingSupported: outputModalities.includes('TEXT'),
    customizationsSupported: [],
    inferenceTypesSupported,
    modelLifecycle: { status: 'ACTIVE' },
  };
}

/** A system-defined cross-region `InferenceProfileSummary` (`us.anthropic.…`). */
export function inferenceProfile(inferenceProfileId: string): Record<string, unknown> {
  const modelId = inferenceProfileId.split('.').slice(1).join('.');
  return {
    inferenceProfileName: inferenceProfileId,
    inferenceProfileArn: `arn:aws:bedrock:us-east-1:111122223333:inference-profile/${inferenceProfileId}`,
    models: ['us-east-1', 'us-west-2'].map((region) => ({
      modelArn: `arn:aws:bedrock:${region}::foundation-model/${modelId}`,
    })),
    inferenceProfileId,
    status: 'ACTIVE',
    type: 'SYSTEM_DEFINED',
  };
}
