import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useDebouncedValue } from '../../lib/use-debounced-value.js';
import { useAccountSettings } from '../../provider/context.js';
import { userSearchQueryOptions } from '../../queries/index.js';
import { UserAvatar } from '../contact-picker/ItemAvatar.js';
import { ErrorSummary, NextButton, priceLabel, StepFooter } from './shared.js';
import type { UpgradeWizardState } from './use-upgrade-wizard.js';

const ROW_HEIGHT = 52;
const PAGE_SIZE = 100;
/** "Select all" loads every match; past this many, the search must be narrowed first. */
const SELECT_ALL_LIMIT = 1000;

/** Step 2 (per-seat tiers): which users get a paid seat. Virtualised for large accounts. */
export function SeatsStep({ wizard }: { wizard: UpgradeWizardState }) {
  const settings = useAccountSettings();
  const { t, format } = settings;
  const id = useId();
  const [query, setQuery] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const [selectingAll, setSelectingAll] = useState(false);
  const serverQuery = useDebouncedValue(query.trim(), 150);
  const search = useInfiniteQuery({
    ...userSearchQueryOptions(settings, serverQuery, { pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const users = useMemo(() => search.data?.pages.flatMap((page) => page.users) ?? [], [search.data]);
  const total = search.data?.pages[0]?.total ?? 0;
  const selected = useMemo(() => new Set(wizard.state.seatUserIds), [wizard.state.seatUserIds]);
  const tier = wizard.selectedTier;
  const listRef = useRef<HTMLDivElement | null>(null);
  const virtualizer = useVirtualizer({
    count: users.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const rows = virtualizer.getVirtualItems();
  const lastIndex = rows[rows.length - 1]?.index ?? -1;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = search;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= users.length - 20) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, lastIndex, users.length, fetchNextPage]);

  if (!tier) return null;
  const currency = wizard.currency ?? 'USD';
  const unitPrice = tier.prices[currency]?.[wizard.state.interval] ?? 0;
  const count = wizard.state.seatUserIds.length;
  const paidSeats = Math.max(0, count - tier.includedSeats);
  const errors =
    showErrors && count === 0 ? [{ fieldId: `${id}-search`, message: t('validation.seatsRequired') }] : [];

  async function selectAllShown() {
    setSelectingAll(true);
    try {
      // Every page of the current search, not just the rows rendered.
      let result = search;
      while (result.hasNextPage) result = await result.fetchNextPage();
      const everyone = result.data?.pages.flatMap((page) => page.users) ?? users;
      wizard.setSeats([
        ...wizard.state.seatUserIds,
        ...everyone.filter((user) => user.status !== 'deactivated').map((user) => user.id),
      ]);
    } finally {
      setSelectingAll(false);
    }
  }

  return (
    <div className="abk-seats">
      <ErrorSummary errors={errors} />
      <p className="abk-seats__intro">
        {t('upgrade.seats.description', {
          tier: `${wizard.selectedProduct?.name ?? ''} ${tier.name}`.trim(),
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
            onClick={() => wizard.setSeats([])}
            disabled={count === 0}
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
        {tier.includedSeats > 0 && <span>{t('upgrade.seats.included', { count: tier.includedSeats })}</span>}
        <span>
          {t('upgrade.seats.runningPrice', {
            price: priceLabel(
              t,
              format.money(unitPrice * paidSeats, currency),
              'flat',
              wizard.state.interval,
            ),
          })}
        </span>
      </div>
      <div
        ref={listRef}
        className="abk-seats__list"
        role="group"
        aria-label={t('upgrade.steps.seats')}
        aria-busy={search.isFetching || undefined}
        style={{ maxHeight: 420 }}
      >
        {users.length === 0 && !search.isPending && (
          <p className="abk-section__empty">{t('upgrade.seats.none')}</p>
        )}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {rows.map((row) => {
            const user = users[row.index];
            if (!user) return null;
            const deactivated = user.status === 'deactivated';
            return (
              <label
                key={user.id}
                className="abk-seat"
                data-checked={selected.has(user.id) ? '' : undefined}
                data-status={user.status}
                style={{
                  position: 'absolute',
                  insetInlineStart: 0,
                  insetInlineEnd: 0,
                  top: row.start,
                  height: row.size,
                }}
              >
                <input
                  type="checkbox"
                  checked={selected.has(user.id)}
                  disabled={deactivated}
                  onChange={() => wizard.toggleSeat(user.id)}
                  aria-label={t('upgrade.seats.seatFor', { name: user.displayName })}
                />
                <UserAvatar user={user} />
                <span className="abk-seat__text">
                  <span className="abk-seat__name">{user.displayName}</span>
                  <span className="abk-seat__email">{user.email}</span>
                </span>
                {user.status !== 'active' && (
                  <span className="abk-badge" data-tone={deactivated ? 'warning' : 'info'}>
                    {deactivated ? t('contactPicker.statusDeactivated') : t('contactPicker.statusInvited')}
                  </span>
                )}
              </label>
            );
          })}
        </div>
        {isFetchingNextPage && <p className="abk-contact-picker__state">{t('upgrade.seats.loadingMore')}</p>}
      </div>
      <StepFooter onBack={wizard.back}>
        <NextButton wizard={wizard} onBlocked={() => setShowErrors(true)} />
      </StepFooter>
    </div>
  );
}
