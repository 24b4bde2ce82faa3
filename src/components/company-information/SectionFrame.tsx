import { addEnglish } from '../../i18n/english.js';
import { joinClassNames } from '../../lib/dom-props.js';
import { useId, useRef, type ReactNode, type Ref } from 'react';
import { useAccountSettings } from '../../provider/context.js';
import type { ContactsChange } from '../../schemas/contacts.js';
import type { User } from '../../schemas/user.js';
import {
  ErrorNotice,
  Heading,
  HeadingLevelProvider,
  IsolatedMessage,
  LoadingState,
  Notice,
} from '../../ui/index.js';
import { type RootElementProps } from '../../ui/index.js';
import { billingContactsEn, companyInformationEn, primaryContactEn, roleContactsEn } from './messages.en.js';
import type { ContactsSectionState } from './use-contacts-section.js';

// The screen's English strings load with the screen (every section is drawn in a frame), so a
// page with only the contact picker does not carry them.
addEnglish({
  companyInformation: companyInformationEn,
  primaryContact: primaryContactEn,
  billingContacts: billingContactsEn,
  roleContacts: roleContactsEn,
});

/** Everything the frame reads; the form itself stays with the section. */
type SectionFrameState = Omit<ContactsSectionState, 'field' | 'focusField'>;

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
  /** Report a failed load here, with a retry. Off when the screen reports it once. */
  loadErrorNotice?: boolean | undefined;
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
  loadErrorNotice = true,
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
  // Edited, and nothing else in the way (a save on its way, a conflict to decide, no rights).
  const submittable = state.isDirty && !state.saving && !state.readOnly && !state.conflict;

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
        {state.lastChange && <LastChange change={state.lastChange} />}
      </header>

      {state.status === 'loading' && <LoadingState rows={skeletonRows} />}

      {state.status === 'load-error' && state.loadError && loadErrorNotice && (
        <ErrorNotice
          error={state.loadError}
          title={t('errors.loadFailed')}
          onRetry={thenFocusSection(state.retryLoad)}
        />
      )}

      {editable &&
        state.readOnly &&
        (state.readOnlyReason === 'forbidden' ||
          (readOnlyNotice && state.readOnlyReason === 'permission')) && (
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
          <p>
            {state.conflict.updatedBy ? (
              <IsolatedMessage
                id="companyInformation.conflictBody"
                values={{ name: state.conflict.updatedBy }}
              />
            ) : (
              t('companyInformation.conflictBodyAnonymous')
            )}
          </p>
        </Notice>
      )}

      {state.saveError && (
        <ErrorNotice error={state.saveError} onRetry={thenFocusSection(() => void state.retrySave())} />
      )}

      {editable && (
        <form
          className="abk-section__form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            // Enter in a field submits the form too. An edited form is always checked, so an
            // invalid value gets its message next to the field; only a valid one is sent.
            if (submittable) void state.submit();
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
                    // aria-disabled keeps the button focusable and discoverable; the click is
                    // refused, except that an edited but invalid form says what is wrong.
                    if (!submittable) event.preventDefault();
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
  const { t } = useAccountSettings();
  return (
    <Notice tone="info">
      <p>
        {administrators.length === 0 ? (
          t('common.readOnlyNoAdministrators')
        ) : (
          <IsolatedMessage
            id="common.readOnlyExplanation"
            values={{ administrators: administrators.map((user) => user.displayName) }}
          />
        )}
      </p>
    </Notice>
  );
}

/** "Last changed by {name} on {date}.": the seeds ask admins to keep contacts up to date. */
function LastChange({ change }: { change: ContactsChange }) {
  const { t, format } = useAccountSettings();
  const date = format.date(change.updatedAt);
  return (
    <p className="abk-section__last-change">
      {change.updatedBy ? (
        <IsolatedMessage id="companyInformation.lastChangedBy" values={{ name: change.updatedBy, date }} />
      ) : (
        t('companyInformation.lastChangedOn', { date })
      )}
    </p>
  );
}
