"""Checks of the recipes that cannot run here (IntelliJ, Eclipse, Helix, Sublime Text): the files they
use parse and have the shape their editors read, the Sublime syntax conversion runs and its first-line
match accepts every testdata trace, and every relative link of docs/editors leads to a file.
Run by editors/test/recipes.sh from the repository root."""
import glob
import json
import os
import plistlib
import re
import subprocess
import sys
import tempfile
import tomllib

passed = failed = skipped = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print("ok: " + name)
    else:
        failed += 1
        print("FAIL: " + name + (": " + str(detail) if detail else ""))


def skip(name, why):
    global skipped
    skipped += 1
    print("skipped: %s: %s" % (name, why))


def blocks(doc, lang):
    return re.findall(r"```" + lang + r"\n(.*?)```", open(doc, encoding="utf-8").read(), re.S)


def flatten(obj, prefix=""):
    for key, value in obj.items():
        if isinstance(value, dict):
            yield from flatten(value, prefix + key + ".")
        else:
            yield prefix + key


def trace_first_lines():
    """The first line of every testdata trace that starts with one of strace's own lines."""
    lines = {}
    for path in sorted(glob.glob("testdata/*.strace") + glob.glob("testdata/*-ff/*")):
        with open(path, encoding="utf-8", errors="replace") as f:
            first = f.readline().rstrip("\n")
        if not re.match(r"(% time|syscall +calls|strace: )", first):
            lines[path] = first
    return lines


# IntelliJ: the LSP4IJ template, in the shape LanguageServerTemplateDeserializer reads
template = json.load(open("editors/intellij/template.json"))
mapping = template.get("fileTypeMappings", [{}])[0]
check("editors/intellij/template.json: name strace-ls, command strace-ls",
      template.get("name") == "strace-ls" and template.get("programArgs", {}).get("default") == "strace-ls", template)
check("editors/intellij/template.json: *.strace and *.strace.* mapped to language id strace",
      mapping.get("languageId") == "strace"
      and {"*.strace", "*.strace.*"} <= set(mapping.get("fileType", {}).get("patterns", [])), mapping)
check("editors/intellij/initializationOptions.json is a JSON object",
      isinstance(json.load(open("editors/intellij/initializationOptions.json")), dict))
settings = json.load(open("editors/intellij/settings.json"))
check("editors/intellij/settings.json has the server's shape, {\"strace\": {...}}",
      list(settings) == ["strace"] and isinstance(settings["strace"], dict), list(settings))
documented = set(re.findall(r"^\| `(strace\.[A-Za-z.]+)` \|", open("README.md", encoding="utf-8").read(), re.M))
if documented:
    keys = set(flatten(settings))
    check("editors/intellij/settings.json holds exactly the %d settings of the README" % len(documented),
          keys == documented, "missing %s, unknown %s" % (sorted(documented - keys), sorted(keys - documented)))
else:
    skip("settings.json against the README's settings table", "the README lists no strace.* settings yet")

# The TextMate bundle (IntelliJ) and the grammar it points to
bundle = json.load(open("editors/textmate/package.json"))
grammar_entry = bundle["contributes"]["grammars"][0]
check("editors/textmate/package.json: language strace, scope source.strace, extension .strace",
      grammar_entry["scopeName"] == "source.strace" and grammar_entry["language"] == "strace"
      and ".strace" in bundle["contributes"]["languages"][0]["extensions"], grammar_entry)
grammar_path = os.path.join("editors/textmate", grammar_entry["path"])
check("the bundle's grammar is a link to syntax/strace.tmLanguage.json",
      os.path.islink(grammar_path)
      and os.path.normpath(os.path.join(os.path.dirname(grammar_path), os.readlink(grammar_path)))
      == os.path.normpath("syntax/strace.tmLanguage.json"), grammar_path)
real_grammar = os.path.exists("syntax/strace.tmLanguage.json")
if real_grammar:
    check("syntax/strace.tmLanguage.json has scope source.strace",
          json.load(open("syntax/strace.tmLanguage.json")).get("scopeName") == "source.strace")
