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
