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

/** A field's error: a catalog key, from the schema or from the server. */
export interface FieldError {
  type: 'schema' | 'server';
  /** The message's catalog key, e.g. `userRequired`; translated where it is shown. */
  code: string;
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
  focusFirstError?: boolean;
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

type Focusable = { focus: () => void } & Partial<Pick<Element, 'compareDocumentPosition'>>;
type Issues = Record<string, FieldError>;

let nextRowId = 0;
const rowId = () => `row-${(nextRowId += 1)}`;

/** Whether `key` names `scope` or something inside it. */
const within = (key: string, scope: string) => key === scope || key.startsWith(`${scope}.`);

/**
 * One form's state, outside React so that a keystroke in a native input re-renders nothing
 * unless what the screen shows (an error, dirty, valid) changes. Its methods are stable.
 */
export class FormStore<TValues extends object, TOutput> {
  values: TValues;
  defaults: TValues;
  errors: Readonly<Issues> = {};
  isDirty = false;
  isValid = false;
  isSubmitted = false;
  options: FormOptions<TValues, TOutput>;
  private version = 0;
  private listeners = new Set<() => void>();
  private elements = new Map<string, Focusable>();
  private nativeElements = new Map<string, HTMLInputElement | HTMLSelectElement>();
  private refs = new Map<string, (element: never) => void>();
  private rowIds = new Map<string, string[]>();
  private pendingFocus: string | null = null;

  constructor(options: FormOptions<TValues, TOutput>) {
    this.options = options;
    this.defaults = options.defaultValues ?? ({} as TValues);
    this.values = this.defaults;
    this.isValid = this.check().success;
  }

