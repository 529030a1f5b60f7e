/**
 * Any LSP editor, proven with a real one: headless Neovim (Debian's 0.7) starts `podsight lsp
 * --stdio`, shows Podsight's diagnostic on a conflicting pod at the right range, and drops it when
 * the buffer is edited to fix the conflict. Neovim's own files go to a temporary XDG home.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { repoRoot } from '../helpers/paths';
import { CONFLICTING_POD, run, tempDir } from './tools';

const work = tempDir('nvim');
after(() => rmSync(work, { recursive: true, force: true }));

interface NvimDiagnostic { lnum: number; col: number; end_lnum: number; end_col: number; severity: number; source: string; code: string; message: string }

test('headless Neovim shows Podsight diagnostics and updates them on edit', () => {
  const file = join(work, 'pod.yaml');
  writeFileSync(file, CONFLICTING_POD);
  const out = join(work, 'result.json');
  const r = run('nvim', ['--headless', '--clean', '-u', join(repoRoot, 'test', 'dist', 'neovim-init.lua'), file], {
    cwd: work,
    timeoutMs: 90_000,
    env: {
      ...process.env,
      PODSIGHT_LSP_CMD: JSON.stringify([process.execPath, join(repoRoot, 'dist', 'podsight.js'), 'lsp', '--stdio']),
      PODSIGHT_NVIM_OUT: out,
      PODSIGHT_FIX_LINE: '14',
      XDG_CONFIG_HOME: join(work, 'config'),
      XDG_DATA_HOME: join(work, 'data'),
      XDG_STATE_HOME: join(work, 'state'),
      XDG_CACHE_HOME: join(work, 'cache'),
    },
  });
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  const result = JSON.parse(readFileSync(out, 'utf8')) as { opened?: NvimDiagnostic[]; edited?: NvimDiagnostic[] };
  const opened = result.opened ?? [];
  assert.equal(opened.length, 1, JSON.stringify(opened));
  const [d] = opened;
  assert.deepEqual({ source: d?.source, code: d?.code, severity: d?.severity, lnum: d?.lnum, col: d?.col, end_col: d?.end_col }, {
    source: 'podsight',
    code: 'port-conflict',
    severity: 1, // vim.diagnostic.severity.ERROR
    lnum: 13,
    col: 21,
    end_col: 25,
  });
  assert.match(d?.message ?? '', /Port 8080\/TCP is already declared by container "a"/);
  assert.deepEqual(result.edited, [], 'the edit that gives container b port 9090 clears the finding');
});
