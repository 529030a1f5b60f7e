import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileTooLargeAnalysis, maxFileSizeBytes, oversizeBytes } from '../../../server/src/core/file-too-large';
import { t } from '../../../server/src/l10n';

test('the size limit comes from the setting in MB; 0 means none, nonsense means the default', () => {
  assert.equal(maxFileSizeBytes(undefined), 10 * 1024 * 1024);
  assert.equal(maxFileSizeBytes(2), 2 * 1024 * 1024);
  assert.equal(maxFileSizeBytes(0), 0);
  assert.equal(maxFileSizeBytes('big'), 10 * 1024 * 1024);
  assert.equal(oversizeBytes('x'.repeat(100), 0), undefined);
  assert.equal(oversizeBytes('x'.repeat(100), 99), 100);
  assert.equal(oversizeBytes('é'.repeat(60), 100), 120, 'counted in UTF-8 bytes');
  assert.equal(oversizeBytes('x'.repeat(100), 100), undefined);
});

test('a skipped file gets one information finding on its first line, in the user language, unless off', () => {
  const text = 'apiVersion: v1\nkind: Pod\n';
  const a = fileTooLargeAnalysis(text, 3 * 1024 * 1024, 1024 * 1024, { locale: 'zh-cn' });
  assert.equal(a.chunks.length, 0);
  assert.equal(a.findings.length, 1);
  const [f] = a.findings;
  assert.equal(f?.rule, 'file-too-large');
  assert.equal(f?.severity, 'information');
  assert.deepEqual(a.lines.rangeOf(f?.start ?? -1, f?.end ?? -1), { start: { line: 0, character: 0 }, end: { line: 0, character: 14 } });
  assert.equal(f?.message, t('zh-cn', 'file-too-large.message', { size: '3', limit: '1' }));
  assert.notEqual(t('en', 'file-too-large.message', { size: '3', limit: '1' }), f?.message);
  assert.equal(fileTooLargeAnalysis(text, 3, 1, { rules: { 'file-too-large': 'off' } }).findings.length, 0);
});
