// Seed 004 (German) ends the purchase with how the card is charged, that a valid card must be
// on file at all times, and that seats are managed as "Sales Pro-Nutzer verwalten". The billing
// screens' German catalog keeps to those words.
import { describe, expect, it } from 'vitest';
import { de } from '../src/locales/de';

describe('the billing screens’ German terms', () => {
  it('say how the card is charged in the seed’s words', () => {
    expect(de.paymentMethods.description).toContain(
      'Ihre Kreditkarte wird entsprechend des Abonnement-Rechnungszeitraums belastet',
    );
    expect(de.paymentMethods.description).toContain('uns muss dauerhaft eine gültige Karte vorliegen');
    expect(de.billingOverview.cardExpiredBody).toContain('Uns muss dauerhaft eine gültige Karte vorliegen');
  });

  it('call seats “Lizenzen” and their management “…-Nutzer verwalten”', () => {
    expect(de.seatAssignments.title).toBe('Lizenzen');
    expect(de.billingOverview.manageSeats).toBe('{product}-Nutzer verwalten');
    expect(de.seatAssignments.buyMore).toBe('Weitere Lizenzen kaufen');
  });

  it('use the wizard’s words for the billing interval and the card', () => {
    expect(de.billingOverview.interval).toBe(de.upgrade.plan.interval);
    expect(de.paymentMethods.addCardTitle).toBe(de.upgrade.payment.newCard);
  });
});
