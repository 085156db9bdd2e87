"""Checks of the recipes that cannot run here (IntelliJ, Eclipse, Helix, Sublime Text) and of the parts of
the Neovim page no Neovim here can run: the files they use parse and have the shape their editors read,
the Sublime syntax conversion runs and its first-line match accepts every testdata trace, the steps known
to fail in a real editor are not asked for (each checker is also run on the text that failed, which it
must reject), each page says what was run here, and every relative link of docs/editors leads to a file.
Run by editors/test/recipes.sh from the repository root."""
import fnmatch
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

# IntelliJ: the JSON blocks of the page (Sublime's are checked below)
for block in blocks("docs/editors/intellij.md", "json"):
    check("intellij.md: its settings example parses, with the strace key", "strace" in json.loads(block))

def inline_code(doc):
    """The `inline code` spans of a page, outside its fenced blocks."""
    text = re.sub(r"```.*?```", "", open(doc, encoding="utf-8").read(), flags=re.S)
    return re.findall(r"`([^`\n]+)`", text)


def rejects(name, checker, bad, *expected):
    """A checker must find fault with the text that failed in a real editor (issue 17), or it checks nothing:
    one problem for each of the expected words."""
    problems = checker(bad)
    missed = [word for word in expected if not any(word in p for p in problems)]
    check("the check of %s rejects what failed before (%s)" % (name, ", ".join(expected) or problems[:1]),
          bool(problems) and not missed, "no problem about %s in %s" % (missed, problems))


# Helix: the flags `hx --help` lists (helix-term/src/main.rs, 25.07.1; args.rs refuses any other double-dash
# argument with "unexpected double dash argument"). The text has been stable since 23.10 but for -w.
HX_FLAGS = {"-h", "--help", "--tutor", "--health", "-g", "--grammar", "-c", "--config", "-v", "--log",
            "-V", "--version", "--vsplit", "--hsplit", "-w", "--working-dir"}


def hx_commands(doc_text):
    """Each hx command line of a page (shell blocks and inline code), as the list of its words."""
    spans = re.findall(r"```sh\n(.*?)```", doc_text, re.S) + re.findall(r"`([^`\n]+)`", doc_text)
    commands = []
    for span in spans:
        for part in re.split(r"&&|\|\||;|\||\n", span):
            words = part.split()
            if words and words[0] == "hx":
                commands.append(words)
    return commands


def hx_problems(doc_text):
    commands = hx_commands(doc_text)
    bad = [" ".join(c) for c in commands for w in c[1:] if w.startswith("-") and w not in HX_FLAGS]
    return bad if commands else ["no hx command on the page"]


helix_text = open("docs/editors/helix.md", encoding="utf-8").read()
check("helix.md: every hx command (%d) uses only flags of hx --help" % len(hx_commands(helix_text)),
      not hx_problems(helix_text), hx_problems(helix_text))
rejects("hx flags", hx_problems, "create it with `hx --edit-languages`", "--edit-languages")

# Helix globs: helix adds a leading */ to a relative glob and matches the whole path (globset)
TRACE_NAMES = ["/home/u/run.strace.4242", "/home/u/trace.4242"]
OTHER_NAMES = ["/home/u/trace.py", "/home/u/trace.log", "/home/u/notes.txt", "/home/u/ls.1"]


def glob_problems(globs):
    problems = []
    for g in globs:
        pattern = g if g.startswith("/") or g.startswith("*/") else "*/" + g
        if not any(fnmatch.fnmatchcase(n, pattern) for n in TRACE_NAMES):
            problems.append(g + " takes no trace name")
        problems += [g + " takes " + n for n in OTHER_NAMES if fnmatch.fnmatchcase(n, pattern)]
    return problems


helix_globs = re.findall(r'glob = "([^"]+)"', helix_text)
check("helix.md: its %d globs take strace -ff names (trace.4242 among them) and not trace.py"
      % len(helix_globs), len(helix_globs) >= 2 and not glob_problems(helix_globs)
      and any(fnmatch.fnmatchcase("/home/u/trace.4242", "*/" + g) for g in helix_globs), glob_problems(helix_globs))
