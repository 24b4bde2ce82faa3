import { forwardRef, type ReactElement, type Ref } from 'react';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { translateValidation } from '../../i18n/translate.js';
import { useAccountSettings } from '../../provider/context.js';
import { ContactPicker, type ContactPickerProps } from './ContactPicker.js';

/**
 * Props of `ContactPickerField`: the field of the host's form, plus every `ContactPicker` prop
 * except the ones the form provides (value, changes, name, error).
 */
export interface ContactPickerFieldProps<
  TValues extends FieldValues,
  TName extends FieldPath<TValues>,
> extends Omit<
  ContactPickerProps,
  'value' | 'defaultValue' | 'onValueChange' | 'name' | 'invalid' | 'errorMessage'
> {
  /** The form's `control` from `useForm()`. */
  control: Control<TValues>;
  /** The field holding a `ContactPickerValue | null`. */
  name: TName;
}

/**
 * `ContactPicker` bound to a react-hook-form field: value, touched state and the field's error,
 * whose message key is translated in the current locale. The ref and the DOM pass-through props
 * (`id`, `className`, `style`, `data-*`, `aria-*`) reach the picker's root, as on `ContactPicker`.
 *
 * @example
 * import { ContactPickerField } from 'account-billing-kit/react-hook-form';
 *
 * const { control } = useForm({ resolver: zodResolver(schema) });
 * <ContactPickerField control={control} name="primaryContact" label="Primary account contact" />
 */
export const ContactPickerField = forwardRef(function ContactPickerField<
  TValues extends FieldValues,
  TName extends FieldPath<TValues>,
>({ control, name, ...props }: ContactPickerFieldProps<TValues, TName>, ref: Ref<HTMLDivElement>) {
  const { t, messages } = useAccountSettings();
  const { field, fieldState } = useController({ control, name });
  const error = fieldState.error;
  // Errors on nested paths (e.g. `.email`) belong to this field too.
  const code = error?.message ?? nestedMessage(error);
  return (
    <ContactPicker
      {...props}
      ref={ref}
      name={name}
      value={field.value ?? null}
      onValueChange={field.onChange}
      onBlur={field.onBlur}
      inputRef={field.ref}
      disabled={props.disabled ?? field.disabled}
      invalid={Boolean(error)}
      errorMessage={error ? translateValidation(t, messages, code) : undefined}
    />
  );
}) as <TValues extends FieldValues, TName extends FieldPath<TValues>>(
  // forwardRef cannot pass type parameters through; this restores them for callers.
  props: ContactPickerFieldProps<TValues, TName> & { ref?: Ref<HTMLDivElement> },
) => ReactElement;

function nestedMessage(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  for (const nested of Object.values(error as Record<string, unknown>)) {
    if (
      typeof nested === 'object' &&
      nested !== null &&
      'message' in nested &&
      typeof nested.message === 'string'
    ) {
      return nested.message;
    }
  }
  return undefined;
}
