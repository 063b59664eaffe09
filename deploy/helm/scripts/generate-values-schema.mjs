// Writes deploy/helm/switchyard/values.schema.json: the strict JSON schema of the chart's values
// (additionalProperties false everywhere but the pass-through Kubernetes objects).
//   node deploy/helm/scripts/generate-values-schema.mjs [output file]
// Edit this file, not the JSON, then run it; test/chart/values-schema.test.ts fails while the
// committed schema differs from what this prints, or while values.yaml and the schema disagree.
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const obj = (description, properties, extra = {}) => ({
  type: 'object',
  description,
  additionalProperties: false,
  properties,
  ...extra,
});
const str = (description, extra = {}) => ({ type: 'string', description, ...extra });
const int = (description, minimum = 0, extra = {}) => ({
  type: 'integer',
  description,
  minimum,
  ...extra,
});
const bool = (description) => ({ type: 'boolean', description });
const map = (description) => ({
  type: 'object',
  description,
  additionalProperties: { type: 'string' },
});
const passObject = (description) => ({ type: 'object', description });
const passArray = (description) => ({ type: 'array', description, items: { type: 'object' } });
const quantity = {
  oneOf: [
    { type: 'string', pattern: '^[0-9.]+([eE][-+]?[0-9]+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$' },
    { type: 'number', minimum: 0 },
  ],
};
const resourceList = (description) =>
  obj(description, { cpu: quantity, memory: quantity, 'ephemeral-storage': quantity });
const resources = (description) =>
  obj(description, {
    requests: resourceList('Requested resources.'),
    limits: resourceList('Resource limits.'),
  });
const intOrPercent = (description) => ({
  description,
  oneOf: [
    { type: 'integer', minimum: 0 },
    { type: 'string', pattern: '^[0-9]+%$' },
  ],
});
const nullableIntOrPercent = (description) => ({
  description,
  oneOf: [
    { type: 'null' },
    { type: 'integer', minimum: 0 },
    { type: 'string', pattern: '^[0-9]+%$' },
  ],
});
const port = (description) => ({ type: 'integer', description, minimum: 1, maximum: 65535 });
const envVarList = (description) => ({
  type: 'array',
  description,
  items: {
    type: 'object',
    required: ['name'],
    properties: { name: { type: 'string', pattern: '^[-._a-zA-Z][-._a-zA-Z0-9]*$' } },
  },
});
const image = (component) =>
  obj(
    `Image of the ${component}.`,
    {
      repository: str(`Repository of the ${component} image.`, { minLength: 1 }),
      tag: str('Tag; "" means image.tag, then the chart\'s appVersion.'),
    },
    { required: ['repository'] },
  );