rejects("Helix globs", glob_problems, ["trace.*"], "trace.py")

# Neovim: no private or removed API in any Lua of the page or the file; deprecated API only behind a
# version check that says so (a comment naming the version on the same line, or the paragraph of an
# inline `:lua`); no empty settings table (Lua sends {} as [])
NVIM_REMOVED = ["vim.filetype.getlines", "vim.filetype.getline", "vim.filetype.findany",
                "vim.filetype.nextnonblank", "vim.lsp.diagnostic.get_line_diagnostics",
                "vim.lsp.diagnostic.show_line_diagnostics", "vim.lsp.diagnostic.set_loclist",
                "vim.lsp.diagnostic.goto_next", "vim.lsp.diagnostic.goto_prev", "vim.lsp.buf.formatting",
                "vim.lsp.buf.range_formatting", "vim.lsp.buf.range_code_action", "vim.lsp.util.set_loclist",
                "vim.lsp.util.set_qflist", "vim.lsp.util.diagnostics_to_items", "vim.lsp.callbacks"]
NVIM_DEPRECATED = [  # (pattern, since)
    (r"vim\.lsp\.get_active_clients\b", "0.10"), (r"vim\.lsp\.buf_get_clients\b", "0.10"),
    (r"vim\.lsp\.start_client\b", "0.11"), (r"vim\.lsp\.with\b", "0.11"),
    (r"\b(?:c|client)\.(?:notify|request|request_sync|stop|is_stopped|supports_method)\(", "0.11"),
]


def lua_problems(lua, where):
    problems = []
    for number, line in enumerate(lua.split("\n"), 1):
        code, _, comment = line.partition("--")
        at = "%s line %d" % (where, number)
        problems += ["%s: %s is private or removed" % (at, name) for name in NVIM_REMOVED if name in code]
        problems += ["%s: private %s" % (at, m) for m in re.findall(r"vim(?:\.\w+)*\._\w+", code)]
        for pattern, since in NVIM_DEPRECATED:
            if re.search(pattern, code) and not re.search(r"0\.\d+", comment):
                problems.append("%s: %s is deprecated since %s and its line names no version"
                                % (at, re.search(pattern, code).group(0), since))
        if re.search(r"\b(?:init_options|settings|strace)\s*=\s*\{\s*\}", code):
            problems.append("%s: an empty settings table (sent as [])" % at)
    return problems


def neovim_page_problems(text, where="neovim.md"):
    problems = []
    for i, block in enumerate(re.findall(r"```lua\n(.*?)```", text, re.S), 1):
        problems += lua_problems(block, "%s lua block %d" % (where, i))
    prose = re.sub(r"```.*?```", "", text, flags=re.S)
    for paragraph in prose.split("\n\n"):
        for span in re.findall(r"`(:lua [^`]+)`", paragraph):
            for name in NVIM_REMOVED:
                if name in span:
                    problems.append("%s: %s in %s" % (where, name, span))
            for pattern, since in NVIM_DEPRECATED:
                if re.search(pattern, span) and not re.search(r"0\.\d+", paragraph.replace(span, "")):
                    problems.append("%s: %s (deprecated since %s) without a version" % (where, span, since))
    return problems


neovim_text = open("docs/editors/neovim.md", encoding="utf-8").read()
nvim_problems = neovim_page_problems(neovim_text) + lua_problems(
    open("editors/neovim/strace-ls.lua", encoding="utf-8").read(), "strace-ls.lua")
check("neovim.md and strace-ls.lua: no private or removed API, deprecated API only with its version named,"
      " no empty settings table", not nvim_problems, nvim_problems)
