import { useAccountSettings } from '../provider/context.js';

/**
 * Skeleton rows while something loads, announced once as "Loading…".
 *
 * @example
 * {status === 'loading' && <LoadingState rows={2} />}
 */
export function LoadingState({ rows = 1, tall = false }: { rows?: number; tall?: boolean }) {
  const { t } = useAccountSettings();
  return (
    <div className="abk-loading" role="status">
      <span className="abk-visually-hidden">{t('common.loading')}</span>
      {Array.from({ length: rows }, (_, index) => (
        <span key={index} className="abk-skeleton" data-tall={tall ? '' : undefined} aria-hidden="true" />
      ))}
    </div>
  );
}
