import { useQuery } from '@tanstack/react-query';
import { forwardRef, useId, useRef, useState, useSyncExternalStore } from 'react';
import { toAdapterError } from '../../adapter/errors.js';
import { joinClassNames } from '../../lib/dom-props.js';
import { useUserSearch } from '../../lib/use-user-search.js';
import { useVirtualList } from '../../lib/use-virtual-list.js';
import { translateValidation } from '../../i18n/translate.js';
import { useAccountSettings } from '../../provider/context.js';
import { accountQueryOptions, subscriptionsQueryOptions } from '../../queries/index.js';
import type { User } from '../../schemas/index.js';
import {
  ErrorNotice,
  Heading,
  Icon,
  IsolatedMessage,
  LoadingState,
  Notice,
  ScreenShell,
  StatusBadge,
  SubheadingScope,
  UserAvatar,
  type RootElementProps,
} from '../../ui/index.js';
import { useSeatAssignments, type SeatAssignmentsState, type SeatPurchase } from './use-seat-assignments.js';
import { addEnglish } from '../../i18n/english.js';
import { seatAssignmentsEn } from './messages.en.js';

addEnglish({ seatAssignments: seatAssignmentsEn });

const ROW_HEIGHT = 56;
/**
 * On a phone a name wraps instead of being cut: rows leave room for up to three lines of name,
 * the email, and the badges and button under them. Rows of a windowed list share one height.
 */
const PHONE_ROW_HEIGHT = 120;
/** The width below which rows are a phone's (the same as the stylesheet's). */
const PHONE_QUERY = '(max-width: 480px)';
/** Each list's window; rows beyond it are not rendered. */
const LIST_MAX_HEIGHT = 336;
const PAGE_SIZE = 100;
const SEARCH_DEBOUNCE_MS = 150;
const PREFETCH_ROWS = 20;

/**
 * Props of `SeatAssignments`. The ref, `id`, `style`, `className`, `aria-*` and `data-*` go to
 * the root `<div class="abk-seat-assignments">`, which shows its state to CSS with:
 *
 * - `data-state`: `loading` | `error` | `ready`;
 * - `data-readonly`: present while the viewer may not change seats (or that is not known yet).
 *
 * Each product is a `<section class="abk-product-seats">` with `data-status` (`loading` |
 * `error` | `ready`), `data-full` (every seat bought is assigned) and `data-saving` (a change is
 * on its way). Holder rows are `.abk-seat-holder[data-status]` (`active` | `invited` |
 * `deactivated`); search results `.abk-seat-candidate` with `data-holder` when they hold a seat.
 */
export interface SeatAssignmentsProps extends RootElementProps {
  /** One product's seats. Default: every product the account subscribes to per seat. */
  productId?: string;
  /**
   * "Buy more seats", offered when a user does not fit in the seats bought: open the upgrade
   * wizard with `defaultSelection={purchase}` and `defaultStep="seats"`. `count` is the seats
   * the purchase would hold. Without it, the notice only says to remove a seat first.
   */
  onBuySeats?: (productId: string, count: number, purchase: SeatPurchase) => void;
  /** Heading level of the screen title; each product's name is one level below. Default 2. */
  headingLevel?: 2 | 3;
}

/**
 * Who holds a paid seat of each per-seat product, against the seats bought: search the account's
 * users to give one a seat (server-side search and a windowed list, for accounts of 100,000
 * users), take seats away, see deactivated holders who still use one. Beyond the seats bought it
 * offers "Buy more seats", which the host wires to the upgrade wizard's seat step. Only admins
 * who manage billing change seats.
 *
 * @example
 * <SeatAssignments
 *   productId="sales"
 *   onBuySeats={(productId, count, purchase) =>
 *     router.push(`/billing/upgrade?seats=${encodeURIComponent(JSON.stringify(purchase))}`)
 *   }
 * />
 */
