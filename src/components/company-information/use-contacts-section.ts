import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useForm, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import type * as z from 'zod/mini';
import { toAdapterError, type AdapterError } from '../../adapter/errors.js';
import { translateValidation } from '../../i18n/translate.js';
import { useAccountSettings } from '../../provider/context.js';
import {
  accountKeys,
  accountQueryOptions,
  contactsQueryOptions,
  updateContactsMutationOptions,
} from '../../queries/index.js';
import { accountContactsSchema, type AccountContacts } from '../../schemas/contacts.js';
import type { User } from '../../schemas/user.js';
import type { ContactsFormSchema, ContactsSectionConfig } from './form-schemas.js';

export type { ContactsSection } from '../../schemas/contacts.js';

/**
 * Where a section stands:
 * - `loading` / `load-error`: the contacts are not there yet, or could not be read;
 * - `editing`: the normal state (read-only viewers included, see `readOnly`);
 * - `conflict`: someone else saved first; `conflict` holds what they saved.
 */
export type SectionStatus = 'loading' | 'load-error' | 'editing' | 'conflict';

/**
 * What a contacts section hook returns: its form, where it stands, and every way out of a
 * failed or conflicting save. `TValues` is what the form holds, `TSaved` what a valid save has.
 */
export interface ContactsSectionState<TValues extends FieldValues = FieldValues, TSaved = TValues> {
  /** Binds fields to the section's form, e.g. `<ContactPickerField control={section.control} name="primaryContact" />`. */
  control: Control<TValues, unknown, TSaved>;
  /** Moves focus to a field, e.g. to the row that took the place of a removed one. */
  focusField: (name: FieldPath<TValues>) => void;
  /** The stored contacts, once loaded. */
  contacts: AccountContacts | undefined;
  status: SectionStatus;
  /** The viewer may look but not change: no permission, or the adapter refused a save. */
  readOnly: boolean;
  /** Why the section is read-only: the viewer's permissions, or a refusal on save. */
  readOnlyReason: 'forbidden' | 'permission' | null;
  /** Who can make changes, to name to a read-only viewer. */
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
  submit: () => void;
  /** Drops the edits and shows the stored contacts. */
  cancel: () => void;
  retrySave: () => void;
  /** Conflict: drop my edits and show what the other admin saved. */
  reloadTheirs: () => void;
  /** Conflict: save my edits on top of the version the other admin saved. */
  applyMine: () => void;
  /** The translated message for a field's error key. */
  errorText: (code: string | undefined) => string;
}

/** What the section hook adds to its config: the host's dirty callback, and reasons to wait. */
export interface SectionEngineOptions {
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
  /** Extra reason to wait (e.g. role definitions still loading). */
  extraLoading?: boolean | undefined;
}

// Versions this app itself produced, per QueryClient: a section whose form is based on an
// older version may fast-forward over them (sections change disjoint fields), but never over
// a version someone else made.
const ownVersionSteps = new WeakMap<QueryClient, Map<number, number>>();
function ownSteps(queryClient: QueryClient): Map<number, number> {
  let steps = ownVersionSteps.get(queryClient);
  if (!steps) {
    steps = new Map();
    ownVersionSteps.set(queryClient, steps);
  }
  return steps;
}

/**
 * Shared engine of the three contact sections: a react-hook-form form validated by the shared
 * zod schemas, loaded from the contacts query, saved with the version it was based on,
 * optimistic with rollback, server field errors mapped onto fields, conflicts surfaced with
 * both ways out, and dirty state reported so navigation can be guarded.
 */
