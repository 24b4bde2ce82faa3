import { joinClassNames } from '../../lib/dom-props.js';
import { useId, useRef, type ReactNode, type Ref } from 'react';
import { useAccountSettings } from '../../provider/context.js';
import type { User } from '../../schemas/user.js';
import { ErrorNotice, Heading, HeadingLevelProvider, LoadingState, Notice } from '../../ui/index.js';
import { type RootElementProps } from '../../ui/index.js';
import type { ContactsSectionState } from './use-contacts-section.js';

/** Everything the frame reads; the form itself stays with the section. */
type SectionFrameState = Omit<ContactsSectionState, 'control' | 'focusField'>;

export interface SectionFrameProps {
  state: SectionFrameState;
  /** The host's `id`, `style`, `aria-*`, `data-*` and class for the root `<section>`. */
  rootProps: RootElementProps;
  rootRef: Ref<HTMLElement>;
  title: string;
  description: string;
  /** The title's level; without it, the level of the surrounding `HeadingLevelProvider`. */
  headingLevel?: 2 | 3 | 4 | undefined;
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
  headingLevel,
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
  const editable = state.status === 'editing' || state.status === 'conflict';

  const section = (
    <section
      aria-labelledby={titleId}
      {...rootProps}
      ref={rootRef}
      className={joinClassNames(`abk-section ${className}`, hostClassName)}
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

      {state.status === 'loading' && <LoadingState rows={skeletonRows} />}

      {state.status === 'load-error' && state.loadError && (
        <ErrorNotice
          error={state.loadError}
          title={t('errors.loadFailed')}
          onRetry={thenFocusSection(state.retryLoad)}
        />
      )}

      {editable && state.readOnly && (readOnlyNotice || state.readOnlyReason === 'forbidden') && (
        <ReadOnlyNotice administrators={state.administrators} />
      )}

      {state.conflict && (
        <Notice
          tone="warning"
          title={t('companyInformation.conflictTitle')}
          actions={
            <>
              <button type="button" className="abk-button" onClick={thenFocusSection(state.reloadTheirs)}>
                {t('companyInformation.conflictReload')}
              </button>
              <button
                type="button"
                className="abk-button"
                data-variant="primary"
                onClick={thenFocusSection(state.applyMine)}
              >
                {t('companyInformation.conflictApplyMine')}
              </button>
            </>
          }
        >
          {state.conflict.updatedBy
            ? t('companyInformation.conflictBody', { name: state.conflict.updatedBy })
            : t('companyInformation.conflictBodyAnonymous')}
        </Notice>
      )}

      {state.saveError && <ErrorNotice error={state.saveError} onRetry={thenFocusSection(state.retrySave)} />}

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

  // Without a level of its own, the title takes the surrounding one (`HeadingLevelProvider`).
  return headingLevel ? <HeadingLevelProvider level={headingLevel}>{section}</HeadingLevelProvider> : section;
}

/** Tells a viewer who may not change the contacts whom to ask, naming the administrators. */
export function ReadOnlyNotice({ administrators }: { administrators: User[] }) {
  const { t, format } = useAccountSettings();
  return (
    <Notice tone="info">
      {administrators.length === 0
        ? t('common.readOnlyNoAdministrators')
        : t('common.readOnlyExplanation', {
            administrators: format.list(administrators.map((user) => user.displayName)),
          })}
    </Notice>
  );
}
