#!/usr/bin/env bash
# Builds the two base images docker/Dockerfile starts from, locally, from the npm registry and the
# Debian packages of this (Debian, glibc) machine only — no image registry:
#   runtime: Node (the npm package node-linux-<arch>, stripped), the shared libraries it links
#            (copied from this machine per ldd), CA certificates, tini, busybox for `sh` and `sleep`
#            (the chart's preStop hook), and the user switchyard (uid/gid 10001). No npm, no shell tools.
#   build:   runtime + every busybox applet + npm, for the Dockerfile's build stage.
# The images are tagged by a hash of their inputs (this script, the Node and npm versions, the
# architecture and the versions of the libraries copied), so a second run with the same inputs
# only prints their names. Prints RUNTIME_IMAGE=… and BUILD_IMAGE=… on stdout.
#
#   docker/base/build-base.sh                  # imports into buildah (containers-storage)
#   BASE_IMPORT=docker docker/base/build-base.sh   # imports into a Docker engine instead
#
# Needs: node/npm (for `npm pack`), apt-get (`apt-get download`), dpkg-deb, ldd, strip, and
# buildah or docker. npm behind a TLS-intercepting proxy needs NODE_EXTRA_CA_CERTS set as usual;
# the machine's CA bundle is the one the images carry.
set -euo pipefail

NODE_VERSION="${NODE_VERSION:-24.22.3}"
NPM_VERSION="${NPM_VERSION:-11.21.3}"
BASE_IMPORT="${BASE_IMPORT:-buildah}"
CA_BUNDLE="${CA_BUNDLE:-/etc/ssl/certs/ca-certificates.crt}"

case "$(uname -m)" in
  x86_64) node_arch=x64 ;;
  aarch64) node_arch=arm64 ;;
  *) echo "build-base.sh: no Node package for $(uname -m)" >&2; exit 1 ;;
esac

log() { printf 'build-base: %s\n' "$*" >&2; }

# ---- the cache key ------------------------------------------------------------------------------
host_libraries="$(dpkg-query -W -f '${Package}=${Version}\n' libc6 libstdc++6 libgcc-s1 | sort)"
inputs_hash="$(
  {
    cat "$0"
    echo "node=${NODE_VERSION} npm=${NPM_VERSION} arch=${node_arch}"
    echo "${host_libraries}"
    sha256sum "${CA_BUNDLE}"
  } | sha256sum | cut -c1-16
)"
node_major="${NODE_VERSION%%.*}"
RUNTIME_IMAGE="switchyard/node-runtime:${node_major}-${inputs_hash}"
BUILD_IMAGE="switchyard/node-build:${node_major}-${inputs_hash}"

image_exists() {
  if [ "${BASE_IMPORT}" = docker ]; then docker image inspect "$1" >/dev/null 2>&1
  else buildah inspect --type image "$1" >/dev/null 2>&1; fi
}

# The Dockerfile's defaults name the moving tags (switchyard/node-runtime:24); the test suite
# passes the hashed ones.
finish() {
  local image
  for image in "${RUNTIME_IMAGE}" "${BUILD_IMAGE}"; do
    "${BASE_IMPORT}" tag "${image}" "${image%-"${inputs_hash}"}" >/dev/null
  done
  echo "RUNTIME_IMAGE=${RUNTIME_IMAGE}"
  echo "BUILD_IMAGE=${BUILD_IMAGE}"
}

if image_exists "${RUNTIME_IMAGE}" && image_exists "${BUILD_IMAGE}"; then
  log "cached: ${RUNTIME_IMAGE} and ${BUILD_IMAGE}"
  finish
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
rootfs="${work}/rootfs"
mkdir -p "${rootfs}"/{bin,usr/bin,usr/local/bin,etc/ssl/certs,tmp,app}
chmod 1777 "${rootfs}/tmp"

# ---- Node, stripped of its debug symbols (~127 MB → ~109 MB) ------------------------------------
log "node ${NODE_VERSION} (${node_arch}) from the npm registry"
(cd "${work}" && npm pack --silent "node-linux-${node_arch}@${NODE_VERSION}" >/dev/null)
tar -xzf "${work}/node-linux-${node_arch}-${NODE_VERSION}.tgz" -C "${work}" package/bin/node
strip --strip-all "${work}/package/bin/node" -o "${rootfs}/usr/local/bin/node"

