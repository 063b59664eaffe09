/** The few lines a person reads when Switchyard starts on a laptop. */
export function formatBanner(options: {
  url: string;
  masterKey: string;
  keySource: 'configured' | 'stored' | 'generated';
  keyFile: string;
  models: readonly string[];
}): string {
  const example = options.models.find((id) => !id.includes('embedding')) ?? 'openai/gpt-4o-mini';
  // A key the operator configured is theirs to know: never echo it into logs.
  const configured = options.keySource === 'configured';
  const keyLine = configured
    ? 'from SWITCHYARD_MASTER_KEY'
    : `${options.masterKey} (${options.keySource === 'generated' ? 'generated, ' : ''}kept in ${options.keyFile})`;
  const keyInCurl = configured ? '$SWITCHYARD_MASTER_KEY' : options.masterKey;
  const modelLine =
    options.models.length === 0
      ? 'Models:     none configured: set OPENAI_API_KEY / OPENAI_BASE_URL or SWITCHYARD_CONFIG'
      : `Models:     ${options.models.length} (${options.models.slice(0, 4).join(', ')}${options.models.length > 4 ? ', …' : ''})`;
  return [
    '',
    '  Switchyard is running',
    `  Base URL:   ${options.url}/v1`,
    `  Console:    ${options.url}/console/`,
    `  Master key: ${keyLine}`,
    `  ${modelLine}`,
    '',
    `  curl ${options.url}/v1/chat/completions \\`,
    `    -H "Authorization: Bearer ${keyInCurl}" -H "Content-Type: application/json" \\`,
    `    -d '{"model":"${example}","messages":[{"role":"user","content":"Hello"}]}'`,
    '',
  ].join('\n');
}
