import { useCallback, useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useAccountSettings } from '../../provider/context.js';
import { accountQueryOptions } from '../../queries/index.js';
import { readOnlyExplanation } from './SectionFrame.js';
import { BillingContactsList, PrimaryContactSection, RoleContactsTable } from './sections.js';

export interface CompanyInformationProps {
  /** Called when any section gains or loses unsaved edits, e.g. to guard the host's router. */
  onDirtyChange?: (dirty: boolean) => void;
  /** Ask the browser to confirm leaving the page while edits are unsaved. Default true. */
  warnBeforeUnload?: boolean;
  /** Heading level of the screen title; sections use the next level. Default 2. */
  headingLevel?: 2 | 3;
  className?: string;
}

type SectionName = 'primary' | 'billing' | 'roles';

/**
 * The "Company information" screen: primary account contact, billing contacts and other
 * (role-specific) contacts, each saved on its own.
 *
 * @example
 * <AccountSettingsProvider adapter={adapter} locale="de" locales={{ de }}>
 *   <CompanyInformation onDirtyChange={(dirty) => router.setBlocker(dirty)} />
 * </AccountSettingsProvider>
 */
export function CompanyInformation({
  onDirtyChange,
  warnBeforeUnload = true,
  headingLevel = 2,
  className,
}: CompanyInformationProps) {
  const settings = useAccountSettings();
  const { t } = settings;
  const account = useQuery(accountQueryOptions(settings));
  // Viewers who may not manage contacts are told once, not in every section.
  const readOnly = account.data ? !account.data.viewer.permissions.manageContacts : false;
  const [dirtySections, setDirtySections] = useState<ReadonlySet<SectionName>>(new Set());
  const dirty = dirtySections.size > 0;
  const Heading = `h${headingLevel}` as const;
  const sectionLevel = (headingLevel + 1) as 3 | 4;

  const track = useCallback(
    (section: SectionName) => (sectionDirty: boolean) =>
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

  return (
    <div
      className={className ? `abk-company-information ${className}` : 'abk-company-information'}
      data-dirty={dirty ? '' : undefined}
    >
      <header className="abk-company-information__header">
        <Heading className="abk-company-information__title">{t('companyInformation.title')}</Heading>
        <p className="abk-company-information__intro">{t('companyInformation.intro')}</p>
      </header>
      {readOnly && account.data && (
        <p className="abk-notice" data-tone="info">
          {readOnlyExplanation(t, account.data.administrators)}
        </p>
      )}
      <PrimaryContactSection
        headingLevel={sectionLevel}
        onDirtyChange={onPrimaryDirty}
        readOnlyNotice={!readOnly}
      />
      <BillingContactsList
        headingLevel={sectionLevel}
        onDirtyChange={onBillingDirty}
        readOnlyNotice={!readOnly}
      />
      <RoleContactsTable
        headingLevel={sectionLevel}
        onDirtyChange={onRolesDirty}
        readOnlyNotice={!readOnly}
      />
    </div>
  );
}

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
