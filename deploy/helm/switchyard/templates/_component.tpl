{{/*
The Deployment, Service and PodDisruptionBudget of one service, which differ only by their values
and extra environment: (dict "root" $ "component" "gateway" "env" <yaml list> "volumes" <yaml>
"volumeMounts" <yaml> "annotations" <yaml map> "secretless" <bool>); a secretless Deployment gets
neither the stores nor the master key. The Service takes "sessionAffinity" (e.g. "ClientIP").
*/}}

{{- define "switchyard.deployment" -}}
{{- $root := .root }}
{{- $component := .component }}
{{- $values := index $root.Values $component }}
{{- $names := dict "root" $root "component" $component }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "switchyard.componentName" $names }}
  namespace: {{ $root.Release.Namespace }}
  labels:
    {{- include "switchyard.componentLabels" $names | nindent 4 }}
spec:
  replicas: {{ include "switchyard.replicas" (dict "root" $root "component" $component) }}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      {{- include "switchyard.selectorLabels" $names | nindent 6 }}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 0
  template:
    metadata:
      labels:
        {{- include "switchyard.selectorLabels" $names | nindent 8 }}
        {{- with $values.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      {{- $annotations := "" }}
      {{- if and (include "switchyard.createsSecret" $root) (not .secretless) }}
      {{- $annotations = printf "checksum/secret: %s\n" (include (print $root.Template.BasePath "/secret.yaml") $root | sha256sum) }}
      {{- end }}
      {{- with .annotations }}
      {{- $annotations = printf "%s%s\n" $annotations . }}
      {{- end }}
      {{- with $values.podAnnotations }}
      {{- $annotations = printf "%s%s" $annotations (toYaml .) }}
      {{- end }}
      {{- with $annotations | trim }}
      annotations:
        {{- . | nindent 8 }}
      {{- end }}
    spec:
      serviceAccountName: {{ include "switchyard.serviceAccountName" $root }}
      automountServiceAccountToken: false
      enableServiceLinks: false
      terminationGracePeriodSeconds: {{ $values.terminationGracePeriodSeconds }}
      {{- with $root.Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        {{- toYaml $root.Values.podSecurityContext | nindent 8 }}
      containers:
        - name: {{ $component }}
          image: {{ include "switchyard.image" (dict "root" $root "image" $values.image) }}
          {{- with $root.Values.image.pullPolicy }}
          imagePullPolicy: {{ . }}
          {{- end }}
          ports:
            - name: http
              containerPort: {{ $values.port }}
              protocol: TCP
          env:
            {{- include "switchyard.commonEnv" (dict "root" $root "component" $component "secretless" .secretless) | trim | nindent 12 }}
            {{- with .env }}
            {{- . | trim | nindent 12 }}
            {{- end }}
            {{- with $root.Values.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
            {{- with $values.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          {{- include "switchyard.probes" $root | trim | nindent 10 }}
          {{- if gt (int $values.preStopSleepSeconds) 0 }}
          lifecycle:
            preStop:
              exec:
                command: ["sleep", "{{ $values.preStopSleepSeconds }}"]
          {{- end }}
          resources:
            {{- toYaml $values.resources | nindent 12 }}
          securityContext:
            {{- toYaml $root.Values.securityContext | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            {{- with .volumeMounts }}
            {{- . | trim | nindent 12 }}
            {{- end }}
      volumes:
        {{- include "switchyard.tmpVolume" $root | trim | nindent 8 }}
        {{- with .volumes }}
        {{- . | trim | nindent 8 }}
        {{- end }}
      {{- with $values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $values.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $values.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $values.topologySpreadConstraints }}
      topologySpreadConstraints:
        {{- toYaml . | nindent 8 }}
      {{- end }}
{{- end }}

{{- define "switchyard.service" -}}
{{- $values := index .root.Values .component }}
{{- $names := dict "root" .root "component" .component }}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "switchyard.componentName" $names }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "switchyard.componentLabels" $names | nindent 4 }}
  {{- with $values.service.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  type: {{ $values.service.type }}
  {{- with .sessionAffinity }}
  sessionAffinity: {{ . }}
  {{- end }}
  selector:
    {{- include "switchyard.selectorLabels" $names | nindent 4 }}
  ports:
    - name: http
      port: {{ $values.service.port }}
      targetPort: http
      protocol: TCP
{{- end }}

{{- define "switchyard.podDisruptionBudget" -}}
{{- $values := index .root.Values .component }}
{{- $names := dict "root" .root "component" .component }}
{{- $budget := $values.podDisruptionBudget }}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "switchyard.componentName" $names }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "switchyard.componentLabels" $names | nindent 4 }}
spec:
  {{- if not (kindIs "invalid" $budget.minAvailable) }}
  minAvailable: {{ $budget.minAvailable }}
  {{- else }}
  maxUnavailable: {{ $budget.maxUnavailable }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "switchyard.selectorLabels" $names | nindent 6 }}
{{- end }}

{{/*
A Deployment's replicas: replicaCount, or with the HorizontalPodAutoscaler on, what runs now. The
field is always written: were it left out, an upgrade that turns the autoscaler on (client-side
three-way merge or server-side apply alike) would remove it, and Kubernetes would fall back to one
replica until the autoscaler acts. So with autoscaling the live Deployment's count is kept (read
with `lookup`), raised to minReplicas; on a first install, or under `helm template` (no cluster),
it is the larger of replicaCount and minReplicas. Scaling is thus never undone by an upgrade.
*/}}
{{- define "switchyard.replicas" -}}
{{- $values := index .root.Values .component }}
{{- $autoscaling := $values.autoscaling | default dict }}
{{- if $autoscaling.enabled }}
{{- $name := include "switchyard.componentName" (dict "root" .root "component" .component) }}
{{- $live := lookup "apps/v1" "Deployment" .root.Release.Namespace $name }}
{{- $running := int64 (dig "spec" "replicas" 0 $live) }}
{{- if gt $running 0 }}
{{- max $running (int64 $autoscaling.minReplicas) }}
{{- else }}
{{- max (int64 $values.replicaCount) (int64 $autoscaling.minReplicas) }}
{{- end }}
{{- else }}
{{- $values.replicaCount }}
{{- end }}
{{- end }}
