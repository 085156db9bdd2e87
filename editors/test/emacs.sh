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

. "$repo/editors/test/fixtures.sh"

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
