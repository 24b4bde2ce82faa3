import { useId, useRef, type ReactNode, type Ref } from 'react';
import type { AdapterError } from '../../adapter/errors.js';
import { describeAdapterError } from '../../i18n/translate.js';
import { useAccountSettings } from '../../provider/context.js';
import type { User } from '../../schemas/user.js';
import { rootClassName, type RootElementProps } from './root-props.js';
import type { ContactsSectionState } from './use-contacts-section.js';

/** Everything the frame reads; the form itself stays with the section. */
type SectionFrameState = Omit<ContactsSectionState, 'form'>;

export interface SectionFrameProps {
  state: SectionFrameState;
  /** The host's `id`, `style`, `aria-*`, `data-*` and class for the root `<section>`. */
  rootProps: RootElementProps;
  rootRef: Ref<HTMLElement>;
  title: string;
  description: string;
  headingLevel?: 2 | 3 | 4;
  /** Rows shown as skeletons while loading. */
  skeletonRows?: number;
  className: string;
  children: ReactNode;
  /** Extra content beside Save/Cancel (e.g. "Add another"). */
  actions?: ReactNode;
  /** Explain a permission-based read-only state here. Off when the screen explains it once. */
  readOnlyNotice?: boolean | undefined;
}

/**
 * The card every contacts section shares: heading and help text, loading / error / read-only /
 * conflict notices, the form, and Save / Cancel with an announced result.
 */
export function SectionFrame({
  state,
  title,
  description,
  headingLevel = 3,
  skeletonRows = 1,
  className,
  rootProps: { className: hostClassName, ...rootProps },
  rootRef,
  children,
  actions,
  readOnlyNotice = true,
}: SectionFrameProps) {
  const { t } = useAccountSettings();
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement | null>(null);
  // Notices disappear once acted on; focus goes to the section instead of being lost.
  const thenFocusSection = (action: () => void) => () => {
    action();
    heading.current?.focus();
  };
  const Heading = `h${headingLevel}` as const;
  const editable = state.status === 'editing' || state.status === 'conflict';

  return (
    <section
      aria-labelledby={titleId}
      {...rootProps}
      ref={rootRef}
      className={rootClassName(`abk-section ${className}`, hostClassName)}
      aria-busy={state.status === 'loading' || undefined}
      data-status={state.status}
      data-dirty={state.isDirty ? '' : undefined}
      data-readonly={state.readOnly ? '' : undefined}
    >
      <header className="abk-section__header">
        <Heading id={titleId} ref={heading} tabIndex={-1} className="abk-section__title">
          {title}
        </Heading>
        <p className="abk-section__description">{description}</p>
      </header>

      {state.status === 'loading' && (
        <div className="abk-section__skeleton" role="status">
          <span className="abk-visually-hidden">{t('common.loading')}</span>
          {Array.from({ length: skeletonRows }, (_, index) => (
            <span key={index} className="abk-skeleton" aria-hidden="true" />
          ))}
        </div>
      )}

      {state.status === 'load-error' && (
        <div className="abk-notice" data-tone="danger" role="alert">
          <p>
            <strong>{t('errors.loadFailed')}</strong>{' '}
            {state.loadError ? describeAdapterError(t, state.loadError) : null}
          </p>
          <div className="abk-notice__actions">
            <button type="button" className="abk-button" onClick={thenFocusSection(state.retryLoad)}>
              {t('common.retry')}
            </button>
          </div>
        </div>
      )}

      {editable && state.readOnly && (readOnlyNotice || state.readOnlyReason === 'forbidden') && (
        <ReadOnlyNotice administrators={state.administrators} />
      )}

      {state.conflict && (
        <ConflictNotice
          onReload={thenFocusSection(state.reloadTheirs)}
          onApplyMine={thenFocusSection(state.applyMine)}
          updatedBy={state.conflict.updatedBy}
        />
      )}

      {state.saveError && (
        <SaveErrorNotice error={state.saveError} onRetry={thenFocusSection(state.retrySave)} />
      )}

      {editable && (
        <form
          className="abk-section__form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            // Enter in a field submits the form too; only a savable form is saved.
            if (state.canSave) state.submit();
          }}
        >
          {children}
          {!state.readOnly && (
            <div className="abk-section__footer">
              {actions}
              <div className="abk-section__buttons">
                <p className="abk-section__status" role="status">
                  {state.saving ? t('common.saving') : state.justSaved ? t('common.saved') : ''}
                </p>
                <button
                  type="button"
                  className="abk-button"
                  data-variant="ghost"
                  onClick={state.cancel}
                  disabled={!state.isDirty || state.saving}
                >
                  {t('common.cancel')}
                </button>
                <button
                  type="submit"
                  className="abk-button"
                  data-variant="primary"
                  aria-disabled={!state.canSave || undefined}
                  onClick={(event) => {
                    // aria-disabled keeps the button focusable and discoverable; the click is refused.
                    if (!state.canSave) event.preventDefault();
                  }}
                >
                  {state.saving ? t('common.saving') : t('common.save')}
                </button>
              </div>
            </div>
          )}
        </form>
      )}
    </section>
  );
}

/** Tells a viewer who may not change the contacts whom to ask, naming the administrators. */
export function ReadOnlyNotice({ administrators }: { administrators: User[] }) {
  const { t, format } = useAccountSettings();
  return (
    <p className="abk-notice" data-tone="info">
      {administrators.length === 0
        ? t('common.readOnlyNoAdministrators')
        : t('common.readOnlyExplanation', {
            administrators: format.list(administrators.map((user) => user.displayName)),
          })}
    </p>
  );
}

function ConflictNotice({
  updatedBy: name,
  onReload,
  onApplyMine,
}: {
  updatedBy: string | null;
  onReload: () => void;
  onApplyMine: () => void;
}) {
  const { t } = useAccountSettings();
  return (
    <div className="abk-notice" data-tone="warning" role="alert">
      <p>
        <strong>{t('companyInformation.conflictTitle')}</strong>
      </p>
      <p>
        {name
          ? t('companyInformation.conflictBody', { name })
          : t('companyInformation.conflictBodyAnonymous')}
      </p>
      <div className="abk-notice__actions">
        <button type="button" className="abk-button" onClick={onReload}>
          {t('companyInformation.conflictReload')}
        </button>
        <button type="button" className="abk-button" data-variant="primary" onClick={onApplyMine}>
          {t('companyInformation.conflictApplyMine')}
        </button>
      </div>
    </div>
  );
}

function SaveErrorNotice({ error, onRetry }: { error: AdapterError; onRetry: () => void }) {
  const { t } = useAccountSettings();
  return (
    <div className="abk-notice" data-tone="danger" role="alert">
      <p>{describeAdapterError(t, error)}</p>
      {error.code !== 'forbidden' && (
        <div className="abk-notice__actions">
          <button type="button" className="abk-button" onClick={onRetry}>
            {t('common.retry')}
          </button>
        </div>
      )}
    </div>
  );
}