# ---- the libraries it links, from this machine ---------------------------------------------------
# ldd prints "name => /path (addr)" or "/path (addr)" for the loader; each file lands at the path
# the loader asks for.
ldd "${rootfs}/usr/local/bin/node" | grep -o '/[^ ]*' | while read -r library; do
  mkdir -p "${rootfs}$(dirname "${library}")"
  cp -L "${library}" "${rootfs}${library}"
done

# ---- tini and busybox, static binaries from Debian's packages ------------------------------------
log "tini and busybox-static from Debian"
(cd "${work}" && apt-get download tini busybox-static >/dev/null 2>&1 \
  || { apt-get update -qq && apt-get download tini busybox-static >/dev/null; })
for package in "${work}"/tini_*.deb "${work}"/busybox-static_*.deb; do
  dpkg-deb -x "${package}" "${work}/debs"
done
cp "${work}/debs/usr/bin/tini-static" "${rootfs}/usr/bin/tini"
cp "${work}/debs/bin/busybox" "${rootfs}/bin/busybox"
ln -s busybox "${rootfs}/bin/sh"
ln -s busybox "${rootfs}/bin/sleep"

# ---- users, name resolution, CA certificates -----------------------------------------------------
cat >"${rootfs}/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/bin/sh
switchyard:x:10001:10001:switchyard:/nonexistent:/bin/false
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
PASSWD
cat >"${rootfs}/etc/group" <<'GROUP'
root:x:0:
switchyard:x:10001:
nogroup:x:65534:
GROUP
printf 'hosts: files dns\n' >"${rootfs}/etc/nsswitch.conf"
cp -L "${CA_BUNDLE}" "${rootfs}/etc/ssl/certs/ca-certificates.crt"
"${rootfs}/usr/local/bin/node" --version >/dev/null

# ---- the build variant: every busybox applet and npm ---------------------------------------------
buildfs="${work}/buildfs"
cp -a "${rootfs}" "${buildfs}"
mkdir -p "${buildfs}/usr/sbin" "${buildfs}/sbin" "${buildfs}/root"
"${buildfs}/bin/busybox" --list-full | while read -r applet; do
  [ -e "${buildfs}/${applet}" ] || ln -s /bin/busybox "${buildfs}/${applet}"
done
log "npm ${NPM_VERSION} from the npm registry"
(cd "${work}" && npm pack --silent "npm@${NPM_VERSION}" >/dev/null)
mkdir -p "${buildfs}/usr/local/lib/node_modules/npm"
tar -xzf "${work}/npm-${NPM_VERSION}.tgz" -C "${buildfs}/usr/local/lib/node_modules/npm" \
  --strip-components=1
ln -s ../lib/node_modules/npm/bin/npm-cli.js "${buildfs}/usr/local/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "${buildfs}/usr/local/bin/npx"

# ---- import ---------------------------------------------------------------------------------------
path_env='PATH=/usr/local/bin:/usr/local/sbin:/usr/bin:/usr/sbin:/bin:/sbin'
import_buildah() { # rootfs image extra-env...
  local from="$1" image="$2" container
  shift 2
  container="$(buildah from scratch)"
  buildah add --quiet "${container}" "${from}" / >/dev/null
  local envs=(--env "${path_env}" --env "NODE_VERSION=${NODE_VERSION}")
  for variable in "$@"; do envs+=(--env "${variable}"); done
  buildah config "${envs[@]}" --cmd node --label "switchyard.base-inputs=${inputs_hash}" \
    "${container}"
  buildah commit --quiet --format docker --rm "${container}" "${image}" >/dev/null
}
import_docker() { # rootfs image extra-env...
  local from="$1" image="$2"
  shift 2
  local changes=(--change "ENV ${path_env}" --change "ENV NODE_VERSION=${NODE_VERSION}")
  for variable in "$@"; do changes+=(--change "ENV ${variable}"); done
  tar -C "${from}" -c . | docker import "${changes[@]}" --change 'CMD ["node"]' - "${image}" >/dev/null
}

log "importing into ${BASE_IMPORT}"
# npm in the build stage trusts the CA bundle the image carries (this machine's).
"import_${BASE_IMPORT}" "${rootfs}" "${RUNTIME_IMAGE}"
"import_${BASE_IMPORT}" "${buildfs}" "${BUILD_IMAGE}" \
  NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
log "built ${RUNTIME_IMAGE} and ${BUILD_IMAGE}"
finish
