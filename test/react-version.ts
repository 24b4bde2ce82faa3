import { version } from 'react';
import { version as domVersion } from 'react-dom';
import { expect } from 'vitest';

declare const __ABK_REACT_VERSION__: string;

/** The React in use is the one the run asked for (the project's own when it asked for none). */
export function expectRequestedReact() {
  const requested = __ABK_REACT_VERSION__ || '19.';
  expect(version.startsWith(requested), `react ${version}, asked for ${requested}`).toBe(true);
  expect(domVersion).toBe(version);
}
