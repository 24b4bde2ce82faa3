import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { User } from '../../schemas/user.js';
import { useUserSearch } from '../../lib/use-user-search.js';
import { useVirtualList } from '../../lib/use-virtual-list.js';
import { useAccountSettings } from '../../provider/context.js';
import { ErrorNotice, StatusBadge, UserAvatar } from '../../ui/index.js';
import { ErrorSummary, NextButton, priceLabel, StepFooter } from './shared.js';
import {
  useWizardActions,
  useWizardSeatHolders,
  useWizardSelection,
  useWizardState,
} from './wizard-context.js';

const ROW_HEIGHT = 52;
const PAGE_SIZE = 100;
/** The list's window; rows beyond it are not rendered. */
const LIST_MAX_HEIGHT = 420;
const SEARCH_DEBOUNCE_MS = 150;
/** Start loading the next page this many rows before the end of what is loaded. */
const PREFETCH_ROWS = 20;
/** "Select all" loads every match; past this many, the search must be narrowed first. */
const SELECT_ALL_LIMIT = 1000;

/**
 * Step 2 (per-seat tiers): which users get a paid seat. Virtualised for large accounts. Who holds
 * a seat today (the seat assignments' holders) starts out selected, is marked and listed first;
 * taking a held seat away is asked, never done by a stray click ("Clear all" keeps them). A
 * deactivated holder's seat can be taken away like any other; no deactivated user gets a new one.
 */
