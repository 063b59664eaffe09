{{/* Names, labels, images and the environment every Switchyard container shares. */}}

{{- define "switchyard.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* "<release>-<chart>", or the release name alone when it already contains the chart name. */}}
{{- define "switchyard.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* The name of one component's resources: (dict "root" $ "component" "gateway"). */}}
{{- define "switchyard.componentName" -}}
{{- printf "%s-%s" (include "switchyard.fullname" .root | trunc 50 | trimSuffix "-") .component }}
{{- end }}

{{- define "switchyard.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "switchyard.labels" -}}
helm.sh/chart: {{ include "switchyard.chart" . }}
app.kubernetes.io/name: {{ include "switchyard.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: switchyard
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* Labels of one component: (dict "root" $ "component" "gateway"). */}}
{{- define "switchyard.componentLabels" -}}
{{ include "switchyard.labels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* The selector of one component's pods; never changes across upgrades. */}}
{{- define "switchyard.selectorLabels" -}}
app.kubernetes.io/name: {{ include "switchyard.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "switchyard.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "switchyard.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* "<registry>/<repository>:<tag>" of one component's image: (dict "root" $ "image" .image). */}}
{{- define "switchyard.image" -}}
{{- $root := .root }}
{{- $tag := .image.tag | default $root.Values.image.tag | default $root.Chart.AppVersion }}
{{- if $root.Values.image.registry }}
{{- printf "%s/%s:%s" (trimSuffix "/" $root.Values.image.registry) .image.repository $tag }}
{{- else }}
{{- printf "%s:%s" .image.repository $tag }}
{{- end }}
{{- end }}

{{/* The chart's own Secret: the inline secrets and connection URLs. */}}
{{- define "switchyard.secretName" -}}
{{- include "switchyard.fullname" . }}
{{- end }}

{{/* Whether the chart writes a Secret at all ("true" or ""). */}}
{{- define "switchyard.createsSecret" -}}
{{- $values := .Values }}
{{- if or (not $values.secrets.existingSecret) $values.database.url $values.redis.url $values.nats.url }}true{{ end }}
{{- end }}

{{/*
Every problem with the values, reported at once (install and template fail with the list):
secrets inline beside existingSecret, missing secrets or connections, and a termination grace
period too short for the drain.
*/}}
{{- define "switchyard.validate" -}}
{{- $problems := list }}
{{- $secrets := .Values.secrets }}
{{- if $secrets.existingSecret }}
{{- range $key := list "masterKey" "keyPepper" "encryptionKey" }}
{{- if index $secrets $key }}
{{- $problems = append $problems (printf "secrets.%s must be empty when secrets.existingSecret is set (the chart never renders a secret beside an existing one)" $key) }}
{{- end }}
{{- end }}
{{- if $secrets.providerKeys }}
{{- $problems = append $problems "secrets.providerKeys must be empty when secrets.existingSecret is set: list their names in secrets.existingSecretKeys.providerKeys" }}
{{- end }}
{{- else }}
{{- if not $secrets.masterKey }}
{{- $problems = append $problems "secrets.masterKey is required (or secrets.existingSecret)" }}
{{- end }}
{{- if lt (len $secrets.keyPepper) 16 }}
{{- $problems = append $problems "secrets.keyPepper is required, at least 16 characters (or secrets.existingSecret)" }}
{{- end }}
{{- if and .Values.catalog.enabled (not $secrets.encryptionKey) }}
{{- $problems = append $problems "secrets.encryptionKey is required by the catalog: 64 hex digits or base64 of 32 bytes (or secrets.existingSecret)" }}
{{- end }}
{{- if $secrets.existingSecretKeys.providerKeys }}
{{- $problems = append $problems "secrets.existingSecretKeys.providerKeys needs secrets.existingSecret: inline provider keys go in secrets.providerKeys" }}
{{- end }}
{{- end }}
{{- $envKeys := $secrets.providerKeys | default dict | keys }}
{{- if $secrets.existingSecret }}
{{- $envKeys = $secrets.existingSecretKeys.providerKeys }}
{{- end }}
{{- range $name, $ref := $secrets.providerKeyRefs }}
{{- if has $name $envKeys }}
{{- $problems = append $problems (printf "secrets.providerKeyRefs.%s is also a provider key: name each variable once" $name) }}
{{- end }}
{{- end }}
{{- range $index, $provider := .Values.config.providers }}
{{- $keys := $provider.keys | default list }}
{{- if kindIs "string" $keys }}
{{- $keys = list $keys }}
{{- end }}
{{- range $keys }}
{{- $key := . }}
{{- if kindIs "map" . }}
{{- $key = .key }}
{{- end }}
{{- if and $key (not (contains "${" (toString $key))) }}
{{- $problems = append $problems (printf "config.providers[%d] (%s): a key written in config lands in a ConfigMap; put it in secrets.providerKeys or secrets.providerKeyRefs and write ${NAME}" $index $provider.name) }}
{{- end }}
{{- end }}
{{- end }}
{{- range $store := list "database" "redis" "nats" }}
{{- $connection := index $.Values $store }}
{{- if and $connection.url $connection.existingSecret }}
{{- $problems = append $problems (printf "%s: set url or existingSecret, not both" $store) }}
{{- else if not (or $connection.url $connection.existingSecret) }}
{{- $problems = append $problems (printf "%s.url or %s.existingSecret is required" $store $store) }}
{{- end }}
{{- end }}
{{- range $component := list "gateway" "catalog" "accounting" "console" }}
{{- $values := index $.Values $component }}
{{- $drainSeconds := add $values.preStopSleepSeconds (divf $values.shutdownGraceMs 1000 | ceil | int) }}
{{- if le (int $values.terminationGracePeriodSeconds) (int $drainSeconds) }}
{{- $problems = append $problems (printf "%s.terminationGracePeriodSeconds (%v) must exceed preStopSleepSeconds + shutdownGraceMs / 1000 (%v), or the drain is cut short" $component $values.terminationGracePeriodSeconds $drainSeconds) }}
{{- end }}
{{- end }}
{{- $autoscaling := .Values.gateway.autoscaling }}
{{- if $autoscaling.enabled }}
{{- if gt (int $autoscaling.minReplicas) (int $autoscaling.maxReplicas) }}
{{- $problems = append $problems "gateway.autoscaling.minReplicas must not exceed maxReplicas" }}
{{- end }}
{{- if not (or $autoscaling.targetCPUUtilizationPercentage $autoscaling.targetMemoryUtilizationPercentage) }}
{{- $problems = append $problems "gateway.autoscaling needs targetCPUUtilizationPercentage or targetMemoryUtilizationPercentage" }}
{{- end }}
{{- end }}
{{- $console := .Values.console }}
{{- if $console.enabled }}
{{- if not (or $console.adminUrl .Values.accounting.enabled) }}
{{- $problems = append $problems "console.adminUrl is required when accounting is not enabled in this release" }}
{{- end }}
{{- if not (or $console.gatewayUrl .Values.gateway.enabled) }}
{{- $problems = append $problems "console.gatewayUrl is required when the gateway is not enabled in this release" }}
{{- end }}
{{- end }}
{{- if $problems }}
{{- fail (printf "\n  - %s" (join "\n  - " $problems)) }}
{{- end }}
{{- end }}

{{/* An environment variable read from a Secret. */}}
{{- define "switchyard.secretEnv" -}}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ .secret }}
      key: {{ .key }}
      {{- if .optional }}
      optional: true
      {{- end }}
{{- end }}

{{/* DATABASE_URL, REDIS_URL or NATS_URL: (dict "root" $ "store" "database" "name" "DATABASE_URL"). */}}
{{- define "switchyard.connectionEnv" -}}
{{- $connection := index .root.Values .store }}
{{- if $connection.existingSecret }}
{{- include "switchyard.secretEnv" (dict "name" .name "secret" $connection.existingSecret "key" $connection.existingSecretKey) }}
{{- else }}
{{- include "switchyard.secretEnv" (dict "name" .name "secret" (include "switchyard.secretName" .root) "key" .name) }}
{{- end }}
{{- end }}

{{/* One of the secrets' keys: (dict "root" $ "name" "SWITCHYARD_MASTER_KEY" "key" "masterKey"). */}}
{{- define "switchyard.secretValueEnv" -}}
{{- $secrets := .root.Values.secrets }}
{{- if $secrets.existingSecret }}
{{- include "switchyard.secretEnv" (dict "name" .name "secret" $secrets.existingSecret "key" (index $secrets.existingSecretKeys .key)) }}
{{- else }}
{{- include "switchyard.secretEnv" (dict "name" .name "secret" (include "switchyard.secretName" .root) "key" .name) }}
{{- end }}
{{- end }}

{{/*
The provider secrets of the gateway and the catalog (the two that call providers), each as the
environment variable of its name: the provider keys, the keys of other Secrets
(providerKeyRefs), and GOOGLE_APPLICATION_CREDENTIALS when a Google key is mounted.
*/}}
{{- define "switchyard.providerKeyEnv" -}}
{{- $secrets := .Values.secrets }}
{{- if $secrets.existingSecret }}
{{- range $name := $secrets.existingSecretKeys.providerKeys }}
{{ include "switchyard.secretEnv" (dict "name" $name "secret" $secrets.existingSecret "key" $name "optional" true) }}
{{- end }}
{{- else }}
{{- range $name, $value := $secrets.providerKeys }}
{{ include "switchyard.secretEnv" (dict "name" $name "secret" (include "switchyard.secretName" $) "key" $name) }}
{{- end }}
{{- end }}
{{- range $name, $ref := $secrets.providerKeyRefs }}
{{ include "switchyard.secretEnv" (dict "name" $name "secret" $ref.secret "key" $ref.key) }}
{{- end }}
{{- if $secrets.googleCredentials.existingSecret }}
- name: GOOGLE_APPLICATION_CREDENTIALS
  value: {{ include "switchyard.googleCredentialsPath" . }}
{{- end }}
{{- end }}

{{/* Where secrets.googleCredentials is mounted (the file Google's default credentials read). */}}
{{- define "switchyard.googleCredentialsPath" -}}
/var/run/secrets/switchyard/google/credentials.json
{{- end }}

{{/*
What every service's container gets: listen port, drain, log level, tracing and, unless
"secretless" is set (the console, which reaches only the public APIs), the stores and master key.
*/}}
{{- define "switchyard.commonEnv" -}}
{{- $values := index .root.Values .component }}
- name: PORT
  value: {{ $values.port | quote }}
- name: SWITCHYARD_SHUTDOWN_GRACE_MS
  value: {{ $values.shutdownGraceMs | int64 | quote }}
- name: LOG_LEVEL
  value: {{ .root.Values.config.log_level | quote }}
- name: OTEL_SERVICE_NAME
  value: {{ printf "switchyard-%s" .component | quote }}
{{- with .root.Values.tracing.otlpEndpoint }}
- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ . | quote }}
{{- end }}
{{- if not .secretless }}
{{ include "switchyard.connectionEnv" (dict "root" .root "store" "database" "name" "DATABASE_URL") }}
{{ include "switchyard.connectionEnv" (dict "root" .root "store" "redis" "name" "REDIS_URL") }}
{{ include "switchyard.connectionEnv" (dict "root" .root "store" "nats" "name" "NATS_URL") }}
{{ include "switchyard.secretValueEnv" (dict "root" .root "name" "SWITCHYARD_MASTER_KEY" "key" "masterKey") }}
{{- end }}
{{- end }}

{{/* The pod's /tmp, the one writable path. */}}
{{- define "switchyard.tmpVolume" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ .Values.tmpVolume.sizeLimit }}
{{- end }}

{{/* The three probes on the container port named http. */}}
{{- define "switchyard.probes" -}}
{{- $probes := .Values.probes }}
startupProbe:
  httpGet:
    path: /livez
    port: http
  periodSeconds: {{ $probes.startup.periodSeconds }}
  timeoutSeconds: 2
  failureThreshold: {{ $probes.startup.failureThreshold }}
livenessProbe:
  httpGet:
    path: /livez
    port: http
  periodSeconds: {{ $probes.liveness.periodSeconds }}
  timeoutSeconds: {{ $probes.liveness.timeoutSeconds }}
  failureThreshold: {{ $probes.liveness.failureThreshold }}
readinessProbe:
  httpGet:
    path: /readyz
    port: http
  periodSeconds: {{ $probes.readiness.periodSeconds }}
  timeoutSeconds: {{ $probes.readiness.timeoutSeconds }}
  failureThreshold: {{ $probes.readiness.failureThreshold }}
{{- end }}

{{/*
switchyard.yaml for the gateway and the catalog (which both read it and call providers): a pod
annotation with the ConfigMap's checksum, so a change rolls them, and the volumes and their
mounts, as YAML strings: the config, and the Google key of secrets.googleCredentials if any.
*/}}
{{- define "switchyard.configMount" -}}
{{- $volumes := printf "- name: config\n  configMap:\n    name: %s" (include "switchyard.componentName" (dict "root" . "component" "config")) }}
{{- $volumeMounts := "- name: config\n  mountPath: /etc/switchyard\n  readOnly: true" }}
{{- with .Values.secrets.googleCredentials }}
{{- if .existingSecret }}
{{- $volumes = printf "%s\n- name: google-credentials\n  secret:\n    secretName: %s\n    items:\n      - key: %s\n        path: %s" $volumes .existingSecret (.existingSecretKey | quote) (include "switchyard.googleCredentialsPath" $ | base) }}
{{- $volumeMounts = printf "%s\n- name: google-credentials\n  mountPath: %s\n  readOnly: true" $volumeMounts (include "switchyard.googleCredentialsPath" $ | dir) }}
{{- end }}
{{- end }}
annotations: {{ printf "checksum/config: %s" (include (print $.Template.BasePath "/configmap.yaml") . | sha256sum) | quote }}
volumes: {{ $volumes | quote }}
volumeMounts: {{ $volumeMounts | quote }}
{{- end }}

{{/* The in-cluster origin of one component's Service: (dict "root" $ "component" "gateway"). */}}
{{- define "switchyard.serviceUrl" -}}
{{- $values := index .root.Values .component }}
{{- printf "http://%s.%s.svc:%v" (include "switchyard.componentName" .) .root.Release.Namespace $values.service.port }}
{{- end }}
