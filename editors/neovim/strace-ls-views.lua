-- strace-ls views and summaries for Neovim 0.7 and newer: :StraceView {filters} [file=PATH] and
-- :StraceSummary [PATH]. Copy this file next to strace-ls.lua (~/.config/nvim/plugin/). It asks the
-- strace-ls client of the current buffer (however it was started) for the server commands strace.view and
-- strace.summary; for a file that is not open (file=PATH, PATH), a running strace-ls client (the one of the
-- file's folder first), else one that strace-ls.lua starts for that folder. The server reads such a file
-- itself, whatever its size.
local views = {} -- view buffer -> { uri = the original's URI, lines = the original's 0-based line of each line }
local summaries = {} -- summary buffer -> { uri = the original's URI, links = the answer's links }
local FILTERS = 'pid=N[,N] tree failed noise syscall=a,b class=c,d path=TEXT fd=PID:FD@LINE lines=A-B '
  .. 'time=T1-T2 context=N file=PATH'

local function fail(text) vim.notify(text, vim.log.levels.ERROR) end

-- The client of buf whose server offers command, and the original a view buffer shows
local function client_for(buf, command)
  local clients = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = buf }) -- 0.10 and newer
    or vim.tbl_values(vim.lsp.buf_get_clients(buf)) -- 0.7–0.9 (deprecated from 0.10)
  for _, client in ipairs(clients) do
    local provider = client.server_capabilities and client.server_capabilities.executeCommandProvider
    if provider and vim.tbl_contains(provider.commands or {}, command) then return client end
  end
end
local function original_uri(buf)
  local shown = views[buf] or summaries[buf]
  return shown and shown.uri or vim.uri_from_bufnr(buf)
end
local function file_uri(path) -- a path as typed (~, relative) to a file: URI
  return vim.uri_from_fname((vim.fn.fnamemodify(path, ':p'):gsub('(.)/$', '%1')))
end

-- `key=value` words to the argument of strace.view; nil and a message when a word is wrong
local function number(text) return text:match('^%d+$') and tonumber(text) end
local function list(text)
  local items = vim.split(text, ',', { plain = true })
  for _, item in ipairs(items) do
    if item == '' then return nil end
  end
  return items
end
local function range(text, parse) -- A-B, A-, -B or A: ok, from, to
  local from, to = text:match('^([^-]*)%-([^-]*)$')
  if not from then from, to = text, text end
  local a, b
  if from ~= '' then a = parse(from) if not a then return false end end
  if to ~= '' then b = parse(to) if not b then return false end end
  return a ~= nil or b ~= nil, a, b
