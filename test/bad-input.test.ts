import { describe, expect, it } from 'vitest';
import { AdapterError } from '../src/adapter/errors';
import { createMemoryAdapter, seedUsers } from '../src/adapter/memory';
import { isEuVatIdOf, taxRatePercent } from '../src/adapter/memory-pricing';
import { canonicalJson } from '../src/lib/canonical-json';
import { initialsOf } from '../src/lib/search-text';
import {
  contactsUpdateSchema,
  createCardInputSchema,
  detectCardBrand,
  emailSchema,
  fieldIssuesOf,
  passesLuhn,
  userSearchParamsSchema,
  type OrderDraft,
} from '../src/schemas';
import { nordlichtCompany } from '../stories/fixtures';

// A corpus of bad input the contract must refuse, in the shared schemas (so forms, the memory
// adapter and the reference server agree) and in the memory adapter's own rules.

async function failure(promise: Promise<unknown>): Promise<AdapterError> {
  const error: unknown = await promise.then(
    () => new Error('expected a failure'),
    (reason: unknown) => reason,
  );
  if (!(error instanceof AdapterError)) throw error;
  return error;
}

function emailIssues(value: string): string[] {
  const result = emailSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

const draft: OrderDraft = {
  tierId: 'marketing-professional',
  currency: 'EUR',
  interval: 'annual',
  seatUserIds: [],
  paymentMethodId: 'pm_visa_4242',
  company: { ...nordlichtCompany },
};

describe('emails the schema refuses', () => {
  it.each([
    ['zero-width space', 'ada\u200b@nordlicht.example'],
    ['zero-width joiner', 'ad\u200da@nordlicht.example'],
    ['word joiner', 'ada@nord\u2060licht.example'],
    ['Arabic letter mark', '\u061cada@nordlicht.example'],
    ['byte order mark', 'ada\ufeff@nordlicht.example'],
    ['soft hyphen', 'ada@nord\u00adlicht.example'],
  ])('an invisible character: %s', (_name, value) => {
    expect(emailIssues(value)).toEqual(['emailControlCharacters']);
  });

  it.each([
    ['a dot before the @', 'ada.@nordlicht.example'],
    ['a leading dot', '.ada@nordlicht.example'],
    ['two dots in a row', 'a..da@nordlicht.example'],
    ['a 65-character local part', `${'a'.repeat(65)}@nordlicht.example`],
    ['a 64-character domain label', `ada@${'n'.repeat(64)}.example`],
    ['an address literal', 'ada@[127.0.0.1]'],
    ['a label starting and ending with a hyphen', 'ada@-example-.com'],
    ['markup in the local part', '<b>ada</b>@nordlicht.example'],
    ['a quoted local part', '"ada lovelace"@nordlicht.example'],
    ['an empty domain label', 'ada@nordlicht..example'],
    ['a numeric top-level label', 'ada@example.123'],
  ])('%s', (_name, value) => {
    expect(emailIssues(value)).toEqual(['emailInvalid']);
  });

  it.each([
    'ada.lovelace@nordlicht.example',
    'ada+billing@nordlicht.example',
    "james.o'connor@nordlicht.example",
    `${'a'.repeat(64)}@nordlicht.example`,
    `ada@${'n'.repeat(63)}.example`,
    'jürgen.größ@müller.de',
    'zofia@sub-domain.example.pl',
  ])('still accepts %s', (value) => {
    expect(emailSchema.parse(value)).toBe(value);
  });

  it('refuses a lookalike of a user’s address as an external role contact, in the memory adapter', async () => {
    const adapter = createMemoryAdapter();
    const { version } = await adapter.getContacts();
    const error = await failure(
      adapter.updateContacts(
        { roleContacts: { security: { kind: 'email', email: 'anna.schmidt\u200b@nordlicht.example' } } },
        { expectedVersion: version },
      ),
    );
    expect(error.fieldIssues).toEqual([
      { path: ['roleContacts', 'security', 'email'], code: 'emailControlCharacters' },
    ]);
  });
});

describe('card numbers', () => {
  const card = (number: string) =>
    createCardInputSchema(() => new Date('2026-01-01')).safeParse({
      cardholderName: 'Anna Schmidt',
      number,
      expiry: '12/30',
      securityCode: '123',
    });

  it('refuses an all-zero number, though its checksum adds up', () => {
    expect(passesLuhn('0000000000000000')).toBe(false);
    const result = card('0000 0000 0000 0000');
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['cardNumberInvalid']);
  });

  it('takes only 222100-272099 of the 2-series for Mastercard', () => {
    expect(detectCardBrand('2220990000000000')).toBe('other');
    expect(detectCardBrand('2221000000000009')).toBe('mastercard');
    expect(detectCardBrand('2720990000000000')).toBe('mastercard');
    expect(detectCardBrand('2721000000000000')).toBe('other');
    expect(detectCardBrand('5555555555554444')).toBe('mastercard');
  });
});

