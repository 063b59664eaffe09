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
    [ -n "${image}" ] && buildah inspect --type image --format 'sha256:{{.FromImageID}}' \
      "${image}" 2>/dev/null >>"${keep}"
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

# --layers: the build stage (every process compiled) is the same for every SERVICE, so only the
# first build runs it. --format docker keeps HEALTHCHECK (the OCI format drops it).
for service in "${services[@]}"; do
  log "building ${service}"
  start=$(date +%s)
  if ! buildah bud --layers --format docker --isolation chroot --network host --quiet \
    -f docker/Dockerfile --ignorefile docker/Dockerfile.dockerignore \
    --build-arg "BUILD_IMAGE=${BUILD_IMAGE}" --build-arg "RUNTIME_IMAGE=${RUNTIME_IMAGE}" \
    --build-arg "SERVICE=${service}" \
    -t "localhost/switchyard-test/${service}:${tag}" . >"${logs}/${service}.log" 2>&1; then
    tail -n 60 "${logs}/${service}.log"
    echo "building the ${service} image failed" >&2
    exit 1
  fi
  echo "${service}.build_s $(seconds_since "${start}") s" | tee -a "${report}"
done
buildah images --format '{{.Name}} {{.Size}}' | grep "switchyard-test/" \
  | sed -E 's#^localhost/switchyard-test/([a-z]+) #\1.size #' | tee -a "${report}"

log "booting the images"
SWITCHYARD_IMAGES_TAG="${tag}" SWITCHYARD_IMAGES_REPORT="${report}" \
  npx vitest run --config test/images/vitest.config.ts

log "measurements (total $(seconds_since "${total_start}") s)"
cat "${report}"
