// The wizard's steps, in order: the one list the reducer moves through and the view renders.
// Plain data and pure functions, no React, so the reducer stays testable without rendering;
// each step's component is looked up by id in `step-views.tsx`, whose type requires one.
import type { MessageKey } from '../../i18n/messages.js';
import type { WizardState } from './wizard-machine.js';

/**
 * What a step does in the purchase:
 * - `draft`: edits what is bought; locked while an order is placed and after it was placed.
 * - `purchase`: where the order is placed; entering it starts a purchase attempt.
 * - `outcome`: reached only by the purchase's result, never by "Next"; not listed in the
 *   step navigation.
 */
export type WizardStepPhase = 'draft' | 'purchase' | 'outcome';

/** One step of the upgrade wizard. */
export interface WizardStepDefinition {
  /** The step's id: the value of `step`, `defaultStep`, `onStepChange` and `data-step`. */
  id: string;
  phase: WizardStepPhase;
  /** Whether this draft goes through the step at all, e.g. seats only for per-seat tiers. */
  appliesTo: (state: WizardState) => boolean;
  /** Whether the step's own input is complete enough to move past it. */
  isComplete: (state: WizardState) => boolean;
  /** The step's heading and its name in the step navigation. */
  titleKey: MessageKey | ((state: WizardState) => MessageKey);
}

const always = (): boolean => true;

export const wizardSteps = [
  {
    id: 'plan',
    phase: 'draft',
    appliesTo: always,
    isComplete: (state) => state.tierId !== null && state.currency !== null,
    titleKey: 'upgrade.steps.plan',
  },
  {
    id: 'seats',
    phase: 'draft',
    appliesTo: (state) => state.pricing === 'per_seat',
    // A flat tier skips the step, so there is nothing to complete.
    isComplete: (state) => state.pricing !== 'per_seat' || state.seatUserIds.length > 0,
    titleKey: 'upgrade.steps.seats',
  },
  {
    id: 'payment',
    phase: 'draft',
    appliesTo: always,
    isComplete: (state) => state.company !== null && state.paymentMethodId !== null,
    titleKey: 'upgrade.steps.payment',
  },
  {
    id: 'review',
    phase: 'purchase',
    appliesTo: always,
    isComplete: (state) => state.attempt?.status === 'succeeded',
    titleKey: 'upgrade.steps.review',
  },
  {
    id: 'done',
    phase: 'outcome',
    appliesTo: always,
    isComplete: () => false,
    titleKey: (state) => {
      switch (state.attempt?.status) {
        case 'succeeded':
          return 'upgrade.done.title';
        case 'interrupted':
          return 'upgrade.done.interruptedTitle';
        case 'placing':
          return 'upgrade.review.purchasing';
        default:
          return 'upgrade.done.failedTitle';
      }
    },
  },
] as const satisfies readonly WizardStepDefinition[];
