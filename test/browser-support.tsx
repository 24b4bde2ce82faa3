// Helpers for the Chromium tests (*.browser.test.tsx). The jsdom tests use ./support.tsx.
import { QueryClient } from '@tanstack/react-query';
import axe from 'axe-core';
import { StrictMode, type ReactElement, type ReactNode } from 'react';
import { expect } from 'vitest';
import { render } from 'vitest-browser-react';
import { createMemoryAdapter, type MemoryAdapter } from '../src/adapter/memory';
import {
  AccountSettingsProvider,
  type AccountSettingsProviderProps,
} from '../src/provider/AccountSettingsProvider';

export interface RenderInBrowserOptions {
  adapter?: MemoryAdapter;
  provider?: Partial<AccountSettingsProviderProps>;
  /** Host page content before the screen, where a keyboard user starts tabbing from. */
  before?: ReactNode;
}

/**
 * Renders `ui` in a host-like page (`<main>`, optional content before it) inside `<StrictMode>`
 * and a provider with a QueryClient that never retries, so a failure shows at once.
 */
export async function renderInBrowser(
  ui: ReactElement,
  { adapter = createMemoryAdapter(), provider, before }: RenderInBrowserOptions = {},
) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
  const screen = await render(
    <StrictMode>
      <main>
        {before}
        <AccountSettingsProvider adapter={adapter} queryClient={queryClient} {...provider}>
          {ui}
        </AccountSettingsProvider>
      </main>
    </StrictMode>,
  );
  return { screen, adapter, queryClient };
}

/** Runs axe over the page; a failure lists each rule with the elements that break it. */
export async function expectNoAxeViolations(options: axe.RunOptions = {}) {
  const results = await axe.run(document.body, options);
  expect(
    results.violations.map(({ id, nodes }) => ({ id, targets: nodes.map((node) => node.target.join(' ')) })),
  ).toEqual([]);
}
