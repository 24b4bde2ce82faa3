import { forwardRef, useEffect, useId, useMemo, useRef } from 'react';
import { isolate, type Translate } from '../../i18n/translate.js';
import { useAccountSettings } from '../../provider/context.js';
import { isBuiltInRoleId, type RoleDefinition } from '../../schemas/contacts.js';
import { Icon } from '../../ui/index.js';
import { ContactPicker } from '../contact-picker/ContactPicker.js';
import {
  useBillingContacts,
  usePrimaryContact,
  useRoleContacts,
  type ContactsSectionOptions,
} from './hooks.js';
import { useRegisterSection } from './section-registry.js';
import type { RootElementProps } from '../../ui/index.js';
import { SectionFrame } from './SectionFrame.js';

/**
 * Props of `PrimaryContactSection`, `BillingContactsList` and `RoleContactsTable`. The ref,
 * `id`, `style`, `className`, `aria-*` and `data-*` go to the root `<section>` (a region named
 * by its heading), which shows its state to CSS with these attributes:
 *
 * - `data-status`: `loading` | `load-error` | `editing` | `conflict` (see `SectionStatus`);
 * - `data-dirty`: present while the section has unsaved edits;
 * - `data-readonly`: present while the viewer may not change the contacts (no permission, or a
 *   save was refused);
 * - `aria-busy="true"` while loading.
 *
 * Classes: `abk-section` and one of `abk-primary-contact`, `abk-billing-contacts`,
 * `abk-role-contacts`.
 */
export interface ContactsSectionProps extends ContactsSectionOptions, RootElementProps {
  /**
   * Heading level of the section title, to fit the host page's outline. Default: the level of
   * the surrounding `HeadingLevelProvider` (one below the title inside `CompanyInformation`),
   * 2 without one.
   */
  headingLevel?: 2 | 3 | 4;
  /** Explain to read-only viewers who can make changes. Default true; `CompanyInformation` says it once instead. */
  readOnlyNotice?: boolean;
  /** Report a failed load with a retry. Default true; `CompanyInformation` says it once instead. */
  loadErrorNotice?: boolean;
}

/**
 * The primary account contact: the one user who works with the account every day and
 * receives all important account notifications.
 *
 * @example
 * <PrimaryContactSection onDirtyChange={setUnsaved} />
 */
export const PrimaryContactSection = forwardRef<HTMLElement, ContactsSectionProps>(
  function PrimaryContactSection(
    { headingLevel, readOnlyNotice, loadErrorNotice, onDirtyChange, ...rootProps },
    ref,
  ) {
    const { t } = useAccountSettings();
    const state = usePrimaryContact({ onDirtyChange });
    useRegisterSection('primary', { save: state.submit, discard: state.cancel });
    return (
      <SectionFrame
        rootProps={rootProps}
        rootRef={ref}
        state={state}
        title={t('primaryContact.title')}
        description={t('primaryContact.description')}
        headingLevel={headingLevel}
        readOnlyNotice={readOnlyNotice}
        loadErrorNotice={loadErrorNotice}
        className="abk-primary-contact"
      >
        <ContactPicker
          {...state.field('primaryContact')}
          label={t('primaryContact.label')}
          hideLabel
          readOnly={state.readOnly}
          placeholder={
            state.readOnly && !state.contacts?.primaryContact ? t('primaryContact.empty') : undefined
          }
        />
      </SectionFrame>
    );
  },
);

/**
 * Billing contacts: up to three distinct users who receive invoices, receipts, orders and
 * renewal notices. "Add another" adds a row; at three it is disabled and says why.
 *
 * @example
 * <BillingContactsList headingLevel={2} />
 */