export const SeatAssignments = forwardRef<HTMLDivElement, SeatAssignmentsProps>(
  function SeatAssignments(props, ref) {
    const { headingLevel = 2, ...screenProps } = props;
    const { className, id, style } = screenProps;
    return (
      <ScreenShell
        ref={ref}
        screen="SeatAssignments"
        headingLevel={headingLevel}
        rootClassName="abk-seat-assignments"
        id={id}
        style={style}
        className={className}
        header={<ScreenHeader />}
      >
        <SeatAssignmentsScreen {...screenProps} ref={ref} />
      </ScreenShell>
    );
  },
);

function ScreenHeader() {
  const { t } = useAccountSettings();
  return (
    <header className="abk-seat-assignments__header">
      <Heading className="abk-seat-assignments__title">{t('seatAssignments.title')}</Heading>
      <p className="abk-seat-assignments__description">{t('seatAssignments.description')}</p>
    </header>
  );
}

const SeatAssignmentsScreen = forwardRef<HTMLDivElement, Omit<SeatAssignmentsProps, 'headingLevel'>>(
  function SeatAssignmentsScreen({ productId, onBuySeats, className, ...rootProps }, ref) {
    const settings = useAccountSettings();
    const { t } = settings;
    const account = useQuery(accountQueryOptions(settings));
    const subscriptions = useQuery(subscriptionsQueryOptions(settings));
    const productIds = productId
      ? [productId]
      : (subscriptions.data ?? [])
          .filter((subscription) => subscription.pricing === 'per_seat')
          .map((subscription) => subscription.productId);
    const failed = [account, subscriptions].find((query) => query.isError && query.data === undefined);
    const state = failed ? 'error' : account.data && (productId || subscriptions.data) ? 'ready' : 'loading';
    const mayManage = account.data?.viewer.permissions.manageBilling === true;
    const viewerId = account.data?.viewer.user.id;
    const administrators = (account.data?.administrators ?? []).filter((user) => user.id !== viewerId);
    return (
      <div
        {...rootProps}
        ref={ref}
        className={joinClassNames('abk-seat-assignments', className)}
        aria-busy={state === 'loading' || undefined}
        data-state={state}
        data-readonly={mayManage ? undefined : ''}
      >
        <ScreenHeader />
        {state === 'loading' && <LoadingState rows={3} />}
        {failed?.error && (
          <ErrorNotice
            error={toAdapterError(failed.error)}
            title={t('errors.loadFailed')}
            onRetry={() => void failed.refetch()}
          />
        )}
        {state === 'ready' && !mayManage && (
          <Notice tone="info">
            <p>
              {administrators.length > 0 ? (
                <IsolatedMessage
                  id="seatAssignments.readOnly"
                  values={{ administrators: administrators.map((user) => user.displayName) }}
                />
              ) : (
                t('seatAssignments.readOnlyNoAdministrators')
              )}
            </p>
          </Notice>
        )}
        {state === 'ready' && productIds.length === 0 && (
          <p className="abk-seat-assignments__empty">{t('seatAssignments.empty')}</p>
        )}
        {state === 'ready' && (
          <SubheadingScope>
            {productIds.map((id) => (
              <ProductSeats key={id} productId={id} onBuySeats={onBuySeats} />
            ))}
          </SubheadingScope>
        )}
      </div>
    );
  },
);

