export { PaymentMethods } from './PaymentMethods.js';
export type { PaymentMethodsProps } from './PaymentMethods.js';
export { usePaymentMethods } from './use-payment-methods.js';
export type {
  PaymentMethodChange,
  PaymentMethodOutcome,
  PaymentMethodProblem,
  PaymentMethodRefusal,
  PaymentMethodsState,
  PaymentMethodsStatus,
  PaymentMethodView,
  UsePaymentMethodsOptions,
} from './use-payment-methods.js';
