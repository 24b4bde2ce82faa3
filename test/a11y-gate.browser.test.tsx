import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';

// The accessibility gate must be able to fail: prove that axe, as configured for stories,
// reports a real violation in Chromium and stays quiet once it is fixed.
describe('accessibility gate', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('reports an input without a label', async () => {
    document.body.innerHTML = '<main><input type="text"></main>';
    const results = await axe.run(document.body);
    expect(results.violations.map((violation) => violation.id)).toContain('label');
  });

  it('is clean once the input is labelled', async () => {
    document.body.innerHTML = '<main><label>Company name <input type="text"></label></main>';
    const results = await axe.run(document.body);
    expect(results.violations.map((violation) => violation.id)).not.toContain('label');
  });
});
