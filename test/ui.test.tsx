import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AdapterError, isAmbiguousError, isRetryableError, isTransientError } from '../src/adapter/errors';
import {
  ErrorNotice,
  Field,
  Heading,
  HeadingLevelProvider,
  Notice,
  StatusBadge,
  SubheadingScope,
} from '../src/ui';
import { renderWithProvider } from './support';

describe('Field', () => {
  it('names the control by its label and describes it by help, warning and error, in that order', () => {
    renderWithProvider(
      <Field
        label="City"
        description="Where invoices go"
        warning="Check the spelling"
        error="Enter the city."
      >
        {(control) => <input {...control} />}
      </Field>,
    );
    const input = screen.getByRole('textbox', { name: 'City' });
    expect(input).toHaveAccessibleDescription('Where invoices go Check the spelling Enter the city.');
    expect(input).toBeInvalid();
  });

  it('marks an optional field in the current language and never sets native required', () => {
    renderWithProvider(
      <>
        <Field label="Ust-IdNr." optional>
          {(control) => <input {...control} />}
        </Field>
        <Field label="Firmenname" required>
          {(control) => <input {...control} />}
        </Field>
      </>,
      { provider: { locale: 'de' } },
    );
    expect(screen.getByRole('textbox', { name: 'Ust-IdNr. (optional)' })).toBeInTheDocument();
    const required = screen.getByRole('textbox', { name: 'Firmenname' });
    expect(required).toHaveAttribute('aria-required', 'true');
    expect(required).not.toHaveAttribute('required');
  });
});

describe('Heading', () => {
  it('follows the level set by the host, one deeper in a subheading scope', () => {
    renderWithProvider(
      <HeadingLevelProvider level={3}>
        <Heading>Review order</Heading>
        <SubheadingScope>
          <Heading>Sales Hub Professional</Heading>
        </SubheadingScope>
      </HeadingLevelProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Review order' })).toHaveProperty('tagName', 'H3');
    expect(screen.getByRole('heading', { name: 'Sales Hub Professional' })).toHaveProperty('tagName', 'H4');
  });
});

describe('Notice and ErrorNotice', () => {
  it('offers a retry for a failure that may pass on a second try, and runs it', async () => {
    const retry = vi.fn();
    renderWithProvider(<ErrorNotice error={new AdapterError('network')} onRetry={retry} />, {
      provider: { locale: 'fi' },
    });
    expect(screen.getByRole('alert')).toHaveTextContent('Palvelimeen ei saatu yhteyttä');
    await userEvent.click(screen.getByRole('button', { name: 'Yritä uudelleen' }));
    expect(retry).toHaveBeenCalledOnce();
  });

  it('offers no retry where the same call would fail again', () => {
    renderWithProvider(<ErrorNotice error={new AdapterError('forbidden')} onRetry={() => undefined} />);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('is not announced when it explains the screen from the start', () => {
    renderWithProvider(<Notice tone="info">Only an administrator can change this.</Notice>);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByText('Only an administrator can change this.')).toBeInTheDocument();
  });
});

describe('StatusBadge', () => {
  it('says a person’s state in the current language', () => {
    renderWithProvider(<StatusBadge status="deactivated" withReason />, { provider: { locale: 'pl' } });
    expect(screen.getByText(/Dezaktywowany/)).toHaveTextContent(
      'Dezaktywowany. Nie można wybrać dezaktywowanych użytkowników.',
    );
  });
});

describe('error policy', () => {
  it('separates retrying by itself, offering a retry, and not knowing whether a write happened', () => {
    expect(['network', 'rate_limited'].every((code) => isTransientError(code as 'network'))).toBe(true);
    expect(isTransientError('unknown')).toBe(false);
    expect(isRetryableError('unknown')).toBe(true);
    expect(isRetryableError(new AdapterError('conflict'))).toBe(false);
    expect(isAmbiguousError('network')).toBe(true);
    expect(isAmbiguousError('payment_declined')).toBe(false);
    expect(new AdapterError('rate_limited').retryable).toBe(true);
  });
});
