/**
 * The break prompt and the routine flow after it. The dashboard shows the same choices while a
 * break is due, so the pieces it reuses are exported here too.
 */
export { BreakFlow, BreakChoices, HeldNote, RoutinesOffNote, routinesOff } from './BreakPrompt';
