#!/usr/bin/env bash
# Checks the built jar against the strace logs of other projects in ../shared/foreign-traces (strace 4.x to 6.x,
# several architectures; never copied into this repository): every file is read without an internal error,
# the lines that are not strace's (numbers rewritten by a script, lines folded at 72 columns) stay flagged
# malformed, the forms strace really prints (???( and ????(, <... ??? resumed>, a last line cut mid-arguments)
# are not, and no options are read from inside quoted strings. Prints "skipped: not present" without them.
set -uo pipefail
cd "$(dirname "$0")/.."
dir="${STRACE_LS_FOREIGN_TRACES:-../shared/foreign-traces}"
if [ ! -d "$dir" ]; then
    echo "foreign traces: skipped: not present ($dir)"
    exit 0
fi
jar=server/target/strace-ls.jar
[ -f "$jar" ] || mvn -B -q -ntp package -DskipTests
python3 - "$jar" "$dir" <<'PY'
import json, os, subprocess, sys
jar, folder = sys.argv[1], sys.argv[2]
# the lines that are not strace's, by file: they must stay flagged (issue 16)
expected = {"chrahunt__strace-parser__tests-data-samples.txt.strace": 12,
            "strace__strace__doc-strace-log-merge.1.in-example.strace": 9,
            "tee-vee__strace-parser__parser-src-parser.rs-tests.strace": 1}
passed = failed = 0
def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what)
files = sorted(f for f in os.listdir(folder) if os.path.isfile(os.path.join(folder, f)))
for name in files:
    path = os.path.join(folder, name)
    run = subprocess.run(["java", "-jar", jar, "check", "--json", path], capture_output=True, text=True)
    check(run.returncode in (0, 1), f"{name}: check exited {run.returncode}: {run.stderr.strip()[:200]}")
    if run.returncode not in (0, 1):
        continue
    malformed = [f for f in json.loads(run.stdout) if f["code"] == "malformed-line"]
    check(len(malformed) == expected.get(name, 0),
          f"{name}: {len(malformed)} malformed lines, expected {expected.get(name, 0)}: "
          + "; ".join(f"{f['line']}: {f['message']}" for f in malformed[:5]))
    stats = subprocess.run(["java", "-jar", jar, "stats", "--json", path], capture_output=True, text=True)
    check(stats.returncode == 0, f"{name}: stats exited {stats.returncode}")
    if stats.returncode == 0:
        flags = json.loads(stats.stdout)["options"]["flags"]
        if name.startswith("davidfoliveira__") or name == "tstack__lnav__test-logfile_strace_log.0.strace":
            # paths in <...> inside strings, strace 4.x's brk(0): neither -y nor -X raw
            check("-y" not in flags and "-X raw" not in flags, f"{name}: options {flags}")
print(f"foreign traces: {len(files)} files; {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
