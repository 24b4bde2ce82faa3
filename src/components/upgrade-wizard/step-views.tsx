import { lazy, Suspense, type ComponentType } from 'react';
import { LoadingState } from '../../ui/index.js';
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
  payment: withLoadingState(lazy(() => import('./PaymentStep.js'))),
  review: ReviewStep,
  done: DoneStep,
};

/**
 * A lazily loaded step inside its own Suspense boundary. Only such a step has one: under
 * React 18, a boundary around a step that hydrates from server HTML is abandoned for client
 * rendering by any update that reaches it before it has hydrated (a query settling, say).
 */
function withLoadingState(Step: ComponentType<WizardStepViewProps>): ComponentType<WizardStepViewProps> {
  return function LoadingStep(props: WizardStepViewProps) {
    return (
      <Suspense fallback={<LoadingState tall />}>
        <Step {...props} />
      </Suspense>
    );
  };
}