export function useContactsSection<S extends ContactsFormSchema>(
  config: ContactsSectionConfig<S>,
  { onDirtyChange, extraLoading }: SectionEngineOptions = {},
): ContactsSectionState<z.input<S>, z.output<S>> {
  const settings = useAccountSettings();
  const { t, messages, emit, reportError } = settings;
  const queryClient = useQueryClient();
  const contactsQuery = useQuery(contactsQueryOptions(settings));
  const accountQuery = useQuery(accountQueryOptions(settings));
  const contacts = contactsQuery.data;
  const [conflict, setConflict] = useState<AccountContacts | null>(null);
  const [forbidden, setForbidden] = useState(false);
  const [saveError, setSaveError] = useState<AdapterError | null>(null);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const baseVersion = useRef<number | null>(null);
  const { toValues, toUpdate, issueField, section, applyOptimistically } = config;

  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(config.schema),
    mode: 'onChange',
    defaultValues: contacts ? toValues(contacts) : undefined,
  });
  const { isDirty, isValid, isSubmitting } = form.formState;

  // Follow the server while the user has not started editing; once they have, keep their edits
  // and the version they started from, so a concurrent change is detected on save.
  // (`toValues` changes too when the role list arrives after the contacts.)
  const loadedFrom = useRef<{ version: number; toValues: typeof toValues } | null>(null);
  useEffect(() => {
    if (!contacts) return;
    const source = loadedFrom.current;
    if (source && form.formState.isDirty) return;
    if (source?.version === contacts.version && source.toValues === toValues) return;
    loadedFrom.current = { version: contacts.version, toValues };
    baseVersion.current = contacts.version;
    form.reset(toValues(contacts));
  }, [contacts, form, toValues]);

  useEffect(() => {
    onDirtyChange?.(isDirty);
  }, [isDirty, onDirtyChange]);

  const mutation = useMutation(updateContactsMutationOptions(settings));

  const save = useCallback(
    async (values: z.output<S>, expectedVersion: number) => {
      setSaveError(null);
      setSavedAt(null);
      const key = accountKeys.contacts(settings.scope);
      // Optimistic: the rest of the screen shows the new contacts at once; rolled back on failure.
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<AccountContacts>(key);
      if (previous) queryClient.setQueryData(key, applyOptimistically(previous, values));
      try {
        const saved = await mutation.mutateAsync({ update: toUpdate(values), expectedVersion });
        ownSteps(queryClient).set(expectedVersion, saved.version);
        queryClient.setQueryData(key, saved);
        baseVersion.current = saved.version;
        setConflict(null);
        form.reset(toValues(saved));
        setSavedAt(Date.now());
        emit({ type: 'contacts_saved', section, version: saved.version });
      } catch (caught) {
        const error = toAdapterError(caught);
        reportError(error, { operation: 'updateContacts' });
        if (error.code === 'conflict') {
          const parsed = accountContactsSchema.safeParse(error.current);
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
        // Anything else: put the server's state back, keep every edit in the form.
        if (previous) queryClient.setQueryData(key, previous);
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
              form.setError(field, { type: 'server', message: issue.code }, { shouldFocus: mapped === 1 });
            }
          }
          if (mapped === error.fieldIssues.length && mapped > 0) return;
        }
        setSaveError(error);
      }
    },
    [
      applyOptimistically,
      emit,
      form,
      issueField,
      mutation,
      queryClient,
      reportError,
      section,
      settings.scope,
      toUpdate,
      toValues,
    ],
  );

  const submit = useCallback(() => {
    void form.handleSubmit(async (values) => {
      let version = baseVersion.current ?? contacts?.version ?? 0;
      const steps = ownSteps(queryClient);
      while (steps.has(version)) version = steps.get(version) ?? version;
      await save(values, version);
    })();
  }, [contacts?.version, form, queryClient, save]);

  const cancel = useCallback(() => {
    setSaveError(null);
    setConflict(null);
    const latest = queryClient.getQueryData<AccountContacts>(accountKeys.contacts(settings.scope));
    if (latest) {
      baseVersion.current = latest.version;
      form.reset(toValues(latest));
    } else form.reset();
  }, [form, queryClient, settings.scope, toValues]);

  /** Conflict: drop my edits and show what the other admin saved. */
  const reloadTheirs = useCallback(() => {
    if (!conflict) return;
    emit({ type: 'contacts_conflict', section, resolution: 'reload' });
    setConflict(null);
    baseVersion.current = conflict.version;
    form.reset(toValues(conflict));
  }, [conflict, emit, form, section, toValues]);

  /** Conflict: save my edits on top of the version the other admin saved. */
  const applyMine = useCallback(() => {
    if (!conflict) return;
    emit({ type: 'contacts_conflict', section, resolution: 'apply_mine' });
    // Through the resolver, like Save: what is sent is always the schema's output.
    const expectedVersion = conflict.version;
    void form.handleSubmit((values) => save(values, expectedVersion))();
  }, [conflict, emit, form, save, section]);

  const permissions = accountQuery.data?.viewer.permissions;
  const readOnly = forbidden || (permissions ? !permissions.manageContacts : false);
  const administrators = accountQuery.data?.administrators ?? [];
  const status: SectionStatus =
    contactsQuery.isPending || extraLoading
      ? 'loading'
      : contactsQuery.isError && !contacts
        ? 'load-error'
        : conflict
          ? 'conflict'
          : 'editing';

  return {
    control: form.control,
    focusField: form.setFocus,
    contacts,
    status,
    readOnly,
    readOnlyReason: forbidden ? 'forbidden' : readOnly ? 'permission' : null,
    administrators,
    conflict,
    saveError,
    saving: isSubmitting || mutation.isPending,
    justSaved: savedAt !== null && !isDirty,
    // During a conflict the notice's two buttons decide; a plain Save would only repeat it.
    canSave: isDirty && isValid && !readOnly && !mutation.isPending && !conflict,
    isDirty,
    loadError: contactsQuery.isError ? toAdapterError(contactsQuery.error) : null,
    retryLoad: () => void contactsQuery.refetch(),
    submit,
    cancel,
    retrySave: submit,
    reloadTheirs,
    applyMine,
    errorText: (code: string | undefined) => translateValidation(t, messages, code),
  };
}
