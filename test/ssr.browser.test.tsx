// Server HTML hydrated in Chromium, as a host's server-rendered page is: no hydration mismatch,
// no warning, and the server's data used as it is.
import '../src/styles.css';
import { QueryClient } from '@tanstack/react-query';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { createMemoryAdapter } from '../src/adapter/memory';
import { UpgradeWizard } from '../src/components/upgrade-wizard';
import { policyLinks } from '../stories/fixtures';
import { renderInBrowser } from './browser-support';
import { CACHE_SCOPE, dehydrate, dropIns, Page, prefetchOnServer } from './ssr-support';

let root: Root | undefined;
afterEach(() => {
  root?.unmount();
  root = undefined;
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

/** Whether React has taken over the server's markup (it marks the DOM nodes it owns). */
function hydrated(element: Element | null): boolean {
  return element !== null && Object.keys(element).some((key) => key.startsWith('__reactFiber'));
}

/** Server-renders `ui`, hydrates it in a fresh client, and returns whatever went wrong. */
async function serverRenderAndHydrate(render: () => ReactNode) {
  // The server: its own adapter and client, the data prefetched, the page rendered to HTML.
  const serverAdapter = createMemoryAdapter();
  const serverClient = await prefetchOnServer(serverAdapter);
  const state = dehydrate(serverClient);
  const html = renderToString(
    <Page adapter={serverAdapter} client={serverClient} state={state}>
      {render()}
    </Page>,
  );

  // The browser: the HTML and the serialised state, a new adapter instance and a new client.
  const container = document.createElement('div');
  container.innerHTML = html;
  document.body.append(container);
  const serverText = container.textContent;
  const problems: unknown[] = [];
  for (const level of ['error', 'warn'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      problems.push([level, ...args]);
    });
  }
  const browserAdapter = createMemoryAdapter();
  root = hydrateRoot(
    container,
    <Page
      adapter={browserAdapter}
      client={new QueryClient()}
      state={JSON.parse(JSON.stringify(state)) as typeof state}
    >
      {render()}
    </Page>,
    {
      onRecoverableError: (error) => problems.push(['recoverable', error]),
    },
  );

  await expect.poll(() => hydrated(container.querySelector('.abk-root'))).toBe(true);
  // Effects and the browser's own refetches of stale data run after hydration.
  await new Promise((resolve) => setTimeout(resolve, 100));
  return { container, serverText, problems };
}

describe('hydration of server-rendered HTML', () => {
  beforeEach(() => {
    sessionStorage.clear();
  });

  it.each(Object.entries(dropIns))('hydrates %s without an error or a warning', async (_, render) => {
    const { container, serverText, problems } = await serverRenderAndHydrate(render);
    expect(problems).toEqual([]);
    // What the server showed is what the browser shows: its data was used, not loaded again first.
    expect(container.textContent).toBe(serverText);
    expect(container.querySelector('.abk-skeleton')).toBeNull();
  });

  it('hydrates the upgrade wizard over a draft the browser kept, then shows the draft', async () => {
    // An earlier visit chose a plan: the draft is in this tab's sessionStorage, not on the server.
    const earlier = await renderInBrowser(<UpgradeWizard {...policyLinks} quoteDebounceMs={0} />, {
      // The same page: drafts belong to their cache scope, account and viewer.
      provider: { cacheScope: CACHE_SCOPE },
    });
    await expect.element(page.getByRole('tab', { name: 'Marketing Hub' })).toBeVisible();
    await userEvent.click(page.getByRole('tab', { name: 'Marketing Hub' }));
    await userEvent.click(page.getByRole('button', { name: 'Choose Professional' }));
    await userEvent.click(page.getByRole('button', { name: 'Buy annual plan' }));
    await expect.element(page.getByRole('heading', { name: /Payment/ })).toBeVisible();
    await earlier.screen.unmount();
    expect(sessionStorage.length).toBeGreaterThan(0);

    const { problems } = await serverRenderAndHydrate(() => <UpgradeWizard {...policyLinks} />);

    expect(problems).toEqual([]);
    // The server cannot know the draft; the browser restores it once the page is hydrated.
    await expect.element(page.getByRole('heading', { name: /Payment/ })).toBeVisible();
  });
});
