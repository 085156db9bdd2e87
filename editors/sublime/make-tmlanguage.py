#!/usr/bin/env python3
"""Writes the strace grammar as the plist .tmLanguage Sublime Text reads.

    python3 editors/sublime/make-tmlanguage.py syntax/strace.tmLanguage.json OUT.tmLanguage

Sublime Text does not read JSON grammars; the content is the same. Two keys are added when the grammar
lacks them: fileTypes (so *.strace opens with it) and firstLineMatch (so a file of `strace -ff -o
PREFIX`, PREFIX.PID, opens with it when its first line is strace's: a call, finished, unfinished or
detached, a signal, an exit or a resumed half, after the prefixes of -f, -Y, -t/-tt/-ttt, -r, -n, -i).
"""
import json
import plistlib
import sys

FIRST_LINE = (r"^(?:\[pid +\d+\] *|\d+(?:<[^>]*>)? +)?(?: *\d[\d:.]* +)?(?:\(\+ *[\d.]+\) *)?(?:\[ *[0-9a-f]+\] *)*"
              r"(?:[a-z_][a-z0-9_]*\(.*(?:\) += |<[a-z]+ \.\.\.>)|\+\+\+ |--- |<\.\.\. )")


def without_nulls(value):
    """plist has no null; a grammar key set to null means the key is absent."""
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_nulls(v) for v in value if v is not None]
    return value


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        grammar = without_nulls(json.load(f))
    grammar.setdefault("name", "strace")
    grammar.setdefault("fileTypes", ["strace"])
    grammar.setdefault("firstLineMatch", FIRST_LINE)
    with open(argv[2], "wb") as out:
        plistlib.dump(grammar, out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
