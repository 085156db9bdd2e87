#!/bin/sh
# Emacs (Debian's emacs-nox 28 and elpa-eglot 1.9) in batch mode, with no user configuration but the
# recipe of docs/editors/emacs.md, against the built jar through bin/strace-ls.
# Prints "N passed, N failed"; exits 1 on a failure.
set -eu
cd "$(dirname "$0")/../.."
repo=$(pwd -P)

if ! command -v emacs >/dev/null 2>&1 || ! ls -d /usr/share/emacs/site-lisp/elpa/eglot-* >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq emacs-nox elpa-eglot >/dev/null || { apt-get update -qq && apt-get install -y -qq emacs-nox elpa-eglot >/dev/null; }
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

# Emacs writes nothing into the home folder
export HOME="$work/home" STRACE_LS_REPO="$repo" STRACE_LS_WORK="$work" PATH="$repo/bin:$PATH"
mkdir -p "$HOME"
status=0
timeout 300 emacs --batch -Q -l "$repo/editors/test/emacs.el" </dev/null 2>"$work/stderr" || status=$?
if [ "$status" -ne 0 ]; then
    echo "emacs.sh: emacs exited $status; the end of its messages:"
    tail -n 40 "$work/stderr"
fi
exit "$status"
