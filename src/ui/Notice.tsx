import type { ReactNode } from 'react';
import { isRetryableError, type AdapterError } from '../adapter/errors.js';
import { describeAdapterError } from '../i18n/translate.js';
import { useAccountSettings } from '../provider/context.js';

export type NoticeTone = 'info' | 'success' | 'warning' | 'danger';

export interface NoticeProps {
  tone: NoticeTone;
  /** A bold first line. */
  title?: ReactNode;
  children?: ReactNode;
  /** Buttons after the text, e.g. the two ways out of a conflict. */
  actions?: ReactNode;
  /** Adds a "Try again" button that calls this. */
  onRetry?: (() => void) | undefined;
  /**
   * How the notice is announced when it appears: `alert` interrupts (failures, conflicts),
   * `status` waits, `false` is not announced (explanations present from the start).
   * Default: `alert` for danger and warning, otherwise `false`.
   */
  live?: 'alert' | 'status' | false;
  id?: string;
  className?: string;
}

/**
 * A boxed message with an optional retry. State: `data-tone` (`info` | `success` | `warning` |
 * `danger`).
 *
 * @example
 * <Notice tone="warning" title={t('companyInformation.conflictTitle')} actions={buttons}>…</Notice>
 */
export function Notice({ tone, title, children, actions, onRetry, live, id, className }: NoticeProps) {
  const { t } = useAccountSettings();
  const role = (live ?? (tone === 'danger' || tone === 'warning' ? 'alert' : false)) || undefined;
  return (
    <div
      id={id}
      className={className ? `abk-notice ${className}` : 'abk-notice'}
      data-tone={tone}
      role={role}
    >
      {title !== undefined && (
        <p className="abk-notice__title">
          <strong>{title}</strong>
        </p>
      )}
      {typeof children === 'string' ? <p>{children}</p> : children}
      {(actions !== undefined || onRetry) && (
        <div className="abk-notice__actions">
          {actions}
          {onRetry && (
            <button type="button" className="abk-button" onClick={onRetry}>
              {t('common.retry')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

export interface ErrorNoticeProps {
  error: AdapterError;
  /** A bold first line, e.g. "We couldn't load this." */
  title?: ReactNode;
  /** Offered only when trying again unchanged may succeed (see `isRetryableError`). */
  onRetry?: (() => void) | undefined;
  id?: string;
  className?: string;
}

/**
 * An adapter failure in the user's language, with "Try again" when a retry may help.
 *
 * @example
 * {search.error && <ErrorNotice error={search.error} onRetry={search.retry} />}
 */
export function ErrorNotice({ error, title, onRetry, id, className }: ErrorNoticeProps) {
  const { t } = useAccountSettings();
  return (
    <Notice
      tone="danger"
      title={title}
      onRetry={isRetryableError(error) ? onRetry : undefined}
      id={id}
      className={className}
    >
      {describeAdapterError(t, error)}
    </Notice>
  );
}
