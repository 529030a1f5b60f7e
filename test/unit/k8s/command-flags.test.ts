/** The one reader of a command line's flags (k8s/command-flags.ts) and the shell-script index beside it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findFlag, flagHits, wordFlag, wordFlags } from '../../../server/src/k8s/command-flags';
import { quotesAt, shellScriptIndex } from '../../../server/src/k8s/shell-words';

const items = (...words: string[]) => words.map((text) => ({ text }));

test('named flags: --flag value, --flag=value, the last one wins, a trailing flag without a value is ignored', () => {
  const line = items('--port', '80', '--port=81', '--port');
  assert.deepEqual(flagHits(line, ['--port']).map((h) => [h.value, h.joined]), [['80', false], ['81', true]]);
  const last = findFlag(line, ['--port']);
  assert.equal(last?.value, '81');
  assert.equal(last?.flagItem, line[2]);
  // The flag item and the value item of the split form.
  const split = findFlag(items('--port', '80'), ['--port']);
  assert.equal(split?.flagItem.text, '--port');
  assert.equal(split?.item.text, '80');
});

test('named flags: short flags are case-sensitive, long ones are not; getopt and split forms only when asked', () => {
  assert.equal(findFlag(items('-P', '1'), ['-p']), undefined);
  assert.equal(findFlag(items('--PORT=2'), ['--port'])?.value, '2');
  assert.equal(findFlag(items('-p11212'), ['-p']), undefined);
  assert.equal(findFlag(items('-p11212'), ['-p'], { getopt: true })?.value, '11212');
  assert.equal(findFlag(items('--port 6380'), ['--port'], { splitsArgs: true })?.value, '6380');
  // redis-server reads every word up to the next option.
  assert.equal(findFlag(items('--bind', '127.0.0.1', '10.0.0.5', '--port', '1'), ['--bind'], { splitsArgs: true })?.value, '127.0.0.1 10.0.0.5');
});

test('every flag: a value is a word that is no flag itself', () => {
  assert.deepEqual(flagHits(items('--verbose', '--listen=127.0.0.1:80', '-a', '127.0.0.1:81')).map((h) => `${h.flag}=${h.value}`), ['--listen=127.0.0.1:80', '-a=127.0.0.1:81']);
});

test('bare words: last value and every value, getopt short forms', () => {
  assert.equal(wordFlag(['--host', '0.0.0.0', '--host=127.0.0.1'], ['--host']), '127.0.0.1');
  assert.deepEqual(wordFlags(['-b', 'a:1', '-bb:2', '--bind=c:3'], ['-b', '--bind']), ['a:1', 'b:2', 'c:3']);
});

test('a shell script after the options of any shell; quotes around an offset', () => {
  assert.equal(shellScriptIndex(['sh', '-c', 'x']), 2);
  assert.equal(shellScriptIndex(['bash', '-ec', 'x']), 2);
  assert.equal(shellScriptIndex(['/usr/local/bin/bash', '--login', '-o', 'pipefail', '-c', '--', 'x']), 6);
  assert.equal(shellScriptIndex(['bash', '--rcfile', '/etc/rc', '-c', 'x']), 4);
  assert.equal(shellScriptIndex(['bash', 'script.sh']), undefined);
  assert.equal(shellScriptIndex(['python', '-c', 'x']), undefined);
  assert.equal(shellScriptIndex(['sh', '-c']), undefined);
  const script = `echo 'a $(X)' "b $(Y)" $(Z) "it's \\"$(W)\\""`;
  assert.deepEqual(['$(X)', '$(Y)', '$(Z)', '$(W)'].map((w) => quotesAt(script, script.indexOf(w))), ["'", '"', undefined, '"']);
});
