import * as z from 'zod/mini';
import type { CardBrand } from './billing.js';

/** Digits only: hosts and users type spaces and dashes between groups. */
export function cardDigits(value: string): string {
  return value.replace(/[\s-]/g, '');
}

/** The Luhn checksum every card number carries in its last digit. No card number is all zeros. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let index = digits.length - 1; index >= 0; index -= 1) {
    let digit = Number(digits[index]);
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

const BRAND_RULES: { brand: CardBrand; pattern: RegExp; lengths: number[]; cvcLength: number }[] = [
  { brand: 'amex', pattern: /^3[47]/, lengths: [15], cvcLength: 4 },
  { brand: 'visa', pattern: /^4/, lengths: [13, 16, 19], cvcLength: 3 },
  // Mastercard's 2-series runs from 222100 to 272099: 2220… is not Mastercard.
  {
    brand: 'mastercard',
    pattern: /^(5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720)/,
    lengths: [16],
    cvcLength: 3,
  },
  { brand: 'discover', pattern: /^(6011|65|64[4-9])/, lengths: [16, 19], cvcLength: 3 },
];

function rulesFor(digits: string) {
  return BRAND_RULES.find((rule) => rule.pattern.test(digits));
}

/** Detects the card brand from the leading digits (as soon as they decide it). */
export function detectCardBrand(digits: string): CardBrand {
  return rulesFor(digits)?.brand ?? 'other';
}

/** `MM/YY` or `MM / YYYY` → month and four-digit year, or null. */
export function parseCardExpiry(value: string): { month: number; year: number } | null {
  const match = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(value);
  if (!match?.[1] || !match[2]) return null;
  const month = Number(match[1]);
  const year = match[2].length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
  if (month < 1 || month > 12) return null;
  return { month, year };
}

/**
 * A new card as typed into the default card form. It is validated here and handed only to the
 * adapter's `tokenizeCard`; it is never stored, logged or cached.
 * `now` is injectable so expiry checks are testable.
 */
export function createCardInputSchema(now: () => Date = () => new Date()) {
  return /* @__PURE__ */ z
    .object({
      cardholderName: /* @__PURE__ */ z
        .string()
        .check(
          /* @__PURE__ */ z.trim(),
          /* @__PURE__ */ z.minLength(1, { error: 'cardholderRequired' }),
          /* @__PURE__ */ z.maxLength(200, { error: 'textTooLong' }),
        ),
      number: /* @__PURE__ */ z.string(),
      expiry: /* @__PURE__ */ z.string(),
      securityCode: /* @__PURE__ */ z.string(),
    })
    .check(
      /* @__PURE__ */ z.superRefine((card, ctx) => {
        // Each issue names its field and a `validation` message key.
        const issue = (field: keyof typeof card, message: string) =>
          ctx.addIssue({ code: 'custom', path: [field], message });
        const digits = cardDigits(card.number);
        const rule = rulesFor(digits);
        if (digits === '') {
          issue('number', 'cardNumberRequired');
        } else if (!/^\d+$/.test(digits)) {
          issue('number', 'cardNumberInvalid');
        } else {
          const lengthOk = rule
            ? rule.lengths.includes(digits.length)
            : digits.length >= 12 && digits.length <= 19;
          if (!lengthOk) issue('number', 'cardNumberLength');
          else if (!passesLuhn(digits)) issue('number', 'cardNumberInvalid');
        }

        if (card.expiry.trim() === '') {
          issue('expiry', 'cardExpiryRequired');
        } else {
          const expiry = parseCardExpiry(card.expiry);
          if (!expiry) {
            issue('expiry', 'cardExpiryInvalid');
          } else {
            const today = now();
            const current = today.getFullYear() * 12 + today.getMonth();
            const expires = expiry.year * 12 + (expiry.month - 1);
            if (expires < current) issue('expiry', 'cardExpired');
            else if (expires > current + 12 * 20) issue('expiry', 'cardExpiryInvalid');
          }
        }

        const cvcLength = rule?.cvcLength;
        const code = card.securityCode.trim();
        if (code === '') {
          issue('securityCode', 'cardSecurityCodeRequired');
        } else if (
          !/^\d+$/.test(code) ||
          (cvcLength ? code.length !== cvcLength : code.length < 3 || code.length > 4)
        ) {
          issue('securityCode', 'cardSecurityCodeInvalid');
        }
      }),
    );
}
export type CardInput = z.infer<ReturnType<typeof createCardInputSchema>>;
