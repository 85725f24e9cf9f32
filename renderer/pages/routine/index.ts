/** The guided routine player (used by the break prompt). */
export { RoutinePlayer, TICK_MS, type RoutinePlayerProps } from './RoutinePlayer';
