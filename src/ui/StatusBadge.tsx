import { useAccountSettings } from '../provider/context.js';

/** What a badge can say about a person: not yet active, no longer active, or not a user at all. */
export type PersonStatus = 'invited' | 'deactivated' | 'external';

export interface StatusBadgeProps {
  status: PersonStatus;
  /** For a deactivated user, also tell assistive technology why they cannot be chosen. */
  withReason?: boolean;
  className?: string;
}

/**
 * A short badge for a person's state, from `common.status.*`. Styled by
 * `.abk-badge[data-status]`; wraps rather than overflowing its row.
 *
 * @example
 * {user.status !== 'active' && <StatusBadge status={user.status} />}
 */
export function StatusBadge({ status, withReason = false, className }: StatusBadgeProps) {
  const { t } = useAccountSettings();
  return (
    <span className={className ? `abk-badge ${className}` : 'abk-badge'} data-status={status}>
      {/* Keeps the badge apart from the name when both are read as one accessible name. */}
      <span className="abk-visually-hidden">, </span>
      {t(`common.status.${status}`)}
      {withReason && status === 'deactivated' && (
        <span className="abk-visually-hidden">. {t('common.status.deactivatedReason')}</span>
      )}
    </span>
  );
}
