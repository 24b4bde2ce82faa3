import type { Meta, StoryObj } from '@storybook/react-vite';
import { useAccountSettings } from '../src/provider/context';

const colorTokens = [
  'primary',
  'on-primary',
  'primary-surface',
  'danger',
  'danger-surface',
  'success',
  'success-surface',
  'warning',
  'warning-surface',
  'text',
  'text-muted',
  'background',
  'surface',
  'surface-raised',
  'border',
  'border-strong',
  'focus',
  'highlight',
];

function TokenSheet() {
  const { colorScheme } = useAccountSettings();
  return (
    <section style={{ padding: 16 }}>
      <h2 style={{ marginTop: 0 }}>Design tokens ({colorScheme})</h2>
      <ul
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
          gap: 12,
          listStyle: 'none',
          padding: 0,
        }}
      >
        {colorTokens.map((token) => (
          <li key={token} style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            <span
              aria-hidden="true"
              style={{
                width: 32,
                height: 32,
                borderRadius: 'var(--abk-radius)',
                border: '1px solid var(--abk-color-border)',
                background: `var(--abk-color-${token})`,
              }}
            />
            <code>--abk-color-{token}</code>
          </li>
        ))}
      </ul>
      <p>
        Radius <code>--abk-radius</code>, spacing <code>--abk-spacing</code>, font{' '}
        <code>--abk-font-family</code> at <code>--abk-font-size</code>.
      </p>
    </section>
  );
}

const meta = {
  title: 'Foundations/Tokens',
  component: TokenSheet,
} satisfies Meta<typeof TokenSheet>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Light: Story = { parameters: { colorScheme: 'light' } };
export const Dark: Story = { parameters: { colorScheme: 'dark' } };
