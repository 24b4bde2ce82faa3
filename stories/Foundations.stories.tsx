import type { Meta, StoryObj } from '@storybook/react-vite';
import '../src/styles.css';

const colorTokens = [
  'primary',
  'on-primary',
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

function TokenSheet({ colorScheme }: { colorScheme: 'light' | 'dark' }) {
  return (
    <section className="abk-root" data-color-scheme={colorScheme} style={{ padding: 16 }}>
      <h2 style={{ marginTop: 0 }}>{colorScheme === 'light' ? 'Light' : 'Dark'} tokens</h2>
      <ul
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
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
      <p style={{ fontSize: 'var(--abk-font-size)' }}>
        Radius <code>--abk-radius</code>, spacing <code>--abk-spacing</code>, font{' '}
        <code>--abk-font-family</code>.
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

export const Light: Story = { args: { colorScheme: 'light' } };
export const Dark: Story = { args: { colorScheme: 'dark' } };
