import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { translateValidation } from '../../../i18n/translate.js';
import { useAccountSettings } from '../../../provider/context.js';

export function TextField({
  label,
  id: fieldId,
  registration,
  error,
  optional,
  wide,
  autoComplete,
  inputMode,
}: {
  label: string;
  id: string;
  registration: UseFormRegisterReturn;
  error: string | undefined;
  optional?: string;
  wide?: boolean;
  autoComplete?: string;
  inputMode?: 'numeric';
}) {
  return (
    <Field label={label} id={fieldId} error={error} optional={optional} wide={wide}>
      {(describedBy) => (
        <input
          id={fieldId}
          className="abk-input"
          autoComplete={autoComplete}
          inputMode={inputMode}
          aria-invalid={Boolean(error) || undefined}
          aria-describedby={describedBy}
          {...registration}
        />
      )}
    </Field>
  );
}

export function Field({
  label,
  id: fieldId,
  error,
  optional,
  wide,
  children,
}: {
  label: string;
  id: string;
  error: string | undefined;
  optional?: string | undefined;
  wide?: boolean | undefined;
  children: (describedBy: string | undefined) => ReactNode;
}) {
  const { t, messages } = useAccountSettings();
  const errorId = error ? `${fieldId}-error` : undefined;
  return (
    <div className="abk-field" data-wide={wide ? '' : undefined} data-invalid={error ? '' : undefined}>
      <label className="abk-field__label" htmlFor={fieldId}>
        {label}
        {optional && <span className="abk-field__optional"> ({optional})</span>}
      </label>
      {children(errorId)}
      {errorId && (
        <p id={errorId} className="abk-field__error">
          {translateValidation(t, messages, error)}
        </p>
      )}
    </div>
  );
}