end
local PARSERS = {
  pid = function(v, arg)
    local pids = list(v)
    for i, p in ipairs(pids or {}) do pids[i] = number(p) or error('') end
    arg.pid = pids and (#pids == 1 and pids[1] or pids)
    return pids ~= nil
  end,
  syscall = function(v, arg) arg.syscalls = list(v) return arg.syscalls ~= nil end,
  class = function(v, arg) arg.classes = list(v) return arg.classes ~= nil end,
  path = function(v, arg) arg.path = v return v ~= '' end,
  fd = function(v, arg)
    local pid, fd, line = v:match('^(%d+):(%d+)@(%d+)$')
    if not pid or tonumber(line) == 0 then return false end
    arg.fd = { pid = tonumber(pid), fd = tonumber(fd), line = tonumber(line) - 1 }
    return true
  end,
  lines = function(v, arg)
    local ok, from, to = range(v, function(x) return number(x) and number(x) > 0 and number(x) - 1 end)
    arg.fromLine, arg.toLine = from, to
    return ok
  end,
  time = function(v, arg)
    local ok, from, to = range(v, function(x) return x:match('^[%d:.]+$') and x end)
    arg.fromTime, arg.toTime = from, to
    return ok
  end,
  context = function(v, arg) arg.context = number(v) return arg.context ~= nil end,
  file = function(v, arg) arg.uri = v ~= '' and file_uri(v) or nil return arg.uri ~= nil end,
}
local FLAGS = { tree = true, failed = true, noise = true }
local KEYS = { 'pid=', 'tree', 'failed', 'noise', 'syscall=', 'class=', 'path=', 'fd=', 'lines=', 'time=', 'context=',
  'file=' }
local function parse_filters(words, uri)
  local arg, seen = { uri = uri }, {}
  for _, word in ipairs(words) do
    local key, value = word:match('^([%a]+)=(.*)$')
    key = key or word
    if seen[key] then return nil, key .. ' given twice' end
    seen[key] = true
    if FLAGS[key] and not value then
      arg[key] = true
    elseif FLAGS[key] or (PARSERS[key] and not value) then
      return nil, key .. (value and ' takes no value' or ' needs a value') .. '; the filters are ' .. FILTERS
    elseif not PARSERS[key] then
      return nil, 'unknown filter ' .. word .. '; the filters are ' .. FILTERS
    else
      local ok, good = pcall(PARSERS[key], value, arg)
      if not (ok and good) then
        return nil, 'bad value in ' .. word .. '; the filters are ' .. FILTERS
      end
    end
  end
  return arg
end

-- A client for a file that is not open: one running for its folder, else any running one, else the one
-- strace-ls.lua's FileType autocommand starts for an empty, hidden scratch buffer "[strace-ls]" of filetype
-- strace in that folder (it stays, so that the client does too); then go(client), or a message
local function running_client(command, folder)
  local all = vim.lsp.get_clients and vim.lsp.get_clients() or vim.lsp.get_active_clients() -- 0.7–0.9
  local any
  for _, client in ipairs(all) do
    local provider = client.server_capabilities and client.server_capabilities.executeCommandProvider
    if provider and vim.tbl_contains(provider.commands or {}, command) then
      if client.config.root_dir == folder then return client end
      any = any or client
    end
  end
  return any
end
local function client_for_file(name, command, uri, go)
  local folder = vim.fn.fnamemodify(vim.uri_to_fname(uri), ':h')
  if vim.fn.isdirectory(folder) == 0 then folder = vim.fn.getcwd() end
  local client = running_client(command, folder)
  if client then return go(client) end
  local starter
  for _, b in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_get_name(b) == folder .. '/[strace-ls]' then starter = b end
  end
  if not starter then
    starter = vim.api.nvim_create_buf(false, true) -- unlisted, buftype=nofile, no swap file, never written
    vim.api.nvim_buf_set_name(starter, folder .. '/[strace-ls]')
  end
  vim.bo[starter].filetype = 'strace' -- strace-ls.lua's FileType autocommand starts the client
  local waited = 0
  local function poll() -- until the client has initialized (Java starts in a second or two), at most a minute
    client = client_for(starter, command)
    if client then return go(client) end
    waited = waited + 50
    if waited < 60000 then return vim.defer_fn(poll, 50) end
    fail(name .. ': no strace-ls client started for ' .. folder .. ' (open a trace, or load strace-ls.lua '
      .. 'with start_server = true)')
  end
  poll()
end

-- Asks the server; calls on_result with the client and the answer, or says the server's one-line error
local function ask(client, buf, name, command, argument, on_result)
  local params = { command = command, arguments = { argument } }
  local function handler(err, result)
    if err then return fail(name .. ': ' .. (err.message or vim.inspect(err))) end
    if type(result) ~= 'table' or type(result.text) ~= 'string' then
      return fail(name .. ': no answer from the server (a strace-ls without ' .. command .. '?)')
    end
    on_result(client, result)
  end
  if vim.fn.has('nvim-0.11') == 1 then
    client:request('workspace/executeCommand', params, handler, buf)
  else
    client.request('workspace/executeCommand', params, handler, buf) -- 0.7–0.10: a function, not a method
  end
end
-- The same with the client of buf; by_file: the argument names a file that need not be open (so a buffer
-- without a client, such as a summary, may ask another)
local function execute(buf, name, command, argument, on_result, by_file)
  local client = client_for(buf, command)
  local function go(c) ask(c, buf, name, command, argument, on_result) end
  if client then return go(client) end
  if by_file then return client_for_file(name, command, argument.uri, go) end
  fail(name .. ': no strace-ls client with ' .. command .. ' on this buffer (open a trace first, or name a file: '
    .. (command == 'strace.view' and ':StraceView file=PATH' or ':StraceSummary PATH') .. ')')
end

-- A read-only scratch buffer named after the folder of the client that made it (so that a client started per
-- folder is the same one), shown in the current window or as the command's modifiers say (:vertical, :tab)
local function scratch(client, uri, title, text, mods)
  local buf = vim.api.nvim_create_buf(true, true) -- listed, buftype=nofile, no swap file
  local folder = client.config.root_dir
    or (uri:match('^file:') and vim.fn.fnamemodify(vim.uri_to_fname(uri), ':h') or vim.fn.getcwd())
  local name = folder .. '/' .. title:gsub('[/\\]', '∕')
  local unique, n = name, 1
  while vim.fn.bufexists(unique) == 1 do
    n = n + 1
    unique = name .. ' (' .. n .. ')'
  end
  vim.api.nvim_buf_set_name(buf, unique)
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, vim.split(text, '\n', { plain = true }))
  vim.bo[buf].modifiable = false
  vim.bo[buf].readonly = true
  vim.cmd((mods ~= '' and (mods .. ' sbuffer ') or 'buffer ') .. buf)
  return buf
end