const seccomp = obj('Seccomp profile.', {
  type: { enum: ['RuntimeDefault', 'Localhost', 'Unconfined'] },
  localhostProfile: { type: 'string' },
});
const seLinux = obj('SELinux options.', {
  level: { type: 'string' },
  role: { type: 'string' },
  type: { type: 'string' },
  user: { type: 'string' },
});
const appArmor = obj('AppArmor profile.', {
  type: { enum: ['RuntimeDefault', 'Localhost', 'Unconfined'] },
  localhostProfile: { type: 'string' },
});
const windows = passObject('Windows options.');
const podSecurityContext = obj(
  'Pod security context of every pod (Kubernetes PodSecurityContext).',
  {
    runAsNonRoot: { type: 'boolean' },
    runAsUser: { type: 'integer', minimum: 0 },
    runAsGroup: { type: 'integer', minimum: 0 },
    fsGroup: { type: 'integer', minimum: 0 },
    fsGroupChangePolicy: { enum: ['Always', 'OnRootMismatch'] },
    supplementalGroups: { type: 'array', items: { type: 'integer', minimum: 0 } },
    supplementalGroupsPolicy: { enum: ['Merge', 'Strict'] },
    seccompProfile: seccomp,
    seLinuxOptions: seLinux,
    appArmorProfile: appArmor,
    windowsOptions: windows,
    sysctls: {
      type: 'array',
      items: obj('A sysctl.', { name: { type: 'string' }, value: { type: 'string' } }),
    },
    seLinuxChangePolicy: { type: 'string' },
  },
);
const securityContext = obj(
  'Container security context of every Switchyard container (Kubernetes SecurityContext).',
  {
    runAsNonRoot: { type: 'boolean' },
    runAsUser: { type: 'integer', minimum: 0 },
    runAsGroup: { type: 'integer', minimum: 0 },
    allowPrivilegeEscalation: { type: 'boolean' },
    readOnlyRootFilesystem: { type: 'boolean' },
    privileged: { type: 'boolean' },
    capabilities: obj('Capabilities.', {
      add: { type: 'array', items: { type: 'string' } },
      drop: { type: 'array', items: { type: 'string' } },
    }),
    seccompProfile: seccomp,
    seLinuxOptions: seLinux,
    appArmorProfile: appArmor,
    windowsOptions: windows,
    procMount: { enum: ['Default', 'Unmasked'] },
  },
);
const service = (component, defaultPort) =>
  obj(
    `The ${component} Service.`,
    {
      type: { enum: ['ClusterIP', 'NodePort', 'LoadBalancer'], description: 'Service type.' },
      port: port(`Service port (default ${defaultPort}).`),
      annotations: map('Service annotations.'),
    },
    { required: ['type', 'port'] },
  );
const pdb = obj(
  'PodDisruptionBudget.',
  {
    enabled: bool('Create a PodDisruptionBudget.'),
    maxUnavailable: intOrPercent(
      'Pods that may be down at once; ignored when minAvailable is set.',
    ),
    minAvailable: nullableIntOrPercent('Pods that must stay up; null to use maxUnavailable.'),
  },
  { required: ['enabled'] },
);
const component = (name, description, extras = {}) =>
  obj(
    description,
    {
      enabled: bool(`Run the ${name}.`),
      replicaCount: int('Pods (when autoscaling is off).', 0),
      image: image(name),
      port: port('Container port (PORT).'),
      service: service(name),
      shutdownGraceMs: int('How long a draining process lets in-flight work finish, ms.', 0),
      preStopSleepSeconds: int('Seconds the pod waits before SIGTERM; 0 for no preStop hook.', 0, {
        maximum: 120,
      }),
      terminationGracePeriodSeconds: int(
        'Must exceed preStopSleepSeconds + shutdownGraceMs / 1000.',
        1,
      ),
      resources: resources('Container resources.'),
      podDisruptionBudget: pdb,
      podAnnotations: map('Pod annotations.'),
      podLabels: map('Pod labels.'),
      nodeSelector: map('Node selector.'),
      tolerations: passArray('Tolerations.'),
      affinity: passObject('Affinity.'),
      topologySpreadConstraints: passArray('Topology spread constraints.'),
      extraEnv: envVarList('Extra environment variables (Kubernetes EnvVar objects).'),
      ...extras,
    },
    {
      required: [
        'enabled',
        'replicaCount',
        'image',
        'port',
        'service',
        'shutdownGraceMs',
        'preStopSleepSeconds',
        'terminationGracePeriodSeconds',
        'resources',
        'podDisruptionBudget',
      ],
    },
  );
const connection = (store, scheme, key) =>
  obj(
    `How the services reach ${store}: url or existingSecret.`,
    {
      url: str(`${scheme} URL, stored in the chart's Secret.`, { pattern: `^$|^(${scheme})://` }),
      existingSecret: str('An existing Secret holding the URL.'),
      existingSecretKey: str('Key of the URL in existingSecret.', { minLength: 1 }),
    },
    { required: ['url', 'existingSecret', 'existingSecretKey'] },
  );
const originPattern = '^$|^https?://[^/]+$';
const labelKeyPattern =
  '^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$';
