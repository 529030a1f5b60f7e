-- Headless Neovim (0.7+) with Podsight as its language server, for test/dist/neovim.test.ts.
-- Waits (polling, with a deadline) for Podsight's diagnostics on the opened file, writes them,
-- then fixes the conflicting port through a buffer edit (didChange) and writes what remains.
-- env: PODSIGHT_LSP_CMD (JSON array), PODSIGHT_NVIM_OUT (result file), PODSIGHT_FIX_LINE (1-based)
local cmd = vim.fn.json_decode(os.getenv('PODSIGHT_LSP_CMD'))
local out = os.getenv('PODSIGHT_NVIM_OUT')
local fix_line = tonumber(os.getenv('PODSIGHT_FIX_LINE'))
local results = {}

local function snapshot(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(list, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity, source = d.source, code = lsp.code, message = d.message })
  end
  return list
end

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(results) }, out)
  vim.cmd('qa!')
end

-- Calls check() every 50 ms until it returns true or 30 s have passed.
local function poll(check, done)
  local deadline = vim.loop.now() + 30000
  local timer = vim.loop.new_timer()
  timer:start(50, 50, vim.schedule_wrap(function()
    if check() or vim.loop.now() > deadline then
      timer:stop()
      done()
    end
  end))
end

vim.api.nvim_create_autocmd('VimEnter', { callback = function()
  local buf = vim.api.nvim_get_current_buf()
  local client = vim.lsp.start_client({ name = 'podsight', cmd = cmd, root_dir = vim.fn.getcwd() })
  vim.lsp.buf_attach_client(buf, client)
  poll(function() return #vim.diagnostic.get(buf) > 0 end, function()
    results.opened = snapshot(buf)
    local line = vim.api.nvim_buf_get_lines(buf, fix_line - 1, fix_line, false)[1]
    vim.api.nvim_buf_set_lines(buf, fix_line - 1, fix_line, false, { (line:gsub('%d+%s*$', '9090')) })
    poll(function() return #vim.diagnostic.get(buf) == 0 end, function()
      results.edited = snapshot(buf)
      finish()
    end)
  end)
end })