local function show(uri, line) -- the original at a 0-based line, with the jump list and tag stack
  local location = { uri = uri, range = { start = { line = line, character = 0 }, ['end'] = { line = line, character = 0 } } }
  if vim.lsp.util.show_document then -- 0.10 and newer
    vim.lsp.util.show_document(location, 'utf-16', { focus = true })
  else
    vim.lsp.util.jump_to_location(location, 'utf-16') -- 0.7–0.9 (deprecated from 0.11)
  end
end
local function byte_col(line, utf16) -- an LSP column on line, in bytes
  if vim.fn.has('nvim-0.11') == 1 then return vim.str_byteindex(line, 'utf-16', utf16, false) end
  local ok, col = pcall(vim.str_byteindex, line, utf16, true) -- 0.7–0.10 form
  return ok and col or #line
end

vim.api.nvim_create_user_command('StraceView', function(opts)
  local source = vim.api.nvim_get_current_buf()
  local arg, problem = parse_filters(opts.fargs, original_uri(source))
  if not arg then return fail('StraceView: ' .. problem) end
  execute(source, 'StraceView', 'strace.view', arg, function(client, view)
    if view.total == 0 then return fail('StraceView: no line of ' .. view.title .. ' passes these filters') end
    local buf = scratch(client, view.uri, view.title, view.text, opts.mods)
    views[buf] = { uri = view.uri, lines = view.lines }
    vim.bo[buf].filetype = 'strace' -- strace-ls.lua's FileType autocommand attaches the client of its folder
    vim.lsp.buf_attach_client(buf, client.id) -- and this the client asked, however it was started
    -- gd: the server's definition (on a line's pid or time: that line in the original); <CR>: the line itself
    vim.keymap.set('n', 'gd', vim.lsp.buf.definition, { buffer = buf, desc = 'strace-ls: definition' })
    vim.keymap.set('n', '<CR>', function()
      local line = view.lines[vim.api.nvim_win_get_cursor(0)[1]]
      if line then show(view.uri, line) else fail('StraceView: no line of the original here') end
    end, { buffer = buf, desc = 'strace-ls: this line in the original' })
    if view.truncated then
      vim.notify('StraceView: the first ' .. #view.lines .. ' of ' .. view.total .. ' lines', vim.log.levels.WARN)
    end
  end, arg.uri ~= original_uri(source) or summaries[source] ~= nil)
end, { nargs = '*', desc = 'strace-ls: a view of this trace: ' .. FILTERS, complete = function(lead)
  if lead:find('^file=') then -- file names
    return vim.tbl_map(function(f) return 'file=' .. f end, vim.fn.getcompletion(lead:sub(6), 'file'))
  end
  return vim.tbl_filter(function(key) return key:find(lead, 1, true) == 1 end, KEYS)
end })

local function follow_link()
  local buf = vim.api.nvim_get_current_buf()
  local summary = summaries[buf]
  local row, col = unpack(vim.api.nvim_win_get_cursor(0))
  local line = vim.api.nvim_buf_get_lines(buf, row - 1, row, true)[1]
  local first
  for _, link in ipairs(summary.links) do
    if link.line == row - 1 then
      first = first or link
      if col >= byte_col(line, link.start) and col < byte_col(line, link['end']) then first = link break end
    end
  end
  if not first then return fail('StraceSummary: no link on this line') end
  show(summary.uri, first.target)
end

vim.api.nvim_create_user_command('StraceSummary', function(opts)
  local source = vim.api.nvim_get_current_buf()
  local uri = opts.args ~= '' and file_uri(opts.args) or original_uri(source)
  execute(source, 'StraceSummary', 'strace.summary', { uri = uri }, function(client, summary)
    local buf = scratch(client, summary.uri, summary.title, summary.text, opts.mods)
    summaries[buf] = { uri = summary.uri, links = summary.links or {} }
    local ns = vim.api.nvim_create_namespace('strace-ls-summary')
    for _, link in ipairs(summaries[buf].links) do
      local line = vim.api.nvim_buf_get_lines(buf, link.line, link.line + 1, false)[1] or ''
      vim.api.nvim_buf_set_extmark(buf, ns, link.line, byte_col(line, link.start),
        { end_col = byte_col(line, link['end']), hl_group = 'Underlined' })
    end
    for _, key in ipairs({ '<CR>', 'gd' }) do
      vim.keymap.set('n', key, follow_link, { buffer = buf, desc = 'strace-ls: the linked line of the original' })
    end
  end, opts.args ~= '' or summaries[source] ~= nil)
end, { nargs = '?', complete = 'file', desc = 'strace-ls: a summary of this trace, or of the trace file PATH' })

local group = vim.api.nvim_create_augroup('strace-ls-views', { clear = true })
vim.api.nvim_create_autocmd('BufWipeout', {
  group = group,
  callback = function(args) views[args.buf], summaries[args.buf] = nil, nil end,
})
