/** Import rules of ARCHITECTURE.md: no cycles, services → libs, libs never import services. */

/**
 * The gateway's folders, lowest first (docs/architecture.md "Gateway layers"). A folder imports
 * its own layer's files and lower layers, never a higher one nor another folder of its layer;
 * the files at the root of src/ (app.ts, main.ts, config.ts, build-*.ts) and testing/ compose
 * it all. Tests may drive the whole app, so they are exempt.
 */
const GATEWAY_LAYERS = [
  ['upstream'],
  ['errors'],
  ['catalog'],
  ['auth'],
  ['usage'],
  ['routing'],
  ['admission', 'relay'],
  ['pipeline'],
  ['chat'],
  ['embeddings', 'messages', 'responses', 'models', 'key', 'generation'],
];
const GATEWAY = '^services/gateway/src/';
const TOP = `${GATEWAY}([^/]+\\.ts$|testing/)`;
const folders = (layer) => `${GATEWAY}(${layer.join('|')})/`;
const gatewayLayerRules = GATEWAY_LAYERS.flatMap((layer, index) => {
  const higher = GATEWAY_LAYERS.slice(index + 1).flat();
  return layer.map((folder) => ({
    name: `gateway-layers-${folder}`,
    comment: `services/gateway/src/${folder}/ imports only lower layers: ${
      GATEWAY_LAYERS.slice(0, index).flat().join(', ') || 'none'
    }.`,
    severity: 'error',
    from: { path: `${GATEWAY}${folder}/`, pathNot: '\\.test\\.ts$' },
    to: {
      path: [
        TOP,
        ...(higher.length > 0 ? [folders(higher)] : []),
        ...layer.filter((other) => other !== folder).map((other) => folders([other])),
      ],
    },
  }));
});
const gatewayUnlayered = {
  name: 'gateway-folders-are-layered',
  comment: 'A new folder of services/gateway/src/ takes its place in GATEWAY_LAYERS.',
  severity: 'error',
  from: { path: `${GATEWAY}[^/]+/`, pathNot: `${TOP}|${folders(GATEWAY_LAYERS.flat())}` },
  to: {},
};

module.exports = {
  forbidden: [
    ...gatewayLayerRules,
    gatewayUnlayered,
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'libs-do-not-import-services',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^services/' },
    },
    {
      name: 'services-meet-through-libs',
      comment: 'Only standalone, the composition root, may import another service.',
      severity: 'error',
      from: { path: '^services/([^/]+)/', pathNot: '^services/standalone/' },
      to: { path: '^services/([^/]+)/', pathNot: '^services/$1/' },
    },
    {
      name: 'no-deep-imports-across-packages',
      comment: 'A package is used through its exports map, never by reaching into its src/.',
      severity: 'error',
      from: { path: '^(libs|services)/([^/]+)/' },
      to: { path: '^(libs|services)/([^/]+)/src/(?!index\\.ts$)', pathNot: '^$1/$2/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(node_modules|__fixtures__|/dist/)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'default'] },
  },
};
