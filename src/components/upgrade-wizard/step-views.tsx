import { lazy, type ComponentType } from 'react';
import { DoneStep } from './DoneStep.js';
import { PlanStep } from './PlanStep.js';
import { ReviewStep } from './ReviewStep.js';
import { SeatsStep } from './SeatsStep.js';
import type { WizardStepViewProps } from './types.js';
import type { WizardStep } from './wizard-machine.js';

/**
 * The component of each step in the registry (`wizard-steps.ts`). The mapped type makes a
 * registry entry without a component a type error, so no step can render an empty section.
 */
export const stepViews: { readonly [Step in WizardStep]: ComponentType<WizardStepViewProps> } = {
  plan: PlanStep,
  seats: SeatsStep,
  // Card handling is only downloaded when someone reaches the payment step.
  payment: lazy(() => import('./PaymentStep.js')),
  review: ReviewStep,
  done: DoneStep,
};
