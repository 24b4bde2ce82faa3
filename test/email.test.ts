import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emailSchema, EMAIL_MAX_LENGTH } from '../src/schemas';
import { emailIssue } from '../src/schemas/email-rules';

function issueCodes(value: unknown): string[] {
  const result = emailSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe('emailSchema', () => {
  it('trims surrounding whitespace', () => {
    expect(emailSchema.parse('  zofia.wojcik@example.pl \n')).toBe('zofia.wojcik@example.pl');
  });

  it('accepts addresses with non-ASCII local parts', () => {
    expect(emailSchema.parse('jürgen.größ@example.de')).toBe('jürgen.größ@example.de');
  });

  it.each([
    ['', 'emailRequired'],
    ['   ', 'emailRequired'],
    ['ada', 'emailInvalid'],
    ['ada@', 'emailInvalid'],
    ['ada@example', 'emailInvalid'],
    ['ada @example.com', 'emailInvalid'],
    ['ada@@example.com', 'emailInvalid'],
    ['ada\u0000@example.com', 'emailControlCharacters'],
    ['ada\u202e@example.com', 'emailControlCharacters'],
    [`${'a'.repeat(EMAIL_MAX_LENGTH)}@example.com`, 'emailTooLong'],
  ])('rejects %j with the %s message key', (value, code) => {
    expect(issueCodes(value)).toEqual([code]);
  });

  it('never accepts a value containing whitespace inside the address', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (left, right) => {
        const candidate = `a${left} ${right}b@example.com`;
        expect(emailSchema.safeParse(candidate).success).toBe(false);
      }),
    );
  });

  it('accepts every address made of safe labels, unchanged', () => {
    const label = fc.stringMatching(/^[a-z0-9]{1,12}$/);
    fc.assert(
      fc.property(label, label, fc.stringMatching(/^[a-z]{2,6}$/), (local, domain, tld) => {
        const address = `${local}@${domain}.${tld}`;
        expect(emailSchema.parse(address)).toBe(address);
      }),
    );
  });
});

describe('emailIssue (the rules without zod, as the contact picker asks them)', () => {
  it('names the same first broken rule as emailSchema, for any trimmed text', () => {
    const addressLike = fc.oneof(
      fc.string(),
      fc.emailAddress(),
      fc.tuple(fc.string(), fc.string()).map(([local, domain]) => `${local}@${domain}`),
      fc.string({ minLength: EMAIL_MAX_LENGTH }).map((text) => `${text}@example.com`),
    );
    fc.assert(
      fc.property(addressLike, (text) => {
        const trimmed = text.trim();
        expect(emailIssue(trimmed)).toBe(issueCodes(trimmed)[0] ?? null);
      }),
      { numRuns: 500 },
    );
  });

  it.each(['', 'ada@example', 'ada\u200b@example.com', `${'a'.repeat(250)}@example.com`])(
    'agrees on %j',
    (text) => {
      expect(emailIssue(text)).toBe(issueCodes(text)[0] ?? null);
    },
  );
});