else:
    skip("syntax/strace.tmLanguage.json", "not in this tree (it comes with the VS Code client)")

# Sublime Text: the conversion the page tells users to run, on the real grammar when it is here
with tempfile.TemporaryDirectory() as tmp:
    source = "syntax/strace.tmLanguage.json"
    if not real_grammar:
        source = os.path.join(tmp, "sample.tmLanguage.json")
        json.dump({"scopeName": "source.strace", "comment": None,
                   "patterns": [{"match": "^[a-z_0-9]+(?=\\()", "name": "entity.name.function.strace"}]},
                  open(source, "w"))
    out = os.path.join(tmp, "strace.tmLanguage")
    run = subprocess.run([sys.executable, "editors/sublime/make-tmlanguage.py", source, out],
                         capture_output=True, text=True)
    check("make-tmlanguage.py converts %s" % ("syntax/strace.tmLanguage.json" if real_grammar else "a sample grammar"),
          run.returncode == 0 and os.path.exists(out), run.stderr)
    plist = plistlib.load(open(out, "rb")) if os.path.exists(out) else {}
    check("the plist reads back: scope source.strace, fileTypes strace, a firstLineMatch",
          plist.get("scopeName") == "source.strace" and "strace" in plist.get("fileTypes", [])
          and plist.get("firstLineMatch"), {k: plist.get(k) for k in ("scopeName", "fileTypes")})
    first_line = re.compile(plist.get("firstLineMatch", "$^"))
    lines = trace_first_lines()
    missed = [p for p, line in lines.items() if not first_line.match(line)]
    check("its firstLineMatch accepts the first line of all %d testdata traces" % len(lines),
          len(lines) > 40 and not missed, missed)
    others = [".TH LS 1", "#!/bin/sh", "2024-01-02 10:00:00 INFO started", "int main(void)", "{", "foo(bar)"]
    wrong = [line for line in others if first_line.match(line)]
    check("and refuses the first lines of other files", not wrong, wrong)

# Helix: the TOML blocks of the page, together, as Helix would merge them
helix = tomllib.loads("\n".join(blocks("docs/editors/helix.md", "toml")))
server = helix.get("language-server", {}).get("strace-ls", {})
language = next((lang for lang in helix.get("language", []) if lang.get("name") == "strace"), {})
check("helix.md: language-server strace-ls runs strace-ls, with config in the server's shape",
      server.get("command") == "strace-ls" and isinstance(server.get("config", {}).get("strace"), dict), server)
check("helix.md: language strace uses strace-ls for *.strace and *.strace.*",
      language.get("language-servers") == ["strace-ls"] and "strace" in language.get("file-types", [])
      and {"glob": "*.strace.*"} in language.get("file-types", []), language)

# Sublime Text and IntelliJ: the JSON blocks of the pages
for block in blocks("docs/editors/sublime.md", "json"):
    client = json.loads(block)["clients"]["strace-ls"]
    check("sublime.md: a client block that parses, command strace-ls on source.strace",
          client["command"] == ["strace-ls"] and client["selector"] == "source.strace", client)
    if "settings" in client:
        check("sublime.md: initializationOptions and settings carry the same strace object",
              client["settings"] == client["initializationOptions"] and "strace" in client["settings"], client)
for block in blocks("docs/editors/intellij.md", "json"):
    check("intellij.md: its settings example parses, with the strace key", "strace" in json.loads(block))

# Every relative link of the editor pages leads to something in the repository
broken = []
for doc in glob.glob("docs/editors/*.md"):
    for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", open(doc, encoding="utf-8").read()):
        if "://" not in target and not os.path.exists(os.path.join(os.path.dirname(doc), target)):
            broken.append(doc + " -> " + target)
check("every relative link in docs/editors leads to a file or folder", not broken, broken)

print("recipes: %d passed, %d failed, %d skipped" % (passed, failed, skipped))
sys.exit(1 if failed else 0)
