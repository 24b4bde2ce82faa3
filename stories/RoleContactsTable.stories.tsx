import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { RoleContactsTable } from '../src/components/company-information';
import guide from './guides/role-contacts-table.md?raw';
import { adapterParameters, componentDocsPage } from './support';

// The section's own page; its behaviour is shown in Components/Contact sections.
const meta = {
  title: 'Components/RoleContactsTable',
  component: RoleContactsTable,
  tags: ['autodocs'],
  args: { headingLevel: 2 },
  parameters: {
    adapter: adapterParameters({ latency: 0 }),
    docs: { page: componentDocsPage(guide) },
  },
} satisfies Meta<typeof RoleContactsTable>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The four built-in roles of the seed account. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() =>
      expect(canvas.getByRole('combobox', { name: 'Decision maker' })).toHaveValue('Aino Mäkelä'),
    );
    await expect(canvas.getByRole('region', { name: 'Other contacts' })).toHaveAttribute(
      'data-status',
      'editing',
    );
  },
};
