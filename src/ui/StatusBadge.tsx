import { useAccountSettings } from '../provider/context.js';

/** What a badge can say about a person: not yet active, no longer active, or not a user at all. */
export type PersonStatus = 'invited' | 'deactivated' | 'external';

export interface StatusBadgeProps {
  status: PersonStatus;
  /**
   * Also tell assistive technology what the status means: a deactivated user cannot be chosen,
   * an invited one receives messages once they accept.
   */
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
      {withReason && status === 'invited' && (
        <span className="abk-visually-hidden">. {t('common.status.invitedReason')}</span>
      )}
    </span>
  );
}
