/** Self-check of the runners: a failing assertion in the extension host must fail the run. */
import * as assert from 'node:assert/strict';

describe('e2e harness', function () {
  it('fails on purpose when PODSIGHT_E2E_FORCE_FAIL=1', function () {
    if (process.env.PODSIGHT_E2E_FORCE_FAIL !== '1') this.skip();
    assert.fail('forced failure (PODSIGHT_E2E_FORCE_FAIL=1)');
  });
});
