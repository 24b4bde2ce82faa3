import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { BillingContactsList } from '../src/components/company-information';
import guide from './guides/billing-contacts-list.md?raw';
import { adapterParameters, componentDocsPage } from './support';

// The section's own page; its behaviour is shown in Components/Contact sections.
const meta = {
  title: 'Components/BillingContactsList',
  component: BillingContactsList,
  tags: ['autodocs'],
  args: { headingLevel: 2 },
  parameters: {
    adapter: adapterParameters({ latency: 0 }),
    docs: { page: componentDocsPage(guide) },
  },
} satisfies Meta<typeof BillingContactsList>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The seed account's two billing contacts, with room for a third. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() =>
      expect(canvas.getByRole('combobox', { name: 'Billing contact 1' })).toHaveValue('Jürgen Groß'),
    );
    await expect(canvas.getByRole('region', { name: 'Billing contacts' })).toHaveAttribute(
      'data-status',
      'editing',
    );
  },
};
