#!/bin/sh
# Tests of bin/strace-ls, the launcher every editor recipe uses: how it finds Java and the jar, its
# errors, and that arguments and the protocol pass through. Needs the built jar (mvn -q package -DskipTests).
# Prints "N passed, N failed" and exits 1 on a failure.
set -u
cd "$(dirname "$0")/../.." || exit 2
repo=$(pwd -P)
launcher=$repo/bin/strace-ls
jar=$repo/server/target/strace-ls.jar
[ -f "$jar" ] || { echo "launcher.sh: $jar is missing; build it first: mvn -q package -DskipTests" >&2; exit 2; }
real_java=$(command -v java) || { echo "launcher.sh: no java on the PATH" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok: $1"; }
fail() { failed=$((failed + 1)); echo "FAIL: $1"; }

# run NAME [ENV=VALUE...] -- ARGS...: runs the launcher under sh with a clean JAVA_HOME and the given
# variables, keeping stdout, stderr and the exit code in $tmp/out, $tmp/err, $status.
run() {
    "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    status=$?
}
expect() { # expect DESCRIPTION STATUS PATTERN-IN-STDOUT PATTERN-IN-STDERR (empty pattern: no check)
    if [ "$status" -ne "$2" ]; then
        fail "$1: exit $status, expected $2; stderr: $(head -c 300 "$tmp/err")"
    elif [ -n "$3" ] && ! grep -q -- "$3" "$tmp/out"; then
        fail "$1: stdout lacks '$3': $(head -c 300 "$tmp/out")"
    elif [ -n "$4" ] && ! grep -q -- "$4" "$tmp/err"; then
        fail "$1: stderr lacks '$4': $(head -c 300 "$tmp/err")"
    else
        ok "$1"
    fi
}
no_stdout() { # errors must leave stdout empty: in server mode it is the protocol
    if [ -s "$tmp/out" ]; then fail "$1: wrote to stdout: $(head -c 200 "$tmp/out")"; else ok "$1: stdout empty"; fi
}

# fake_java DIR VERSION: a java that reports VERSION and, when run, prints its arguments
fake_java() {
    mkdir -p "$1/bin"
    cat >"$1/bin/java" <<FAKE
#!/bin/sh
if [ "\$1" = -version ]; then echo 'openjdk version "$2" 2024-01-16' >&2; exit 0; fi
echo "fake java $2 ran with: \$*"
FAKE
    chmod +x "$1/bin/java"
}
fake_java "$tmp/jdk21" 21.0.2
fake_java "$tmp/jdk11" 11.0.22
fake_java "$tmp/jdk8" 1.8.0_392
sed 's/openjdk version "1.8.0_392" 2024-01-16/java version "1.8.0_392"/' "$tmp/jdk8/bin/java" >"$tmp/j" && cat "$tmp/j" >"$tmp/jdk8/bin/java"

run env -u JAVA_HOME -u STRACE_LS_JAVA -u STRACE_LS_JAR sh "$launcher" --version
expect "--version through the PATH's java" 0 '^strace-ls [0-9]' ''

run env -u JAVA_HOME -u STRACE_LS_JAR sh "$launcher" check testdata/plain.strace
expect "check passes its arguments" 0 'plain.strace:63:105: warning: statx failed with ENOENT' ''

mkdir -p "$tmp/a folder"
cp testdata/fail.strace "$tmp/a folder/my trace.strace"
run env -u JAVA_HOME sh "$launcher" check --json "$tmp/a folder/my trace.strace"
expect "an argument with spaces stays one argument" 0 '"code": *"nonzero-exit"' ''

# the server: initialize, shutdown, exit on stdin; exit code 0 and a response on stdout
frame() { printf 'Content-Length: %s\r\n\r\n%s' "$(printf '%s' "$1" | wc -c | tr -d ' ')" "$1"; }
{
    frame '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}'
    frame '{"jsonrpc":"2.0","method":"initialized","params":{}}'
    frame '{"jsonrpc":"2.0","id":2,"method":"shutdown"}'
    frame '{"jsonrpc":"2.0","method":"exit"}'
} >"$tmp/in"
env -u JAVA_HOME sh "$launcher" <"$tmp/in" >"$tmp/out" 2>"$tmp/err"
status=$?
expect "no arguments: the server on stdio, exit 0 after shutdown and exit" 0 '"hoverProvider":true' ''
if head -c 16 "$tmp/out" | grep -q '^Content-Length: '; then ok "stdout starts with the protocol"; else fail "stdout does not start with a Content-Length header: $(head -c 100 "$tmp/out")"; fi

run env STRACE_LS_JAVA=/nonexistent/java sh "$launcher" --version
expect "STRACE_LS_JAVA that is not a file: exit 2" 2 '' 'STRACE_LS_JAVA gives /nonexistent/java'
no_stdout "STRACE_LS_JAVA that is not a file"

run env -u STRACE_LS_JAVA JAVA_HOME=/nonexistent sh "$launcher" --version
expect "JAVA_HOME without bin/java: exit 2" 2 '' 'JAVA_HOME gives /nonexistent/bin/java'

run env -u STRACE_LS_JAVA JAVA_HOME="$tmp/jdk11" sh "$launcher" --version
expect "Java 11 from JAVA_HOME: exit 2" 2 '' 'is Java 11.0.22; strace-ls needs Java 17 or newer'
no_stdout "Java 11"

run env STRACE_LS_JAVA="$tmp/jdk8/bin/java" sh "$launcher"
expect "Java 8 (1.8.0) from STRACE_LS_JAVA: exit 2" 2 '' 'is Java 1.8.0_392; strace-ls needs Java 17'

run env STRACE_LS_JAVA="$tmp/jdk21/bin/java" JAVA_HOME="$tmp/jdk11" sh "$launcher" --version
expect "STRACE_LS_JAVA comes before JAVA_HOME" 0 'fake java 21.0.2 ran with: -jar .*strace-ls.jar --version' ''

run env -u STRACE_LS_JAVA JAVA_HOME="$tmp/jdk21" sh "$launcher" x
expect "JAVA_HOME comes before the PATH" 0 'fake java 21.0.2 ran' ''

run env -u STRACE_LS_JAVA -u JAVA_HOME PATH="$tmp/jdk21/bin:$PATH" sh "$launcher" x
expect "java from the PATH" 0 'fake java 21.0.2 ran' ''

run env -u STRACE_LS_JAVA -u JAVA_HOME PATH=/nonexistent /bin/sh "$launcher" --version
expect "no java at all: exit 2" 2 '' 'no java found'

run env STRACE_LS_JAVA="$tmp/jdk21/bin/java" STRACE_LS_JAVA_OPTS="-Xmx1g -Dx=y" sh "$launcher" stats f
expect "STRACE_LS_JAVA_OPTS go before -jar" 0 'ran with: -Xmx1g -Dx=y -jar .*strace-ls.jar stats f$' ''

run env STRACE_LS_JAR=/nonexistent.jar sh "$launcher" --version
expect "STRACE_LS_JAR that is not a file: exit 2" 2 '' 'STRACE_LS_JAR is /nonexistent.jar'

mkdir -p "$tmp/alone" "$tmp/install/bin" "$tmp/links"
cp "$launcher" "$tmp/alone/strace-ls"
run env -u STRACE_LS_JAR sh "$tmp/alone/strace-ls" --version
expect "no jar anywhere: exit 2 with how to build it" 2 '' 'strace-ls.jar not found'

cp "$launcher" "$jar" "$tmp/install/bin/"
run env -u STRACE_LS_JAR sh "$tmp/install/bin/strace-ls" --version
expect "the jar next to the script" 0 '^strace-ls [0-9]' ''

ln -s "$launcher" "$tmp/links/strace-ls"
run env -u STRACE_LS_JAR "$tmp/links/strace-ls" --version
expect "through a symlink (absolute): finds the repository's jar" 0 '^strace-ls [0-9]' ''
(cd "$tmp/links" && ln -s strace-ls relative-link)
run env -u STRACE_LS_JAR "$tmp/links/relative-link" --version
expect "through a chain of symlinks (relative)" 0 '^strace-ls [0-9]' ''

echo "launcher: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
