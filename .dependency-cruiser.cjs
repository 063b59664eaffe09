/** Import rules of ARCHITECTURE.md: no cycles, services → libs, libs never import services. */
module.exports = {
  forbidden: [
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
