import { zodResolver } from '@hookform/resolvers/zod';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as classic from 'zod';
import * as mini from 'zod/mini';
import {
  accountContactsSchema,
  assigneeInputSchema,
  assigneeSchema,
  billingContactIdsSchema,
  companyDetailsSchema,
  contactsUpdateSchema,
  createCardInputSchema,
  detectCardBrand,
  orderDraftSchema,
  passesLuhn,
  productSubscriptionSchema,
  seatAssignmentsUpdateSchema,
  taxIdSchema,
  tierSchema,
  userSchema,
} from '../src/schemas';
import { nordlichtCompany } from '../stories/fixtures';

function messages(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  return result.success ? [] : (result.error?.issues.map((issue) => issue.message) ?? []);
}

describe('billing contacts', () => {
  it('accepts up to three distinct users', () => {
    expect(billingContactIdsSchema.parse(['u1', 'u2', 'u3'])).toEqual(['u1', 'u2', 'u3']);
  });

  it('refuses a fourth billing contact', () => {
    expect(messages(billingContactIdsSchema.safeParse(['u1', 'u2', 'u3', 'u4']))).toContain(
      'billingContactsTooMany',
    );
  });

  it('refuses the same user twice', () => {
    expect(messages(billingContactIdsSchema.safeParse(['u1', 'u1']))).toEqual(['billingContactsDuplicate']);
  });

  it('accepts exactly the lists of at most three distinct ids (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 6 }), (ids) => {
        const valid = ids.length <= 3 && new Set(ids).size === ids.length;
        expect(billingContactIdsSchema.safeParse(ids).success).toBe(valid);
      }),
    );
  });
});

describe('assignees', () => {
  it('takes a user or an external email, trimmed', () => {
    expect(assigneeInputSchema.parse({ kind: 'email', email: ' sec@example.com ' })).toEqual({
      kind: 'email',
      email: 'sec@example.com',
    });
    expect(assigneeInputSchema.parse({ kind: 'user', userId: 'u1' })).toEqual({ kind: 'user', userId: 'u1' });
  });

  it('refuses an invalid external email with a message key', () => {
    expect(messages(assigneeInputSchema.safeParse({ kind: 'email', email: 'not-an-email' }))).toEqual([
      'emailInvalid',
    ]);
  });

  it('lets a role be cleared with null in an update', () => {
    expect(contactsUpdateSchema.parse({ roleContacts: { security: null } })).toEqual({
      roleContacts: { security: null },
    });
  });

  it('rejects contacts with four billing contacts even when read from a server', () => {
    const user = { id: 'u1', displayName: 'Anna', email: 'anna@example.com', status: 'active' };
    const result = accountContactsSchema.safeParse({
      version: 1,
      primaryContact: null,
      billingContacts: [user, user, user, user],
      roleContacts: {},
      updatedAt: new Date().toISOString(),
      updatedBy: null,
    });
    expect(result.success).toBe(false);
  });
});

describe('company details', () => {
  const valid = { ...nordlichtCompany, taxId: 'de 123.456.789' };

  it('normalises the VAT id', () => {
    expect(companyDetailsSchema.parse(valid).taxId).toBe('DE123456789');
  });

  it.each([
    [{ name: '  ' }, 'companyNameRequired'],
    [{ addressLine1: '' }, 'addressRequired'],
    [{ city: '' }, 'cityRequired'],
    [{ postalCode: '' }, 'postalCodeRequired'],
    [{ postalCode: '!!' }, 'postalCodeInvalid'],
    [{ country: '' }, 'countryRequired'],
    [{ taxId: 'ABC' }, 'taxIdInvalid'],
    [{ taxId: 'ABCDEFGH' }, 'taxIdInvalid'],
  ])('%j fails with %s', (change, code) => {
    expect(messages(companyDetailsSchema.safeParse({ ...valid, ...change }))).toContain(code);
  });

  it('accepts any 4-20 character alphanumeric tax id with a digit, whatever the separators (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z]{0,2}[0-9]{4,18}$/), (id) => {
        const spaced = id.replace(/(.{3})/g, '$1 ');
        expect(taxIdSchema.parse(spaced)).toBe(id);
      }),
    );
  });
});

describe('cards', () => {
  const now = () => new Date('2026-11-22T12:00:00Z');
  const cardSchema = createCardInputSchema(now);
  const card = {
    cardholderName: 'Anna Schmidt',
    number: '4242 4242 4242 4242',
    expiry: '12/28',
    securityCode: '123',
  };

  it('accepts a valid Visa card', () => {
    expect(cardSchema.safeParse(card).success).toBe(true);
    expect(detectCardBrand('4242424242424242')).toBe('visa');
    expect(detectCardBrand('5555555555554444')).toBe('mastercard');
    expect(detectCardBrand('378282246310005')).toBe('amex');
  });

  it.each([
    [{ number: '' }, 'cardNumberRequired'],
    [{ number: '4242 4242 4242 4241' }, 'cardNumberInvalid'],
    [{ number: '4242 4242 4242' }, 'cardNumberLength'],
    [{ number: '4242-abcd' }, 'cardNumberInvalid'],
    [{ expiry: '' }, 'cardExpiryRequired'],
    [{ expiry: '13/27' }, 'cardExpiryInvalid'],
    [{ expiry: '10/26' }, 'cardExpired'],
    [{ securityCode: '' }, 'cardSecurityCodeRequired'],
    [{ securityCode: '12' }, 'cardSecurityCodeInvalid'],
    [{ number: '3782 822463 10005', securityCode: '123' }, 'cardSecurityCodeInvalid'],
    [{ cardholderName: ' ' }, 'cardholderRequired'],
  ])('%j fails with %s', (change, code) => {
    expect(messages(cardSchema.safeParse({ ...card, ...change }))).toEqual([code]);
  });

  it('accepts the current month as an expiry', () => {
    expect(cardSchema.safeParse({ ...card, expiry: '11/26' }).success).toBe(true);
  });

  it('Luhn: changing one digit of a valid number always breaks the checksum (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 1, max: 9 }), (position, delta) => {
        const digits = '4242424242424242'.split('').map(Number);
        digits[position] = ((digits[position] ?? 0) + delta) % 10;
        expect(passesLuhn(digits.join(''))).toBe(false);
      }),
    );
  });
});

