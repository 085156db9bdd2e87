-- strace-ls for Neovim 0.7 and newer: the strace filetype and the built-in LSP client.
-- Copy this file to ~/.config/nvim/plugin/strace-ls.lua. It runs `strace-ls` from the PATH
-- (the repository's bin/strace-ls); put another command in `cmd` if yours is elsewhere.
local cmd = { 'strace-ls' }
-- Settings, sent as initializationOptions, e.g. { strace = { diagnostics = { severity = { noise = 'off' } } } }
local init_options = nil
-- false when nvim-lspconfig or vim.lsp.enable() starts the server: else two servers attach to each trace
-- and every diagnostic shows twice. The filetype detection below stays either way.
local start_server = true

-- Does this line look like the first line strace writes? Prefixes (-f pid, -Y comm, -t/-tt/-ttt/-r
-- times, -n, -i) are dropped, then a call (finished, unfinished or detached), a signal, an exit or a
-- resumed half must follow.
local function looks_like_strace(line)
  for _, prefix in ipairs({ '^%[pid%s+%d+%]%s*', '^%d+<[^>]*>%s*', '^%d+%s+', '^%d%d:%d%d:%d%d[%.%d]*%s+',
    '^%s*%d+%.%d+%s+', '^%(%+%s*[%d%.]+%)%s*', '^%[%s*%d+%]%s*', '^%[%x+%]%s*' }) do
    line = line:gsub(prefix, '', 1)
  end
  return line:match('^[%a_][%w_]*%(.*%) += ') ~= nil or line:match('^[%a_][%w_]*%(.*<%a+ %.%.%.>') ~= nil
    or line:match('^%+%+%+ ') ~= nil or line:match('^%-%-%- ') ~= nil or line:match('^<%.%.%. ') ~= nil
end

local group = vim.api.nvim_create_augroup('strace-ls', { clear = true })
vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, {
  group = group, pattern = { '*.strace', '*.strace.[0-9]*' }, command = 'setfiletype strace',
})
-- strace -ff -o PREFIX writes PREFIX.PID: by content, so that a manual page ls.1 stays what it is
vim.api.nvim_create_autocmd('BufRead', {
  group = group, pattern = '*.[0-9]*',
  callback = function(args)
    if looks_like_strace(vim.api.nvim_buf_get_lines(args.buf, 0, 1, false)[1] or '') then
      vim.bo[args.buf].filetype = 'strace'
    end
  end,
})

local clients = {} -- Neovim 0.7: one client per folder, by hand
vim.api.nvim_create_autocmd('FileType', {
  group = group, pattern = 'strace',
  callback = function(args)
    if not start_server then return end
    local root = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(args.buf), ':p:h')
    local config = { name = 'strace-ls', cmd = cmd, root_dir = root, init_options = init_options }
    if vim.lsp.start then -- 0.8 and newer: starts or reuses the client of this name and folder
      vim.lsp.start(config, { bufnr = args.buf })
      return
    end
    if not (clients[root] and vim.lsp.get_client_by_id(clients[root])) then
      clients[root] = vim.lsp.start_client(config) -- Neovim 0.7 only (deprecated from 0.11)
    end
    vim.lsp.buf_attach_client(args.buf, clients[root])
  end,
})

-- :StraceCompare {other}: what this trace (the run that failed) did differently from {other} (a run of the
-- same command that worked: a trace, the folder of an -ff run, or its prefix). The server ranks the
-- differences (strace.compare); a scratch buffer lists them, most likely first. <CR> on a "good:" or "bad:"
-- line opens that line; on a numbered line, BAD's line here and GOOD's in a vertical split beside it.
local function compare_jump(buf)
  local row = vim.api.nvim_win_get_cursor(0)[1]
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local function place(text)
    local file, lnum = (text or ''):match('^%s+%a+:%s+(.-):(%d+)$')
    return file, tonumber(lnum)
  end
  local good, bad
  if lines[row]:match('^%d+%. ') then
    good, bad = { place(lines[row + 1]) }, { place(lines[row + 2]) }
  else
    bad = { place(lines[row]) }
  end
  if not bad[1] and not (good and good[1]) then return end
  vim.cmd('wincmd p')
  local first = bad[1] and bad or good
  vim.cmd('edit +' .. first[2] .. ' ' .. vim.fn.fnameescape(first[1]))
  if good and good[1] and first ~= good then
    vim.cmd('leftabove vsplit +' .. good[2] .. ' ' .. vim.fn.fnameescape(good[1]))
    vim.cmd('wincmd p')
  end
end

local function compare_show(result)
  local out = {}
  for _, f in ipairs(result.failures or {}) do table.insert(out, 'BAD failed: ' .. f) end
  local function where(loc)
    return loc == vim.NIL or loc == nil and '-' or (vim.uri_to_fname(loc.uri) .. ':' .. (loc.range.start.line + 1))
  end
  local n = 0
  for _, d in ipairs(result.differences or {}) do
    if d.ranked then
      n = n + 1
      table.insert(out, n .. '. ' .. d.kind .. ': ' .. d.why)
      table.insert(out, '   good: ' .. where(d.good))
      table.insert(out, '   bad:  ' .. where(d.bad))
    end
  end
  table.insert(out, n .. ' ranked differences' .. (result.explainsFailure and '' or '; BAD did not fail where GOOD worked'))
  vim.cmd('botright new')
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].buftype, vim.bo[buf].bufhidden, vim.bo[buf].swapfile = 'nofile', 'wipe', false
  vim.api.nvim_buf_set_name(buf, 'strace-compare')
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, out)
  vim.bo[buf].modifiable = false
  vim.api.nvim_buf_set_keymap(buf, 'n', '<CR>', '', { noremap = true, callback = function() compare_jump(buf) end })
end

vim.api.nvim_create_user_command('StraceCompare', function(opts)
  local buf = vim.api.nvim_get_current_buf()
  local client
  local clients = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = buf }) -- 0.10 and newer
    or vim.tbl_values(vim.lsp.buf_get_clients(buf)) -- 0.7–0.9 (deprecated from 0.10)
  for _, c in ipairs(clients) do
    if c.name == 'strace-ls' then client = c end
  end
  if not client then
    vim.notify('StraceCompare: no strace-ls client on this buffer', vim.log.levels.ERROR)
    return
  end
  local args = { good = vim.uri_from_fname(vim.fn.fnamemodify(opts.args, ':p'):gsub('/$', '')),
    bad = vim.uri_from_fname(vim.api.nvim_buf_get_name(buf)) }
  local params = { command = 'strace.compare', arguments = { args } }
  local function handler(err, result)
    if err then
      vim.notify('StraceCompare: ' .. (err.message or vim.inspect(err)), vim.log.levels.ERROR)
    else
      compare_show(result)
    end
  end
  if vim.fn.has('nvim-0.11') == 1 then
    client:request('workspace/executeCommand', params, handler, buf)
  else
    client.request('workspace/executeCommand', params, handler, buf) -- 0.7–0.10: a function, not a method
  end
end, { nargs = 1, complete = 'file' })
