#!/usr/bin/env bash
# Regenerates the strace test corpus in this directory (testdata/).
#
#   testdata/make.sh            # from any cwd: every trace
#   testdata/make.sh NAME...    # only the named traces (e.g. fdlife-y.strace fdlife-ff);
#                               # the others stay as they are, README.md is still complete
#
# Every *.strace file is exactly what strace printed; nothing is edited.
# Helper programs (src/*.c) are compiled into the fixed directory
# /tmp/strace-ls-testdata/bin so that paths in the traces are stable.
# All commands run with a minimal environment (env -i PATH=/usr/bin:/bin),
# TZ unset (= UTC), cwd /tmp/strace-ls-testdata/run, stdin </dev/null and,
# unless the row says otherwise, stdout/stderr of strace (i.e. strace's own
# messages and the tracee's output) sent to /tmp/strace-ls-testdata/log/NAME.
# README.md is regenerated from the calls below.
#
# Pids, timestamps, addresses, inode numbers and ports of ephemeral sockets
# differ between runs; the shape of the traces does not.  Traces whose
# interesting feature depends on scheduling (e.g. <unfinished ...> pairs)
# are retried a few times until the feature shows up.
set -euo pipefail

OUT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
W=/tmp/strace-ls-testdata
BIN=$W/bin
RUN=$W/run
LOG=$W/log
ROWS=$W/rows.md
ENV=(env -i PATH=/usr/bin:/bin)
SH_SCRIPT="cat $W/hello.txt | wc -c; ls /nonexistent; true"

command -v strace >/dev/null || { echo "strace not found" >&2; exit 1; }
command -v gcc >/dev/null || { echo "gcc not found" >&2; exit 1; }

ONLY=("$@")   # names of the traces to make; empty: all

