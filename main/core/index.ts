export { createCompanion } from './companion';
export type { Companion, CompanionOptions } from './types';
export type { CompanionState, Phase } from '../../shared/state';
export type { Action } from '../../shared/actions';
export type { Settings } from '../../shared/settings';
export type { WeeklySummary } from '../../shared/summary';
export type { MovesnackExport } from '../../shared/export-format';
