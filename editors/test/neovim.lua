-- Neovim's built-in LSP client against strace-ls, headless: run by editors/test/neovim.sh, which
-- prepares $STRACE_LS_WORK (copies of testdata traces) and puts bin/strace-ls on the PATH.
-- It loads the recipe users copy (editors/neovim/strace-ls.lua) as it is and drives the editor.
local repo = assert(vim.env.STRACE_LS_REPO, 'STRACE_LS_REPO not set')
local work = assert(vim.env.STRACE_LS_WORK, 'STRACE_LS_WORK not set')
local TIMEOUT = 20000

local passed, failed, skipped = 0, 0, 0
local function say(text) io.stdout:write(text .. '\n') end
local function check(name, ok, detail)
  if ok then
    passed = passed + 1
    say('ok: ' .. name)
  else
    failed = failed + 1
    say('FAIL: ' .. name .. (detail and (': ' .. detail) or ''))
  end
  return ok
end
local function skip(name, why)
  skipped = skipped + 1
  say('skipped: ' .. name .. ': ' .. why)
end
local function read(path)
  local f = assert(io.open(path, 'rb'))
  local text = f:read('*a')
  f:close()
  return text
end
local function contains(text, needle) return text ~= nil and text:find(needle, 1, true) ~= nil end
local function lines_of(locations)
  local lines = {}
  for _, l in ipairs(locations or {}) do table.insert(lines, (l.range or l.targetRange).start.line + 1) end
  table.sort(lines)
  return table.concat(lines, ',')
end
-- 0-based byte column of the nth occurrence of needle on line lnum (1-based) of the current buffer
local function col_of(lnum, needle, nth)
  local line = vim.api.nvim_buf_get_lines(0, lnum - 1, lnum, true)[1]
  local from = 1
  for _ = 1, nth or 1 do
    local at = assert(line:find(needle, from, true), needle .. ' not on line ' .. lnum)
    from = at + 1
  end
  return from - 2
end
-- a request at a place of the current buffer, as the client would send it from that cursor
local function request(method, lnum, col, extra)
  vim.api.nvim_win_set_cursor(0, { lnum, col })
  local params = vim.tbl_extend('force', vim.lsp.util.make_position_params(), extra or {})
  local responses, err = vim.lsp.buf_request_sync(0, method, params, TIMEOUT)
  if not responses then return nil, err end
  for _, response in pairs(responses) do
    if response.error then return nil, vim.inspect(response.error) end
    return response.result
  end
end
local function open(path)
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  return vim.api.nvim_get_current_buf()
end
local function client_of(buf)
  local found
  vim.wait(TIMEOUT, function()
    for _, c in pairs(vim.lsp.buf_get_clients(buf)) do
      if c.initialized then found = c return true end
    end
    return false
  end, 20)
  return found
