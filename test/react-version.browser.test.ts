import { it } from 'vitest';
import { expectRequestedReact } from './react-version';

it('runs on the React the run asked for, in Chromium too', () => {
  expectRequestedReact();
});