describe('field issues are message keys, never zod’s English', () => {
  it('turns a type error into "invalid"', () => {
    const parsed = contactsUpdateSchema.safeParse({ primaryContactId: 7 });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(parsed.error.issues[0]?.message).toMatch(/Invalid input/);
    expect(fieldIssuesOf(parsed.error)).toEqual([{ path: ['primaryContactId'], code: 'invalid' }]);
  });

  it('keeps the schema’s own keys', () => {
    const parsed = contactsUpdateSchema.safeParse({ billingContactIds: ['u001', 'u001'] });
    if (parsed.success) throw new Error('expected a failure');
    expect(fieldIssuesOf(parsed.error)).toEqual([
      { path: ['billingContactIds'], code: 'billingContactsDuplicate' },
    ]);
  });

  it('reports a type error from the memory adapter as "invalid"', async () => {
    const adapter = createMemoryAdapter();
    const { version } = await adapter.getContacts();
    const error = await failure(
      adapter.updateContacts(
        { billingContactIds: 'u002' as unknown as string[] },
        { expectedVersion: version },
      ),
    );
    expect(error.code).toBe('validation');
    expect(error.fieldIssues.every((issue) => /^[a-z][A-Za-z0-9]*$/.test(issue.code))).toBe(true);
    expect(error.fieldIssues).toContainEqual({ path: ['billingContactIds'], code: 'invalid' });
  });
});

describe('search parameters', () => {
  it('caps the query at 200 characters in the schema', () => {
    expect(userSearchParamsSchema.safeParse({ query: 'a'.repeat(200) }).success).toBe(true);
    expect(userSearchParamsSchema.safeParse({ query: 'a'.repeat(10_000) }).success).toBe(false);
  });

  it.each([
    ['a limit of 0', { query: '', limit: 0 }, 'limit'],
    ['a limit of 10,000', { query: '', limit: 10_000 }, 'limit'],
    ['a fractional limit', { query: '', limit: 2.5 }, 'limit'],
    ['a negative cursor', { query: '', cursor: '-5' }, 'cursor'],
    ['a cursor that is not an offset', { query: '', cursor: 'abc' }, 'cursor'],
    ['a 10,000-character query', { query: 'a'.repeat(10_000) }, 'query'],
  ])('the memory adapter refuses %s', async (_name, params, field) => {
    const error = await failure(createMemoryAdapter().searchUsers(params));
    expect(error.code).toBe('validation');
    expect(error.fieldIssues.map((issue) => issue.path[0])).toEqual([field]);
  });
});

