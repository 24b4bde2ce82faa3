import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type * as z from 'zod/mini';
import { isAmbiguousError, toAdapterError, type AdapterError } from '../../adapter/errors.js';
import { translateValidation } from '../../i18n/translate.js';
import { sameValues, useForm, type FieldPath, type Form } from '../../lib/form/use-form.js';
import { useAccountSettings } from '../../provider/context.js';
import {
  accountKeys,
  accountQueryOptions,
  contactsQueryOptions,
  updateContactsMutationOptions,
} from '../../queries/index.js';
import { accountContactsSchema, type AccountContacts, type ContactsChange } from '../../schemas/contacts.js';
import type { User } from '../../schemas/user.js';
import type { ContactPickerValue } from '../contact-picker/use-contact-picker.js';
import {
  isUpdateApplied,
  type ContactsFormSchema,
  type ContactsFormValues,
  type ContactsSectionConfig,
} from './form-schemas.js';

export type { ContactsSection } from '../../schemas/contacts.js';

/**
 * Where a section stands:
 * - `loading` / `load-error`: the contacts are not there yet, or could not be read;
 * - `editing`: the normal state (read-only viewers included, see `readOnly`);
 * - `conflict`: someone else saved first; `conflict` holds what they saved.
 */
export type SectionStatus = 'loading' | 'load-error' | 'editing' | 'conflict';

/**
 * Props that bind a `ContactPicker` to one field of a contacts section: spread them on the
 * picker and add its label. The error message is already translated.
 *
 * @example
 * <ContactPicker {...section.field('primaryContact')} label="Primary account contact" />
 */
export interface ContactPickerBinding {
  /** The field's name, also submitted by the picker's hidden input. */
  name: string;
  /** Who the field holds now: a user, an email address (where the role takes one), or nobody. */
  value: ContactPickerValue | null;
  /** Takes the picker's choice into the section's form, validating it as the section does. */
  onValueChange: (value: ContactPickerValue | null) => void;
  onBlur: () => void;
  /** The picker's text input, which takes focus for the field (`focusField`, a failed save). */
  inputRef: (element: HTMLInputElement | null) => void;
  /** The field has an error: the schema's or the server's. */
  invalid: boolean;
  /** The error, translated in the current locale; `undefined` when there is none. */
  errorMessage: string | undefined;
}

/**
 * What a contacts section hook returns: its fields, where it stands, and every way out of a
 * failed or conflicting save. `TValues` is what the section's form holds.
 */
export interface ContactsSectionState<TValues extends object = Record<string, unknown>> {
  /**
   * Props for a `ContactPicker` that edits one of the section's fields: its value, changes,
   * error and focus. A headless host binds its own layout with it.
   *
   * @example
   * const primary = usePrimaryContact();
   * <ContactPicker {...primary.field('primaryContact')} label="Primary account contact" />
   */
  field: (name: FieldPath<TValues>) => ContactPickerBinding;
  /**
   * Moves focus to a field, e.g. to the row that took the place of a removed one.
   *
   * @example
   * billing.focusField('billingContacts.0.contact');
   */
  focusField: (name: FieldPath<TValues>) => void;
  /** The stored contacts, once loaded. */
  contacts: AccountContacts | undefined;
  /**
   * When this section last changed, and who changed it: the section's own entry when the adapter
   * reports one per section, else the last change of the contacts as a whole.
   */
  lastChange: ContactsChange | null;
  status: SectionStatus;
  /** The viewer may look but not change: no permission, or the adapter refused a save. */
  readOnly: boolean;
  /**
   * Why the section is read-only: the viewer's permissions, a refusal on save, or permissions
   * not known yet (the account is loading or could not be loaded).
   */
  readOnlyReason: 'forbidden' | 'permission' | 'unknown' | null;
  /** Who can make changes, to name to a read-only viewer. Never the viewer themself. */
  administrators: User[];
  /** What someone else saved while this form was being edited. */
  conflict: AccountContacts | null;
  /** Why the last save failed, when no field or conflict explains it. */
  saveError: AdapterError | null;
  saving: boolean;
  /** The last save succeeded and nothing has been edited since. */
  justSaved: boolean;
  canSave: boolean;
  isDirty: boolean;
  loadError: AdapterError | null;
  retryLoad: () => void;
  /** Validates and saves; resolves once the save is over (saved, refused or failed). */
  submit: () => Promise<void>;
  /** Drops the edits and shows the stored contacts. */
  cancel: () => void;
  retrySave: () => Promise<void>;
  /** Conflict: drop my edits and show what the other admin saved. */
  reloadTheirs: () => void;
  /** Conflict: save my edits on top of the version the other admin saved. */
  applyMine: () => void;
  /** The translated message for a field's error key. */
  errorText: (code: string | undefined) => string;
}

