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


-- :StraceView and :StraceSummary (editors/neovim/strace-ls-views.lua) against strace.view and strace.summary
local messages = {}
vim.notify = function(text) table.insert(messages, text) end -- what the user would see, kept for the checks
local function read_lines(path)
  local lines = {}
  for l in io.lines(path) do table.insert(lines, l) end
  return lines
end
local function run_until_new_buffer(command, from)
  vim.cmd(command)
  vim.wait(TIMEOUT, function() return vim.api.nvim_get_current_buf() ~= from or #messages > 0 end, 20)
  return vim.api.nvim_get_current_buf()
end
local function press(keys)
  vim.cmd('normal ' .. vim.api.nvim_replace_termcodes(keys, true, false, true))
end
-- presses keys in the current buffer and waits until the cursor is in buffer want
local function jump_with(keys, want)
  local from = vim.api.nvim_get_current_buf()
  press(keys)
  vim.wait(TIMEOUT, function() return vim.api.nvim_get_current_buf() ~= from end, 20)
  local at = vim.api.nvim_get_current_buf()
  return at == want and vim.api.nvim_win_get_cursor(0)[1] or nil,
    vim.api.nvim_buf_get_name(at) .. ':' .. vim.api.nvim_win_get_cursor(0)[1]
end

-- a UTF-16 column of line in bytes (the summary has “quotes” and dashes)
local function bytes(line, column)
  if vim.fn.has('nvim-0.11') == 1 then return vim.str_byteindex(line, 'utf-16', column, false) end
  return vim.str_byteindex(line, column, true)
end

local function views()
  local path = work .. '/tt-T.strace'
  local original = read_lines(path)
  local source = open(path)
  local client = client_of(source)
  if not check('tt-T.strace (4 processes, -f -tt -T): the client attached', client ~= nil) then return end
  local buffers = #vim.api.nvim_list_bufs()

  -- wrong filters: one message each, nothing opens, the server stays up (the shutdown checks below)
  messages = {}
  vim.cmd('StraceView pid=abc failed')
  check(':StraceView pid=abc failed: one message naming the filter, no buffer opens',
    #messages == 1 and contains(messages[1], 'pid=abc') and #vim.api.nvim_list_bufs() == buffers
      and vim.api.nvim_get_current_buf() == source, vim.inspect(messages))
  messages = {}
  vim.cmd('StraceView class=nosuch')
  vim.wait(TIMEOUT, function() return #messages > 0 end, 20)
  vim.wait(300, function() return #messages > 1 end, 20)
  check(':StraceView class=nosuch: the server refuses it, one message, no buffer opens',
    #messages == 1 and contains(messages[1], 'StraceView: ') and contains(messages[1], 'nosuch')
      and not contains(messages[1], '\n')
      and #vim.api.nvim_list_bufs() == buffers and vim.api.nvim_get_current_buf() == source, vim.inspect(messages))

  messages = {}
  vim.cmd('StraceView pid=4242')
  vim.wait(TIMEOUT, function() return #messages > 0 end, 20)
  check(':StraceView pid=4242 (no such process): one message that no line passes, no buffer opens',
    #messages == 1 and contains(messages[1], 'no line') and #vim.api.nvim_list_bufs() == buffers
      and vim.api.nvim_get_current_buf() == source, vim.inspect(messages))

  -- pid and lines: the lines of process 9755 among lines 239-252 of the original, verbatim, in order
  local expected = {}
  for i = 239, 252 do
    if original[i]:match('^9755 ') then table.insert(expected, i) end
  end
  messages = {}
  local view = run_until_new_buffer('StraceView pid=9755 lines=239-252', source)
  local want = vim.tbl_map(function(i) return original[i] end, expected)
  local got = vim.api.nvim_buf_get_lines(view, 0, -1, false)
  if not check(':StraceView pid=9755 lines=239-252 shows the ' .. #want .. ' lines of 9755 there, verbatim',
    view ~= source and #want > 5 and vim.deep_equal(got, want), vim.inspect(messages) .. ' ' .. #got .. ' lines: '
      .. vim.inspect(vim.list_slice(got, 1, 3))) then
    return
  end
  check('the view is a read-only scratch buffer with filetype strace',
    vim.bo[view].buftype == 'nofile' and not vim.bo[view].modifiable and vim.bo[view].filetype == 'strace',
    vim.bo[view].buftype .. ' ' .. vim.bo[view].filetype)
  local attached = client_of(view)
  check('the trace\'s strace-ls client is attached to the view', attached ~= nil and attached.id == client.id,
    vim.inspect(attached and attached.id))

  -- diagnostics: each one of the original on these lines is on the view's line too, same code and columns
  local wanted = {}
  for _, d in ipairs(diagnostics_of(source, 1)) do
    for v, o in ipairs(expected) do
      if d.lnum == o - 1 then table.insert(wanted, (v - 1) .. ':' .. d.col .. '-' .. d.end_col .. ' ' .. d.code) end
    end
  end
  local have = {}
  for _, d in ipairs(diagnostics_of(view, #wanted)) do
    table.insert(have, d.lnum .. ':' .. d.col .. '-' .. d.end_col .. ' ' .. d.code)
  end
  local missing = vim.tbl_filter(function(w) return not vim.tbl_contains(have, w) end, wanted)
  check('the view has the ' .. #wanted .. ' diagnostics of the original on its lines (ENOENT of statx among them)',
    #wanted >= 2 and #missing == 0, 'missing ' .. table.concat(missing, ', ') .. '; have ' .. table.concat(have, ', '))

  -- hover, and gd on a line's pid and on its time: the original at that line
  local statx
  for v, line in ipairs(got) do
    if not statx and contains(line, 'statx(AT_FDCWD, "/nonexistent"') then statx = v end
  end
  local hover = request('textDocument/hover', statx, col_of(statx, 'statx'))
  local text = hover and hover.contents and hover.contents.value
  check('hover on statx in the view documents the syscall', contains(text, 'statx'), vim.inspect(hover))
  vim.api.nvim_win_set_cursor(0, { statx, 0 })
  local line, where = jump_with('gd', source)
  check('gd on the pid of view line ' .. statx .. ' goes to line ' .. expected[statx] .. ' of tt-T.strace',
    line == expected[statx], where)
  vim.api.nvim_set_current_buf(view)
  vim.api.nvim_win_set_cursor(0, { 2, col_of(2, '03:43') + 3 })
  line, where = jump_with('gd', source)
  check('gd on the time of view line 2 goes to line ' .. expected[2] .. ' of tt-T.strace', line == expected[2], where)
  vim.api.nvim_set_current_buf(view)
  vim.api.nvim_win_set_cursor(0, { #expected, 20 })
  line, where = jump_with('<CR>', source)
  check('<CR> on the last view line goes to line ' .. expected[#expected] .. ' of tt-T.strace',
    line == expected[#expected], where)

  -- failed, run from the view: the filters apply to the original; failures of 9755 only, the same lines as
  -- `strace-ls view --pid 9755 --failed`
  vim.api.nvim_set_current_buf(view)
  messages = {}
  local from = view
  view = run_until_new_buffer('StraceView pid=9755 failed', from)
  got = vim.api.nvim_buf_get_lines(view, 0, -1, false)
  local wrong = vim.tbl_filter(function(l)
    return not (l:match('^9755 ') and (contains(l, ' = -1 E') or l:match('%+%+%+ exited with [1-9]')))
  end, got)
  check(':StraceView pid=9755 failed in that view shows failures of 9755 in the original only (calls, exit), '
    .. 'the statx of /nonexistent among them', view ~= from and #got > 0 and #wrong == 0 and contains(table.concat(got, '\n'), '"/nonexistent"'),
    vim.inspect(messages) .. vim.inspect(vim.list_slice(wrong, 1, 3)))
  check('the same lines as `strace-ls view --pid 9755 --failed` prints',
    vim.deep_equal(got, read_lines(work .. '/tt-T.failed-9755')), vim.inspect(got))

  -- <Tab> completion of the filter names, and a modifier: the view in a new window beside
  check(':StraceView <Tab> completes the filter names', vim.deep_equal(vim.fn.getcompletion('StraceView pi', 'cmdline'),
    { 'pid=' }) and vim.deep_equal(vim.fn.getcompletion('StraceView pid=1 fa', 'cmdline'), { 'failed' }),
    vim.inspect(vim.fn.getcompletion('StraceView ', 'cmdline')))
  vim.cmd('silent! only')
  vim.api.nvim_set_current_buf(source)
  messages = {}
  view = run_until_new_buffer('vertical StraceView pid=9755 failed', source)
  local windows = vim.api.nvim_tabpage_list_wins(0)
  check(':vertical StraceView opens the view in a new window, the trace stays in the other',
    #windows == 2 and view ~= source and vim.api.nvim_win_get_buf(windows[1]) ~= vim.api.nvim_win_get_buf(windows[2])
      and (vim.api.nvim_win_get_buf(windows[1]) == source or vim.api.nvim_win_get_buf(windows[2]) == source),
    #windows .. ' windows ' .. vim.inspect(messages))
  vim.cmd('silent! only')

  -- every filter word: the same lines as `strace-ls view` prints for the same flags
  local differ, cases = {}, 0
  for case in io.lines(work .. '/views/cases') do
    local words, file = case:match('^(.-)\t(.*)$')
    cases = cases + 1
    vim.api.nvim_set_current_buf(source)
    messages = {}
    view = run_until_new_buffer('StraceView ' .. words, source)
    local cli = read_lines(file)
    if view == source or #cli == 0 or not vim.deep_equal(vim.api.nvim_buf_get_lines(view, 0, -1, false), cli) then
      table.insert(differ, words .. ' (' .. table.concat(messages, ' ') .. ')')
    end
  end
  check('each of ' .. cases .. ' :StraceView filters (every filter word) shows what `strace-ls view` prints for the same flags',
    cases >= 10 and #differ == 0, table.concat(differ, '; '))

  -- the summary: its text in a buffer, a link goes to its line of the original
  vim.api.nvim_set_current_buf(source)
  local answer = vim.lsp.buf_request_sync(source, 'workspace/executeCommand',
    { command = 'strace.summary', arguments = { { uri = vim.uri_from_bufnr(source) } } }, TIMEOUT)
  local summary_answer
  for _, r in pairs(answer or {}) do summary_answer = r.result end
  messages = {}
  local summary = run_until_new_buffer('StraceSummary', source)
  got = vim.api.nvim_buf_get_lines(summary, 0, -1, false)
  if not check(':StraceSummary shows the summary the server gives, in a read-only scratch buffer',
    summary ~= source and summary_answer and table.concat(got, '\n') == summary_answer.text
      and vim.bo[summary].buftype == 'nofile' and not vim.bo[summary].modifiable,
    vim.inspect(messages) .. vim.inspect(vim.list_slice(got, 1, 3))) then
    return
  end
  local marks = vim.api.nvim_buf_get_extmarks(summary, vim.api.nvim_create_namespace('strace-ls-summary'), 0, -1, {})
  check('its ' .. #summary_answer.links .. ' links are underlined', #summary_answer.links > 5
    and #marks == #summary_answer.links, #marks .. ' marks')
  local link
  for _, l in ipairs(summary_answer and summary_answer.links or {}) do
    if not link and contains(original[l.target + 1], '"/nonexistent"') then link = l end
  end
  if check('a link of the summary points at a failed statx of /nonexistent', link ~= nil) then
    local text_line = got[link.line + 1]
    local from, to = bytes(text_line, link.start), bytes(text_line, link['end'])
    local said = text_line:sub(from + 1, to)
    check('its text "' .. said .. '" names that line, ' .. (link.target + 1),
      said:match('%d+') == tostring(link.target + 1), said)
    vim.api.nvim_win_set_cursor(0, { link.line + 1, from })
    line, where = jump_with('gd', source)
    check('gd on it goes to line ' .. (link.target + 1) .. ' of tt-T.strace', line == link.target + 1, where)
    vim.api.nvim_set_current_buf(summary)
    vim.api.nvim_win_set_cursor(0, { link.line + 1, 0 })
    local first
    for _, l in ipairs(summary_answer.links) do
      if l.line == link.line and (not first or l.start == 0) then first = l end
    end
    line, where = jump_with('<CR>', source)
    check('<CR> at the start of that summary line goes to its first link, line ' .. (first.target + 1),
      line == first.target + 1, where)
  end
  vim.api.nvim_set_current_buf(source)
end

-- :StraceSummary PATH and :StraceView … file=PATH on traces that are not open, before any trace is: the client
-- starts for them; a jump from the view opens the original at the right line; three bad inputs
local function unopened()
  local disk = work .. '/disk'
  local from = vim.api.nvim_get_current_buf()
  check('no client runs before the first trace', #vim.lsp.get_active_clients() == 0)
  local function loaded(path) return vim.fn.bufloaded(path) == 1 end
  local function cli_view(name) -- the CLI's view --line-numbers: the lines and their original line numbers
    local lines, numbers = {}, {}
    for _, l in ipairs(read_lines(work .. '/cli/' .. name)) do
      local n, text = l:match('^(%d+):(.*)$')
      table.insert(numbers, tonumber(n))
      table.insert(lines, text)
    end
    return lines, numbers
  end

  -- completion of file names
  check(':StraceView file=<Tab> completes file names', vim.deep_equal(
    vim.fn.getcompletion('StraceView pid=1 file=' .. disk .. '/tt', 'cmdline'), { 'file=' .. disk .. '/tt-T.strace' }),
    vim.inspect(vim.fn.getcompletion('StraceView pid=1 file=' .. disk .. '/tt', 'cmdline')))
  check(':StraceSummary <Tab> completes file names', vim.deep_equal(
    vim.fn.getcompletion('StraceSummary ' .. disk .. '/bi', 'cmdline'), { disk .. '/big.strace', disk .. '/binary.strace' }),
    vim.inspect(vim.fn.getcompletion('StraceSummary ' .. disk .. '/bi', 'cmdline')))

  for _, name in ipairs({ 'tt-T', 'big' }) do
    local path = disk .. '/' .. name .. '.strace'
    local size = ' (' .. math.floor(vim.fn.getfsize(path) / 1024) .. ' KB)'
    vim.api.nvim_set_current_buf(from)
    messages = {}
    local summary = run_until_new_buffer('StraceSummary ' .. vim.fn.fnameescape(path), from)
    local want = read(work .. '/cli/' .. name .. '.summary')
    local got = vim.api.nvim_buf_get_lines(summary, 0, -1, false)
    check(':StraceSummary ' .. name .. '.strace' .. size .. ', not open, shows what `strace-ls summary` prints',
      summary ~= from and #got > 20 and table.concat(got, '\n') == want,
      vim.inspect(messages) .. vim.inspect(vim.list_slice(got, 1, 3)))
    check('and ' .. name .. '.strace stays unopened', not loaded(path))
    local want_lines, numbers = cli_view(name .. '.failed-9755')
    if name == 'tt-T' then -- a view asked in the summary: of its original, with the client that made the summary
      messages = {}
      local view = run_until_new_buffer('StraceView pid=9755 failed', summary)
      check(':StraceView pid=9755 failed in that summary shows the same view of tt-T.strace',
        view ~= summary and vim.deep_equal(vim.api.nvim_buf_get_lines(view, 0, -1, false), want_lines), vim.inspect(messages))
      vim.cmd('bwipeout ' .. view)
    end
    vim.api.nvim_set_current_buf(from)
    messages = {}
    local view = run_until_new_buffer('StraceView pid=9755 failed file=' .. vim.fn.fnameescape(path), from)
    got = vim.api.nvim_buf_get_lines(view, 0, -1, false)
    check(':StraceView pid=9755 failed file=' .. name .. '.strace shows what `strace-ls view --pid 9755 --failed` prints',
      view ~= from and #want_lines > 2 and vim.deep_equal(got, want_lines),
      vim.inspect(messages) .. #got .. ' lines ' .. vim.inspect(vim.list_slice(got, 1, 2)))
    check('and ' .. name .. '.strace stays unopened', not loaded(path))
    local client = client_of(view)
    check('a strace-ls client is attached to the view', client ~= nil and client.name == 'strace-ls')
    if name == 'big' then
      -- Neovim 0.7 keeps the server's $/progress in client.messages.progress; the view and the summary of a
      -- file over 8 MB report theirs
      local titles = {}
      for _, p in pairs(client and client.messages and client.messages.progress or {}) do
        table.insert(titles, tostring(p.title))
      end
      local joined = table.concat(titles, '; ')
      check('the client got the server\'s progress of the view and the summary of big.strace',
        contains(joined, 'View of big.strace') and contains(joined, 'Summary of big.strace'), joined)
    end
    -- <CR> on the last line, gd on the pid of the first: the original opens at that line
    vim.api.nvim_win_set_cursor(0, { #got, 10 })
    local line, where = jump_with('<CR>', -1)
    local at = vim.api.nvim_buf_get_name(0)
    check('<CR> on the last view line opens ' .. name .. '.strace at line ' .. numbers[#numbers],
      at == path and vim.api.nvim_win_get_cursor(0)[1] == numbers[#numbers], where)
    vim.cmd('buffer ' .. view)
    vim.api.nvim_win_set_cursor(0, { 1, 0 })
    line, where = jump_with('gd', vim.fn.bufnr(path))
    check('gd on the pid of the first view line goes to line ' .. numbers[1] .. ' of ' .. name .. '.strace',
      line == numbers[1], where)
    vim.cmd('bwipeout! ' .. vim.fn.bufnr(path)) -- it is unopened again for the next checks
  end

  -- a missing file, a directory, a binary file: the server's one line, no buffer
  vim.api.nvim_set_current_buf(from)
  for _, case in ipairs({ { 'nosuch.strace', 'no such file' }, { 'folder.strace', 'is a directory' },
      { 'binary.strace', 'not a text file' } }) do
    local path = disk .. '/' .. case[1]
    for _, command in ipairs({ 'StraceSummary ' .. path, 'StraceView failed file=' .. path }) do
      local buffers = #vim.api.nvim_list_bufs()
      messages = {}
      vim.cmd(command)
      vim.wait(TIMEOUT, function() return #messages > 0 end, 20)
      vim.wait(300, function() return #messages > 1 end, 20)
      local name = command:match('^%a+')
      check(':' .. command:gsub(vim.pesc(disk), '…') .. ': one message, "' .. name .. ': …' .. case[2] .. '", no buffer opens',
        #messages == 1 and messages[1]:find('^' .. name .. ': ') and contains(messages[1], case[2])
          and contains(messages[1], case[1]) and not contains(messages[1], '\n')
          and #vim.api.nvim_list_bufs() == buffers and vim.api.nvim_get_current_buf() == from, vim.inspect(messages))
    end
  end
end

local function main()
  say('Neovim ' .. tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch)
  local recipe = read(repo .. '/editors/neovim/strace-ls.lua')
  check('docs/editors/neovim.md holds editors/neovim/strace-ls.lua as it is',
    contains(read(repo .. '/docs/editors/neovim.md'), recipe))
  check('docs/editors/neovim.md holds editors/neovim/strace-ls-views.lua as it is',
    contains(read(repo .. '/docs/editors/neovim.md'), read(repo .. '/editors/neovim/strace-ls-views.lua')))

  -- as in a user's Neovim: filetype detection and syntax on, then the plugin file
  vim.cmd('filetype on')
  vim.cmd('syntax on')
  dofile(repo .. '/editors/neovim/strace-ls.lua')
  dofile(repo .. '/editors/neovim/strace-ls-views.lua')
  unopened()

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

  views()

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
    assert(loadstring(recipe))() -- the recipe as printed again: the compare checks need the server to start
  end
  compare_checks()

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

-- :StraceCompare on a real pair of runs (testdata/diff/missing.*): the scratch buffer and its jumps
function compare_checks()
  local bad = work .. '/diff/missing.bad.strace'
  local good = work .. '/diff/missing.good.strace'
  local function line_with(path, a, b)
    local n = 0
    for l in io.lines(path) do
      n = n + 1
      if contains(l, a) and (b == nil or contains(l, b)) then return n end
    end
  end
  local bad_line, good_line = line_with(bad, 'app.conf', 'ENOENT'), line_with(good, 'openat(', 'app.conf')
  local buf = open(bad)
  client_of(buf)
  vim.cmd('StraceCompare ' .. vim.fn.fnameescape(good))
  local scratch
  vim.wait(TIMEOUT, function()
    for _, b in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_get_name(b):match('strace%-compare$') then scratch = b return true end
    end
    return false
  end, 20)
  local lines = scratch and vim.api.nvim_buf_get_lines(scratch, 0, -1, false) or {}
  local first
  for i, l in ipairs(lines) do
    if l:match('^1%. ') then first = i break end
  end
  check(':StraceCompare lists the ranked differences, the missing app.conf first',
    first and contains(lines[first], 'failed-in-bad') and contains(lines[first], 'app.conf')
    and contains(lines[first], 'ENOENT'), table.concat(lines, '\n'))
  check('with both lines of it', first and lines[first + 1] == '   good: ' .. good .. ':' .. good_line
    and lines[first + 2] == '   bad:  ' .. bad .. ':' .. bad_line, table.concat(lines, '\n'))
  if not first then return end
  -- <CR> on the numbered line: BAD's line in the window, GOOD's in a split beside it
  vim.api.nvim_set_current_win(vim.fn.bufwinid(scratch))
  vim.api.nvim_win_set_cursor(0, { first, 0 })
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes('<CR>', true, false, true), 'x', false)
  local shown = {}
  for _, w in ipairs(vim.api.nvim_tabpage_list_wins(0)) do
    shown[vim.api.nvim_buf_get_name(vim.api.nvim_win_get_buf(w))] = vim.api.nvim_win_get_cursor(w)[1]
  end
  check('<CR> on it shows BAD at line ' .. bad_line .. ' and GOOD at line ' .. good_line .. ' side by side',
    shown[bad] == bad_line and shown[good] == good_line and vim.api.nvim_buf_get_name(0) == bad, vim.inspect(shown))
  vim.cmd('only')
end

local ok, err = xpcall(main, debug.traceback)
if not ok then check('the test ran to its end', false, err) end
say(string.format('neovim: %d passed, %d failed, %d skipped', passed, failed, skipped))
io.stdout:flush()
vim.cmd((failed > 0) and 'cquit 1' or 'qall!')