rejects("Neovim's API", neovim_page_problems, """```lua
        if looks_like_strace(vim.filetype.getlines(bufnr, 1)) then return 'strace' end
```""", "vim.filetype.getlines")
rejects("Neovim's API", neovim_page_problems, """```lua
for _, c in ipairs(vim.lsp.get_active_clients({ name = 'strace-ls' })) do
  c.notify('workspace/didChangeConfiguration', { settings = {} })
end
```""", "get_active_clients", "c.notify(", "empty settings table")
rejects("Neovim's API", neovim_page_problems, """```lua
      init_options = {}, -- or { strace = { ... } }
```""", "empty settings table")
check("neovim.md: the nvim-lspconfig section says to set start_server = false (else two servers attach)",
      re.search(r"## nvim-lspconfig.*?`local start_server = false`", neovim_text, re.S) is not None
      and "local start_server = true" in open("editors/neovim/strace-ls.lua", encoding="utf-8").read())
check("neovim.md: it says how to turn virtual text back on for 0.11",
      "vim.diagnostic.config({ virtual_text = true })" in neovim_text and "0.11" in neovim_text)

# Sublime Text: LSP 2.10 reads servers from LanguageServers.sublime-settings (top level: one key per server;
# "clients" of LSP.sublime-settings is deprecated), 2.9 renamed initializationOptions to initialization_options,
# and F12 is Sublime's own goto unless bound to lsp_symbol_definition (LSP's Default.sublime-keymap)
LSP_COMMANDS = {"lsp_symbol_definition", "lsp_symbol_references", "lsp_hover", "lsp_document_symbols",
                "lsp_workspace_symbols", "lsp_show_diagnostics_panel"}
LSP_CONTEXT_KEYS = {"lsp.session_with_capability", "auto_complete_visible", "setting.lsp_active", "selector"}


def sublime_problems(text):
    problems = []
    servers = keymaps = 0
    for block in re.findall(r"```json\n(.*?)```", text, re.S):
        value = json.loads(block)
        if isinstance(value, list):
            keymaps += 1
            for binding in value:
                if binding.get("command") not in LSP_COMMANDS or not binding.get("keys"):
                    problems.append("a key binding of no LSP command: %s" % binding)
                problems += ["unknown context key %s" % c.get("key") for c in binding.get("context", [])
                             if c.get("key") not in LSP_CONTEXT_KEYS]
            if not any(b.get("command") == "lsp_symbol_definition" for b in value):
                problems.append("no key binding for lsp_symbol_definition")
            continue
        if "clients" in value:
            problems.append('"clients" (LSP.sublime-settings, deprecated in 2.10)')
            value = value["clients"]
        for name, server in value.items():
            servers += 1
            if "initializationOptions" in server:
                problems.append(name + ": initializationOptions (initialization_options since 2.9)")
            if server.get("command") != ["strace-ls"] or server.get("selector") != "source.strace" \
                    or server.get("enabled") is not True:
                problems.append(name + ": not enabled, strace-ls on source.strace: %s" % server)
            if "settings" in server and (server["settings"] != server.get("initialization_options")
                                         or "strace" not in server["settings"]):
                problems.append(name + ": settings and initialization_options differ or lack strace")
    if not servers:
        problems.append("no server block")
    if not keymaps:
        problems.append("no key binding block for lsp_symbol_definition (F12 stays Sublime's own goto)")
    if "LanguageServers.sublime-settings" not in text:
        problems.append("the page does not name LanguageServers.sublime-settings")
    return problems


sublime_text = open("docs/editors/sublime.md", encoding="utf-8").read()
check("sublime.md: the server in LanguageServers.sublime-settings with 2.10 keys, F12 bound to"
      " lsp_symbol_definition", not sublime_problems(sublime_text), sublime_problems(sublime_text))
rejects("Sublime settings", sublime_problems, """Packages/User/LSP.sublime-settings
```json
{ "clients": { "strace-ls": { "enabled": true, "command": ["strace-ls"], "selector": "source.strace",
  "initializationOptions": { "strace": {} }, "settings": { "strace": {} } } } }
```
*LSP: Goto Definition* (F12)""", '"clients"', "initializationOptions", "lsp_symbol_definition",
        "LanguageServers.sublime-settings")

# IntelliJ (LSP4IJ): an "id" without a "url" makes LSP4IJ link to docs/user-defined-ls/<id>.md of its own
# repository (ServerTemplateJsonDeserializer.getUrl); IntelliJ file name patterns know * and ? only