describe('the memory adapter’s own rules', () => {
  it('says which option is wrong instead of throwing a ZodError for a 201-character name', () => {
    const users = seedUsers().map((user, index) =>
      index === 0 ? { ...user, displayName: 'A'.repeat(201) } : user,
    );
    expect(() => createMemoryAdapter({ users })).toThrow(/createMemoryAdapter: users\[0\] is invalid/);
  });

  it('fingerprints an order by content, not by key order', async () => {
    const adapter = createMemoryAdapter();
    const first = await adapter.placeOrder(draft, { idempotencyKey: 'key-order' });
    const reordered = JSON.parse(canonicalJson(draft)) as OrderDraft;
    expect(Object.keys(reordered)).not.toEqual(Object.keys(draft));
    expect(await adapter.placeOrder(reordered, { idempotencyKey: 'key-order' })).toEqual(first);
    expect(adapter.control.orders()).toHaveLength(1);
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: undefined } })).toBe(
      '{"a":{"d":[2,{"e":0,"f":1}]},"b":1}',
    );
  });

  it('binds a key to a decline: the same key is declined again, another request with it refused', async () => {
    const adapter = createMemoryAdapter();
    const { token } = await adapter.tokenizeCard({
      cardholderName: 'Anna Schmidt',
      number: '4000 0000 0000 0002',
      expiry: '12/40',
      securityCode: '123',
    });
    const declining = await adapter.createPaymentMethod({ token, sharedWithAdmins: false });
    const declinedDraft = { ...draft, paymentMethodId: declining.id };
    expect((await failure(adapter.placeOrder(declinedDraft, { idempotencyKey: 'declined' }))).code).toBe(
      'payment_declined',
    );
    expect((await failure(adapter.placeOrder(declinedDraft, { idempotencyKey: 'declined' }))).code).toBe(
      'payment_declined',
    );
    const other = await failure(adapter.placeOrder(draft, { idempotencyKey: 'declined' }));
    expect(other.fieldIssues).toEqual([{ path: ['idempotencyKey'], code: 'idempotencyKeyReused' }]);
    expect(adapter.control.orders()).toHaveLength(0);
  });

  it('reverse-charges only an EU company with its own country’s VAT id', () => {
    expect(isEuVatIdOf('DE', 'DE 123 456 789')).toBe(true);
    expect(isEuVatIdOf('DE', 'US-12-3456789')).toBe(false);
    expect(isEuVatIdOf('PL', 'DE123456789')).toBe(false);
    expect(isEuVatIdOf('GB', 'GB123456789')).toBe(false);
    expect(taxRatePercent({ ...nordlichtCompany, taxId: 'DE123456789' })).toBe(0);
    expect(taxRatePercent({ ...nordlichtCompany, taxId: '12-3456789' })).toBe(19);
    expect(taxRatePercent({ ...nordlichtCompany, country: 'PL', taxId: 'DE123456789' })).toBe(23);
  });

  it('prices a German company with a US tax id with German VAT', async () => {
    const quote = await createMemoryAdapter().previewOrder({
      ...draft,
      company: { ...nordlichtCompany, taxId: '123456789' },
    });
    expect(quote.taxRatePercent).toBe(19);
  });

  it('keeps emoji and accents whole in initials', () => {
    expect(initialsOf('Zofia Wójcik')).toBe('ZW');
    expect(initialsOf('Anna 🦊Fuchs')).toBe('AF');
    expect(initialsOf('🦊 Team Fuchs')).toBe('TF');
    expect(initialsOf('A\u0301lvaro Núñez')).toBe('A\u0301N');
    expect(initialsOf('𝓐nna Schmidt')).toBe('𝓐S');
  });
});

describe('placed, answer lost', () => {
  it('places the order, loses the answer, and answers a retry with the same key with that order', async () => {
    const adapter = createMemoryAdapter();
    adapter.control.failNextAfterApplying(1, 'network', ['placeOrder']);
    const lost = await failure(adapter.placeOrder(draft, { idempotencyKey: 'lost-answer' }));
    expect(lost.code).toBe('network');
    expect(adapter.control.orders()).toHaveLength(1);
    const retried = await adapter.placeOrder(draft, { idempotencyKey: 'lost-answer' });
    expect(retried.orderId).toBe(adapter.control.orders()[0]?.orderId);
    expect(adapter.control.orders()).toHaveLength(1);
  });

  it('saves the contacts, loses the answer, and a reload shows the saved version', async () => {
    const adapter = createMemoryAdapter();
    const { version } = await adapter.getContacts();
    adapter.control.failNextAfterApplying(1, 'network', ['updateContacts']);
    await failure(adapter.updateContacts({ primaryContactId: 'u005' }, { expectedVersion: version }));
    const reloaded = await adapter.getContacts();
    expect(reloaded.version).toBe(version + 1);
    expect(reloaded.primaryContact?.id).toBe('u005');
  });
});
