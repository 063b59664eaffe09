#!/usr/bin/env bash
# Builds every image from docker/Dockerfile with buildah (no Docker engine), boots each one
# against this machine's Postgres, Redis and NATS (test/images/boot-images.test.ts), prints each
# image's size and build time and the start-up times, then deletes the images. Only the base
# images (docker/base/build-base.sh, cached by a hash of their inputs) and the pnpm store's
# cache mount stay for the next run.
#
#   REDIS_URL=… DATABASE_URL=… NATS_URL=… test/images/run.sh
#
# Needs buildah, and for the base images npm, apt-get and strip (.ci/run installs them). The
# storage is vfs under SWITCHYARD_IMAGES_STORAGE (default /var/lib/switchyard-images), apart
# from any other containers-storage on the machine.
set -euo pipefail
cd "$(dirname "$0")/../.."

storage="${SWITCHYARD_IMAGES_STORAGE:-/var/lib/switchyard-images}"
services=(gateway accounting catalog console migrate standalone)
tag="run-$(date +%s)-$$"
report="$(mktemp)"
logs="$(mktemp -d)"

log() { printf '\n== images: %s\n' "$*"; }
seconds_since() { echo $(($(date +%s) - $1)); }

mkdir -p "${storage}"
cat >"${storage}/storage.conf" <<EOF
[storage]
driver = "vfs"
graphroot = "${storage}/storage"
runroot = "${storage}/run"
EOF
export CONTAINERS_STORAGE_CONF="${storage}/storage.conf"

cleanup() {
  local status=$? keep image
  log "cleaning up (keeping the base images)"
  buildah rm --all >/dev/null 2>&1 || true
  # Every image but the current bases: this run's, the build's cached intermediate layers, and
  # bases of older inputs.
  keep="$(mktemp)"
  for image in "${RUNTIME_IMAGE:-}" "${BUILD_IMAGE:-}"; do
    [ -n "${image}" ] && printf 'sha256:%s\n' \
      "$(buildah inspect --type image --format '{{.FromImageID}}' "${image}" 2>/dev/null)" \
      >>"${keep}"
  done
  buildah images --all --no-trunc --format '{{.ID}}' 2>/dev/null | sort -u \
    | grep -v -x -F -f "${keep}" | xargs -r buildah rmi --force >/dev/null 2>&1 || true
  du -sh "${storage}/storage" 2>/dev/null | sed 's/^/   storage left: /' || true
  rm -rf "${report}" "${logs}" "${keep}"
  exit "${status}"
}
trap cleanup EXIT

total_start=$(date +%s)
log "base images (docker/base/build-base.sh)"
start=$(date +%s)
eval "$(docker/base/build-base.sh)"
echo "base: ${RUNTIME_IMAGE} ${BUILD_IMAGE} ($(seconds_since "${start}") s)" | tee -a "${report}"

# The build stage (every process compiled) once, as an image; each service image then takes
# its dist/ from it (BUILD_OUTPUT), so no other build reads the context or compiles again. No
# --layers: vfs stores every layer as a full copy, and this script deletes them afterwards.
# --format docker keeps HEALTHCHECK (the OCI format drops it).
bud() { # log-name build-args...
  local name="$1"
  shift
  if ! buildah bud --format docker --isolation chroot --network host --quiet \
    -f docker/Dockerfile --ignorefile docker/Dockerfile.dockerignore \
    --build-arg "BUILD_IMAGE=${BUILD_IMAGE}" --build-arg "RUNTIME_IMAGE=${RUNTIME_IMAGE}" \
    "$@" . >"${logs}/${name}.log" 2>&1; then
    tail -n 60 "${logs}/${name}.log"
    echo "building ${name} failed" >&2
    exit 1
  fi
}
log "building the build stage (pnpm build)"
start=$(date +%s)
bud build --target build -t "localhost/switchyard-test/build:${tag}"
echo "build-stage.build_s $(seconds_since "${start}") s" | tee -a "${report}"
for service in "${services[@]}"; do
  log "building ${service}"
  start=$(date +%s)
  bud "${service}" --build-arg "BUILD_OUTPUT=localhost/switchyard-test/build:${tag}" \
    --build-arg "SERVICE=${service}" -t "localhost/switchyard-test/${service}:${tag}"
  echo "${service}.build_s $(seconds_since "${start}") s" | tee -a "${report}"
done
buildah images --format '{{.Name}} {{.Size}}' | grep "switchyard-test/" | grep -v /build \
  | sed -E 's#^localhost/switchyard-test/([a-z]+) #\1.size #' | tee -a "${report}"

log "booting the images"
SWITCHYARD_IMAGES_TAG="${tag}" SWITCHYARD_IMAGES_REPORT="${report}" \
  npx vitest run --config test/images/vitest.config.ts

log "measurements (total $(seconds_since "${total_start}") s)"
cat "${report}"