export function SeatsStep() {
  const settings = useAccountSettings();
  const { seatUserIds, interval } = useWizardState();
  const { selectedProduct, selectedTier: tier, currency: chosenCurrency } = useWizardSelection();
  const { seatHolders, seatHoldersStatus, seatHoldersError } = useWizardSeatHolders();
  const actions = useWizardActions();
  const held = useMemo(() => new Set(seatHolders.map((user) => user.id)), [seatHolders]);
  const [removing, setRemoving] = useState<User | null>(null);
  const checkboxes = useRef(new Map<string, HTMLInputElement>());
  const { t, format } = settings;
  const id = useId();
  const [query, setQuery] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const [selectingAll, setSelectingAll] = useState(false);
  const search = useUserSearch({ query, pageSize: PAGE_SIZE, debounceMs: SEARCH_DEBOUNCE_MS });
  const { total } = search;
  // Until something is searched for, today's holders come first: in a large account they would
  // otherwise be anywhere in the list.
  const users = useMemo(
    () =>
      query.trim() === '' && seatHolders.length > 0
        ? [...seatHolders, ...search.users.filter((user) => !held.has(user.id))]
        : search.users,
    [query, seatHolders, search.users, held],
  );
  const selected = useMemo(() => new Set(seatUserIds), [seatUserIds]);
  const { scrollRef, rows, totalSize } = useVirtualList<HTMLDivElement>({
    count: users.length,
    rowHeight: ROW_HEIGHT,
    overscan: 10,
    nearEnd: PREFETCH_ROWS,
    onNearEnd: search.fetchMore,
  });

  if (!tier) return null;
  const currency = chosenCurrency ?? 'USD';
  const unitPrice = tier.prices[currency]?.[interval] ?? 0;
  const count = seatUserIds.length;
  const paidSeats = Math.max(0, count - tier.includedSeats);
  const errors =
    showErrors && count === 0 ? [{ fieldId: `${id}-search`, message: t('validation.seatsRequired') }] : [];

  function onSeatChange(user: User) {
    if (held.has(user.id) && selected.has(user.id)) {
      setRemoving(user);
      return;
    }
    actions.toggleSeat(user.id);
  }

  function settleRemoval(remove: boolean) {
    if (!removing) return;
    if (remove) actions.toggleSeat(removing.id);
    const checkbox = checkboxes.current.get(removing.id);
    setRemoving(null);
    checkbox?.focus();
  }

  async function selectAllShown() {
    setSelectingAll(true);
    try {
      // Every page of the current search, not just the rows rendered.
      const everyone = await search.loadAll();
      actions.setSeats([
        ...seatUserIds,
        ...everyone.filter((user) => user.status !== 'deactivated').map((user) => user.id),
      ]);
    } catch {
      // Nothing is selected; the search's error notice says why and offers a retry.
    } finally {
      setSelectingAll(false);
    }
  }

  return (
    <div className="abk-seats">
      <ErrorSummary errors={errors} />
      <p className="abk-seats__intro">
        {t('upgrade.seats.description', {
          tier: `${selectedProduct?.name ?? ''} ${tier.name}`.trim(),
        })}
      </p>
      <div className="abk-seats__toolbar">
        <label className="abk-field abk-seats__search">
          <span className="abk-field__label">{t('upgrade.seats.search')}</span>
          <input
            id={`${id}-search`}
            className="abk-input"
            type="search"
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
            aria-describedby={`${id}-summary`}
          />
        </label>
        <div className="abk-seats__bulk">
          <button
            type="button"
            className="abk-button"
            onClick={() => void selectAllShown()}
            disabled={selectingAll || total === 0 || total > SELECT_ALL_LIMIT}
            aria-describedby={total > SELECT_ALL_LIMIT ? `${id}-select-all-limit` : undefined}
          >
            {t('upgrade.seats.selectAll')}
          </button>
          <button
            type="button"
            className="abk-button"
            data-variant="ghost"
            onClick={() => actions.setSeats(seatUserIds.filter((userId) => held.has(userId)))}
            disabled={seatUserIds.every((userId) => held.has(userId))}
          >
            {t('upgrade.seats.clearAll')}
          </button>
        </div>
      </div>
      {total > SELECT_ALL_LIMIT && (
        <p id={`${id}-select-all-limit`} className="abk-field__hint">
          {t('upgrade.seats.selectAllTooMany')}
        </p>
      )}
      <div id={`${id}-summary`} className="abk-seats__summary" role="status">
        <strong>{t('upgrade.seats.count', { count })}</strong>
        {held.size > 0 && <span>{t('upgrade.seats.heldSummary', { count: held.size })}</span>}
        {tier.includedSeats > 0 && <span>{t('upgrade.seats.included', { count: tier.includedSeats })}</span>}
        <span>
          {t('upgrade.seats.runningPrice', {
            price: priceLabel(t, format.money(unitPrice * paidSeats, currency), 'flat', interval),
          })}
        </span>
      </div>
      {removing && (
        <RemovalQuestion
          name={removing.displayName}
          onRemove={() => settleRemoval(true)}
          onKeep={() => settleRemoval(false)}
        />
      )}
      {seatHoldersStatus === 'loading' && (
        <p className="abk-seats__state">{t('upgrade.seats.holdersLoading')}</p>
      )}
      {seatHoldersError && (
        <ErrorNotice
          error={seatHoldersError}
          title={t('upgrade.seats.holdersFailed')}
          onRetry={actions.retrySeatHolders}
        />
      )}
      {search.error && (
        <ErrorNotice error={search.error} title={t('upgrade.seats.loadFailed')} onRetry={search.retry} />
      )}
      <div
        ref={scrollRef}
        className="abk-seats__list"
        role="group"
        aria-label={t('upgrade.steps.seats')}
        aria-busy={search.isFetching || undefined}
        // Nothing to list: the notice above says why.
        hidden={search.status === 'error'}
        // Inline, as on the picker's list: the size a layout-less test DOM reads (test/setup.ts).
        style={{ maxHeight: LIST_MAX_HEIGHT }}
      >
        {search.status === 'empty' && <p className="abk-section__empty">{t('upgrade.seats.none')}</p>}
        <div className="abk-seats__rows" style={{ blockSize: totalSize }}>
          {rows.map((row) => {
            const user = users[row.index];
            if (!user) return null;
            const deactivated = user.status === 'deactivated';
            return (
              <label
                key={user.id}
                className="abk-list-row abk-seat"
                data-checked={selected.has(user.id) ? '' : undefined}
                data-held={held.has(user.id) ? '' : undefined}
                data-status={user.status}
                style={{ insetBlockStart: row.start, blockSize: row.size }}
              >
                <input
                  ref={(element) => {
                    if (element) checkboxes.current.set(user.id, element);
                    else checkboxes.current.delete(user.id);
                  }}
                  type="checkbox"
                  checked={selected.has(user.id)}
                  // A deactivated user gets no new seat, but the one they hold today can be
                  // taken away (and given back until the order is placed).
                  disabled={deactivated && !held.has(user.id) && !selected.has(user.id)}
                  onChange={() => onSeatChange(user)}
                  aria-label={t('upgrade.seats.seatFor', { name: user.displayName })}
                  // The badge is text beside the checkbox; a screen reader hears it with the checkbox.
                  aria-describedby={held.has(user.id) ? `${id}-held-${user.id}` : undefined}
                />
                <UserAvatar user={user} />
                <span className="abk-seat__text">
                  <span className="abk-seat__name">{user.displayName}</span>
                  <span className="abk-seat__email">{user.email}</span>
                </span>
                {held.has(user.id) && (
                  <span id={`${id}-held-${user.id}`} className="abk-badge" data-tone="info">
                    {t('upgrade.seats.held')}
                  </span>
                )}
                {user.status !== 'active' && <StatusBadge status={user.status} />}
              </label>
            );
          })}
        </div>
        {search.isFetchingMore && <p className="abk-seats__state">{t('upgrade.seats.loadingMore')}</p>}
      </div>
      <StepFooter onBack={actions.back}>
        <NextButton onBlocked={() => setShowErrors(true)} />
      </StepFooter>
    </div>
  );
}

/**
 * "Anna Schmidt has a seat today. Remove it?" Focus starts on "Keep seat", the safe answer, and
 * Escape gives it too.
 */
function RemovalQuestion({
  name,
  onRemove,
  onKeep,
}: {
  name: string;
  onRemove: () => void;
  onKeep: () => void;
}) {
  const { t } = useAccountSettings();
  const id = useId();
  const keep = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    keep.current?.focus();
  }, []);
  return (
    <div
      role="group"
      aria-labelledby={id}
      className="abk-notice abk-seats__removal"
      data-tone="warning"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onKeep();
      }}
    >
      <p id={id} className="abk-notice__title">
        <strong>{t('upgrade.seats.confirmRemoval', { name })}</strong>
      </p>
      <div className="abk-notice__actions">
        <button type="button" className="abk-button" ref={keep} onClick={onKeep}>
          {t('upgrade.seats.keepSeat')}
        </button>
        <button type="button" className="abk-button" onClick={onRemove}>
          {t('upgrade.seats.removeSeat')}
        </button>
      </div>
    </div>
  );
}
