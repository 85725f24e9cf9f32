/** The guided routine player (used by the break prompt), and a step's words in the user's language. */
export { RoutinePlayer, TICK_MS, type RoutinePlayerProps } from './RoutinePlayer';
export { stepCues, stepName } from './step-text';
