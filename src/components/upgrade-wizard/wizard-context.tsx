import { createContext, useContext, type ReactNode } from 'react';
import { addEnglish } from '../../i18n/english.js';
import { upgradeEn } from './messages.en.js';
import type { UpgradeWizardActions, UseUpgradeWizardResult } from './use-upgrade-wizard.js';

// The wizard's English strings load with the wizard (every step reads its state from here), so
// a page with only the contact picker or the company information screen does not carry them.
addEnglish({ upgrade: upgradeEn });

const UpgradeWizardContext = createContext<UseUpgradeWizardResult | null>(null);

/**
 * Hands one `useUpgradeWizard` result to the steps below, which read it through the narrow
 * selector hooks (`useWizardActions`, `useWizardQuote`, …) instead of receiving all of it.
 *
 * @example
 * const wizard = useUpgradeWizard(options);
 * return <UpgradeWizardProvider value={wizard}><MyPlanStep /></UpgradeWizardProvider>;
 */
export function UpgradeWizardProvider({
  value,
  children,
}: {
  value: UseUpgradeWizardResult;
  children: ReactNode;
}) {
  return <UpgradeWizardContext.Provider value={value}>{children}</UpgradeWizardContext.Provider>;
}

function useWizard(hook: string): UseUpgradeWizardResult {
  const wizard = useContext(UpgradeWizardContext);
  if (!wizard) {
    throw new Error(`account-billing-kit: ${hook}() must be used inside <UpgradeWizardProvider>.`);
  }
  return wizard;
}

/** The stable actions: select, move, purchase. */
export function useWizardActions(): UpgradeWizardActions {
  return useWizard('useWizardActions').actions;
}

/** The reducer's state: the draft, the agreement and the purchase attempt. */
export function useWizardState(): UseUpgradeWizardResult['state'] {
  return useWizard('useWizardState').state;
}

/** Where the wizard is and whether "Next" may move on. */
export type WizardNavigation = Pick<UseUpgradeWizardResult, 'step' | 'steps' | 'stepIndex' | 'canContinue'>;

export function useWizardNavigation(): WizardNavigation {
  const { step, steps, stepIndex, canContinue } = useWizard('useWizardNavigation');
  return { step, steps, stepIndex, canContinue };
}

/** What is being bought: the product, tier and currency of the draft. */
export type WizardSelection = Pick<UseUpgradeWizardResult, 'selectedProduct' | 'selectedTier' | 'currency'>;

export function useWizardSelection(): WizardSelection {
  const { selectedProduct, selectedTier, currency } = useWizard('useWizardSelection');
  return { selectedProduct, selectedTier, currency };
}

/** Who holds a seat of the chosen product today, and whether that is known yet. */
export type WizardSeatHolders = Pick<
  UseUpgradeWizardResult,
  'seatHolders' | 'seatHoldersStatus' | 'seatHoldersError'
>;

export function useWizardSeatHolders(): WizardSeatHolders {
  const { seatHolders, seatHoldersStatus, seatHoldersError } = useWizard('useWizardSeatHolders');
  return { seatHolders, seatHoldersStatus, seatHoldersError };
}

/** The catalog and the product tab that is open. */
export type WizardCatalog = Pick<
  UseUpgradeWizardResult,
  'catalogStatus' | 'catalog' | 'catalogError' | 'products' | 'activeProduct' | 'currency'
>;

export function useWizardCatalog(): WizardCatalog {
  const { catalogStatus, catalog, catalogError, products, activeProduct, currency } =
    useWizard('useWizardCatalog');
  return { catalogStatus, catalog, catalogError, products, activeProduct, currency };
}

/** The price of the draft on screen. */
export type WizardQuote = Pick<UseUpgradeWizardResult, 'quoteStatus' | 'quote' | 'quoteError'>;

export function useWizardQuote(): WizardQuote {
  const { quoteStatus, quote, quoteError } = useWizard('useWizardQuote');
  return { quoteStatus, quote, quoteError };
}

/** The purchase: in flight, failed ambiguously, or held back by the terms. */
export type WizardPurchase = Pick<
  UseUpgradeWizardResult,
  'purchasing' | 'ambiguousFailure' | 'purchaseInterrupted' | 'termsError'
>;

export function useWizardPurchase(): WizardPurchase {
  const { purchasing, ambiguousFailure, purchaseInterrupted, termsError } = useWizard('useWizardPurchase');
  return { purchasing, ambiguousFailure, purchaseInterrupted, termsError };
}

/** The viewer's account and whether they may purchase. */
export type WizardAccount = Pick<
  UseUpgradeWizardResult,
  'accountStatus' | 'account' | 'mayPurchase' | 'administrators' | 'canRequestUpgrade'
>;

export function useWizardAccount(): WizardAccount {
  const { accountStatus, account, mayPurchase, administrators, canRequestUpgrade } =
    useWizard('useWizardAccount');
  return { accountStatus, account, mayPurchase, administrators, canRequestUpgrade };
}
