export { FirstRun } from './FirstRun';
export { BackProfileSettings } from './BackProfileSettings';
export { SafetyCheck, SafetyQuestions, HeldBackNotice } from './SafetyCheck';
export { AboutYouForm, aboutYouActions, type AboutYouAnswers } from './AboutYou';
export type { EngineProps } from '../../data/flows';