/** A section's form, for the hooks that add to the shared engine (e.g. the billing rows). */
export type ContactsForm<S extends ContactsFormSchema> = Form<ContactsFormValues<S>, z.output<S>>;

/** What the section hook adds to its config: the host's dirty callback, and reasons to wait. */
export interface SectionEngineOptions {
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
  /** Extra reason to wait (e.g. role definitions still loading). */
  extraLoading?: boolean | undefined;
  /** An extra read the section needs failed (e.g. the role definitions), and how to retry it. */
  extraLoadError?: unknown;
  retryExtra?: (() => void) | undefined;
}

// Versions this app itself produced, per QueryClient and per account (adapter scope): a
// section whose form is based on an older version may fast-forward over them (sections change
// disjoint fields), but never over a version someone else made. One QueryClient may serve
// several accounts, whose version numbers have nothing to do with each other.
const ownVersionSteps = new WeakMap<QueryClient, Map<string, Map<number, number>>>();
function ownSteps(queryClient: QueryClient, scope: string): Map<number, number> {
  let byScope = ownVersionSteps.get(queryClient);
  if (!byScope) {
    byScope = new Map();
    ownVersionSteps.set(queryClient, byScope);
  }
  let steps = byScope.get(scope);
  if (!steps) {
    steps = new Map();
    byScope.set(scope, steps);
  }
  return steps;
}

/**
 * Shared engine of the three contact sections: a form validated by the shared zod schemas,
 * loaded from the contacts query, saved with the version it was based on (one save at a time,
 * sending only what changed), optimistic with rollback, a lost answer checked against the
 * server, server field errors mapped onto fields, conflicts surfaced with both ways out, and
 * dirty state reported so navigation can be guarded. Returns the section's public `state` and
 * its `form`, for the hooks that add to it (the billing rows).
 */
