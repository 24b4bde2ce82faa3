import { joinClassNames } from '../../lib/dom-props.js';
import { forwardRef, useCallback, useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useAccountSettings } from '../../provider/context.js';
import { toAdapterError } from '../../adapter/errors.js';
import {
  accountQueryOptions,
  contactsQueryOptions,
  roleDefinitionsQueryOptions,
} from '../../queries/index.js';
import type { ContactsSection } from '../../schemas/contacts.js';
import {
  ErrorNotice,
  Heading,
  HeadingLevelProvider,
  Notice,
  ScreenErrorBoundary,
  SubheadingScope,
  type RootElementProps,
} from '../../ui/index.js';
import { ReadOnlyNotice } from './SectionFrame.js';
import { SectionRegistryContext, type SectionActions } from './section-registry.js';
import { BillingContactsList, PrimaryContactSection, RoleContactsTable } from './sections.js';

/** The sections in the order they appear, which is the order "Save all" saves them in. */
const SECTION_ORDER: ContactsSection[] = ['primary', 'billing', 'roles'];

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
              className={joinClassNames('abk-company-information', className)}
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
    const contacts = useQuery(contactsQueryOptions(settings));
    const roles = useQuery(roleDefinitionsQueryOptions(settings));
    // Unknown permissions mean read-only. Viewers who may not manage contacts are told once,
    // not in every section.
    const readOnly = account.data?.viewer.permissions.manageContacts !== true;
    const notAllowed = account.data ? !account.data.viewer.permissions.manageContacts : false;
    // A failed read is reported once for the screen, with one retry for all of it; the
    // sections share these queries, so they come back with it.
    const failed = [account, contacts, roles].filter((query) => query.isError && query.data === undefined);
    const loadError = failed[0]?.error;
    const retryLoad = () => {
      for (const query of failed) void query.refetch();
    };
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

    // The sections register their save and discard, so the screen can act on all of them.
    const [registry] = useState(() => {
      const sections = new Map<ContactsSection, SectionActions>();
      return {
        sections,
        register(section: ContactsSection, actions: SectionActions) {
          sections.set(section, actions);
          return () => {
            if (sections.get(section) === actions) sections.delete(section);
          };
        },
      };
    });
    const [savingAll, setSavingAll] = useState(false);
    const editedInOrder = SECTION_ORDER.filter((section) => dirtySections.has(section));
    const saveAll = async () => {
      if (savingAll) return;
      setSavingAll(true);
      try {
        // One after another: each save then starts from the version the previous one made, so
        // our own saves never conflict with each other.
        for (const section of editedInOrder) await registry.sections.get(section)?.save();
      } finally {
        setSavingAll(false);
      }
    };
    const discardAll = () => {
      for (const section of editedInOrder) registry.sections.get(section)?.discard();
    };

    const screen = (
      <div
        {...rootProps}
        ref={ref}
        className={joinClassNames('abk-company-information', className)}
        data-dirty={dirty ? '' : undefined}
        data-readonly={readOnly ? '' : undefined}
      >
        <header className="abk-company-information__header">
          <Heading className="abk-company-information__title">{t('companyInformation.title')}</Heading>
          <p className="abk-company-information__intro">{t('companyInformation.intro')}</p>
        </header>
        {loadError && (
          <ErrorNotice error={toAdapterError(loadError)} title={t('errors.loadFailed')} onRetry={retryLoad} />
        )}
        {notAllowed && account.data && (
          <ReadOnlyNotice
            administrators={account.data.administrators.filter(
              (user) => user.id !== account.data.viewer.user.id,
            )}
          />
        )}
        {editedInOrder.length > 1 && !readOnly && (
          <Notice
            tone="info"
            live="status"
            className="abk-company-information__unsaved"
            actions={
              <>
                <button
                  type="button"
                  className="abk-button"
                  data-variant="ghost"
                  onClick={discardAll}
                  disabled={savingAll}
                >
                  {t('companyInformation.discardAll')}
                </button>
                <button
                  type="button"
                  className="abk-button"
                  data-variant="primary"
                  aria-disabled={savingAll || undefined}
                  onClick={() => void saveAll()}
                >
                  {savingAll ? t('common.saving') : t('companyInformation.saveAll')}
                </button>
              </>
            }
          >
            {t('companyInformation.unsavedSections', { count: editedInOrder.length })}
          </Notice>
        )}
        <SectionRegistryContext.Provider value={registry}>
          <SubheadingScope>
            <PrimaryContactSection
              onDirtyChange={onPrimaryDirty}
              readOnlyNotice={!notAllowed}
              loadErrorNotice={false}
            />
            <BillingContactsList
              onDirtyChange={onBillingDirty}
              readOnlyNotice={!notAllowed}
              loadErrorNotice={false}
            />
            <RoleContactsTable
              onDirtyChange={onRolesDirty}
              readOnlyNotice={!notAllowed}
              loadErrorNotice={false}
            />
          </SubheadingScope>
        </SectionRegistryContext.Provider>
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