describe('catalog and orders', () => {
  it('refuses fractional money', () => {
    const result = tierSchema.safeParse({
      id: 't',
      name: 'Starter',
      rank: 1,
      features: [],
      purchase: 'self_serve',
      pricing: 'flat',
      includedSeats: 0,
      prices: { EUR: { monthly: 19.99 } },
      intervals: ['monthly'],
      commitment: 'none',
    });
    expect(result.success).toBe(false);
  });

  it('refuses a draft that gives one user two seats', () => {
    const result = orderDraftSchema.safeParse({
      tierId: 'sales-professional',
      currency: 'EUR',
      interval: 'monthly',
      seatUserIds: ['u1', 'u1'],
      paymentMethodId: null,
      company: null,
    });
    expect(messages(result)).toEqual(['seatsDuplicate']);
  });
});

describe('billing contacts form', () => {
  it('flags an empty row and a duplicate row each on their own field', async () => {
    const { billingContactsFormSchema } = await import('../src/components/company-information/form-schemas');
    const user = { id: 'u1', displayName: 'Anna', email: 'anna@example.com', status: 'active' as const };
    const result = billingContactsFormSchema.safeParse({
      billingContacts: [
        { contact: { kind: 'user', user } },
        { contact: null },
        { contact: { kind: 'user', user } },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual(
      expect.arrayContaining([
        ['billingContacts.1.contact', 'userRequired'],
        ['billingContacts.2.contact', 'billingContactsDuplicate'],
      ]),
    );
  });
});

describe('the schemas in a host’s own zod code (they are zod/mini schemas)', () => {
  const user = { id: 'u1', displayName: 'Anna Schmidt', email: 'anna@example.com', status: 'active' };

  it('compose into classic zod objects, arrays and wrappers, keeping the message keys', () => {
    const hostSchema = classic.object({
      owner: userSchema,
      watchers: classic.array(userSchema).max(2),
      deputy: classic.nullable(assigneeSchema).optional(),
    });
    expect(hostSchema.parse({ owner: user, watchers: [user] })).toEqual({ owner: user, watchers: [user] });
    const result = hostSchema.safeParse({ owner: { ...user, email: 'anna@' }, watchers: [] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['owner.email', 'emailInvalid'],
    ]);
  });

  it('extend with zod/mini’s functions, and describe themselves as JSON Schema', () => {
    const withTeam = mini.extend(userSchema, { team: mini.string() });
    expect(withTeam.parse({ ...user, team: 'Billing' })).toEqual({ ...user, team: 'Billing' });
    const jsonSchema = classic.toJSONSchema(userSchema);
    expect(jsonSchema.type).toBe('object');
    expect(jsonSchema.required).toEqual(['id', 'displayName', 'email', 'status']);
  });

  it('validate react-hook-form values through @hookform/resolvers', async () => {
    const resolver = zodResolver(contactsUpdateSchema);
    const options = { fields: {}, shouldUseNativeValidation: false } as const;
    const valid = await resolver({ billingContactIds: ['u1', 'u2'] }, undefined, options);
    expect(valid.errors).toEqual({});
    const invalid = await resolver({ billingContactIds: ['u1', 'u1'] }, undefined, options);
    expect(invalid.errors.billingContactIds?.message).toBe('billingContactsDuplicate');
  });

  it('include the billing settings schemas: a seat change through the resolver, subscriptions in classic zod', async () => {
    const resolver = zodResolver(seatAssignmentsUpdateSchema);
    const options = { fields: {}, shouldUseNativeValidation: false } as const;
    const valid = await resolver({ assign: ['u1'], unassign: ['u2'] }, undefined, options);
    expect(valid.errors).toEqual({});
    const invalid = await resolver({ assign: ['u1', 'u1'], unassign: [] }, undefined, options);
    expect(invalid.errors.assign?.message).toBe('seatsDuplicate');
    const both = seatAssignmentsUpdateSchema.safeParse({ assign: ['u1'], unassign: ['u1'] });
    expect(both.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['assign.0', 'invalid'],
    ]);

    const subscription = {
      productId: 'sales',
      tierId: 'sales-starter',
      status: 'active',
      interval: 'monthly',
      currency: 'EUR',
      pricing: 'per_seat',
      seatsBought: 5,
      seatsAssigned: 4,
      price: 5400,
      nextCharge: { date: '2025-07-01', amount: 5400 },
      paymentMethod: { id: 'pm_visa_4242', brand: 'visa', last4: '4242', expMonth: 8, expYear: 2027 },
    };
    const hostSchema = classic.object({ subscriptions: classic.array(productSubscriptionSchema).min(1) });
    expect(hostSchema.parse({ subscriptions: [subscription] })).toEqual({ subscriptions: [subscription] });
    const fractional = hostSchema.safeParse({ subscriptions: [{ ...subscription, seatsBought: 1.5 }] });
    expect(fractional.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'subscriptions.0.seatsBought',
    ]);
  });
});
