#!/bin/sh
# The recipes of the editors that cannot run here (IntelliJ, Eclipse, Helix, Sublime Text) and the Neovim
# page's API use: their files parse and have the shape their editors read, and the steps that failed in a
# real editor are not asked for (editors/test/recipes.py). Needs python3 (3.11+, tomllib).
# Prints "N passed, N failed"; exits 1 on a failure.
set -eu
cd "$(dirname "$0")/../.."
if ! command -v python3 >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq python3 >/dev/null || { apt-get update -qq && apt-get install -y -qq python3 >/dev/null; }
fi
exec python3 editors/test/recipes.py