end
local function diagnostics_of(buf, count)
  vim.wait(TIMEOUT, function() return #vim.diagnostic.get(buf) >= count end, 20)
  return vim.diagnostic.get(buf)
end

-- Every client the recipe starts reports how its server process ended.
local exits = {}
local start_client = vim.lsp.start_client
vim.lsp.start_client = function(config)
  config.on_exit = function(code, signal, id) exits[id] = { code = code, signal = signal } end
  return start_client(config)
end

local function main()
  say('Neovim ' .. tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch)
  local recipe = read(repo .. '/editors/neovim/strace-ls.lua')
  check('docs/editors/neovim.md holds editors/neovim/strace-ls.lua as it is',
    contains(read(repo .. '/docs/editors/neovim.md'), recipe))

  -- as in a user's Neovim: filetype detection and syntax on, then the plugin file
  vim.cmd('filetype on')
  vim.cmd('syntax on')
  dofile(repo .. '/editors/neovim/strace-ls.lua')

  -- a plain trace: detection, colours from Vim's own syntax/strace.vim, the client
  local buf = open(work .. '/plain.strace')
  check('plain.strace has filetype strace', vim.bo[buf].filetype == 'strace', vim.bo[buf].filetype)
  check("Neovim's own syntax/strace.vim colours it", vim.b.current_syntax == 'strace', tostring(vim.b.current_syntax))
  local client = client_of(buf)
  if not check('the client started and initialized', client ~= nil) then return end
  check('it is the strace-ls client', client.name == 'strace-ls', client.name)
  local caps = client.server_capabilities
  check('the server advertises hover, definition, references and highlights',
    caps.hoverProvider and caps.definitionProvider and caps.referencesProvider and caps.documentHighlightProvider,
    vim.inspect(caps))

  -- diagnostics: the same findings as `strace-ls check --json`, at the same places
  local expected = vim.fn.json_decode(read(work .. '/plain.json'))
  local got = diagnostics_of(buf, #expected)
  check(#expected .. ' diagnostics arrive, as many as `strace-ls check` finds', #got == #expected,
    #got .. ' arrived')
  local severity = { error = 1, warning = 2, information = 3, hint = 4 }
  local missing = {}
  for _, e in ipairs(expected) do
    local match = false
    for _, d in ipairs(got) do
      if d.lnum == e.line - 1 and d.col == e.column - 1 and d.end_lnum == e.endLine - 1 and d.end_col == e.endColumn - 1
          and d.severity == severity[e.severity] and d.code == e.code and d.message == e.message and d.source == 'strace' then
        match = true
      end
    end
    if not match then table.insert(missing, e.line .. ':' .. e.column .. ' ' .. e.code) end
  end
  check('each finding of `strace-ls check` is a diagnostic with its range, severity, code, message and source',
    #missing == 0, 'missing: ' .. table.concat(missing, ', ') .. '; got ' .. vim.inspect(got))
  local enoent
  for _, d in ipairs(got) do
    if d.lnum == 62 then enoent = d end
  end
  check('line 63: a warning ENOENT on the errno of statx("/nonexistent"), columns 105-111',
    enoent and enoent.col == 104 and enoent.end_col == 110 and enoent.severity == vim.diagnostic.severity.WARN
      and enoent.code == 'ENOENT' and contains(enoent.message, '"/nonexistent"'), vim.inspect(enoent))

  -- hover: what the client receives, then what it shows in its floating window
  local hover = request('textDocument/hover', 5, 0)
  local text = hover and hover.contents and hover.contents.value
  check('hover on openat (line 5) documents the syscall', contains(text, 'openat') and contains(text, 'file descriptor'),
    vim.inspect(hover))
  hover = request('textDocument/hover', 63, col_of(63, 'ENOENT'))
  text = hover and hover.contents and hover.contents.value
  check('hover on ENOENT (line 63) explains the errno', contains(text, 'ENOENT') and contains(text, 'No such file or directory'),
    vim.inspect(hover))
  check('its range is the errno', hover and hover.range and hover.range.start.line == 62
    and hover.range.start.character == 104 and hover.range['end'].character == 110, vim.inspect(hover and hover.range))
  vim.api.nvim_win_set_cursor(0, { 5, 0 })
  local main_win = vim.api.nvim_get_current_win()
  vim.lsp.buf.hover()
  local float
  vim.wait(TIMEOUT, function()
    for _, w in ipairs(vim.api.nvim_list_wins()) do
      if vim.api.nvim_win_get_config(w).relative ~= '' then float = w return true end
    end
    return false
  end, 20)
  local shown = float and table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(float), 0, -1, false), '\n')
  check('vim.lsp.buf.hover() shows the documentation in a floating window', contains(shown, 'openat'), shown)
  if float then vim.api.nvim_win_close(float, true) end
  vim.api.nvim_set_current_win(main_win)

  -- definition: vim.lsp.buf.definition() moves the cursor, as gd would
  local function jump(lnum, col, want, name)
    vim.api.nvim_win_set_cursor(0, { lnum, col })
    vim.lsp.buf.definition()
    vim.wait(TIMEOUT, function() return vim.api.nvim_win_get_cursor(0)[1] ~= lnum end, 20)
    local at = vim.api.nvim_win_get_cursor(0)[1]
    check(name, at == want, 'cursor on line ' .. at)
  end
  jump(10, col_of(10, '3'), 9, 'definition of fd 3 in read(3, …) on line 10 jumps to its openat on line 9')
  jump(58, col_of(58, '3'), 54, 'definition of fd 3 in close(3) on line 58 jumps to openat("/proc/filesystems") on line 54')

  -- references and highlights of that fd: its whole life, nothing of the other fds 3
  local refs = request('textDocument/references', 56, col_of(56, '3'), { context = { includeDeclaration = true } })
  check('references of fd 3 on line 56: lines 54-58', lines_of(refs) == '54,55,56,57,58', lines_of(refs))
  local highlights = request('textDocument/documentHighlight', 56, col_of(56, '3'))
  check('document highlights of fd 3 on line 56: lines 54-58', lines_of(highlights) == '54,55,56,57,58',
    lines_of(highlights))

  -- document symbols only where the server offers them
  if caps.documentSymbolProvider then
    local symbols = request('textDocument/documentSymbol', 1, 0)
    local names = {}
    for _, s in ipairs(symbols or {}) do table.insert(names, s.name) end
    check('document symbols: a process running /usr/bin/ls', symbols and #symbols > 0
      and contains(table.concat(names, '\n'), '/usr/bin/ls'), vim.inspect(symbols))
  else
    skip('document symbols', 'the server does not advertise documentSymbolProvider')
  end

  -- UTF-16: non-ASCII text before the errno; ranges land on the errno both ways
  buf = open(work .. '/utf8.strace')
  local line = vim.api.nvim_buf_get_lines(buf, 62, 63, true)[1]
  local d
  for _, x in ipairs(diagnostics_of(buf, #expected)) do
    if x.lnum == 62 then d = x end
  end
  check('after "é😀" on line 63 the diagnostic still covers ENOENT',
    d and line:sub(d.col + 1, d.end_col) == 'ENOENT', d and line:sub(d.col + 1, d.end_col))
  hover = request('textDocument/hover', 63, col_of(63, 'ENOENT') + 2)
  text = hover and hover.contents and hover.contents.value
  check('hover in ENOENT after "é😀" explains ENOENT', contains(text, 'No such file or directory'), vim.inspect(hover))

  -- -ff files: PREFIX.PID by content, definition into another file
  buf = open(work .. '/ff/trace.9651')
  check('ff/trace.9651 (first line set_robust_list) has filetype strace by content',
    vim.bo[buf].filetype == 'strace', vim.bo[buf].filetype)
  check('the client attached to it', client_of(buf) ~= nil)
  buf = open(work .. '/ff/trace.9650')
  vim.api.nvim_win_set_cursor(0, { 50, col_of(50, '9651') })
  vim.lsp.buf.definition()
  vim.wait(TIMEOUT, function() return vim.api.nvim_get_current_buf() ~= buf end, 20)
  check("definition of clone's result 9651 (trace.9650 line 50) opens trace.9651 at line 1",
    vim.api.nvim_buf_get_name(0) == work .. '/ff/trace.9651' and vim.api.nvim_win_get_cursor(0)[1] == 1,
    vim.api.nvim_buf_get_name(0) .. ':' .. vim.api.nvim_win_get_cursor(0)[1])
  local undetected, count = {}, 0
  for name in io.lines(work .. '/content/manifest') do
    count = count + 1
    buf = open(work .. '/content/' .. name)
    if vim.bo[buf].filetype ~= 'strace' then table.insert(undetected, name .. ' (' .. vim.bo[buf].filetype .. ')') end
    vim.cmd('bwipeout')
  end
  check('all ' .. count .. ' testdata traces renamed NAME.NUMBER have filetype strace by their first line',
    count > 40 and #undetected == 0, table.concat(undetected, ', '))
  buf = open(work .. '/lock.strace.10130')
  check('lock.strace.10130 has filetype strace by name', vim.bo[buf].filetype == 'strace', vim.bo[buf].filetype)
  buf = open(work .. '/ls.1')
  check('a manual page ls.1 is not taken for a trace', vim.bo[buf].filetype ~= 'strace', vim.bo[buf].filetype)
  check('no client attached to it', next(vim.lsp.buf_get_clients(buf)) == nil)

  -- the page's other snippets, run as the page prints them
  local page = read(repo .. '/docs/editors/neovim.md')
  local function lua_block(needle)
    for block in page:gmatch('```lua\n(.-)```') do
      if block:find(needle, 1, true) then return block end
    end
  end

  -- runtime settings: the didChangeConfiguration snippet, on the running client
  buf = open(work .. '/plain.strace')
  local before = diagnostics_of(buf, #expected)
  local hints, others = 0, {}
  for _, x in ipairs(before) do
    if x.severity == vim.diagnostic.severity.HINT then hints = hints + 1 else table.insert(others, x.lnum) end
  end
  local snippet = lua_block('workspace/didChangeConfiguration')
  local chunk, load_err = loadstring(snippet or 'error("no such block on the page")')
  local ran, run_err = pcall(chunk or error, load_err)
  check("neovim.md's runtime-settings snippet runs", ran, tostring(run_err))
  vim.wait(TIMEOUT, function() return #vim.diagnostic.get(buf) == #others end, 20)
  local after = {}
  for _, x in ipairs(vim.diagnostic.get(buf)) do table.insert(after, x.lnum) end
  table.sort(after)
  table.sort(others)
  check('with its noise = \'off\' the ' .. hints .. ' hints (routine failures) go, the other '
    .. #others .. ' diagnostics stay', hints > 0 and table.concat(after, ',') == table.concat(others, ','),
    'left on lines ' .. table.concat(after, ','))

  -- filetype detection with vim.filetype.add: the page's snippet after the file's looks_like_strace
  local prelude = recipe:sub(1, (recipe:find('local group', 1, true) or 1) - 1)
  snippet = lua_block('vim.filetype.add')
  chunk, load_err = loadstring(prelude .. (snippet or 'error("no such block on the page")'))
  ran, run_err = pcall(chunk or error, load_err)
  check("neovim.md's vim.filetype.add snippet loads after the file's looks_like_strace", ran, tostring(run_err))
  -- the buffer is read with every autocommand off, so that only vim.filetype decides (and no client starts)
  local function detect(path)
    local eventignore = vim.o.eventignore
    vim.o.eventignore = 'all'
    vim.cmd('edit ' .. vim.fn.fnameescape(path))
    local b = vim.api.nvim_get_current_buf()
    local ok, ft = pcall(function()
      if vim.fn.has('nvim-0.8') == 1 then return vim.filetype.match({ filename = path, buf = b }) end
      vim.bo[b].filetype = ''
      vim.filetype.match(path, b) -- 0.7: sets the buffer's filetype
      return vim.bo[b].filetype
    end)
    vim.cmd('bwipeout!')
    vim.o.eventignore = eventignore
    return ok and tostring(ft) or ('error: ' .. tostring(ft))
  end
  undetected, count = {}, 0
  for name in io.lines(work .. '/content/manifest') do
    count = count + 1
    local ft = detect(work .. '/content/' .. name)
    if ft ~= 'strace' then table.insert(undetected, name .. ' (' .. ft .. ')') end
  end
  check('with it, all ' .. count .. ' testdata traces renamed NAME.NUMBER are strace by their first line',
    count > 40 and #undetected == 0, table.concat(undetected, ', '))
  check('with it, lock.strace.10130 is strace by name', detect(work .. '/lock.strace.10130') == 'strace')
  check('with it, plain.strace is strace by extension', detect(work .. '/plain.strace') == 'strace')
  local manpage = detect(work .. '/ls.1')
  check('with it, ls.1 is not strace', manpage ~= 'strace' and not manpage:find('^error'), manpage)

  -- start_server = false (for nvim-lspconfig or vim.lsp.enable): the filetype, no client
  local off, switched = recipe:gsub('local start_server = true', 'local start_server = false', 1)
  if check('the file has the switch local start_server = true', switched == 1) then
    assert(loadstring(off))()
    vim.fn.mkdir(work .. '/off', 'p')
    vim.fn.writefile(vim.fn.readfile(work .. '/plain.strace'), work .. '/off/plain.strace')
    buf = open(work .. '/off/plain.strace')
    check('with start_server = false a trace still has filetype strace', vim.bo[buf].filetype == 'strace',
      vim.bo[buf].filetype)
    vim.wait(500, function() return next(vim.lsp.buf_get_clients(buf)) ~= nil end, 20)
    check('and no client attaches to it', next(vim.lsp.buf_get_clients(buf)) == nil)
  end

  -- shutdown: each server exits by itself with 0 after shutdown and exit
  local clients = vim.lsp.get_active_clients()
  for _, c in ipairs(clients) do c.stop() end
  vim.wait(TIMEOUT, function()
    for _, c in ipairs(clients) do
      if not exits[c.id] then return false end
    end
    return true
  end, 20)
  for _, c in ipairs(clients) do
    local e = exits[c.id]
    check('server of client ' .. c.id .. ' (' .. c.config.root_dir .. ') exits 0 after shutdown and exit',
      e and e.code == 0 and e.signal == 0, vim.inspect(e))
  end
end

local ok, err = xpcall(main, debug.traceback)
if not ok then check('the test ran to its end', false, err) end
say(string.format('neovim: %d passed, %d failed, %d skipped', passed, failed, skipped))
io.stdout:flush()
vim.cmd((failed > 0) and 'cquit 1' or 'qall!')
