import { forwardRef, useCallback, useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useAccountSettings } from '../../provider/context.js';
import { accountQueryOptions } from '../../queries/index.js';
import type { ContactsSection } from '../../schemas/contacts.js';
import { Heading, HeadingLevelProvider, ScreenErrorBoundary, SubheadingScope } from '../../ui/index.js';
import { rootClassName, type RootElementProps } from './root-props.js';
import { ReadOnlyNotice } from './SectionFrame.js';
import { BillingContactsList, PrimaryContactSection, RoleContactsTable } from './sections.js';

/**
 * Props of `CompanyInformation`. The ref, `id`, `style`, `className`, `aria-*` and `data-*` go
 * to the root `<div class="abk-company-information">`, which shows its state to CSS with:
 *
 * - `data-dirty`: present while any section has unsaved edits;
 * - `data-readonly`: present while the viewer may not change the contacts;
 * - `data-state="error"`: the screen failed to render; a message with "Try again" stands in.
 *
 * Each section inside is a `ContactsSectionProps` root with its own `data-status`,
 * `data-dirty` and `data-readonly`.
 */
export interface CompanyInformationProps extends RootElementProps {
  /** Called when any section gains or loses unsaved edits, e.g. to guard the host's router. */
  onDirtyChange?: (dirty: boolean) => void;
  /** Ask the browser to confirm leaving the page while edits are unsaved. Default true. */
  warnBeforeUnload?: boolean;
  /**
   * Heading level of the screen title; sections use the next level. Default: the level of the
   * surrounding `HeadingLevelProvider`, 2 without one.
   */
  headingLevel?: 2 | 3;
}

/**
 * The "Company information" screen: primary account contact, billing contacts and other
 * (role-specific) contacts, each saved on its own.
 *
 * @example
 * <AccountSettingsProvider adapter={adapter} locale="de" locales={{ de }}>
 *   <CompanyInformation onDirtyChange={(dirty) => router.setBlocker(dirty)} />
 * </AccountSettingsProvider>
 */
export const CompanyInformation = forwardRef<HTMLDivElement, CompanyInformationProps>(
  function CompanyInformation(props, ref) {
    const { headingLevel, className, id, style } = props;
    return (
      <ScreenErrorBoundary
        screen="CompanyInformation"
        renderFallback={(message) => {
          const fallback = (
            <div
              ref={ref}
              id={id}
              style={style}
              className={rootClassName('abk-company-information', className)}
              data-state="error"
            >
              <CompanyInformationTitle />
              {message}
            </div>
          );
          return headingLevel ? (
            <HeadingLevelProvider level={headingLevel}>{fallback}</HeadingLevelProvider>
          ) : (
            fallback
          );
        }}
      >
        <CompanyInformationScreen {...props} ref={ref} />
      </ScreenErrorBoundary>
    );
  },
);

function CompanyInformationTitle() {
  const { t } = useAccountSettings();
  return <Heading className="abk-company-information__title">{t('companyInformation.title')}</Heading>;
}

const CompanyInformationScreen = forwardRef<HTMLDivElement, CompanyInformationProps>(
  function CompanyInformationScreen(
    { onDirtyChange, warnBeforeUnload = true, headingLevel, className, ...rootProps },
    ref,
  ) {
    const settings = useAccountSettings();
    const { t } = settings;
    const account = useQuery(accountQueryOptions(settings));
    // Viewers who may not manage contacts are told once, not in every section.
    const readOnly = account.data ? !account.data.viewer.permissions.manageContacts : false;
    const [dirtySections, setDirtySections] = useState<ReadonlySet<ContactsSection>>(new Set());
    const dirty = dirtySections.size > 0;

    const track = useCallback(
      (section: ContactsSection) => (sectionDirty: boolean) =>
        setDirtySections((current) => {
          if (current.has(section) === sectionDirty) return current;
          const next = new Set(current);
          if (sectionDirty) next.add(section);
          else next.delete(section);
          return next;
        }),
      [],
    );
    const [onPrimaryDirty] = useState(() => track('primary'));
    const [onBillingDirty] = useState(() => track('billing'));
    const [onRolesDirty] = useState(() => track('roles'));

    useEffect(() => {
      onDirtyChange?.(dirty);
    }, [dirty, onDirtyChange]);

    useUnsavedChangesWarning(warnBeforeUnload && dirty);

    const screen = (
      <div
        {...rootProps}
        ref={ref}
        className={rootClassName('abk-company-information', className)}
        data-dirty={dirty ? '' : undefined}
        data-readonly={readOnly ? '' : undefined}
      >
        <header className="abk-company-information__header">
          <Heading className="abk-company-information__title">{t('companyInformation.title')}</Heading>
          <p className="abk-company-information__intro">{t('companyInformation.intro')}</p>
        </header>
        {readOnly && account.data && <ReadOnlyNotice administrators={account.data.administrators} />}
        <SubheadingScope>
          <PrimaryContactSection onDirtyChange={onPrimaryDirty} readOnlyNotice={!readOnly} />
          <BillingContactsList onDirtyChange={onBillingDirty} readOnlyNotice={!readOnly} />
          <RoleContactsTable onDirtyChange={onRolesDirty} readOnlyNotice={!readOnly} />
        </SubheadingScope>
      </div>
    );
    // Without a level of its own, the title takes the surrounding one (`HeadingLevelProvider`).
    return headingLevel ? <HeadingLevelProvider level={headingLevel}>{screen}</HeadingLevelProvider> : screen;
  },
);

/** Asks the browser to confirm before the page unloads while `active`. */
export function useUnsavedChangesWarning(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    function onBeforeUnload(event: BeforeUnloadEvent) {
      event.preventDefault();
    }
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [active]);
}
