// The status bar item's words: the Problems panel's counts (hints apart, never added to the infos)
// once an analysis is done, and how far the scan is while it runs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countsStatus, scanningStatus } from '../../client/src/status-text';

describe('status bar text', () => {
  it('counts errors, warnings and infos as the Problems panel does, and says hints apart', () => {
    const status = countsStatus({ counts: { error: 6, warning: 19, info: 1, hint: 2 }, files: 45, millis: 120 });
    assert.equal(status.text, 'Stackscope $(error) 6 $(warning) 19 $(info) 1');
    assert.match(
      status.tooltip,
      /^Stackscope: 6 errors, 19 warnings, 1 info in 45 files; and 2 hints, shown in the editor only \(last analysis 120 ms\)\./,
    );
  });

  it('shows no info count when there are only hints', () => {
    const status = countsStatus({ counts: { error: 0, warning: 1, info: 0, hint: 3 }, files: 1, millis: 5 });
    assert.equal(status.text, 'Stackscope $(error) 0 $(warning) 1');
    assert.doesNotMatch(status.text, /\$\(info\)/);
  });

  it('says "scanning n/N" while the first scan reads the files', () => {
    const status = scanningStatus({ folder: 'shop', done: 120, total: 1100 });
    assert.equal(status.text, '$(loading~spin) Stackscope scanning 120/1100');
    assert.equal(status.tooltip, 'Stackscope is reading shop: 120 of 1100 files');
  });
});
