export { ContactPicker } from './ContactPicker.js';
export type { ContactPickerProps } from './ContactPicker.js';
export { useContactPicker } from './use-contact-picker.js';
export type {
  ContactPickerInputProps,
  ContactPickerItem,
  ContactPickerLabelProps,
  ContactPickerListProps,
  ContactPickerOptionProps,
  ContactPickerRow,
  ContactPickerStatus,
  ContactPickerToggleButtonProps,
  ContactPickerValue,
  UnavailableUser,
  UseContactPickerOptions,
  UseContactPickerResult,
} from './use-contact-picker.js';