def lsp4ij_template_problems(t):
    problems = []
    if "id" in t and not str(t.get("url", "")).startswith("https://"):
        problems.append('"id" without a "url": LSP4IJ links to a page of its own docs that does not exist')
    for mapping in t.get("fileTypeMappings", []):
        for pattern in mapping.get("fileType", {}).get("patterns", []):
            if re.search(r"[\[\]{}]", pattern):
                problems.append(pattern + ": IntelliJ patterns have * and ? only")
            if not any(fnmatch.fnmatchcase(os.path.basename(n), pattern) for n in TRACE_NAMES + ["x.strace"]):
                problems.append(pattern + " takes no trace name")
            problems += [pattern + " takes " + os.path.basename(n) for n in OTHER_NAMES
                         if fnmatch.fnmatchcase(os.path.basename(n), pattern)]
    return problems


check("editors/intellij/template.json: no id without a url, its patterns take trace names and not trace.py",
      not lsp4ij_template_problems(template), lsp4ij_template_problems(template))
rejects("the LSP4IJ template", lsp4ij_template_problems,
        {"id": "strace-ls", "name": "strace-ls", "fileTypeMappings": [{"fileType": {"patterns": ["trace.*"]}}]},
        '"id"', "trace.py")
intellij_text = open("docs/editors/intellij.md", encoding="utf-8").read()
check("intellij.md: it names the Import template... link and says trace.* also takes trace.py",
      "Import template..." in intellij_text and "trace.py" in intellij_text)

# Eclipse: LSP4E reads the server through the Console's output capture (LaunchConfigurationStreamProvider),
# and TM4E's preferences cannot bind a grammar to a content type; *.strace is coloured by the grammar's own
# file types


def eclipse_problems(text):
    problems = [phrase for phrase in (r"Allocate console\*? is optional", r"[Uu]ntick\w*[^.]*Allocate console",
                                      r"bind\s+the\s+grammar\s+to\s+the\s+content\s+type(?!\s+`strace`\s+from)")
                if re.search(phrase, text)]
    if not re.search(r"leave \*\*Allocate console\*\* ticked", text) or "UTF-8" not in text:
        problems.append("no step that keeps the console and sets UTF-8")
    return problems


eclipse_text = open("docs/editors/eclipse.md", encoding="utf-8").read()
check("eclipse.md: keeps the console (UTF-8) and asks for no grammar binding in the preferences",
      not eclipse_problems(eclipse_text), eclipse_problems(eclipse_text))
rejects("the Eclipse page", eclipse_problems, "Then, on the same page, bind\nthe grammar to the content type "
        "`strace`. ... Common tab: *Allocate console* is optional", "optional", "bind", "UTF-8")
grammar_types = json.load(open("syntax/strace.tmLanguage.json")).get("fileTypes", []) if real_grammar else []
if real_grammar:
    check("the grammar Eclipse's page points to names the file type strace (TM4E colours *.strace by it)",
          "strace" in grammar_types and "syntax/strace.tmLanguage.json" in eclipse_text, grammar_types)

# Each page says which parts were run here and which were not
for doc in sorted(glob.glob("docs/editors/*.md")):
    if doc.endswith("README.md"):
        continue
    head = open(doc, encoding="utf-8").read()[:3000]
    says_tested = "Tested for real" in head and re.search(r"Not tested here", head)
    says_untested = "**Not tested here**" in head and re.search(r"[Cc]hecked here|run here|runs here", head)
    check(doc + ": its opening says what was run here and what was not", bool(says_tested or says_untested))

# Every relative link of the editor pages leads to something in the repository
broken = []
for doc in glob.glob("docs/editors/*.md"):
    for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", open(doc, encoding="utf-8").read()):
        if "://" not in target and not os.path.exists(os.path.join(os.path.dirname(doc), target)):
            broken.append(doc + " -> " + target)
check("every relative link in docs/editors leads to a file or folder", not broken, broken)

print("recipes: %d passed, %d failed, %d skipped" % (passed, failed, skipped))
sys.exit(1 if failed else 0)