export function useContactsSection<S extends ContactsFormSchema>(
  config: ContactsSectionConfig<S>,
  { onDirtyChange, extraLoading, extraLoadError, retryExtra }: SectionEngineOptions = {},
): { state: ContactsSectionState<z.input<S>>; form: ContactsForm<S> } {
  const settings = useAccountSettings();
  const { t, messages, emit, reportError, scope } = settings;
  const queryClient = useQueryClient();
  const contactsQuery = useQuery(contactsQueryOptions(settings));
  const accountQuery = useQuery(accountQueryOptions(settings));
  const contacts = contactsQuery.data;
  const [conflict, setConflict] = useState<AccountContacts | null>(null);
  const [forbidden, setForbidden] = useState(false);
  const [saveError, setSaveError] = useState<AdapterError | null>(null);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  // Set synchronously, before any re-render: a second click in the same frame finds it set.
  const inFlight = useRef(false);
  const baseVersion = useRef<number | null>(null);
  // The contacts the form's values started from: what a save compares against to send only
  // the changes.
  const baseContacts = useRef<AccountContacts | null>(null);
  const { toValues, toUpdate, issueField, section, applyOptimistically } = config;

  const form = useForm<ContactsFormValues<S>, z.output<S>>({
    schema: config.schema,
    validateOn: 'change',
    defaultValues: contacts ? toValues(contacts) : undefined,
  });
  const { isDirty, isValid } = form;

  // Follow the server while the user has not started editing; once they have, keep their edits
  // and the version they started from, so a concurrent change is detected on save.
  // (`toValues` changes too when the role list arrives after the contacts.)
  const loadedFrom = useRef<{ version: number; toValues: typeof toValues } | null>(null);
  useEffect(() => {
    if (!contacts) return;
    const source = loadedFrom.current;
    if (source && form.isDirty) return;
    if (source?.version === contacts.version && source.toValues === toValues) return;
    loadedFrom.current = { version: contacts.version, toValues };
    baseVersion.current = contacts.version;
    baseContacts.current = contacts;
    form.reset(toValues(contacts));
  }, [contacts, form, toValues]);

  useEffect(() => {
    onDirtyChange?.(isDirty);
  }, [isDirty, onDirtyChange]);

  const mutation = useMutation(updateContactsMutationOptions(settings));

  /** The server holds `saved`, with our change in it: show it, keeping edits made meanwhile. */
  const adoptSaved = useCallback(
    (saved: AccountContacts, sent: z.input<S>) => {
      const key = accountKeys.contacts(scope);
      queryClient.setQueryData(key, saved);
      setConflict(null);
      baseVersion.current = saved.version;
      baseContacts.current = saved;
      loadedFrom.current = { version: saved.version, toValues };
      // Values are replaced, never changed in place: this one stays as it is.
      const current = form.getValues();
      const savedValues = toValues(saved);
      form.reset(savedValues);
      if (sameValues(current, sent)) {
        setSavedAt(Date.now());
      } else {
        // Edited while the save was on its way: those edits are not saved yet. Keep them on top
        // of what was saved, and leave the section dirty.
        const fields = current as Record<string, unknown>;
        for (const [name, value] of Object.entries(fields)) {
          if (sameValues(value, (savedValues as Record<string, unknown>)[name])) continue;
          form.setValue(name as FieldPath<ContactsFormValues<S>>, value, { validate: true });
        }
      }
      emit({ type: 'contacts_saved', section, version: saved.version });
    },
    [emit, form, queryClient, scope, section, toValues],
  );

  const save = useCallback(
    async (values: z.output<S>, expectedVersion: number) => {
      setSaveError(null);
      setSavedAt(null);
      const key = accountKeys.contacts(scope);
      const sent = form.getValues();
      // Optimistic: the rest of the screen shows the new contacts at once; rolled back on failure.
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<AccountContacts>(key);
      const base = baseContacts.current ?? previous;
      if (!base) return;
      const update = toUpdate(values, base);
      if (previous) queryClient.setQueryData(key, applyOptimistically(previous, values, update));
      try {
        const saved = await mutation.mutateAsync({ update, expectedVersion });
        ownSteps(queryClient, scope).set(expectedVersion, saved.version);
        adoptSaved(saved, sent);
      } catch (caught) {
        const error = toAdapterError(caught);
        // What the server holds now, when a failure made us ask.
        let fresh: AccountContacts | undefined;
        if (isAmbiguousError(error)) {
          // The request may have been applied and only its answer lost: ask the server.
          try {
            fresh = await queryClient.query({ ...contactsQueryOptions(settings), staleTime: 0 });
            if (isUpdateApplied(update, fresh)) {
              adoptSaved(fresh, sent);
              return;
            }
          } catch {
            // Still undecided: report the save's own failure; a retry sorts it out.
          }
        }
        if (error.code === 'conflict') {
          const parsed = accountContactsSchema.safeParse(error.current);
          // The newer version already holds this change (our own lost answer, or someone else
          // made the same choice): nothing is left to save.
          if (parsed.success && isUpdateApplied(update, parsed.data)) {
            adoptSaved(parsed.data, sent);
            return;
          }
          reportError(error, { operation: 'updateContacts' });
          if (parsed.success) {
            queryClient.setQueryData(key, parsed.data);
            setConflict(parsed.data);
          } else {
            if (previous) queryClient.setQueryData(key, previous);
            setConflict(previous ?? null);
            void queryClient.invalidateQueries({ queryKey: key });
          }
          emit({ type: 'contacts_conflict', section });
          return;
        }
        reportError(error, { operation: 'updateContacts' });
        // Anything else: put the server's state back, keep every edit in the form.
        const rollback = fresh ?? previous;
        if (rollback) queryClient.setQueryData(key, rollback);
        if (error.code === 'forbidden') {
          setForbidden(true);
          return;
        }
        if (error.code === 'validation') {
          let mapped = 0;
          for (const issue of error.fieldIssues) {
            const field = issueField(issue);
            if (field) {
              mapped += 1;
              form.setError(field, issue.code, { focus: mapped === 1 });
            }
          }
          if (mapped === error.fieldIssues.length && mapped > 0) return;
        }
        setSaveError(error);
      }
    },
    [
      adoptSaved,
      applyOptimistically,
      emit,
      form,
      issueField,
      mutation,
      queryClient,
      reportError,
      scope,
      section,
      settings,
      toUpdate,
    ],
  );

  /** One save at a time: Save, Enter, Retry and "Save mine on top" all come through here. */
  const runSave = useCallback(
    async (expectedVersion: () => number) => {
      if (inFlight.current) return;
      inFlight.current = true;
      setSaving(true);
      try {
        await form.handleSubmit((values) => save(values, expectedVersion()));
      } finally {
        inFlight.current = false;
        setSaving(false);
      }
    },
    [form, save],
  );

  const submit = useCallback(async () => {
    await runSave(() => {
      let version = baseVersion.current ?? contacts?.version ?? 0;
      const steps = ownSteps(queryClient, scope);
      while (steps.has(version)) version = steps.get(version) ?? version;
      return version;
    });
  }, [contacts?.version, queryClient, runSave, scope]);

  const cancel = useCallback(() => {
    setSaveError(null);
    setConflict(null);
    const latest = queryClient.getQueryData<AccountContacts>(accountKeys.contacts(scope));
    if (latest) {
      baseVersion.current = latest.version;
      baseContacts.current = latest;
      form.reset(toValues(latest));
    } else form.reset();
  }, [form, queryClient, scope, toValues]);

  /** Conflict: drop my edits and show what the other admin saved. */
  const reloadTheirs = useCallback(() => {
    if (!conflict) return;
    emit({ type: 'contacts_conflict', section, resolution: 'reload' });
    setConflict(null);
    baseVersion.current = conflict.version;
    baseContacts.current = conflict;
    form.reset(toValues(conflict));
  }, [conflict, emit, form, section, toValues]);

  /** Conflict: save my edits on top of the version the other admin saved. */
  const applyMine = useCallback(() => {
    if (!conflict) return;
    emit({ type: 'contacts_conflict', section, resolution: 'apply_mine' });
    // Through the resolver, like Save: what is sent is always the schema's output, and only
    // what differs from the version this form started from.
    const expectedVersion = conflict.version;
    void runSave(() => expectedVersion);
  }, [conflict, emit, runSave, section]);

  // Unknown permissions (the account still loading, or failed) mean read-only: controls are
  // offered only to a viewer known to be allowed.
  const permissions = accountQuery.data?.viewer.permissions;
  const readOnly = forbidden || permissions?.manageContacts !== true;
  const administrators = accountQuery.data?.administrators ?? [];
  const viewerId = accountQuery.data?.viewer.user.id;
  const failedRead = (contactsQuery.isError && !contacts) || (accountQuery.isError && !accountQuery.data);
  const status: SectionStatus =
    failedRead || extraLoadError
      ? 'load-error'
      : contactsQuery.isPending || accountQuery.isPending || extraLoading
        ? 'loading'
        : conflict
          ? 'conflict'
          : 'editing';
  const loadFailure = contactsQuery.error ?? accountQuery.error ?? extraLoadError ?? null;
  const { refetch: refetchContacts } = contactsQuery;
  const { refetch: refetchAccount } = accountQuery;
  const contactsFailed = contactsQuery.isError;
  const accountFailed = accountQuery.isError;
  const retryLoad = useCallback(() => {
    if (contactsFailed) void refetchContacts();
    if (accountFailed) void refetchAccount();
    if (extraLoadError) retryExtra?.();
  }, [accountFailed, contactsFailed, extraLoadError, refetchAccount, refetchContacts, retryExtra]);

  const errorText = useCallback(
    (code: string | undefined) => translateValidation(t, messages, code),
    [messages, t],
  );
  const field = useCallback(
    (name: FieldPath<ContactsFormValues<S>>): ContactPickerBinding => {
      const binding = form.bind(name);
      return {
        name,
        value: (binding.value ?? null) as ContactPickerValue | null,
        onValueChange: binding.onValueChange as (value: ContactPickerValue | null) => void,
        onBlur: binding.onBlur,
        inputRef: binding.ref,
        invalid: binding.invalid,
        errorMessage: binding.error === undefined ? undefined : errorText(binding.error),
      };
    },
    [errorText, form],
  );

  const state: ContactsSectionState<z.input<S>> = {
    field,
    focusField: form.setFocus,
    contacts,
    lastChange: contacts
      ? contacts.sectionChanges
        ? (contacts.sectionChanges[section] ?? null)
        : { updatedAt: contacts.updatedAt, updatedBy: contacts.updatedBy }
      : null,
    status,
    readOnly,
    readOnlyReason: forbidden ? 'forbidden' : !permissions ? 'unknown' : readOnly ? 'permission' : null,
    // Never the viewer: they are the one who may not make the change.
    administrators: administrators.filter((user) => user.id !== viewerId),
    conflict,
    saveError,
    saving,
    justSaved: savedAt !== null && !isDirty,
    // During a conflict the notice's two buttons decide; a plain Save would only repeat it.
    canSave: isDirty && isValid && !readOnly && !saving && !conflict,
    isDirty,
    loadError: loadFailure ? toAdapterError(loadFailure) : null,
    retryLoad,
    submit,
    cancel,
    retrySave: submit,
    reloadTheirs,
    applyMine,
    errorText,
  };
  return { state, form };
}
