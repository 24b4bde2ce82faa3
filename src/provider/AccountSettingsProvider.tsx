import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import { useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AdapterError } from '../adapter/errors.js';
import type { AccountAdapter } from '../adapter/types.js';
import { createFormatters } from '../i18n/format.js';
import type { LocaleCatalogs, MessageOverrides } from '../i18n/messages.js';
import { createTranslate, resolveLoadedMessages } from '../i18n/translate.js';
import { adapterScope } from '../queries/index.js';
import { appearanceToStyle, type Appearance } from '../theme/appearance.js';
import {
  AccountSettingsContext,
  type AccountSettingsContextValue,
  type AccountSettingsEvent,
  type ErrorContext,
} from './context.js';

export interface AccountSettingsProviderProps {
  /** Every read and write goes through this adapter. */
  adapter: AccountAdapter;
  /**
   * Names this adapter's data in the QueryClient: every query key starts with
   * `['account-billing-kit', cacheScope]`. Default: an id per adapter instance. A server-rendered
   * page needs the same name on the server, where the data was prefetched, and in the browser,
   * which has an adapter instance of its own: e.g. the account's id.
   */
  cacheScope?: string;
  /** BCP 47 tag, e.g. `de-AT`. Falls back to the language (`de`), then English. Default `en`. */
  locale?: string;
  /** Catalogs by language tag, e.g. `{ de, pl }`. Import only the locales you ship. */
  locales?: LocaleCatalogs;
  /** Overrides of any message, applied on top of the chosen catalog. */
  messages?: MessageOverrides;
  appearance?: Appearance;
  /**
   * The QueryClient that holds the kit's data. Default: your app's, from the nearest
   * `<QueryClientProvider>` around this provider; only when there is none does the provider
   * create its own. Either way, reads retry only transient errors (network, rate limit), within
   * the client's own `retry` default.
   */
  queryClient?: QueryClient;
  /** Called for every failed adapter call, e.g. to show a toast or report it. */
  onError?: (error: AdapterError, context: ErrorContext) => void;
  /** Called when something happens that analytics may want. */
  onEvent?: (event: AccountSettingsEvent) => void;
  /** Where popovers render. Default: inside the provider's own root element. */
  portalContainer?: HTMLElement | null;
  /** Text direction. Default: derived from the locale. */
  dir?: 'ltr' | 'rtl';
  className?: string;
  children?: ReactNode;
}

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'dv', 'ku']);

/**
 * The client for an app that has none. The retry policy is not set here but in every query's
 * own options (src/queries), so it holds in a host's client too.
 */
function createDefaultQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } });
}

/**
 * Supplies the adapter, locale, theme and callbacks to every account-billing-kit screen.
 *
 * @example
 * import { de } from 'account-billing-kit/locales/de';
 * <AccountSettingsProvider adapter={createMemoryAdapter()} locale="de" locales={{ de }}>
 *   <CompanyInformation />
 * </AccountSettingsProvider>
 */
export function AccountSettingsProvider({
  adapter,
  cacheScope,
  locale = 'en',
  locales,
  messages: overrides,
  appearance,
  queryClient,
  onError,
  onEvent,
  portalContainer,
  dir,
  className,
  children,
}: AccountSettingsProviderProps) {
  // The host's client: passed, or from a QueryClientProvider around us. Ours is created only
  // when there is neither, and then once for the provider's lifetime.
  const contextQueryClient = useContext(QueryClientContext);
  const [ownQueryClient] = useState(() => {
    let client: QueryClient | undefined;
    return () => (client ??= createDefaultQueryClient());
  });
  const client = queryClient ?? contextQueryClient ?? ownQueryClient();
  const retry = client.getDefaultOptions().queries?.retry;
  const [rootPortal, setRootPortal] = useState<HTMLElement | null>(null);
  // The latest callbacks, without re-rendering every consumer when a host passes new functions.
  const callbacks = useRef({ onError, onEvent });
  useEffect(() => {
    callbacks.current = { onError, onEvent };
  }, [onError, onEvent]);

  const messages = useMemo(
    () => resolveLoadedMessages(locale, locales, overrides),
    [locale, locales, overrides],
  );
  const colorScheme = appearance?.colorScheme ?? 'light';
  const themeStyle = useMemo(() => appearanceToStyle(appearance), [appearance]);
  const resolvedDir = dir ?? (RTL_LANGUAGES.has(locale.split('-')[0] ?? '') ? 'rtl' : 'ltr');

  const reportError = useCallback((error: AdapterError, context: ErrorContext) => {
    callbacks.current.onError?.(error, context);
  }, []);
  const emit = useCallback((event: AccountSettingsEvent) => {
    callbacks.current.onEvent?.(event);
  }, []);

  const value = useMemo<AccountSettingsContextValue>(
    () => ({
      adapter,
      scope: cacheScope ?? adapterScope(adapter),
      retry,
      locale,
      dir: resolvedDir,
      messages,
      t: createTranslate(locale, messages),
      format: createFormatters(locale),
      colorScheme,
      portalContainer: portalContainer ?? rootPortal,
      themeRootProps: { 'data-color-scheme': colorScheme, style: themeStyle, dir: resolvedDir, lang: locale },
      reportError,
      emit,
    }),
    [
      adapter,
      cacheScope,
      retry,
      locale,
      resolvedDir,
      messages,
      colorScheme,
      portalContainer,
      rootPortal,
      themeStyle,
      reportError,
      emit,
    ],
  );

  return (
    <QueryClientProvider client={client}>
      <AccountSettingsContext.Provider value={value}>
        <div
          className={className ? `abk-root ${className}` : 'abk-root'}
          data-color-scheme={colorScheme}
          dir={resolvedDir}
          lang={locale}
          style={themeStyle}
        >
          {children}
          <div className="abk-portal" ref={setRootPortal} />
        </div>
      </AccountSettingsContext.Provider>
    </QueryClientProvider>
  );
}
