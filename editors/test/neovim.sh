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

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# copies, so that nothing the editor does can touch testdata/
cp testdata/plain.strace "$work/plain.strace"
cp -r testdata/ff "$work/ff"
cp testdata/xauth-lock.strace "$work/lock.strace.10130"
printf '.TH LS 1\n.SH NAME\nls \\- list directory contents\n' >"$work/ls.1"
# line 63 with non-ASCII text before the errno: "é" is 2 bytes and 1 UTF-16 unit, "😀" 4 bytes and 2 units
sed '63s|"/nonexistent"|"/nonexistent/é😀"|' testdata/plain.strace >"$work/utf8.strace"
# every trace of testdata whose first line is strace's, named NAME.NUMBER: detection by content
mkdir "$work/content"
i=0
for f in testdata/*.strace testdata/*-ff/*; do
    head -n 1 "$f" | grep -qE '^(% time|syscall +calls|strace: )' && continue # -c tables, strace's own messages
    i=$((i + 1))
    name=$(basename "$f" | tr . -).$((1000 + i))
    cp "$f" "$work/content/$name"
    echo "$name" >>"$work/content/manifest"
done
"$repo/bin/strace-ls" check --json "$work/plain.strace" >"$work/plain.json"

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
