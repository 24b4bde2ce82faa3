import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import type { NativeFieldProps } from '../lib/form/use-form.js';
import { useAccountSettings } from '../provider/context.js';

/** The accessibility wiring a field hands to its control. Spread it on the input. */
export interface FieldControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
  'aria-required': true | undefined;
}

export interface FieldProps {
  label: ReactNode;
  /** Keep the label for assistive technology only (e.g. under a column header that says it). */
  hideLabel?: boolean;
  /** Help text under the control. */
  description?: ReactNode;
  /** An already translated error; marks the field invalid. */
  error?: string | undefined;
  /** An already translated warning about the current value. */
  warning?: ReactNode;
  /** Shows "(optional)" after the label. */
  optional?: boolean;
  /** Shows a required mark after the label and sets `aria-required` (never native `required`). */
  required?: boolean;
  /** The control's id. Default: generated. */
  id?: string;
  /** Span both columns of a `.abk-form-grid`. */
  wide?: boolean;
  className?: string;
  /** Renders the control with the wiring it needs. */
  children: (control: FieldControlProps) => ReactNode;
}

/**
 * A label, a control, and the texts that describe it (help, warning, error), wired together
 * so the control is named and described. State: `data-invalid`, `data-warning`, `data-wide`.
 *
 * @example
 * <Field label={t('upgrade.payment.country')} error={countryError}>
 *   {(control) => <select {...control} className="abk-select">…</select>}
 * </Field>
 */
export function Field({
  label,
  hideLabel = false,
  description,
  error,
  warning,
  optional = false,
  required = false,
  id,
  wide = false,
  className,
  children,
}: FieldProps) {
  const { t } = useAccountSettings();
  const generatedId = useId();
  const controlId = id ?? `abk-field${generatedId.replace(/:/g, '')}`;
  const descriptionId = description ? `${controlId}-description` : undefined;
  const warningId = warning ? `${controlId}-warning` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [descriptionId, warningId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div
      className={className ? `abk-field ${className}` : 'abk-field'}
      data-invalid={error ? '' : undefined}
      data-warning={warning ? '' : undefined}
      data-wide={wide ? '' : undefined}
    >
      <label className={hideLabel ? 'abk-visually-hidden' : 'abk-field__label'} htmlFor={controlId}>
        {label}
        {optional && (
          <>
            {' '}
            <span className="abk-field__optional">({t('common.optional')})</span>
          </>
        )}
        {required && !hideLabel && (
          <span className="abk-field__required" aria-hidden="true">
            {' *'}
          </span>
        )}
      </label>
      {children({
        id: controlId,
        'aria-describedby': describedBy,
        'aria-invalid': error ? true : undefined,
        'aria-required': required ? true : undefined,
      })}
      {description && (
        <p id={descriptionId} className="abk-field__hint">
          {description}
        </p>
      )}
      {warning && (
        <p id={warningId} className="abk-field__warning">
          {warning}
        </p>
      )}
      {error && (
        <p id={errorId} className="abk-field__error">
          {error}
        </p>
      )}
    </div>
  );
}

export interface TextFieldProps
  extends
    Omit<FieldProps, 'children'>,
    Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'autoComplete' | 'inputMode' | 'placeholder'> {
  /** The form's `register(name)`: name, value and change handling of the input. */
  registration: NativeFieldProps;
}

/**
 * A text input in a `Field`, registered with its form.
 *
 * @example
 * <TextField label={t('upgrade.payment.city')} registration={form.register('city')} error={cityError} />
 */
export function TextField({
  registration,
  type = 'text',
  autoComplete,
  inputMode,
  placeholder,
  ...field
}: TextFieldProps) {
  return (
    <Field {...field}>
      {(control) => (
        <input
          {...control}
          className="abk-input"
          type={type}
          autoComplete={autoComplete}
          inputMode={inputMode}
          placeholder={placeholder}
          {...registration}
        />
      )}
    </Field>
  );
}
