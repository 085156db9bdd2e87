#!/usr/bin/env bash
# The test in a real VS Code: code-server (VS Code's workbench and extension host, served to a browser)
# in headless Chromium driven by playwright-core. Installs what it needs, packages the .vsix, installs it
# into code-server, opens testdata traces and checks what a user would see (test/e2e.js).
# Prints "N passed, N failed" and exits non-zero when a check fails.
# Recipe and traps: ../shared/notes/editor-testing.md (code-server 4.100.3 is the last on node 20).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
client=$(dirname "$here")
root=$(dirname "$client")

CODE_SERVER_VERSION=4.100.3
# @vscode/ripgrep as pinned by code-server 4.100.3 (lib/vscode/npm-shrinkwrap.json) and its download tag
RIPGREP_PKG_VERSION=1.15.11
RIPGREP_TAG=v13.0.0-10
cache=${STRACE_LS_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/strace-ls-e2e}
t0=$(date +%s)
step() { echo "== $(($(date +%s) - t0))s: $*"; }

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
    echo "e2e: node 20 or newer is needed (code-server $CODE_SERVER_VERSION and @vscode/vsce 3); found $(node -v 2>/dev/null || echo none)" >&2
    exit 2
fi

# 1. System packages: Chromium, ripgrep (for the cache trick), and what code-server's native modules build with.
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v rg >/dev/null 2>&1 || need+=(ripgrep)
[ -f /usr/include/gssapi/gssapi.h ] || need+=(libkrb5-dev)   # the kerberos module: gssapi/gssapi.h
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
command -v g++ >/dev/null 2>&1 && command -v make >/dev/null 2>&1 || need+=(build-essential)
command -v python3 >/dev/null 2>&1 || need+=(python3)
command -v java >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
if [ ${#need[@]} -gt 0 ]; then
    step "apt-get install ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${need[@]}" >/dev/null
fi

# 2. code-server from the npm registry, once per cache folder.
cs_dir="$cache/code-server-$CODE_SERVER_VERSION"
code_server="$cs_dir/node_modules/.bin/code-server"
if [ ! -f "$cs_dir/.installed" ]; then
    step "npm install code-server@$CODE_SERVER_VERSION into $cs_dir"
    # @vscode/ripgrep's install script downloads rg from GitHub, unreachable here; it first looks in this
    # cache folder, so Debian's rg goes there as the archive it expects.
    rg_cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION"
    rg_archive="$rg_cache/ripgrep-$RIPGREP_TAG-x86_64-unknown-linux-musl.tar.gz"
    if [ ! -f "$rg_archive" ]; then
        mkdir -p "$rg_cache"
        rg_tmp=$(mktemp -d)
        cp "$(command -v rg)" "$rg_tmp/rg"
        tar czf "$rg_archive" -C "$rg_tmp" rg
        rm -rf "$rg_tmp"
    fi
    rm -rf "$cs_dir"
    mkdir -p "$cs_dir"
    echo '{"name":"strace-ls-e2e-code-server","private":true}' > "$cs_dir/package.json"
    # npm_config_yes: node-pty's install step fetches node-gyp; --unsafe-perm: install scripts as root
    (cd "$cs_dir" && npm_config_yes=true npm install --unsafe-perm --no-audit --no-fund --loglevel=error \
        "code-server@$CODE_SERVER_VERSION" >"$cs_dir/npm-install.log" 2>&1) \
        || { tail -40 "$cs_dir/npm-install.log"; exit 1; }
    touch "$cs_dir/.installed"
fi
echo "code-server $(node -p "require('$cs_dir/node_modules/code-server/package.json').version")"

# 3. The .vsix, exactly as a user gets it (builds the server jar if it is missing).
step "package the extension"
(cd "$client" && npm ci --no-audit --no-fund --loglevel=error && npm run -s package)
vsix="$client/strace-ls-$(node -p "require('$client/package.json').version").vsix"

# 4. The test itself.
step "run the test in code-server"
status=0
node "$here/e2e.js" --code-server "$code_server" --vsix "$vsix" --root "$root" "$@" || status=$?
step "done"
exit $status