/** One product's seats: the count, the holders, and (for admins) the search to add one. */
function ProductSeats({
  productId,
  onBuySeats,
}: {
  productId: string;
  onBuySeats: SeatAssignmentsProps['onBuySeats'];
}) {
  const { t, messages } = useAccountSettings();
  const seats = useSeatAssignments(productId);
  const id = useId();
  const heading = useRef<HTMLHeadingElement | null>(null);
  const focusHeading = () => heading.current?.focus();
  const assigned = seats.holders.length;
  const full = seats.status === 'ready' && assigned >= seats.seatsBought;
  const ratio = seats.seatsBought > 0 ? Math.min(1, assigned / seats.seatsBought) : 0;
  return (
    <section
      className="abk-product-seats"
      aria-labelledby={`${id}-title`}
      aria-busy={seats.status === 'loading' || undefined}
      data-status={seats.status}
      data-full={full ? '' : undefined}
      data-saving={seats.saving ? '' : undefined}
    >
      <div className="abk-product-seats__head">
        <Heading id={`${id}-title`} ref={heading} tabIndex={-1} className="abk-product-seats__title">
          {t('seatAssignments.productTitle', { product: seats.productName, tier: seats.tierName })}
        </Heading>
        {seats.status === 'ready' && (
          <div className="abk-product-seats__count">
            <p>
              <strong>{t('seatAssignments.count', { assigned, count: seats.seatsBought })}</strong>
              <span> · {t('seatAssignments.available', { count: seats.available })}</span>
            </p>
            <span className="abk-product-seats__meter" aria-hidden="true">
              <span style={{ inlineSize: `${ratio * 100}%` }} />
            </span>
          </div>
        )}
      </div>
      <p className="abk-visually-hidden" role="status">
        {seats.outcome
          ? t(
              seats.outcome.kind === 'assign'
                ? 'seatAssignments.announce.assigned'
                : 'seatAssignments.announce.removed',
              { name: seats.outcome.user.displayName },
            )
          : ''}
      </p>

      {seats.status === 'loading' && <LoadingState rows={3} />}
      {seats.status === 'error' && seats.loadError && (
        <ErrorNotice error={seats.loadError} title={t('errors.loadFailed')} onRetry={seats.retryLoad} />
      )}

      {seats.status === 'ready' && (
        <>
          <SeatNotices seats={seats} onBuySeats={onBuySeats} onSettled={focusHeading} />
          {seats.problem?.refusal && (
            <Notice tone="warning" live="alert">
              {translateValidation(t, messages, seats.problem.refusal)}
            </Notice>
          )}
          {seats.problem?.error && <ErrorNotice error={seats.problem.error} onRetry={seats.retry} />}
          <div className="abk-product-seats__columns" data-readonly={seats.mayManage ? undefined : ''}>
            <HolderList seats={seats} onFocusLost={focusHeading} />
            {seats.mayManage && <SeatSearch seats={seats} />}
          </div>
        </>
      )}
    </section>
  );
}

/** Conflict, "all seats are assigned" with "Buy more seats", and deactivated holders. */
function SeatNotices({
  seats,
  onBuySeats,
  onSettled,
}: {
  seats: SeatAssignmentsState;
  onBuySeats: SeatAssignmentsProps['onBuySeats'];
  onSettled: () => void;
}) {
  const { t } = useAccountSettings();
  const { overLimit, conflict } = seats;
  const purchase = overLimit?.purchase;
  return (
    <>
      {conflict && (
        <Notice
          tone="warning"
          title={t('seatAssignments.conflictTitle')}
          actions={
            <>
              <button
                type="button"
                className="abk-button"
                onClick={() => {
                  seats.keepTheirs();
                  onSettled();
                }}
              >
                {t('seatAssignments.conflictReload')}
              </button>
              <button
                type="button"
                className="abk-button"
                data-variant="primary"
                onClick={() => {
                  seats.applyMine();
                  onSettled();
                }}
              >
                {t('seatAssignments.conflictApplyMine')}
              </button>
            </>
          }
        >
          <p>
            {conflict.by ? (
              <IsolatedMessage id="seatAssignments.conflictBody" values={{ name: conflict.by }} />
            ) : (
              t('seatAssignments.conflictBodyAnonymous')
            )}
          </p>
        </Notice>
      )}
      {overLimit && (
        <Notice
          tone="warning"
          live="alert"
          className="abk-product-seats__full"
          title={t('seatAssignments.fullTitle', { count: seats.seatsBought })}
          actions={
            <>
              {purchase && onBuySeats && (
                <button
                  type="button"
                  className="abk-button"
                  data-variant="primary"
                  onClick={() => onBuySeats(purchase.productId, purchase.seats, purchase)}
                >
                  {t('seatAssignments.buyMore')}
                </button>
              )}
              <button
                type="button"
                className="abk-button"
                data-variant="ghost"
                onClick={() => {
                  seats.dismissOverLimit();
                  onSettled();
                }}
              >
                {t('common.cancel')}
              </button>
            </>
          }
        >
          <p>
            <IsolatedMessage id="seatAssignments.fullBody" values={{ name: overLimit.user.displayName }} />
          </p>
        </Notice>
      )}
      {seats.deactivatedHolders.length > 0 && (
        <Notice tone="warning" live={false}>
          {t('seatAssignments.deactivatedHolders', { count: seats.deactivatedHolders.length })}
        </Notice>
      )}
    </>
  );
}

