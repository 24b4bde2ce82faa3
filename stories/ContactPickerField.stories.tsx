import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { ContactPickerField } from '../src/react-hook-form';
import guide from './guides/contact-picker-field.md?raw';
import { ContactForm, componentDocsPage } from './support';

const LABEL = 'Primary account contact';

// The field needs a form's `control`, so every story renders a whole form; the props are listed.
const meta: Meta<typeof ContactPickerField> = {
  title: 'Components/ContactPickerField',
  component: ContactPickerField,
  tags: ['autodocs'],
  parameters: { docs: { page: componentDocsPage(guide, { props: 'table' }) } },
  decorators: [
    (Story) => (
      <div style={{ maxInlineSize: 420, minBlockSize: 420, padding: 16 }}>
        <Story />
      </div>
    ),
  ],
  render: () => <ContactForm label={LABEL} />,
};

export default meta;
type Story = StoryObj<typeof ContactPickerField>;

/** A required contact in a react-hook-form form; submitting it empty shows the schema's message. */
export const InAForm: Story = {
  play: async ({ canvasElement }) => {
    const combobox = within(canvasElement).getByRole('combobox', { name: /Primary account contact/ });
    await expect(combobox).toHaveAttribute('aria-required', 'true');
    await expect(combobox).not.toHaveAttribute('aria-invalid');
  },
};