  configure(options: FormOptions<TValues, TOutput>) {
    this.options = options;
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  getVersion = () => this.version;

  private notify() {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }

  private check() {
    const result = this.options.schema.safeParse(this.values);
    const issues: Issues = {};
    if (!result.success) {
      for (const issue of result.error.issues) {
        const key = issue.path.map(String).join('.');
        // The first problem of a field is the one it shows.
        issues[key] ??= { type: 'schema', code: issue.message };
      }
    }
    return { result, issues, success: result.success };
  }

  /**
   * Validates the whole form; the errors shown change only within `scope` (a changed field, a
   * list whose rows changed), or everywhere when there is none (a submit).
   */
  private validate(scope?: string) {
    const checked = this.check();
    this.isValid = checked.success;
    if (scope === undefined) {
      this.errors = checked.issues;
    } else {
      const errors: Issues = {};
      for (const [key, error] of Object.entries(this.errors)) if (!within(key, scope)) errors[key] = error;
      for (const [key, error] of Object.entries(checked.issues)) if (within(key, scope)) errors[key] = error;
      if (!sameValues(errors, this.errors)) this.errors = errors;
    }
    return checked.result;
  }

  private get validatesChanges() {
    return this.options.validateOn === 'change' || this.isSubmitted;
  }

  /** Applies a change, validates it when the timing says so, and re-renders if anything shown changed. */
  private change(update: () => void, scope: string, always: boolean) {
    const before = { errors: this.errors, isDirty: this.isDirty, isValid: this.isValid };
    update();
    this.isDirty = !sameValues(this.values, this.defaults);
    if (this.validatesChanges) this.validate(scope);
    else this.isValid = this.check().success;
    if (
      always ||
      before.errors !== this.errors ||
      before.isDirty !== this.isDirty ||
      before.isValid !== this.isValid
    )
      this.notify();
  }

  getValues = (): TValues => this.values;

  /** Sets a field's value, e.g. to keep an edit on top of newly saved values. */
  setValue = (name: string, value: unknown, { validate = this.validatesChanges } = {}) => {
    this.values = setPath(this.values, name, value);
    const native = this.nativeElements.get(name);
    if (native) native.value = asText(value);
    // Rows replaced as a whole are new rows, as after a reset.
    if (this.rowIds.has(name)) this.rowIds.set(name, this.freshIds(name));
    this.isDirty = !sameValues(this.values, this.defaults);
    if (validate) this.validate(name);
    else this.isValid = this.check().success;
    this.notify();
  };

  /** Starts over from `values` (new defaults, e.g. what was just saved), or from the defaults. */
  reset = (values?: TValues) => {
    if (values !== undefined) this.defaults = values;
    this.values = this.defaults;
    this.errors = {};
    this.isDirty = false;
    this.isSubmitted = false;
    this.isValid = this.check().success;
    for (const [name, element] of this.nativeElements) {
      element.value = asText(getPath(this.values, name));
    }
    for (const name of this.rowIds.keys()) this.rowIds.set(name, this.freshIds(name));
    this.notify();
  };

  /** Shows an error the server found, e.g. a user deactivated since they were picked. */
  setError = (name: string, code: string, { focus = false } = {}) => {
    this.errors = { ...this.errors, [name]: { type: 'server', code } };
    this.isValid = false;
    this.notify();
    if (focus) this.setFocus(name);
  };

  setFocus = (name: string) => {
    this.elements.get(name)?.focus();
  };

  /** A field's error: its own, else one of a part of it (e.g. an email's). */
  errorOf(name: string): FieldError | undefined {
    const own = this.errors[name];
    if (own) return own;
    for (const [key, error] of Object.entries(this.errors)) if (within(key, name)) return error;
    return undefined;
  }

  /**
   * Validates everything as a submit does: shows every error, focuses the first invalid field
   * (unless `focusFirstError` is false), and resolves with the schema's output, or `undefined`.
   */
  handleSubmit = async <TResult>(onValid: (values: TOutput) => TResult | Promise<TResult>) => {
    this.isSubmitted = true;
    const result = this.validate();
    this.notify();
    if (result.success) return { valid: true as const, result: await onValid(result.data) };
    if (this.options.focusFirstError !== false) this.focusFirst(Object.keys(this.errors));
    return { valid: false as const };
  };

  /** Focuses the first field, in document order, that has an error in `names`. */
  private focusFirst(names: string[]) {
    const candidates = [...this.elements].filter(([name]) => names.some((key) => within(key, name)));
    candidates.sort(([, a], [, b]) =>
      a.compareDocumentPosition && b instanceof Node && a.compareDocumentPosition(b) & 2 ? 1 : -1,
    );
    candidates[0]?.[1].focus();
  }

  private track(name: string, element: Focusable | null) {
    if (!element) {
      this.elements.delete(name);
      return;
    }
    this.elements.set(name, element);
    if (this.pendingFocus !== null && within(name, this.pendingFocus)) {
      this.pendingFocus = null;
      element.focus();
    }
  }

  /** Props for a native input or select; its value lives here, not in React state. */
  register = (name: string): NativeFieldProps => ({
    name,
    ref: this.refFor(name, (element: HTMLInputElement | HTMLSelectElement | null) => {
      if (element) {
        this.nativeElements.set(name, element);
        element.value = asText(getPath(this.values, name));
      } else this.nativeElements.delete(name);
      this.track(name, element);
    }),
    onChange: this.handlerFor(`change:${name}`, (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      this.change(() => (this.values = setPath(this.values, name, event.target.value)), name, false),
    ),
    onBlur: noop,
  });

  /** A controlled binding: the owner re-renders with each new value. */
  bind = <TValue>(name: string): ControlledField<TValue> => {
    const error = this.errorOf(name);
    return {
      name,
      value: getPath(this.values, name) as TValue,
      onValueChange: this.handlerFor(`value:${name}`, (value: TValue) =>
        this.change(() => (this.values = setPath(this.values, name, value)), name, true),
      ),
      onBlur: noop,
      ref: this.refFor(name, (element: Focusable | null) => this.track(name, element)),
      invalid: error !== undefined,
      error: error?.code,
    };
  };

  /** The rows of the list at `name`, each with a stable id for React's `key`. */
  rows = <TItem>(name: string): FieldRows<TItem> => {
    let ids = this.rowIds.get(name);
    if (!ids) {
      ids = this.freshIds(name);
      this.rowIds.set(name, ids);
    }
    return {
      ids,
      append: this.handlerFor(`append:${name}`, (item: TItem, { focus = false } = {}) => {
        const list = this.list(name);
        if (focus) this.pendingFocus = `${name}.${list.length}`;
        this.change(
          () => {
            this.values = setPath(this.values, name, [...list, item]);
            this.rowIds.set(name, [...(this.rowIds.get(name) ?? []), rowId()]);
          },
          name,
          true,
        );
      }),
      remove: this.handlerFor(`remove:${name}`, (index: number) =>
        this.change(
          () => {
            this.values = setPath(
              this.values,
              name,
              this.list(name).filter((_, at) => at !== index),
            );
            this.rowIds.set(
              name,
              (this.rowIds.get(name) ?? []).filter((_, at) => at !== index),
            );
            this.errors = shiftRows(this.errors, name, index);
          },
          name,
          true,
        ),
      ),
    };
  };

  private list(name: string): unknown[] {
    const value = getPath(this.values, name);
    return Array.isArray(value) ? value : [];
  }

  private freshIds(name: string) {
    return this.list(name).map(rowId);
  }

  // One function per purpose and name, so that props stay the same between renders (a new ref
  // callback would detach and re-attach the element on every render).
  private handlers = new Map<string, unknown>();
  private handlerFor<T>(key: string, create: T): T {
    if (!this.handlers.has(key)) this.handlers.set(key, create);
    return this.handlers.get(key) as T;
  }
  private refFor<T extends (element: never) => void>(name: string, create: T): T {
    if (!this.refs.has(name)) this.refs.set(name, create);
    return this.refs.get(name) as T;
  }
}

/** What a native input shows for a value: text as it is, nothing for anything else. */
function asText(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

function noop() {
  // Nothing reads whether a field was visited: validation runs on change or on submit.
}

/** Errors of the rows after `index` move up one row; the removed row's go. */
function shiftRows(errors: Readonly<Issues>, name: string, index: number): Issues {
  const shifted: Issues = {};
  for (const [key, error] of Object.entries(errors)) {
    if (!key.startsWith(`${name}.`)) {
      shifted[key] = error;
      continue;
    }
    const [row = '', ...rest] = key.slice(name.length + 1).split('.');
    const at = Number(row);
    if (!Number.isInteger(at) || at < index) shifted[key] = error;
    else if (at > index) shifted[[name, at - 1, ...rest].join('.')] = error;
  }
  return shifted;
}

/** A form's state and what changes it, typed by the form's values. */
export interface Form<TValues extends object, TOutput> {
  /** The current values. A new object whenever one changes. */
  readonly values: TValues;
  readonly isDirty: boolean;
  readonly isValid: boolean;
  readonly isSubmitted: boolean;
  /** A field's error as a catalog key (its own, or one of its parts'). */
  error: (name: FieldPath<TValues>) => string | undefined;
  register: (name: FieldPath<TValues>) => NativeFieldProps;
  bind: <TName extends FieldPath<TValues>>(name: TName) => ControlledField<FieldPathValue<TValues, TName>>;
  rows: <TName extends FieldPath<TValues>>(
    name: TName,
  ) => FieldRows<FieldPathValue<TValues, TName> extends readonly (infer Item)[] ? Item : never>;
  getValues: () => TValues;
  setValue: (name: FieldPath<TValues>, value: unknown, options?: { validate?: boolean }) => void;
  reset: (values?: TValues) => void;
  setError: (name: FieldPath<TValues>, code: string, options?: { focus?: boolean }) => void;
  setFocus: (name: FieldPath<TValues>) => void;
  handleSubmit: <TResult>(
    onValid: (values: TOutput) => TResult | Promise<TResult>,
  ) => Promise<{ valid: true; result: TResult } | { valid: false }>;
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
  const [store] = useState(() => new FormStore<TValues, TOutput>(options));
  // A new schema (e.g. the roles arrived) validates the next change.
  useIsomorphicLayoutEffect(() => {
    store.configure(options);
  });
  useSyncExternalStore(store.subscribe, store.getVersion, store.getVersion);
  const [form] = useState(() => formOf(store));
  return form;
}

/** The store seen through its typed, stable interface; the getters read its current state. */
function formOf<TValues extends object, TOutput>(store: FormStore<TValues, TOutput>): Form<TValues, TOutput> {
  return {
    get values() {
      return store.values;
    },
    get isDirty() {
      return store.isDirty;
    },
    get isValid() {
      return store.isValid;
    },
    get isSubmitted() {
      return store.isSubmitted;
    },
    error: (name) => store.errorOf(name)?.code,
    register: store.register,
    bind: store.bind,
    rows: store.rows,
    getValues: store.getValues,
    setValue: store.setValue,
    reset: store.reset,
    setError: store.setError,
    setFocus: store.setFocus,
    handleSubmit: store.handleSubmit,
  };
}
