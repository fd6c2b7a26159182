#!/usr/bin/env bash
# Installs the peer tools from the package registries into benches/peers/.env (ignored
# by git): a Python venv for sentencex, pysbd, dateparser and Duckling, and an npm
# prefix for chrono-node. Reruns are cheap: each tool is installed only if missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
env_dir="$here/.env"
mkdir -p "$env_dir"

if [[ ! -x "$env_dir/venv/bin/python" ]]; then
  python3 -m venv "$env_dir/venv"
fi
py="$env_dir/venv/bin/python"
# One pip call per package: Duckling's wheel may be slow or missing, and must not
# keep the others out.
for pkg in sentencex pysbd dateparser pyduckling-native-phihos; do
  module="${pkg//-/_}"
  case "$pkg" in pyduckling-native-phihos) module=duckling ;; esac
  if "$py" -c "import $module" 2>/dev/null; then
    echo "peers: $pkg present"
  else
    echo "peers: installing $pkg"
    "$py" -m pip install --quiet "$pkg" || echo "peers: $pkg failed to install" >&2
  fi
done

if [[ ! -d "$env_dir/node/node_modules/chrono-node" ]]; then
  echo "peers: installing chrono-node"
  mkdir -p "$env_dir/node"
  (cd "$env_dir/node" && { [[ -f package.json ]] || echo '{"private": true}' > package.json; } \
    && npm install --silent --no-audit --no-fund chrono-node) || echo "peers: chrono-node failed to install" >&2
else
  echo "peers: chrono-node present"
fi
