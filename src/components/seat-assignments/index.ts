export { SeatAssignments } from './SeatAssignments.js';
export type { SeatAssignmentsProps } from './SeatAssignments.js';
export { useSeatAssignments } from './use-seat-assignments.js';
export type {
  SeatAssignmentsState,
  SeatAssignmentsStatus,
  SeatChange,
  SeatProblem,
  SeatPurchase,
} from './use-seat-assignments.js';
