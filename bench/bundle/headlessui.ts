// Host entry for the bundle-size measurement of Headless UI's combobox (its `virtual` option included).
export { Combobox, ComboboxInput, ComboboxOption, ComboboxOptions, Field, Label } from '@headlessui/react';
