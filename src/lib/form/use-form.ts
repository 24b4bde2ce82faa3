// The screens' own form state: values, dirty tracking against the defaults, validation through a
// zod schema's `safeParse`, server errors, focus, and rows of a list. Written for what the
// contacts sections and the card and company forms use, and nothing more (see
// docs/decisions/0023-own-form-state.md); hosts that bind our picker to their own
// react-hook-form form use `account-billing-kit/react-hook-form`.
import { useState, useSyncExternalStore, type ChangeEvent } from 'react';
import { useIsomorphicLayoutEffect } from '../use-isomorphic-layout-effect.js';
import { getPath, sameValues, setPath } from './paths.js';
import type { FieldPath, FieldPathValue } from './paths.js';

export type { FieldPath, FieldPathValue } from './paths.js';
export { sameValues } from './paths.js';

/** What validates a form: a zod or zod/mini schema (only `safeParse` is used). */
export interface FormSchema<TOutput> {
  safeParse(
    values: unknown,
  ):
    | { success: true; data: TOutput }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

export interface FormOptions<TValues, TOutput> {
  schema: FormSchema<TOutput>;
  /** The values the form starts from and counts as not dirty; `undefined` until they are known. */
  defaultValues: TValues | undefined;
  /**
   * When a changed field is validated before the first submit: `change` (at once) or `submit`
   * (not until then). After a submit every change is validated.
   */
  validateOn: 'change' | 'submit';
  /** Focus the first invalid field when a submit fails. Default true. */
  focusFirstError?: boolean | undefined;
}

/** Props for a native `<input>` or `<select>`: the form holds its value, the element shows it. */
export interface NativeFieldProps {
  name: string;
  ref: (element: HTMLInputElement | HTMLSelectElement | null) => void;
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => void;
  onBlur: () => void;
}

/** A controlled field: the value to show, how to change it, and its error. */
export interface ControlledField<TValue> {
  name: string;
  value: TValue;
  onValueChange: (value: TValue) => void;
  onBlur: () => void;
  /** The element that takes focus for the field (a submit's first error, `setFocus`). */
  ref: (element: Focusable | null) => void;
  invalid: boolean;
  /** The error's catalog key. */
  error: string | undefined;
}

/** The rows of a list field, each with an id that stays the same while the row exists. */
export interface FieldRows<TItem> {
  ids: readonly string[];
  /** Adds a row; with `focus`, its first field takes focus once it is rendered. */
  append: (item: TItem, options?: { focus?: boolean }) => void;
  remove: (index: number) => void;
}

/** A form's state and what changes it, typed by the form's values. Every function is stable. */
export interface Form<TValues extends object, TOutput> {
  /** The current values. A new object whenever one changes. */
  readonly values: TValues;
  readonly isDirty: boolean;
  readonly isValid: boolean;
  readonly isSubmitted: boolean;
  /** A field's error as a catalog key (its own, or one of its parts'). */
  error: (name: FieldPath<TValues>) => string | undefined;
  /** Props for a native input or select; its value lives in the form, not in React state. */
  register: (name: FieldPath<TValues>) => NativeFieldProps;
  /** A controlled binding: the form's component re-renders with each new value. */
  bind: <TName extends FieldPath<TValues>>(name: TName) => ControlledField<FieldPathValue<TValues, TName>>;
  /** The rows of the list at `name`, each with a stable id for React's `key`. */
  rows: <TName extends FieldPath<TValues>>(
    name: TName,
  ) => FieldRows<FieldPathValue<TValues, TName> extends readonly (infer Item)[] ? Item : never>;
  getValues: () => TValues;
  /** Sets a field's value, e.g. to keep an edit on top of newly saved values. */
  setValue: (name: FieldPath<TValues>, value: unknown, options?: { validate?: boolean }) => void;
  /** Starts over from `values` (new defaults, e.g. what was just saved), or from the defaults. */
  reset: (values?: TValues) => void;
  /** Shows an error the server found (a catalog key), e.g. a user deactivated since they were picked. */
  setError: (name: FieldPath<TValues>, code: string, options?: { focus?: boolean }) => void;
  setFocus: (name: FieldPath<TValues>) => void;
  /**
   * Validates everything as a submit does: shows every error, focuses the first invalid field
   * (unless `focusFirstError` is false), and calls `onValid` with the schema's output.
   */
  handleSubmit: <TResult>(
    onValid: (values: TOutput) => TResult | Promise<TResult>,
  ) => Promise<{ valid: true; result: TResult } | { valid: false }>;
}

type Focusable = { focus: () => void };
/** Errors by dotted field name, each a catalog key. */
type Errors = Record<string, string>;

let lastRowId = 0;
const rowId = () => `row-${(lastRowId += 1)}`;

/** Whether `key` names `scope` or something inside it. */
const within = (key: string, scope: string) => key === scope || key.startsWith(`${scope}.`);

/** What a native input shows for a value: text as it is, nothing for anything else. */
const asText = (value: unknown) =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/**
 * One form's state, outside React, so that a keystroke in a native input re-renders nothing
 * unless what the screen shows (an error, dirty, valid) changes. A closure rather than a class:
 * a minifier shortens its variables, not an object's property names.
 */
function createForm<TValues extends object, TOutput>(initial: FormOptions<TValues, TOutput>) {
  let options = initial;
  let defaults = initial.defaultValues ?? ({} as TValues);
  let values = defaults;
  let errors: Errors = {};
  let isDirty = false;
  let isSubmitted = false;
  let version = 0;
  const listeners = new Set<() => void>();
  const elements = new Map<string, Focusable>();
  const natives = new Map<string, HTMLInputElement | HTMLSelectElement>();
  const rowIds = new Map<string, string[]>();
  // One function per purpose and name, so that props stay the same between renders (a new ref
  // callback would detach and re-attach the element on every render).
  const handlers = new Map<string, unknown>();
  let pendingFocus: string | null = null;

  const once = <T>(key: string, create: () => T): T => {
    if (!handlers.has(key)) handlers.set(key, create());
    return handlers.get(key) as T;
  };

  const notify = () => {
    version += 1;
    for (const listener of listeners) listener();
  };

  /** The schema's verdict, and its first problem per field. */
  const check = () => {
    const result = options.schema.safeParse(values);
    const issues: Errors = {};
    if (!result.success)
      for (const issue of result.error.issues) issues[issue.path.map(String).join('.')] ??= issue.message;
    return { result, issues };
  };
  let isValid = check().result.success;

  /**
   * Validates the whole form; the errors shown change only within `scope` (a changed field, a
   * list whose rows changed), or everywhere when there is none (a submit).
   */
  const validate = (scope?: string) => {
    const { result, issues } = check();
    isValid = result.success;
    if (scope === undefined) errors = issues;
    else {
      const next: Errors = {};
      for (const [key, code] of Object.entries(errors)) if (!within(key, scope)) next[key] = code;
      for (const [key, code] of Object.entries(issues)) if (within(key, scope)) next[key] = code;
      if (!sameValues(next, errors)) errors = next;
    }
    return result;
  };

  const list = (name: string): unknown[] => {
    const value = getPath(values, name);
    return Array.isArray(value) ? value : [];
  };
  const freshIds = (name: string) => list(name).map(rowId);

  /**
   * Applies a change, validates it when the timing says so (`validate`, else on change or after
   * a submit), and re-renders when something shown changed or `always`.
   */
  const change = (update: () => void, scope: string, always: boolean, validateNow?: boolean) => {
    const before = [errors, isDirty, isValid];
    update();
    isDirty = !sameValues(values, defaults);
    if (validateNow ?? (options.validateOn === 'change' || isSubmitted)) validate(scope);
    else isValid = check().result.success;
    if (always || [errors, isDirty, isValid].some((now, at) => now !== before[at])) notify();
  };
  const setIn = (name: string, value: unknown) => () => (values = setPath(values, name, value));

  const errorOf = (name: string) =>
    errors[name] ?? Object.entries(errors).find(([key]) => within(key, name))?.[1];

  const setFocus = (name: string) => elements.get(name)?.focus();

  const track = (name: string, element: Focusable | null) => {
    if (!element) {
      elements.delete(name);
      return;
    }
    elements.set(name, element);
    if (pendingFocus !== null && within(name, pendingFocus)) {
      pendingFocus = null;
      element.focus();
    }
  };

  const form = {
    get values() {
      return values;
    },
    get isDirty() {
      return isDirty;
    },
    get isValid() {
      return isValid;
    },
    get isSubmitted() {
      return isSubmitted;
    },
    error: errorOf,
    getValues: () => values,

    setValue: (name: string, value: unknown, { validate: validateNow }: { validate?: boolean } = {}) =>
      change(
        () => {
          setIn(name, value)();
          const native = natives.get(name);
          if (native) native.value = asText(value);
          // Rows replaced as a whole are new rows, as after a reset.
          if (rowIds.has(name)) rowIds.set(name, freshIds(name));
        },
        name,
        true,
        validateNow,
      ),

    reset: (next?: TValues) => {
      if (next !== undefined) defaults = next;
      values = defaults;
      errors = {};
      isDirty = false;
      isSubmitted = false;
      isValid = check().result.success;
      for (const [name, element] of natives) element.value = asText(getPath(values, name));
      for (const name of rowIds.keys()) rowIds.set(name, freshIds(name));
      notify();
    },

    setError: (name: string, code: string, { focus = false } = {}) => {
      errors = { ...errors, [name]: code };
      isValid = false;
      notify();
      if (focus) setFocus(name);
    },

    setFocus,

    handleSubmit: async <TResult>(onValid: (values: TOutput) => TResult | Promise<TResult>) => {
      isSubmitted = true;
      const result = validate();
      notify();
      if (result.success) return { valid: true as const, result: await onValid(result.data) };
      if (options.focusFirstError !== false) {
        // The first invalid field in document order.
        const invalid = [...elements].filter(([name]) => errorOf(name) !== undefined).map(([, el]) => el);
        invalid.sort((a, b) =>
          a instanceof Node &&
          b instanceof Node &&
          a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_PRECEDING
            ? 1
            : -1,
        );
        invalid[0]?.focus();
      }
      return { valid: false as const };
    },

    register: (name: string): NativeFieldProps => ({
      name,
      ref: once(`ref:${name}`, () => (element: HTMLInputElement | HTMLSelectElement | null) => {
        if (element) {
          natives.set(name, element);
          element.value = asText(getPath(values, name));
        } else natives.delete(name);
        track(name, element);
      }),
      onChange: once(
        `change:${name}`,
        () => (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
          change(setIn(name, event.target.value), name, false),
      ),
      onBlur: noop,
    }),

    bind: <TValue>(name: string): ControlledField<TValue> => {
      const error = errorOf(name);
      return {
        name,
        value: getPath(values, name) as TValue,
        onValueChange: once(`value:${name}`, () => (value: TValue) => change(setIn(name, value), name, true)),
        onBlur: noop,
        ref: once(`ref:${name}`, () => (element: Focusable | null) => track(name, element)),
        invalid: error !== undefined,
        error,
      };
    },

    rows: <TItem>(name: string): FieldRows<TItem> => {
      let ids = rowIds.get(name);
      if (!ids) rowIds.set(name, (ids = freshIds(name)));
      return {
        ids,
        append: once(`append:${name}`, () => (item: TItem, { focus = false } = {}) => {
          const items = list(name);
          if (focus) pendingFocus = `${name}.${items.length}`;
          change(
            () => {
              setIn(name, [...items, item])();
              rowIds.set(name, [...(rowIds.get(name) ?? []), rowId()]);
            },
            name,
            true,
          );
        }),
        remove: once(
          `remove:${name}`,
          () => (index: number) =>
            change(
              () => {
                setIn(
                  name,
                  list(name).filter((_, at) => at !== index),
                )();
                rowIds.set(
                  name,
                  (rowIds.get(name) ?? []).filter((_, at) => at !== index),
                );
                errors = shiftRows(errors, name, index);
              },
              name,
              true,
            ),
        ),
      };
    },
  };

  return {
    form: form as unknown as Form<TValues, TOutput>,
    configure: (next: FormOptions<TValues, TOutput>) => void (options = next),
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    getVersion: () => version,
  };
}

function noop() {
  // Nothing reads whether a field was visited: validation runs on change or on submit.
}

/** Errors of the rows after `index` move up one row; the removed row's go. */
function shiftRows(errors: Errors, name: string, index: number): Errors {
  const shifted: Errors = {};
  for (const [key, code] of Object.entries(errors)) {
    const [row = '', ...rest] = key.slice(name.length + 1).split('.');
    const at = Number(row);
    if (!key.startsWith(`${name}.`) || !Number.isInteger(at) || at < index) shifted[key] = code;
    else if (at > index) shifted[[name, at - 1, ...rest].join('.')] = code;
  }
  return shifted;
}

/**
 * A form for one of the screens: holds its values (from `defaultValues` until `reset`), knows
 * whether they differ from the defaults, validates with the schema when `validateOn` says so
 * (and on every change after a submit), and re-renders its component only when what it shows
 * changes: an error, dirty or valid, or a controlled field's value.
 *
 * @example
 * const form = useForm({ schema: cardSchema, defaultValues: EMPTY_CARD, validateOn: 'submit' });
 * <input {...form.register('number')} aria-invalid={form.error('number') ? true : undefined} />
 * <button onClick={() => form.handleSubmit((card) => save(card))}>Save</button>
 */
export function useForm<TValues extends object, TOutput>(
  options: FormOptions<TValues, TOutput>,
): Form<TValues, TOutput> {
  const [store] = useState(() => createForm(options));
  // A new schema (e.g. the roles arrived) validates the next change.
  useIsomorphicLayoutEffect(() => {
    store.configure(options);
  });
  useSyncExternalStore(store.subscribe, store.getVersion, store.getVersion);
  return store.form;
}
