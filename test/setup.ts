import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// A screen's first data arrives through React Query and several renders; on a busy 2-core
// machine that can take longer than Testing Library's default second.
configure({ asyncUtilTimeout: 5_000 });

// jsdom does no layout: every box is 0×0, so a virtualised list would render no rows. Give
// elements the size their inline style asks for (the list's max-height), as a browser would
// for a full list. Real layout is tested in Chromium (*.browser.test.tsx and stories).
// (Files in the `node` environment, the server-rendering tests, have no DOM to patch.)
if (typeof HTMLElement !== 'undefined') {
  for (const property of ['offsetHeight', 'clientHeight'] as const) {
    Object.defineProperty(HTMLElement.prototype, property, {
      configurable: true,
      get(this: HTMLElement) {
        return Number.parseFloat(this.style.maxHeight) || Number.parseFloat(this.style.height) || 0;
      },
    });
  }
  for (const property of ['offsetWidth', 'clientWidth'] as const) {
    Object.defineProperty(HTMLElement.prototype, property, { configurable: true, get: () => 320 });
  }
}

afterEach(() => {
  cleanup();
});