const labelValuePattern = '^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$';
/** The alerts of templates/prometheusrule.yaml. */
const ALERT_NAMES = [
  'SwitchyardUpstreamErrorRateHigh',
  'SwitchyardUsageEventsDropped',
  'SwitchyardUsageConsumerStalled',
  'SwitchyardUsageDeadLetters',
  'SwitchyardUsageInsertFailures',
  'SwitchyardRateLimitStoreDegraded',
  'SwitchyardCatalogSyncStale',
];
const envName = { type: 'string', pattern: '^[A-Z_][A-Z0-9_]*$' };
const price = {
  description: 'USD per token, as an exact decimal.',
  oneOf: [
    { type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$' },
    { type: 'number', minimum: 0 },
  ],
};
const pricing = obj('Prices per token.', {
  prompt: price,
  completion: price,
  cached_prompt: price,
  reasoning: price,
  cache_write: price,
  cache_write_1h: price,
});
/** The provider types of libs/providers (test/chart/values-schema.test.ts checks they agree). */
const PROVIDER_TYPES = [
  'openai',
  'openai-compatible',
  'openrouter',
  'anthropic',
  'google',
  'bedrock',
  'azure',
  'vertex',
];
const providerName = { type: 'string', pattern: '^[a-z0-9][a-z0-9_.-]*$' };
const keyEntry = {
  oneOf: [
    { type: 'string' },
    obj(
      'A key with its own limits.',
      {
        key: { type: 'string' },
        rpm: { type: 'integer', minimum: 1 },
        tpm: { type: 'integer', minimum: 1 },
        daily_requests: { type: 'integer', minimum: 1 },
      },
      { required: ['key'] },
    ),
  ],
};
const config = obj(
  'switchyard.yaml of the gateway and the catalog (mounted at /etc/switchyard/switchyard.yaml). host, port and shutdown_grace_ms are set by the chart.',
  {
    server: obj('Listener settings.', {
      body_limit_bytes: int('Largest request body accepted, bytes.', 1),
      headers_timeout_ms: int('Longest wait for the request headers, ms (408 after).', 1),
      body_timeout_ms: int('Longest wait for the whole request, body included, ms (408 after).', 1),
    }),
    upstream: obj('Upstream timeouts, ms.', {
      connect_timeout_ms: int('Connect timeout, ms.', 1),
      first_byte_timeout_ms: int('First-byte deadline, ms.', 1),
      idle_timeout_ms: int('Longest pause between chunks, ms.', 1),
      request_timeout_ms: int('Total deadline, ms.', 1),
    }),
    log_level: {
      enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      description: 'Log level of every service.',
    },
    providers: {
      type: 'array',
      description: 'Upstream providers.',
      items: obj(
        'A provider.',
        {
          name: providerName,
          type: { enum: PROVIDER_TYPES },
          base_url: { type: 'string' },
          region: str('AWS region a bedrock provider signs for, when its base URL names none.', {
            pattern: '^[a-z]{2}(-[a-z]+)+-\\d+$',
          }),
          keys: {
            description: 'Key pool: ${VAR} references to secrets.providerKeys or providerKeyRefs.',
            oneOf: [{ type: 'null' }, { type: 'string' }, { type: 'array', items: keyEntry }],
          },
          key_strategy: { enum: ['round_robin', 'least_used', 'random'] },
          headers: { oneOf: [{ type: 'null' }, map('Extra headers sent upstream.')] },
          serve_listed_models: bool(
            "Route the makers' models through it whenever its model list serves them (bedrock, vertex).",
          ),
        },
        { required: ['name', 'type'] },
      ),
    },
    models: {
      type: 'array',
      description: 'Models and their routes.',
      items: obj(
        'A model.',
        {
          id: { type: 'string', pattern: '^[^/]+/.+$' },
          name: { type: 'string', minLength: 1 },
          kind: { enum: ['chat', 'embedding'] },
          provider: providerName,
          upstream_model: { type: 'string', minLength: 1 },
          context_length: { type: 'integer', minimum: 1 },
          max_output_tokens: { type: 'integer', minimum: 1 },
          pricing,
          routes: {
            type: 'array',
            minItems: 1,
            items: obj(
              'A route.',
              {
                provider: providerName,
                upstream_model: { type: 'string', minLength: 1 },
                priority: { type: 'integer', minimum: 0 },
                pricing,
              },
              { required: ['provider'] },
            ),
          },
        },
        { required: ['id', 'context_length'] },
      ),
    },
  },
);
const probe = (description) =>
  obj(description, {
    periodSeconds: int('Seconds between two checks.', 1),
    timeoutSeconds: int('Seconds a check may take.', 1),
    failureThreshold: int('Failed checks in a row before acting.', 1),
  });
const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Switchyard Helm chart values',
  ...obj('Values of the Switchyard chart; unknown keys are errors.', {
    nameOverride: str('Replaces the chart name in resource names.'),
    fullnameOverride: str('Replaces the "<release>-<chart>" prefix of resource names.'),
    global: passObject('Helm global values (shared with subcharts; unused by this chart).'),
    image: obj('Defaults of every image.', {
      registry: str('Registry prefixed to every repository.'),
      tag: str('Tag of every image unless a component sets its own; "" for appVersion.'),
      pullPolicy: {
        enum: ['', 'Always', 'IfNotPresent', 'Never'],
        description: 'imagePullPolicy.',
      },
    }),
    imagePullSecrets: {
      type: 'array',
      description: 'Image pull secrets.',
      items: obj(
        'A pull secret.',
        { name: str('Secret name.', { minLength: 1 }) },
        { required: ['name'] },
      ),
    },
    secrets: obj(
      'The secrets the services read: inline, or an existing Secret.',
      {
        existingSecret: str(
          'An existing Secret holding the keys; the inline values must then be empty.',
        ),
        existingSecretKeys: obj(
          'Key names inside existingSecret.',
          {
            masterKey: str('Key of the master key.', { minLength: 1 }),
            keyPepper: str('Key of the pepper.', { minLength: 1 }),
            encryptionKey: str('Key of the encryption key.', { minLength: 1 }),
            providerKeys: {
              type: 'array',
              description: 'Provider keys in existingSecret, passed as env of the same name.',
              items: envName,
              uniqueItems: true,
            },
          },
          { required: ['masterKey', 'keyPepper', 'encryptionKey', 'providerKeys'] },
        ),
        masterKey: str('The admin key.'),
        keyPepper: str('HMAC key of stored API keys, at least 16 characters.', {
          anyOf: [{ maxLength: 0 }, { minLength: 16 }],
        }),
        encryptionKey: str('AES-256 key: 64 hex digits or base64 of 32 bytes.', {
          pattern: '^$|^[0-9a-fA-F]{64}$|^[A-Za-z0-9+/_-]{43}=?$',
        }),
        providerKeys: {
          type: 'object',
          description: 'Provider keys by environment variable name.',
          propertyNames: envName,
          additionalProperties: { type: 'string' },
        },
        providerKeyRefs: {
          type: 'object',
          description:
            'Provider secrets in other Secrets, by environment variable name (gateway and catalog).',
          propertyNames: envName,
          additionalProperties: obj(
            'A key of a Secret you manage.',
            {
              secret: str('Secret name.', { minLength: 1 }),
              key: str('Key in that Secret.', { minLength: 1 }),
            },
            { required: ['secret', 'key'] },
          ),
        },
        googleCredentials: obj(
          'A Google service-account JSON key mounted for keyless vertex providers (ADC).',
          {
            existingSecret: str('Secret holding the key; "" for none.'),
            existingSecretKey: str('Key of the JSON in that Secret.', { minLength: 1 }),
          },
          { required: ['existingSecret', 'existingSecretKey'] },
        ),
      },
      { required: ['existingSecret', 'existingSecretKeys'] },
    ),
    database: connection('Postgres', 'postgres|postgresql', 'DATABASE_URL'),
    redis: connection('Redis', 'redis|rediss', 'REDIS_URL'),
    nats: connection('NATS', 'nats|tls|ws|wss', 'NATS_URL'),
    config,
    extraEnv: envVarList('Environment variables of every Switchyard container.'),
    tracing: obj('Traces over OTLP.', {
      otlpEndpoint: str('OTEL_EXPORTER_OTLP_ENDPOINT; "" for no export.'),
    }),
    probes: obj('Probes of every Switchyard container.', {
      liveness: probe('Liveness (/livez).'),
      readiness: probe('Readiness (/readyz).'),
      startup: obj('Startup (/livez).', {
        periodSeconds: int('Seconds between two checks.', 1),
        failureThreshold: int('Failed checks before a restart.', 1),
      }),
    }),
    podSecurityContext,
    securityContext,
    tmpVolume: obj('The /tmp emptyDir.', { sizeLimit: quantity }),
    serviceAccount: obj("The services' ServiceAccount.", {
      create: bool('Create it.'),
      name: str('Its name.'),
      annotations: map('Its annotations.'),
    }),
    commonLabels: map('Labels added to every resource.'),
    gateway: component('gateway', 'The gateway (the OpenAI-compatible API).', {
      rateLimitFailMode: {
        enum: ['open', 'closed'],
        description: 'When Redis is unreachable: let requests through or refuse them.',
      },
      limitAllowanceShare: {
        type: 'number',
        minimum: 0,
        maximum: 0.1,
        description:
          'Share of a large rate limit each replica charges in Redis ahead and admits from without a round trip (0: off).',
      },
      usageSpool: obj('Usage events kept on an emptyDir until NATS acknowledges them.', {
        enabled: bool('Spool usage events locally (SWITCHYARD_USAGE_SPOOL_DIR).'),
        fsyncMs: int('How often spooled events are fsynced: the most a crash loses.', 1, {
          maximum: 10000,
        }),
        maxBytes: int('Most bytes spooled; the emptyDir sizeLimit adds 16 MiB.', 1048576),
        medium: { enum: ['', 'Memory'], description: 'emptyDir medium: node disk or tmpfs.' },
      }),
      autoscaling: obj(
        'HorizontalPodAutoscaler of the gateway.',
        {
          enabled: bool('Create the HPA.'),
          minReplicas: int('Fewest pods.', 1),
          maxReplicas: int('Most pods.', 1),
          targetCPUUtilizationPercentage: {
            oneOf: [{ type: 'null' }, { type: 'integer', minimum: 1 }],
            description: 'CPU target, % of requests.',
          },
          targetMemoryUtilizationPercentage: {
            oneOf: [{ type: 'null' }, { type: 'integer', minimum: 1 }],
            description: 'Memory target, % of requests.',
          },
          behavior: passObject('HPA behavior.'),
        },
        { required: ['enabled', 'minReplicas', 'maxReplicas'] },
      ),
    }),
    catalog: component('catalog', 'The catalog (providers, credentials, models, prices).', {
      syncIntervalMs: int('How often the catalog syncs, ms.', 10000),
      openRouterCatalogUrl: str('The OpenRouter-format catalog URL, or "off".', {
        pattern: '^(off|https?://.+)$',
      }),
    }),
    accounting: component('accounting', 'Accounting (teams, keys, budgets, usage).'),
    console: component('console', 'The web console (/console); sessions in memory.', {
      adminUrl: str('Origin of the accounting admin API; "" for the release\'s accounting.', {
        pattern: originPattern,
      }),
      catalogUrl: str('Origin of the catalog admin API; "" for the release\'s catalog.', {
        pattern: originPattern,
      }),
      gatewayUrl: str('Origin of the gateway; "" for the release\'s gateway.', {
        pattern: originPattern,
      }),
      sessionIdleMs: int('Idle session lifetime, ms.', 60000),
      sessionMaxAgeMs: int('Absolute session lifetime, ms.', 60000),
      ingress: obj(
        'The console\'s Ingress (path /console).',
        {
          host: {
            enum: ['admin', 'gateway', 'none'],
            description: 'The Ingress whose hosts, class and TLS it takes, or none.',
          },
          annotations: map('Annotations, added to that Ingress\' own (e.g. cookie affinity).'),
        },
        { required: ['host'] },
      ),
    }),
    migrations: obj(
      'The migration hook Job.',
      {
        enabled: bool('Run migrations on install and upgrade.'),
        image: image('migrate'),
        waitSeconds: int('Seconds to wait for the database.', 0),
        backoffLimit: int('Retries of a failed pod.', 0),
        activeDeadlineSeconds: int('Deadline of the Job, seconds.', 1),
        resources: resources('Container resources.'),
        podAnnotations: map('Pod annotations.'),
        nodeSelector: map('Node selector.'),
        tolerations: passArray('Tolerations.'),
        affinity: passObject('Affinity.'),
      },
      { required: ['enabled', 'image'] },
    ),
    ingress: obj('Ingresses.', {
      gateway: ingress('The public API (every path to the gateway).'),
      admin: ingress('The admin API (/admin/v1 to catalog and accounting).'),
    }),
    dashboards: obj(
      'Grafana dashboards in a ConfigMap for the Grafana sidecar.',
      {
        enabled: bool('Create the ConfigMap.'),
        label: str('Label the sidecar looks for.', { pattern: labelKeyPattern }),
        labelValue: str('Value of that label.', { pattern: labelValuePattern, maxLength: 63 }),
        namespace: str('Namespace of the ConfigMap; "" for the release\'s.', {
          pattern: '^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?$',
          maxLength: 63,
        }),
        annotations: map('Annotations (e.g. grafana_folder).'),
      },
      { required: ['enabled', 'label', 'labelValue'] },
    ),
    prometheusRule: obj(
      'prometheus-operator PrometheusRule with the alerts of docs/operations.md.',
      {
        enabled: bool('Create it.'),
        labels: map('Labels for the Prometheus rule selector.'),
        alertLabels: map('Labels added to every alert.'),
        upstreamErrorRatio: {
          type: 'number',
          exclusiveMinimum: 0,
          maximum: 1,
          description: 'Share of failed attempts per provider that fires SwitchyardUpstreamErrorRateHigh.',
        },
        disabledAlerts: {
          type: 'array',
          description: 'Alerts to leave out, by name.',
          items: { enum: ALERT_NAMES },
          uniqueItems: true,
          maxItems: ALERT_NAMES.length - 1,
        },
      },
      { required: ['enabled', 'upstreamErrorRatio', 'disabledAlerts'] },
    ),
    metrics: obj('Prometheus scraping.', {
      serviceMonitor: obj('prometheus-operator ServiceMonitor.', {
        enabled: bool('Create it.'),
        interval: str('Scrape interval.', { pattern: '^([0-9]+(ms|s|m|h))+$' }),
        scrapeTimeout: str('Scrape timeout.', { pattern: '^([0-9]+(ms|s|m|h))+$' }),
        labels: map('Labels for the Prometheus selector.'),
      }),
    }),
  }),
};
function ingress(description) {
  return obj(description, {
    enabled: bool('Create the Ingress.'),
    className: str('IngressClass name.'),
    annotations: map('Annotations.'),
    hosts: { type: 'array', description: 'Host names.', items: { type: 'string', minLength: 1 } },
    tls: {
      type: 'array',
      description: 'TLS blocks.',
      items: obj('A TLS block.', {
        secretName: str('TLS Secret.'),
        hosts: { type: 'array', items: { type: 'string' } },
      }),
    },
  });
}
const output =
  process.argv[2] ??
  resolve(dirname(fileURLToPath(import.meta.url)), '../switchyard/values.schema.json');
writeFileSync(output, `${JSON.stringify(schema, null, 2)}\n`);