# Whether trace NAME is to be made in this run.
selected() {
	local n
	((${#ONLY[@]} == 0)) && return 0
	for n in "${ONLY[@]}"; do
		[[ $n == "$1" ]] && return 0
	done
	return 1
}

# ---------------------------------------------------------------- clean
if ((${#ONLY[@]} == 0)); then
	rm -f "$OUT"/*.strace "$OUT"/README.md
	rm -rf "$OUT"/ff "$OUT"/thread-exec-ff "$OUT"/fdlife-ff "$OUT"/diff
fi
rm -rf "$W"
mkdir -p "$BIN" "$RUN" "$LOG" "$W/core" "$W/xauth" "$OUT/ff" "$OUT/thread-exec-ff" "$OUT/fdlife-ff"
: >"$ROWS"
printf 'hello, strace-ls\n' >"$W/hello.txt"

# ---------------------------------------------------------------- build
for src in "$OUT"/src/*.c; do
	name=$(basename "$src" .c)
	extra=()
	# int $0x80 needs its buffer below 4 GiB
	[[ $name == personality ]] && extra=(-no-pie -fno-pie)
	gcc -O1 -g -fno-omit-frame-pointer -Wall -pthread "${extra[@]}" -o "$BIN/$name" "$src"
done

# ---------------------------------------------------------------- helpers
# Quote one word for display (shell syntax, single quotes when needed).
q() {
	if [[ $1 =~ ^[A-Za-z0-9_./=:,%+@-]+$ ]]; then
		printf '%s' "$1"
	else
		printf "'%s'" "${1//\'/\'\\\'\'}"
	fi
}

CWD=$RUN      # cwd of the traced command
PRE=""        # shell prefix shown in README before the command (e.g. ulimit)
MODE=file     # file: strace writes with -o; stderr: capture strace's stderr+stdout into NAME
TRIES=5

# t NAME DESCRIPTION EXPECT -- STRACE-COMMAND...
#   Words starting with "@/" are output paths relative to testdata/.
#   EXPECT: ERE patterns separated by " &&& " that must all match (grep -E,
#   recursive for directories); the run is retried up to $TRIES times.
t() {
	local name=$1 desc=$2 expect=$3
	shift 4
	local -a real=()
	local shown="" a pat ok try rc target="$OUT/$name"
	for a in "$@"; do
		if [[ $a == @/* ]]; then
			real+=("$OUT/${a#@/}")
			shown+="$(q "${a#@/}") "
		else
			real+=("$a")
			shown+="$(q "$a") "
		fi
	done
	shown=${shown% }
	[[ $MODE == stderr ]] && shown+=" > $name 2>&1"

	# not selected: the README row only, the trace stays as it is
	ok=1
	selected "$name" || try=$((TRIES + 1))
	for ((try = ${try:-1}; try <= TRIES; try++)); do
		if [[ -d $target ]]; then
			find "$target" -mindepth 1 -delete
		else
			rm -f "$target"
		fi
		rc=0
		if [[ $MODE == stderr ]]; then
			{ (cd "$CWD" && exec "${ENV[@]}" "${real[@]}" </dev/null >"$target" 2>&1); } 2>/dev/null || rc=$?
		else
			{ (cd "$CWD" && exec "${ENV[@]}" "${real[@]}" </dev/null >"$LOG/$name" 2>&1); } 2>/dev/null || rc=$?
		fi
		ok=1
		if [[ -n $expect ]]; then
			while IFS= read -r pat; do
				[[ -z $pat ]] && continue
				if ! grep -rqE -- "$pat" "$target"; then
					ok=0
					echo "  $name: try $try: missing /$pat/" >&2
				fi
			done < <(printf '%s\n' "${expect// &&& /$'\n'}")
		fi
		((ok)) && break
	done
	((ok)) || echo "WARNING: $name does not show everything it should" >&2
	selected "$name" && printf '%-28s rc=%-3s %s\n' "$name" "$rc" "$shown"
	local cell=${shown//|/\\|}
	[[ $CWD != "$RUN" ]] && cell="cd $CWD && $cell"
	cell="$PRE$cell"
	printf '| `%s` | `%s` | %s |\n' "$name" "$cell" "$desc" >>"$ROWS"
}

section() { printf '\n### %s\n\n| file | command | demonstrates |\n|---|---|---|\n' "$1" >>"$ROWS"; }

# ---------------------------------------------------------------- traces
section "Basic forms"
t plain.strace "plain trace (no pid column): loader probing, ENOENT failure, \`exit_group(2) = ?\`, \`+++ exited with 2 +++\`" \
	'ENOENT &&& exited with 2' -- \
	strace -o @/plain.strace ls /etc/hostname /nonexistent
t fail.strace "failing command: \`ls /nonexistent\` exits 2" \
	'exited with 2' -- \
	strace -o @/fail.strace ls /nonexistent
t verbose.strace "\`-v\`: unabbreviated structs (full stat, env array), \`-s 64\` string limit" \
	'st_atime' -- \
	strace -v -s 64 -o @/verbose.strace ls -l "$W/hello.txt"
t x.strace "\`-x\`: strings with non-printable bytes printed as \`\\xNN\`" \
	'\\x00' -- \
	strace -x -e trace=write,writev,readv -o @/x.strace "$BIN/iov"
t xx.strace "\`-xx\`: every string in hex" \
	'\\x2f' -- \
	strace -xx -o @/xx.strace cat "$W/hello.txt"
t raw.strace "\`-e raw=all\`: undecoded arguments in hex" \
	'brk\(0\)' -- \
	strace -e raw=all -o @/raw.strace cat "$W/hello.txt"
t X-verbose.strace "\`-X verbose\`: numeric constants followed by /* symbolic */ comments" \
	'/\* O_RDONLY' -- \
	strace -X verbose -o @/X-verbose.strace cat "$W/hello.txt"
t X-raw.strace "\`-X raw\`: constants and flags as numbers only" \
	'openat\(-100' -- \
	strace -X raw -o @/X-raw.strace cat "$W/hello.txt"

section "Multiple processes"
t follow.strace "\`-f -o\`: bare pid column on every line, \`<unfinished ...>\` / \`<... X resumed>\` pairs, SIGCHLD, several exits" \
	'unfinished \.\.\.>$ &&& resumed> &&& SIGCHLD' -- \
	strace -f -o @/follow.strace sh -c "$SH_SCRIPT"
MODE=stderr
t follow-stderr.stderr.strace "\`-f\` without \`-o\` (stderr): \`[pid N]\` prefixes only while several processes exist, \`strace: Process N attached\`, tracee output (hello, ls error) interleaved, possibly mid-line" \
	'^\[pid +[0-9]+\] &&& Process [0-9]+ attached &&& ^hello$|hello' -- \
	strace -f sh -c "echo hello; $SH_SCRIPT"
MODE=file
t ff "(directory \`ff/trace.PID\`) \`-ff -o ff/trace\`: one file per process (\`ff/trace.PID\`), no pid column" \
	'exited with 0' -- \
	strace -ff -o @/ff/trace sh -c "$SH_SCRIPT"
t Y.strace "\`-f -Y\`: pid column with \`<comm>\` (first line shows \`<strace>\`)" \
	'^[0-9]+<strace> &&& ^[0-9]+<sh> ' -- \
	strace -f -Y -o @/Y.strace sh -c "$SH_SCRIPT"
t Z.strace "\`-f -Z\` (failed only): output staged per syscall, so no unfinished/resumed split" \
	'ENOENT' -- \
	strace -f -Z -o @/Z.strace sh -c "$SH_SCRIPT"
t b-execve.strace "\`-f -b execve\`: strace detaches from the child at its execve: line ends with \` <detached ...>\`, no exit line for that pid" \
	'<detached \.\.\.>$' -- \
	strace -f -b execve -o @/b-execve.strace sh -c "(ls /nonexistent); true"
t thread-exec.strace "\`-f\`: execve from a non-leader thread: leader's call \`= ?\`, \`+++ superseded by execve in pid N +++\`, \`<... execve resumed>\` under the leader pid" \
	'superseded by execve in pid &&& <\.\.\. execve resumed>' -- \
	strace -f -o @/thread-exec.strace "$BIN/thread-exec"
t thread-exec-ff "(directory \`thread-exec-ff/trace.PID\`) \`-ff\`: same; the thread's file ends with \` <pid changed to N ...>\`, the leader's file gets a re-printed \`<... execve resumed>\`" \
	'pid changed to &&& superseded by execve &&& <\.\.\. execve resumed>' -- \
	strace -ff -o @/thread-exec-ff/trace "$BIN/thread-exec"

section "Prefix fields"
t tt-T.strace "\`-f -tt -T\`: pid + HH:MM:SS.usec prefix, \`<duration>\` suffix (on the resumed half)" \
	'resumed>.*<[0-9]+\.[0-9]{6}>$' -- \
	strace -f -tt -T -o @/tt-T.strace sh -c "$SH_SCRIPT"
t t.strace "\`-t\`: HH:MM:SS prefix" \
	'' -- \
	strace -t -o @/t.strace ls /etc/hostname /nonexistent
t ttt.strace "\`-ttt\`: epoch seconds with microseconds" \
	'' -- \
	strace -ttt -o @/ttt.strace ls /etc/hostname /nonexistent
t ttt-ns.strace "\`--absolute-timestamps=format:unix,precision:ns\`: epoch with 9 digits" \
	'^[0-9]+\.[0-9]{9} ' -- \
	strace --absolute-timestamps=format:unix,precision:ns -o @/ttt-ns.strace ls /etc/hostname /nonexistent
t r.strace "\`-r\`: relative timestamp (%6ld.%06ld)" \
	'' -- \
	strace -r -o @/r.strace ls /etc/hostname /nonexistent
t t-r.strace "\`-t -r\`: absolute time followed by \`(+ relative)\`" \
	'\(\+ +[0-9]' -- \
	strace -t -r -o @/t-r.strace ls /etc/hostname /nonexistent
# A time zone in which it is 23:59:58 now (POSIX TZ: local = UTC + the offset), so that a run of a few seconds
# crosses midnight whenever it is made
tz_before_midnight() {
	local now=$(($(date -u +%s) % 86400)) off h m
	off=$(((86398 - now + 86400) % 86400))
	h=$((off / 3600)) m=$((off % 3600 / 60))
	printf 'LST-%d:%02d:%02d' "$h" "$m" $((off % 60))
}
t midnight.strace "\`-f -tt -T\` across midnight: the clock goes from 23:59:5x to 00:00:0x (made in a time zone where the run starts at 23:59:58)" \
	'^[0-9]+ +23:59:5[0-9]\. &&& ^[0-9]+ +00:00:0[0-9]\.' -- \
	env "TZ=$(tz_before_midnight)" strace -f -tt -T -o @/midnight.strace sh -c "cat $W/hello.txt; sleep 1; ls /nonexistent; sleep 2; cat $W/hello.txt; true"
t precision.strace "\`-f\` with ms absolute time, ns relative time, ns durations: \`HH:MM:SS.mmm (+ S.nnnnnnnnn) ... <S.nnnnnnnnn>\`" \
	'<[0-9]+\.[0-9]{9}>$' -- \
	strace -f --absolute-timestamps=format:time,precision:ms --relative-timestamps=ns --syscall-times=ns -o @/precision.strace sh -c "$SH_SCRIPT"
t n.strace "\`-n\`: syscall number \`[  N]\` (also on the exit line)" \
	'^\[ *[0-9]+\] ' -- \
	strace -n -o @/n.strace ls /etc/hostname /nonexistent
t i.strace "\`-i\`: instruction pointer \`[0000...]\`" \
	'^\[[0-9a-f]{16}\] ' -- \
	strace -i -o @/i.strace ls /etc/hostname /nonexistent
t all-prefix.strace "\`-f -Y -ttt -r -n -i -T\`: every prefix field at once" \
	'' -- \
	strace -f -Y -ttt -r -n -i -T -o @/all-prefix.strace sh -c "$SH_SCRIPT"

section "File descriptors"
t y.strace "\`-y\`: fds decorated with paths, \`AT_FDCWD</cwd>\`, sockets as \`socket:[INODE]\`" \
	'</dev/null> &&& socket:\[' -- \
	strace -y -o @/y.strace "$BIN/fds"
t yy.strace "\`-f -yy\`: socket endpoints (UNIX, TCP, UDP, UDPv6, NETLINK), \`/dev/null<char 1:3>\`, pipes, anon inodes, memfd, pidfd, escaped path with \`(deleted)\`" \
	'TCP:\[127\.0\.0\.1 &&& UNIX-STREAM &&& NETLINK &&& char 1:3 &&& \(deleted\) &&& pid:[0-9]+' -- \
	strace -f -yy -o @/yy.strace "$BIN/fds"

t fdlife.strace "\`-f\`, no decorations: fd lifetimes for navigation (\`src/fdlife.c\`): \`dup2\` over an open fd, \`dup\`, \`fcntl F_DUPFD_CLOEXEC\` and \`F_SETFD\`, a number reused after close, a pipe between parent and child, a child that execs keeping one fd and losing its close-on-exec ones (\`EBADF\`), a fork without exec, a thread opening an fd the main thread closes, an fd passed with \`SCM_RIGHTS\`, fds in \`poll\`/\`pselect6\` structures, \`close_range\`, and \`mmap\`/\`mprotect\`/\`madvise\`/\`munmap\`/\`brk\`" \
	'dup2\( &&& F_DUPFD_CLOEXEC &&& SCM_RIGHTS &&& EBADF &&& CLONE_THREAD &&& close_range' -- \
	strace -f -o @/fdlife.strace "$BIN/fdlife"
t fdlife-y.strace "\`-f -y\`: the same, every fd decorated with its path (\`socket:[INODE]\`, \`pipe:[INODE]\`)" \
	'dup2\(3</ &&& SCM_RIGHTS, cmsg_data=\[[0-9]+</ &&& EBADF &&& CLONE_THREAD' -- \
	strace -f -y -o @/fdlife-y.strace "$BIN/fdlife"
t fdlife-yy.strace "\`-f -yy\`: the same, with socket endpoints and device numbers" \
	'UNIX-STREAM:\[ &&& /dev/null<char 1:3> &&& EBADF' -- \
	strace -f -yy -o @/fdlife-yy.strace "$BIN/fdlife"
t fdlife-ff "(directory \`fdlife-ff/trace.PID\`) \`-ff -y\`: the same, one file per process and thread" \
	'SCM_RIGHTS &&& EBADF' -- \
	strace -ff -y -o @/fdlife-ff/trace "$BIN/fdlife"

section "Stack traces, dumps, summaries"
t k.strace "\`-k\`: stack frames after each syscall line" \
	'^ > .*\(main\+0x' -- \
	strace -k -o @/k.strace "$BIN/k"
t k-segv.strace "\`-k\`: stack frames after a \`--- SIGSEGV ---\` line" \
	'^ > .*\(deref' -- \
	strace -k -o @/k-segv.strace "$BIN/segv"
t dump.strace "\`-e write=1\`: hex dump after write(1, ...)" \
	'^ \| 00000 ' -- \
	strace -e write=1 -o @/dump.strace echo hi
t dump-iov.strace "\`-e read=all -e write=all\`: hex dumps incl. \`* N bytes in buffer K\` for readv/writev (and the loader's ELF header reads)" \
	'bytes in buffer 1' -- \
	strace -e read=all -e write=all -o @/dump-iov.strace "$BIN/iov"
t c.strace "\`-c\`: summary table only" \
	'^100\.00 .* total$' -- \
	strace -c -o @/c.strace ls /etc/hostname /nonexistent
t c-f.strace "\`-f -c -w -S calls\`: wall-clock summary over several processes, errors column" \
	'total$' -- \
	strace -f -c -w -S calls -o @/c-f.strace sh -c "$SH_SCRIPT"
t c-U.strace "\`-c -U name,calls,errors,avg-time,min-time,max-time,total-time\`: custom columns" \
	'shortest|longest' -- \
	strace -c -U name,calls,errors,avg-time,min-time,max-time,total-time -o @/c-U.strace ls /etc/hostname /nonexistent
t C.strace "\`-C\`: trace followed by the summary table" \
	'^100\.00 .* total$ &&& exited with 2' -- \
	strace -C -o @/C.strace ls /etc/hostname /nonexistent

section "Signals, deaths, injection"
t signals.strace "signals: \`ERESTARTSYS\` + \`rt_sigreturn\` = -1 EINTR, SA_RESTART re-issue, \`ERESTARTNOHAND\`, \`ERESTART_RESTARTBLOCK\` + \`restart_syscall(<... resuming interrupted clock_nanosleep ...>)\`, si_code SI_KERNEL/SI_USER/SI_TKILL/SI_QUEUE/SI_TIMER, CLD_EXITED, \`--- stopped by SIGSTOP ---\` then SIGCONT" \
	'stopped by SIGSTOP &&& ERESTARTSYS &&& ERESTARTNOHAND &&& ERESTART_RESTARTBLOCK &&& restart_syscall &&& SI_QUEUE &&& SI_TIMER &&& SI_TKILL' -- \
	strace -o @/signals.strace "$BIN/signals"
CWD=$W/core
PRE="ulimit -c unlimited; "
(
	ulimit -c unlimited 2>/dev/null || true
	t segv.strace "NULL dereference: \`--- SIGSEGV {... si_addr=NULL} ---\`, \`+++ killed by SIGSEGV (core dumped) +++\` (run with \`ulimit -c unlimited\` in a scratch cwd)" \
		'killed by SIGSEGV' -- \
		strace -o @/segv.strace "$BIN/segv"
)
rm -f "$W"/core/core*
CWD=$RUN
PRE=""
t killed.strace "\`-f\`: child killed by SIGKILL while blocked: \`clock_nanosleep(... <unfinished ...>) = ?\`, \`+++ killed by SIGKILL +++\`; timeout then SIGKILLs its own process group, so its \`kill(0, SIGKILL) = ?\` never returns either" \
	'<unfinished \.\.\.>\) += \? &&& killed by SIGKILL' -- \
	strace -f -o @/killed.strace timeout -s KILL 0.3 sleep 5
t term.strace "\`-f\`: child killed by SIGTERM: \`--- SIGTERM {si_code=SI_USER, ...} ---\`, \`+++ killed by SIGTERM +++\`, parent's \`= ? ERESTART...\`" \
	'--- SIGTERM &&& killed by SIGTERM' -- \
	strace -f -o @/term.strace timeout -s TERM 0.3 sleep 5
rm -f "$W/xauth/Xauthority-c"
touch "$W/xauth/Xauthority-l"   # stale link target: link() fails with EEXIST
t xauth-lock.strace "\`-f -tt -T\`: xauth-style lock: open(...-c, O_WRONLY\\|O_CREAT\\|O_EXCL) ok, link(-c, -l) = -1 EEXIST (stale -l pre-created by make.sh), retries, message on fd 2, exit 1" \
	'link\(.*EEXIST &&& write\(2, "xauth: &&& exited with 1' -- \
	strace -f -tt -T -o @/xauth-lock.strace "$BIN/xauth-lock"
t inject.strace "\`-e inject=openat:error=ENOENT:when=3\`: \`= -1 ENOENT (...) (INJECTED)\`" \
	'\(INJECTED\)' -- \
	strace -e inject=openat:error=ENOENT:when=3 -o @/inject.strace cat "$W/hello.txt"
t fault.strace "\`-e fault=\`, \`retval=\`, \`signal=\`, \`delay_exit=\`: \`(INJECTED)\`, \`(DELAYED)\`, injected \`--- SIGWINCH {si_code=SI_KERNEL} ---\`" \
	'ENOSPC.*\(INJECTED\) &&& \(DELAYED\) &&& SIGWINCH' -- \
	strace -e fault=write:error=ENOSPC -e inject=getpid:retval=42 -e inject=close:signal=SIGWINCH:when=1 -e inject=fstat,newfstatat:delay_exit=1000:when=2 -o @/fault.strace "$BIN/k"
t poke.strace "\`-e inject=...:poke_enter=\`: \`(INJECTED: args)\`" \
	'INJECTED: args' -- \
	strace -e inject=write:poke_enter=@arg2=4a4a:when=1 -o @/poke.strace "$BIN/k"

section "Misleading error messages (the cause is not what the message says)"
rm -f "$W/xauth/Xauthority-c" "$W/xauth/Xauthority-l"
t xauth-link.strace "xauth's lock dance (\`src/xauth-dance.c\`, after libXau): \`access\` and \`stat\` ENOENT, \`open(...-c, O_EXCL)\`, \`statfs\`, then \`link(-c, -l)\` fails with \`ESERVERFAULT\` (injected: what a 9p or FUSE file system without hard links can return); the message says \"error in locking authority file\"" \
	'link\(.*ESERVERFAULT.*\(INJECTED\) &&& write\(2, "xauth:  error in locking &&& exited with 1' -- \
	strace -e inject=link:error=ESERVERFAULT -o @/xauth-link.strace "$BIN/xauth-dance"
rm -f "$W/xauth/hello-link"
t ln-link.strace "coreutils \`ln\` in a UTF-8 locale, \`linkat\` fails with \`EPERM\` (injected: what a file system without hard links, such as vfat, returns): the message is written in four writes, with gettext's \`libc.mo\` lookups between them; many locale \`ENOENT\`s before" \
	'linkat\(.*EPERM.*\(INJECTED\) &&& libc\.mo &&& exited with 1' -- \
	strace -E LANG=C.UTF-8 -e inject=linkat:error=EPERM -o @/ln-link.strace ln "$W/hello.txt" "$W/xauth/hello-link"
mkdir -p "$W/spool"
t perm-denied.strace "\`-f -s 128\`: a shell runs \`src/perm-denied.c\`, which reports \"Permission denied\" because \`access(SPOOL/perm-demo, W_OK)\` failed with \`ENOENT\` (the directory is missing); before it, a configuration searched in two places, locale data; after it, the message catalogue lookup; the shell exits with the child's status" \
	'access\(.*perm-demo", W_OK\) = -1 ENOENT &&& perm-demo\.mo &&& Permission denied &&& exited with 1' -- \
	strace -f -s 128 -E LANG=C.UTF-8 -o @/perm-denied.strace sh -c "$BIN/perm-denied; exit \$?"
mkdir -p "$W/etc/conf-demo.conf"
t config-search.strace "\`src/config-search.c\` looks for \`conf-demo.conf\` in three places: missing, a directory (\`read\` = -1 \`EISDIR\`), missing; then says \"no configuration file found\"" \
	'read\(3, .*EISDIR &&& no configuration &&& exited with 1' -- \
	strace -o @/config-search.strace "$BIN/config-search"
t net-timeout.strace "\`-yy -T\`: \`src/net-timeout.c\` connects to localhost:9 three times (\`ECONNREFUSED\` at once, nothing listens), then says it \"timed out waiting for the server\"" \
	'connect\(.*ECONNREFUSED &&& timed out &&& exited with 1' -- \
	strace -yy -T -o @/net-timeout.strace "$BIN/net-timeout"

section "Kernel vocabulary (constants the hovers explain)"
t netlink.strace "\`-f -v -s 256\`: \`ip -s -d link show lo\` and \`ip addr show lo\`: rtnetlink requests and answers (\`RTM_*\`, \`NLM_F_*\`, \`IFLA_*\`, \`IFA_*\`, \`IFF_*\`, \`ARPHRD_*\`), nested \`IFLA_AF_SPEC\` with \`IPV4_DEVCONF_*\`, \`DEVCONF_*\`, \`IPSTATS_MIB_*\`, \`ICMP6_MIB_*\`, and attribute types strace 6.1 has no name for (\`NLA_F_NESTED|0x3e /* IFLA_??? */\`)" \
	'RTM_GETLINK &&& IPV4_DEVCONF_FORWARDING &&& DEVCONF_MTU6 &&& IPSTATS_MIB_NUM &&& ICMP6_MIB_NUM &&& NLA_F_NESTED\|0x &&& RTM_NEWADDR &&& IFF_UP' -- \
	strace -f -v -s 256 -o @/netlink.strace sh -c "ip -s -d link show lo; ip addr show lo"
t statfs.strace "\`stat -f\` on three file systems: \`statfs\` with \`f_type\` (\`*_MAGIC\`) and \`f_flags\` (\`ST_*\`)" \
	'f_type=TMPFS_MAGIC &&& PROC_SUPER_MAGIC &&& ST_VALID' -- \
	strace -o @/statfs.strace stat -f / /dev/shm /proc
t caps.strace "\`capsh --print\`: \`prctl(PR_CAPBSET_READ, CAP_…)\` for every capability, \`capget\`" \
	'PR_CAPBSET_READ, CAP_CHOWN &&& capget' -- \
	strace -o @/caps.strace /usr/sbin/capsh --print
t mount.strace "\`-f unshare -m\`: \`unshare(CLONE_NEWNS)\`, \`mount\` with \`MS_*\` flags (\`MS_RDONLY|MS_NOSUID|MS_NODEV\`, \`MS_REC|MS_PRIVATE\`), \`umount2\`" \
	'MS_RDONLY &&& MS_REC\|MS_PRIVATE &&& umount2' -- \
	strace -f -o @/mount.strace unshare -m sh -c "mount -t tmpfs -o ro,nosuid,nodev tmpfs /mnt && mount --make-rprivate / && umount /mnt"
t X-raw-dev.strace "\`-X raw\`: \`stat /dev/null\` prints \`st_mode=020666\` (a character device, type bits and all in octal)" \
	'st_mode=020666' -- \
	strace -X raw -o @/X-raw-dev.strace stat /dev/null
section "Pairs for strace-ls diff (one run works, the other fails)"
# Each pair is the same command run twice under one changed condition; diff/NAME.good.strace worked,
# diff/NAME.bad.strace failed. Setup and teardown between the two runs are the lines around them.
D=$W/diff
mkdir -p "$D" "$OUT/diff" "$LOG/diff"
printf 'port=8080\n' >"$D/app.conf"
t diff/missing.good.strace "diff pair: \`cat app.conf\` with the file present" 'exited with 0' -- \
	strace -o @/diff/missing.good.strace cat "$D/app.conf"
rm -f "$D/app.conf"
t diff/missing.bad.strace "diff pair: the same with the file missing" 'ENOENT &&& exited with 1' -- \
	strace -o @/diff/missing.bad.strace cat "$D/app.conf"
mkdir -p "$D/out"
chmod 777 "$D/out"
t diff/readonly.good.strace "diff pair: \`touch out/stamp\` as nobody (\`-u nobody\`) in a writable directory" 'exited with 0' -- \
	strace -u nobody -o @/diff/readonly.good.strace touch "$D/out/stamp"
rm -f "$D/out/stamp"
chmod 555 "$D/out"
t diff/readonly.bad.strace "diff pair: the same in a read-only directory" 'EACCES &&& exited with 1' -- \
	strace -u nobody -o @/diff/readonly.bad.strace touch "$D/out/stamp"
printf 'token\n' >"$D/secret"
chmod 600 "$D/secret"
t diff/nobody.good.strace "diff pair: \`cat secret\` (mode 600, owned by root) as root" 'exited with 0' -- \
	strace -o @/diff/nobody.good.strace cat "$D/secret"
t diff/nobody.bad.strace "diff pair: the same as nobody (\`-u nobody\`)" 'EACCES &&& exited with 1' -- \
	strace -u nobody -o @/diff/nobody.bad.strace cat "$D/secret"
mkdir -p "$D/home"
printf 'colour=blue\n' >"$D/home/.apprc"
ENV=(env -i PATH=/usr/bin:/bin HOME=$D/home)
t diff/home.good.strace "diff pair: \`sh -c 'cat \"\$HOME/.apprc\"'\` with HOME set (\`-e abbrev=!execve\`: execve shows the environment)" 'exited with 0' -- \
	strace -f -e 'abbrev=!execve' -o @/diff/home.good.strace /bin/sh -c 'cat "$HOME/.apprc"'
ENV=(env -i PATH=/usr/bin:/bin)
t diff/home.bad.strace "diff pair: the same with HOME unset" 'ENOENT &&& exited with 1' -- \
	strace -f -e 'abbrev=!execve' -o @/diff/home.bad.strace /bin/sh -c 'cat "$HOME/.apprc"'
t diff/path.good.strace "diff pair: \`/bin/sh -c 'cat hello.txt'\` with PATH=/usr/bin:/bin (\`-e abbrev=!execve\`)" 'exited with 0' -- \
	strace -f -e 'abbrev=!execve' -o @/diff/path.good.strace /bin/sh -c "cat $W/hello.txt"
ENV=(env -i PATH=$D/nobin)
t diff/path.bad.strace "diff pair: the same with PATH=$D/nobin (cat is not found)" 'ENOENT &&& exited with 127' -- \
	/usr/bin/strace -f -e 'abbrev=!execve' -o @/diff/path.bad.strace /bin/sh -c "cat $W/hello.txt"
printf '\303\251\n' >"$D/e.txt"
ENV=(env -i PATH=/usr/bin:/bin LANG=C.UTF-8)
t diff/lang.good.strace "diff pair: \`grep -q '^.\$' e.txt\` (e.txt holds one two-byte character) with LANG=C.UTF-8 (\`-e abbrev=!execve\`)" 'exited with 0' -- \
	strace -e 'abbrev=!execve' -o @/diff/lang.good.strace grep -q '^.$' "$D/e.txt"
ENV=(env -i PATH=/usr/bin:/bin)
t diff/lang.bad.strace "diff pair: the same with LANG unset (C locale: two characters, no match)" 'exited with 1' -- \
	strace -e 'abbrev=!execve' -o @/diff/lang.bad.strace grep -q '^.$' "$D/e.txt"
printf 'enabled=yes\n' >"$D/app.ini"
t diff/config.good.strace "diff pair: \`grep -q '^enabled=yes\$' app.ini\` with app.ini saying yes" 'exited with 0' -- \
	strace -o @/diff/config.good.strace grep -q '^enabled=yes$' "$D/app.ini"
printf 'enabled=no\n' >"$D/app.ini"
t diff/config.bad.strace "diff pair: the same with app.ini saying no" 'exited with 1' -- \
	strace -o @/diff/config.bad.strace grep -q '^enabled=yes$' "$D/app.ini"
t diff/port.good.strace "diff pair: \`src/listen.c\` binds 127.0.0.1:48765, free" 'exited with 0' -- \
	strace -o @/diff/port.good.strace "$BIN/listen" 48765
"$BIN/listen" 48765 3 &
HOLDER=$!
sleep 0.5
t diff/port.bad.strace "diff pair: the same while another \`listen 48765 3\` holds the port" 'EADDRINUSE &&& exited with 1' -- \
	strace -o @/diff/port.bad.strace "$BIN/listen" 48765
wait "$HOLDER" || true
t diff/same.1.strace "diff pair: one working command, run twice (\`-f\`, a pipe): compares as equal" 'exited with 0' -- \
	strace -f -o @/diff/same.1.strace sh -c "ls /usr/share/misc | head -2; cat $W/hello.txt"
t diff/same.2.strace "diff pair: the second run of the same command" 'exited with 0' -- \
	strace -f -o @/diff/same.2.strace sh -c "ls /usr/share/misc | head -2; cat $W/hello.txt"
printf 'port=8080\n' >"$D/app.conf"
mkdir -p "$OUT/diff/missing-ff.good" "$OUT/diff/missing-ff.bad"
t diff/missing-ff.good "(directory) diff pair: \`-ff\`, \`sh -c 'cat app.conf; echo done'\` with the file present" 'exited with 0' -- \
	strace -ff -o @/diff/missing-ff.good/trace sh -c "cat $D/app.conf; echo done"
rm -f "$D/app.conf"
t diff/missing-ff.bad "(directory) diff pair: \`-ff\`, the same with the file missing" 'ENOENT' -- \
	strace -ff -o @/diff/missing-ff.bad/trace sh -c "cat $D/app.conf; echo done"
section "Causes all the way down (issue 12)"
# a stale lock file: the program retries O_EXCL every 0.5 s until timeout sends SIGTERM (exit 124)
touch "$RUN/stale.lock"
t stuck-lock.strace "\`-f -tt\`: \`timeout 2.2\` runs \`src/stale-lock.c\`, which retries \`open(stale.lock, O_CREAT|O_EXCL)\` = -1 \`EEXIST\` every 0.5 s (the lock file is left over); timeout sends SIGTERM and exits 124; nothing is said" \
	'EEXIST &&& SIGTERM &&& exited with 124' -- \
	strace -f -tt -o @/stuck-lock.strace timeout 2.2 "$BIN/stale-lock"
rm -f "$RUN/stale.lock"
# a lock somebody holds: flock -n gives up at once, silently, exit 1
( "${ENV[@]}" flock "$W/held.lock" sleep 3 </dev/null >/dev/null 2>&1 & )
sleep 0.3
t flock-held.strace "\`flock -n\` on a lock another process (a \`flock ... sleep 3\` started by make.sh) holds: \`flock(3, LOCK_EX|LOCK_NB)\` = -1 \`EAGAIN\`, exit 1, no message" \
	'flock\(3, LOCK_EX\|LOCK_NB\) = -1 EAGAIN &&& exited with 1' -- \
	strace -o @/flock-held.strace flock -n "$W/held.lock" true
# a missing shared library: libdemo.so.1 is removed after uselib was linked against it
if selected missing-lib.strace; then
	mkdir -p "$W/lib"
	gcc -shared -fPIC -Wl,-soname,libdemo.so.1 -o "$W/lib/libdemo.so.1" "$OUT/src/lib/demo.c"
	gcc -o "$BIN/uselib" "$OUT/src/lib/uselib.c" "$W/lib/libdemo.so.1" -Wl,-rpath,"$W/lib"
	rm -f "$W/lib/libdemo.so.1"
fi
t missing-lib.strace "\`src/lib/uselib.c\`, linked against \`libdemo.so.1\` (rpath \`$W/lib\`), which is then removed: the loader looks for it in the rpath and the system directories, writes \"error while loading shared libraries\", exit 127" \
	'libdemo\.so\.1.*ENOENT &&& error while loading shared libraries &&& exited with 127' -- \
	strace -o @/missing-lib.strace "$BIN/uselib"
t nb-connect.strace "\`src/nb-connect.c\`: non-blocking \`connect\` to 127.0.0.1:9 = -1 \`EINPROGRESS\`, \`poll\` \`POLLOUT|POLLERR|POLLHUP\`, \`getsockopt(SO_ERROR, [ECONNREFUSED]) = 0\`; the message says \"server not available\"" \
	'EINPROGRESS &&& POLLERR &&& SO_ERROR, \[ECONNREFUSED\]' -- \
	strace -o @/nb-connect.strace "$BIN/nb-connect"
rm -f "$LOG/daemon-demo.log"
t daemon-log.strace "\`-y\`: \`src/daemon-log.c\` points fd 0-2 at /dev/null (\`dup2\`), logs to a file opened with \`O_APPEND\`, cannot create its pid file (\`ENOENT\`, missing directory), logs \"fatal: cannot start\" to the file, exit 1" \
	'dup2\(3</dev/null>, 2 &&& O_APPEND &&& fatal &&& exited with 1' -- \
	strace -y -o @/daemon-log.strace "$BIN/daemon-log"
t sh-c-fail.strace "\`-f\`: \`sh -c 'cat DIR 2>/dev/null || exit 3'\`: cat's \`read\` fails with \`EISDIR\`, its message goes to /dev/null (\`dup2\` onto fd 2), cat exits 1 and the shell 3" \
	'EISDIR &&& exited with 3' -- \
	strace -f -o @/sh-c-fail.strace sh -c "cat $W/etc/conf-demo.conf 2>/dev/null || exit 3"
t set-e.strace "\`-f\`: a \`set -e\` script (\`sh -e -c\`) whose \`ls\` of a missing file fails (exit 2): the script stops there and exits 2 without a word of its own" \
	'ENOENT &&& exited with 2' -- \
	strace -f -o @/set-e.strace sh -e -c "echo listing; ls $W/missing-input; echo done"
t dup2-stderr.strace "\`src/dup2-stderr.c\`: \`dup2\` of a file onto fd 2, then a missing settings file (\`ENOENT\`) and \"could not load settings\" written to fd 2 (the file), exit 1" \
	'dup2\(3, 2\) &&& ENOENT &&& could not load settings &&& exited with 1' -- \
	strace -o @/dup2-stderr.strace "$BIN/dup2-stderr"
t abort.strace "\`src/abort.c\`: an optional file missing (\`ENOENT\`), then \`abort()\`: \`rt_sigprocmask\`, \`tgkill(…, SIGABRT)\` from itself, \`+++ killed by SIGABRT +++\`" \
	'tgkill\(.*SIGABRT &&& killed by SIGABRT' -- \
	strace -o @/abort.strace "$BIN/abort"
t yes-head.strace "\`-f\`: \`sh -c 'yes | head -n 1'\`: head exits 0, then yes's \`write\` fails with \`EPIPE\` and SIGPIPE kills it (normal for a producer whose reader finished)" \
	'EPIPE &&& killed by SIGPIPE' -- \
	strace -f -o @/yes-head.strace sh -c "yes | head -n 1"
t pid-reuse.strace "\`-f\` in a new pid namespace (\`unshare --pid --fork --mount-proc\`, needs root): a child runs \`/bin/true\` and is reaped, the shell writes its pid minus 1 to \`/proc/sys/kernel/ns_last_pid\`, and the next child (a \`vfork\`) gets the same pid: one pid, two processes" \
	'ns_last_pid &&& vfork resumed>\) += ([0-9]+)' -- \
	unshare --pid --fork --mount-proc strace -f -o @/pid-reuse.strace sh -c '/bin/true & wait $!; echo $(($!-1)) > /proc/sys/kernel/ns_last_pid; /bin/true'
t sh-stderr.strace "a shell script's own error message, \`echo ... >&2\`: dash copies fd 2 onto fd 1 (\`dup2(2, 1)\`) and writes to fd 1; then \`exit 4\`" \
	'dup2\(2, 1\) &&& write\(1, "backup: &&& exited with 4' -- \
	strace -o @/sh-stderr.strace sh -c "test -d $W/backup-target || { echo 'backup: target directory missing' >&2; exit 4; }"

section "Personalities, unknown syscalls, tips"
t personality.strace "\`--quiet=none -n\`: \`[ Process PID=N runs in 32 bit mode. ]\` / \`x32 mode\` / \`64 bit mode\` lines, i386 syscall numbers via int \$0x80, unknown syscall \`syscall_0x1f4(...)\`" \
	'runs in 32 bit mode &&& runs in x32 mode &&& syscall_0x1f4' -- \
	strace --quiet=none -n -o @/personality.strace "$BIN/personality"
t personality-c.strace "\`-c\`: one summary table per personality (\`System call usage summary for 32 bit mode:\`, \`... for x32 mode:\`)" \
	'summary for 32 bit mode &&& summary for x32 mode' -- \
	strace -c -o @/personality-c.strace "$BIN/personality"
MODE=stderr
t tips.stderr.strace "\`--tips\` without \`-o\`: trace on stderr followed by the ASCII-art tips box" \
	'^  _____' -- \
	strace --tips=id:3 true
MODE=file

section "Attach"
# attach.strace / attach.stderr.strace: strace -p on a sleeping process,
# interrupted after 0.5 s (SIGINT) so it detaches.
attach() {
	local pid rc=0 try
	selected attach.strace || try=$((TRIES + 1))
	for ((try = ${try:-1}; try <= TRIES; try++)); do
		(cd "$RUN" && exec "${ENV[@]}" sleep 5 </dev/null >/dev/null 2>&1) &
		pid=$!
		sleep 0.2
		rc=0
		"${ENV[@]}" timeout -s INT 0.5 strace -o "$OUT/attach.strace" -p "$pid" \
			</dev/null >"$OUT/attach.stderr.strace" 2>&1 || rc=$?
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
		grep -q 'detached' "$OUT/attach.strace" && break
	done
	selected attach.strace && printf '%-28s rc=%-3s %s\n' attach.strace "$rc" "strace -o attach.strace -p PID"
	cat >>"$ROWS" <<-'EOF'
	| `attach.strace` | `timeout -s INT 0.5 strace -o attach.strace -p PID > attach.stderr.strace 2>&1` (PID = a background `sleep 5`) | `-p` attach: first call printed complete (`restart_syscall(<... resuming interrupted ...>` or the blocking call), detach tail ` <detached ...>` |
	| `attach.stderr.strace` | (stderr of the same run) | `strace: Process N attached` / `strace: Process N detached` messages |
	EOF
}
attach

section "Benchmark seed"
t busy.strace "\`-f -tt -T -yy\`: 2 processes x 4 threads doing /proc reads, /dev/null writes and naps; thousands of lines, many unfinished/resumed pairs (seed for the 1,000,000-line benchmark)" \
	'unfinished \.\.\.>$ &&& resumed> &&& </dev/null<char 1:3>>' -- \
	strace -f -tt -T -yy -o @/busy.strace "$BIN/busy" 80

section "Hostile text (for the report)"
# File names and output that look like HTML and script: the report must show them as text and run none of it.
HOSTILE='cat "</script><script>alert(1)</script>" "<!--x"; ls "<img src=x onerror=alert(2)>" "javascript:alert(3)"; echo "javascript:alert(4) \"dq\" '"'"'sq'"'"' < & <b>b</b> </script>" >&2; exit 3'
t hostile.strace "\`-f -tt -T -s 200\`: a shell opens and lists files named \`</script><script>alert(1)</script>\`, \`<!--x\`, \`<img src=x onerror=alert(2)>\`, \`javascript:alert(3)\` and writes quotes, \`<\`, \`&\` and \`</script>\` to stderr; exits 3 (the report's escaping test)" \
	'onerror=alert &&& exited with 3' -- \
	strace -f -tt -T -s 200 -o @/hostile.strace sh -c "$HOSTILE"

# ---------------------------------------------------------------- README
{
	cat <<-EOF
	# strace test corpus

	Real traces printed by \`$(strace -V | head -1)\` ($(. /etc/os-release && echo "$PRETTY_NAME"), $(uname -m)).
	**Generated by \`make.sh\` — do not edit any trace by hand; rerun
	\`testdata/make.sh\` instead** (works from any cwd; needs strace and gcc;
	ptrace must be permitted).

	How every command below was run:

	* environment: \`env -i PATH=/usr/bin:/bin\` (so TZ is unset = UTC, C locale,
	  \`execve(..., /* 1 var */)\`);
	* cwd \`$RUN\` (unless the command starts with \`cd\`);
	* stdin \`</dev/null\`; strace's stdout/stderr (its own messages and the
	  tracee's output) go to \`$LOG/NAME\` — except for the \`*.stderr.strace\`
	  files, which capture them on purpose;
	* output paths (\`-o\`, \`>\`) are relative to \`testdata/\`;
	* \`$BIN/*\` are the helper programs from \`src/*.c\`
	  (\`gcc -O1 -g -fno-omit-frame-pointer -Wall -pthread\`);
	  (\`personality\` with \`-no-pie\` in addition);
	  \`$W/hello.txt\` contains \`hello, strace-ls\n\`.

	Pids, times, addresses, inode numbers and some ports change on every run;
	the forms do not. Runs whose point depends on scheduling are retried until
	the form appears (see the EXPECT patterns in \`make.sh\`).
	EOF
	cat "$ROWS"
	cat <<-'EOF'

	### Forms from strace-format.md that are *not* in this corpus

	* SELinux contexts (`--secontext`, `[ctx]` prefix/suffix): Debian's strace 6.1
	  is built without SELinux support.
	* `= ? <unavailable>`, `[???]`, `[????????????????]`: need a ptrace failure
	  while fetching registers (tracee vanishing at the wrong instant); not
	  reproducible on demand.
	* `strace: Process N attached with M threads`, several `-p`: not generated
	  (only a single-threaded `-p` attach is included).
	* Pid wrap-around inside one trace (pid reuse is in `pid-reuse.strace`, made
	  with `ns_last_pid` in a pid namespace).
	* Newer-strace forms (`-kk` source lines, `signalfd:[...]`/`{eventfd-...}`
	  decorations, `[0 => 64]` in/out): strace 6.1 prints the older forms.
	EOF
} >"$OUT/README.md"

# ---------------------------------------------------------------- report
echo
echo "files (bytes, lines):"
(cd "$OUT" && find . -name '*.strace' -o -path './ff/*' -type f -o -path './thread-exec-ff/*' -type f -o -path './diff/*' -type f |
	sort | while read -r f; do printf '%8d %7d  %s\n' "$(stat -c %s "$f")" "$(wc -l <"$f")" "${f#./}"; done)
echo "total: $(du -sh --exclude=src "$OUT" | cut -f1)"