export const BillingContactsList = forwardRef<HTMLElement, ContactsSectionProps>(function BillingContactsList(
  { headingLevel, readOnlyNotice, loadErrorNotice, onDirtyChange, ...rootProps },
  ref,
) {
  const { t } = useAccountSettings();
  const state = useBillingContacts({ onDirtyChange });
  useRegisterSection('billing', { save: state.submit, discard: state.cancel });
  const limitId = useId();
  // Chosen in another row: not offered again, and named when a search finds only them.
  const alreadyChosen = useMemo(
    () =>
      state.chosenUsers.map((user) => ({
        user,
        reason: t('billingContacts.alreadyBillingContact', { name: isolate(user.displayName) }),
      })),
    [state.chosenUsers, t],
  );
  const addButton = useRef<HTMLButtonElement | null>(null);
  // After a row is removed its button is gone: focus the row that took its place, else the
  // one before, else "Add another".
  const focusAfterRemoval = useRef<number | null>(null);
  const { focusField } = state;
  const rowCount = state.rows.length;
  useEffect(() => {
    const removed = focusAfterRemoval.current;
    if (removed === null) return;
    focusAfterRemoval.current = null;
    const target = Math.min(removed, rowCount - 1);
    if (target >= 0) focusField(`billingContacts.${target}.contact`);
    else addButton.current?.focus();
  }, [rowCount, focusField]);
  return (
    <SectionFrame
      rootProps={rootProps}
      rootRef={ref}
      state={state}
      title={t('billingContacts.title')}
      description={t('billingContacts.description')}
      headingLevel={headingLevel}
      readOnlyNotice={readOnlyNotice}
      loadErrorNotice={loadErrorNotice}
      skeletonRows={2}
      className="abk-billing-contacts"
      actions={
        <div className="abk-billing-contacts__add">
          <button
            ref={addButton}
            type="button"
            className="abk-button"
            onClick={() => {
              if (state.canAdd) state.addRow();
            }}
            aria-disabled={!state.canAdd || undefined}
            aria-describedby={state.limitReached ? limitId : undefined}
          >
            <span aria-hidden="true">+</span> {t('billingContacts.addAnother')}
          </button>
          {state.limitReached && (
            <p id={limitId} className="abk-billing-contacts__limit">
              {t('billingContacts.limitReached')}
            </p>
          )}
        </div>
      }
    >
      {state.rows.length === 0 ? (
        <p className="abk-section__empty">{t('billingContacts.empty')}</p>
      ) : (
        <ol className="abk-billing-contacts__rows">
          {state.rows.map((row, index) => (
            <li key={row.id} className="abk-billing-contacts__row">
              <ContactPicker
                {...state.field(`billingContacts.${index}.contact`)}
                label={t('billingContacts.contactLabel', { number: index + 1 })}
                unavailable={alreadyChosen}
                readOnly={state.readOnly}
              />
              {!state.readOnly && (
                <button
                  type="button"
                  className="abk-button abk-billing-contacts__remove"
                  data-variant="ghost"
                  aria-label={t('billingContacts.remove', { number: index + 1 })}
                  onClick={() => {
                    state.removeRow(index);
                    focusAfterRemoval.current = index;
                  }}
                >
                  <Icon name="remove" />
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      <p className="abk-billing-contacts__count">
        {t('billingContacts.count', { count: state.rows.length, max: state.max })}
      </p>
    </SectionFrame>
  );
});

/**
 * Role-specific points of contact: one row per role (decision maker, onboarding, security,
 * technical administrator, and any host-defined roles). The security contact may be an
 * external email address. On narrow screens the table reads as a list.
 *
 * @example
 * <RoleContactsTable />
 */
export const RoleContactsTable = forwardRef<HTMLElement, ContactsSectionProps>(function RoleContactsTable(
  { headingLevel, readOnlyNotice, loadErrorNotice, onDirtyChange, ...rootProps },
  ref,
) {
  const { t } = useAccountSettings();
  const state = useRoleContacts({ onDirtyChange });
  useRegisterSection('roles', { save: state.submit, discard: state.cancel });
  return (
    <SectionFrame
      rootProps={rootProps}
      rootRef={ref}
      state={state}
      title={t('roleContacts.title')}
      description={t('roleContacts.description')}
      headingLevel={headingLevel}
      readOnlyNotice={readOnlyNotice}
      loadErrorNotice={loadErrorNotice}
      skeletonRows={4}
      className="abk-role-contacts"
    >
      {/* Explicit roles keep table semantics when narrow layouts change `display`. */}
      <table className="abk-role-contacts__table" role="table">
        <thead role="rowgroup">
          <tr role="row">
            <th role="columnheader" scope="col">
              {t('roleContacts.roleColumn')}
            </th>
            <th role="columnheader" scope="col">
              {t('roleContacts.contactColumn')}
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {state.roles.map((role) => {
            const { label, purpose } = roleText(t, role);
            return (
              <tr key={role.id} role="row" className="abk-role-contacts__row" data-role={role.id}>
                <th role="rowheader" scope="row" className="abk-role-contacts__role">
                  <span className="abk-role-contacts__role-name">{label}</span>
                  {purpose && <span className="abk-role-contacts__role-purpose">{purpose}</span>}
                </th>
                <td role="cell" className="abk-role-contacts__contact">
                  <ContactPicker
                    {...state.field(`roles.${role.id}`)}
                    label={label}
                    hideLabel
                    allowExternalEmail={role.acceptsExternalEmail}
                    description={
                      role.acceptsExternalEmail && !state.readOnly
                        ? t('roleContacts.externalEmailAllowed')
                        : undefined
                    }
                    readOnly={state.readOnly}
                    placeholder={
                      state.readOnly && !state.contacts?.roleContacts[role.id]
                        ? t('roleContacts.unassigned')
                        : undefined
                    }
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </SectionFrame>
  );
});

/** A role's name and purpose: its own where the host gave them, else the catalog's for built-in roles. */
function roleText(t: Translate, role: RoleDefinition): { label: string; purpose: string } {
  const builtIn = isBuiltInRoleId(role.id) ? role.id : null;
  return {
    label: role.label ?? (builtIn ? t(`roleContacts.roles.${builtIn}.label`) : role.id),
    purpose: role.description ?? (builtIn ? t(`roleContacts.roles.${builtIn}.description`) : ''),
  };
}