/** Who holds a seat: a windowed list, each with "Remove" for admins. */
function HolderList({ seats, onFocusLost }: { seats: SeatAssignmentsState; onFocusLost: () => void }) {
  const { t } = useAccountSettings();
  const id = useId();
  const { scrollRef, rows, totalSize } = useVirtualList<HTMLDivElement>({
    count: seats.holders.length,
    rowHeight: useRowHeight(),
  });
  const label = t('seatAssignments.holdersLabel', { product: seats.productName });
  return (
    <div className="abk-product-seats__holders">
      <p id={`${id}-label`} className="abk-product-seats__label">
        {label}
      </p>
      {seats.holders.length === 0 ? (
        <p className="abk-product-seats__empty">{t('seatAssignments.noHolders')}</p>
      ) : (
        <div
          ref={scrollRef}
          className="abk-product-seats__list"
          // Without a button in its rows (a read-only viewer), the list itself takes focus, so
          // it scrolls from the keyboard too.
          tabIndex={seats.mayManage ? undefined : 0}
          role={seats.mayManage ? undefined : 'group'}
          aria-labelledby={seats.mayManage ? undefined : `${id}-label`}
          // Inline, like the wizard's seat list: the size a layout-less test DOM reads.
          style={{ maxHeight: LIST_MAX_HEIGHT }}
        >
          <div role="list" aria-labelledby={`${id}-label`} style={{ blockSize: totalSize }}>
            {rows.map((row) => {
              const user = seats.holders[row.index];
              if (!user) return null;
              return (
                <HolderRow
                  key={user.id}
                  user={user}
                  seats={seats}
                  onFocusLost={onFocusLost}
                  style={{ insetBlockStart: row.start, blockSize: row.size }}
                  position={row.index + 1}
                  count={seats.holders.length}
                />
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}

function HolderRow({
  user,
  seats,
  onFocusLost,
  style,
  position,
  count,
}: {
  user: User;
  seats: SeatAssignmentsState;
  /** The row goes with its seat: focus moves to the product's title. */
  onFocusLost: () => void;
  style: React.CSSProperties;
  position: number;
  count: number;
}) {
  const { t } = useAccountSettings();
  const id = useId();
  return (
    <div
      role="listitem"
      // Rows outside the window are not rendered: the set's size and each row's place say where it is.
      aria-setsize={count}
      aria-posinset={position}
      className="abk-list-row abk-seat-holder"
      data-status={user.status}
      style={style}
    >
      <UserAvatar user={user} />
      <span className="abk-seat-holder__text">
        <span id={`${id}-name`} className="abk-seat-holder__name">
          {user.displayName}
        </span>
        <span className="abk-seat-holder__email">{user.email}</span>
      </span>
      {user.status !== 'active' && <StatusBadge status={user.status} />}
      {seats.mayManage && (
        <button
          type="button"
          className="abk-button"
          data-variant="ghost"
          aria-label={t('seatAssignments.removeFor', { name: user.displayName })}
          onClick={() => {
            seats.change({ kind: 'unassign', user });
            onFocusLost();
          }}
        >
          <Icon name="remove" />
          <span className="abk-seat-holder__action">{t('seatAssignments.remove')}</span>
        </button>
      )}
    </div>
  );
}

/** The account's users by name or email, each with "Assign seat" or "Has a seat". */
function SeatSearch({ seats }: { seats: SeatAssignmentsState }) {
  const { t } = useAccountSettings();
  const id = useId();
  const [query, setQuery] = useState('');
  const input = useRef<HTMLInputElement | null>(null);
  const search = useUserSearch({ query, pageSize: PAGE_SIZE, debounceMs: SEARCH_DEBOUNCE_MS });
  const { scrollRef, rows, totalSize } = useVirtualList<HTMLDivElement>({
    count: search.users.length,
    rowHeight: useRowHeight(),
    overscan: 10,
    nearEnd: PREFETCH_ROWS,
    onNearEnd: search.fetchMore,
  });
  return (
    <div className="abk-product-seats__search" role="group" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="abk-product-seats__label">
        {t('seatAssignments.addTitle')}
      </p>
      <label className="abk-field">
        <span className="abk-field__label">{t('seatAssignments.search')}</span>
        <span className="abk-product-seats__search-input">
          <Icon name="search" />
          <input
            ref={input}
            className="abk-input"
            type="search"
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
            aria-controls={`${id}-results`}
          />
        </span>
      </label>
      {search.error && (
        <ErrorNotice error={search.error} title={t('seatAssignments.searchFailed')} onRetry={search.retry} />
      )}
      <div
        ref={scrollRef}
        className="abk-product-seats__list"
        hidden={search.status === 'error'}
        aria-busy={search.isFetching || undefined}
        style={{ maxHeight: LIST_MAX_HEIGHT }}
      >
        {search.status === 'empty' && (
          <p className="abk-product-seats__empty">{t('seatAssignments.noMatches')}</p>
        )}
        <div
          id={`${id}-results`}
          role="list"
          aria-label={t('seatAssignments.searchResults')}
          style={{ blockSize: totalSize }}
        >
          {rows.map((row) => {
            const user = search.users[row.index];
            if (!user) return null;
            const holder = seats.holderIds.has(user.id);
            return (
              <div
                key={user.id}
                role="listitem"
                aria-setsize={search.total}
                aria-posinset={row.index + 1}
                className="abk-list-row abk-seat-candidate"
                data-holder={holder ? '' : undefined}
                data-status={user.status}
                style={{ insetBlockStart: row.start, blockSize: row.size }}
              >
                <UserAvatar user={user} />
                <span className="abk-seat-holder__text">
                  <span className="abk-seat-holder__name">{user.displayName}</span>
                  <span className="abk-seat-holder__email">{user.email}</span>
                </span>
                {user.status !== 'active' && <StatusBadge status={user.status} withReason />}
                {holder ? (
                  <span className="abk-badge" data-tone="success">
                    {t('seatAssignments.hasSeat')}
                  </span>
                ) : user.status === 'deactivated' ? null : (
                  <button
                    type="button"
                    className="abk-button"
                    aria-label={t('seatAssignments.assignFor', { name: user.displayName })}
                    onClick={() => {
                      seats.change({ kind: 'assign', user });
                      // The button gives way to "Has a seat": back to the search for the next one.
                      input.current?.focus();
                    }}
                  >
                    <Icon name="plus" />
                    <span className="abk-seat-holder__action">{t('seatAssignments.assign')}</span>
                  </button>
                )}
              </div>
            );
          })}
        </div>
        {search.isFetchingMore && (
          <p className="abk-product-seats__state">{t('seatAssignments.loadingMore')}</p>
        )}
      </div>
    </div>
  );
}

/** Whether the page is a phone's width; false where media queries are unknown (a test DOM). */
function isPhoneWidth(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(PHONE_QUERY).matches;
}

function subscribeToPhoneWidth(onChange: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => {};
  const query = window.matchMedia(PHONE_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** The rows' height for the width the screen is shown at; the wider one while server-rendered. */
function useRowHeight(): number {
  const phone = useSyncExternalStore(subscribeToPhoneWidth, isPhoneWidth, () => false);
  return phone ? PHONE_ROW_HEIGHT : ROW_HEIGHT;
}
