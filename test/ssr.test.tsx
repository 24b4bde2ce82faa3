// @vitest-environment node
// Server rendering in Node, where there is no window, document or sessionStorage: importing the
// library and rendering any drop-in component must not touch them.
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryAdapter } from '../src/adapter/memory';
import { CACHE_SCOPE, dehydrate, dropIns, Page, prefetchOnServer } from './ssr-support';

describe('server rendering', () => {
  it('runs where there is no DOM', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
    expect(typeof sessionStorage).toBe('undefined');
  });

  it.each(Object.entries(dropIns))('renders %s with the prefetched data', async (_, render) => {
    const adapter = createMemoryAdapter();
    const client = await prefetchOnServer(adapter);
    const problems: unknown[] = [];
    for (const level of ['error', 'warn'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        problems.push([level, ...args]);
      });
    }
    const html = renderToString(
      <Page adapter={adapter} client={client} state={dehydrate(client)}>
        {render()}
      </Page>,
    );
    vi.restoreAllMocks();
    // React 18's server renderer, for one, warns about a layout effect that runs on the server.
    expect(problems).toEqual([]);
    expect(html).toContain('class="abk-root"');
    // Everything the first paint needs was prefetched: no placeholder, no query left waiting
    // but the pickers' user searches, whose lists are closed until the browser opens them.
    expect(html).not.toContain('abk-skeleton');
    const waiting = client
      .getQueryCache()
      .getAll()
      .filter(
        (query) =>
          query.state.status === 'pending' && query.queryKey[1] === CACHE_SCOPE && !query.isDisabled(),
      )
      .filter((query) => query.queryKey[2] !== 'users' || query.queryKey[3] !== 'search');
    expect(waiting.map((query) => query.queryKey)).toEqual([]);
    expect(adapter.control.calls().placeOrder).toBeUndefined();
  });
});
