#!/bin/sh
# Neovim (Debian's neovim, 0.7.2) with no user configuration but the recipe of docs/editors/neovim.md,
# headless, against the built jar through bin/strace-ls. Prints "N passed, N failed"; exits 1 on a failure.
set -eu
cd "$(dirname "$0")/../.."
repo=$(pwd -P)

if ! command -v nvim >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq neovim >/dev/null || { apt-get update -qq && apt-get install -y -qq neovim >/dev/null; }
fi
[ -f server/target/strace-ls.jar ] || mvn -q -B package -DskipTests

. "$repo/editors/test/fixtures.sh"

# Neovim's own files (log, shada, state) go to the scratch folder, not the home folder
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache"
export STRACE_LS_REPO="$repo" STRACE_LS_WORK="$work" PATH="$repo/bin:$PATH"
status=0
timeout 300 nvim --headless -u NONE -i NONE -n -c "luafile $repo/editors/test/neovim.lua" </dev/null || status=$?
if [ "$status" -ne 0 ]; then
    echo "neovim.sh: nvim exited $status; the end of Neovim's LSP log:"
    find "$work" -name lsp.log -exec tail -n 40 {} \;
fi
exit "$status"
