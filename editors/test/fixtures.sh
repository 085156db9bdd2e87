# Sourced by neovim.sh and emacs.sh from the repository root: makes the scratch folder $work with the
# traces the real-client tests open, and removes it when the test ends.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# copies, so that nothing the editor does can touch testdata/
cp testdata/plain.strace "$work/plain.strace"
cp -r testdata/ff "$work/ff"
cp testdata/xauth-lock.strace "$work/lock.strace.10130"
cp -r testdata/diff "$work/diff"
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
# views and summaries: a trace of 4 processes with -f -tt -T, and what the CLI shows of it
cp testdata/tt-T.strace "$work/tt-T.strace"
"$repo/bin/strace-ls" view --pid 9755 --failed "$work/tt-T.strace" >"$work/tt-T.failed-9755" || true
# every filter word, and what `strace-ls view` prints for the same flags: views/cases holds "WORDS<TAB>FILE"
mkdir "$work/views"
n=0
while IFS='|' read -r words flags; do
    n=$((n + 1))
    # shellcheck disable=SC2086 # the flags are words
    "$repo/bin/strace-ls" view $flags "$work/tt-T.strace" >"$work/views/$n" || true
    printf '%s\t%s\n' "$words" "$work/views/$n" >>"$work/views/cases"
done <<'CASES'
pid=9752 tree|--pid 9752 --tree
pid=9753,9754 class=process|--pid 9753,9754 --class process
failed noise|--failed --noise
syscall=openat,read class=file|--syscall openat,read --class file
path=/etc|--path /etc
fd=9755:3@241|--fd 9755:3@241
lines=250-|--lines 250-
lines=-3|--lines -3
time=03:43:06.7472-03:43:06.7473|--time 03:43:06.7472-03:43:06.7473
pid=9755 context=1 syscall=statx|--pid 9755 --context 1 --syscall statx
CASES
# traces the editors never open: views and summaries of files on disk (a small one, a generated one of about
# 9 MB, over the 8 MB from which the server reports progress), what the CLI shows of them, and three bad inputs
mkdir "$work/disk" "$work/disk/folder.strace" "$work/cli"
cp testdata/tt-T.strace "$work/disk/tt-T.strace"
i=0
while [ "$i" -lt 380 ]; do cat testdata/tt-T.strace; i=$((i + 1)); done >"$work/disk/big.strace"
head -c 65536 "$(command -v sh)" >"$work/disk/binary.strace"
for t in tt-T big; do
    "$repo/bin/strace-ls" summary "$work/disk/$t.strace" >"$work/cli/$t.summary" || true
    "$repo/bin/strace-ls" view --pid 9755 --failed --line-numbers "$work/disk/$t.strace" >"$work/cli/$t.failed-9755" || true
done
