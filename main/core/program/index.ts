export {
  createProgramService,
  type ProgramService,
  type ProgramServiceOptions,
  type ProgramView,
  type ProgramResult,
  type ProgramReminder,
  type ProgramSetback,
  type ProgramAsk,
  type ExplainedChange,
  type ExplainedNote,
  type ViewCaution,
  type ViewExercise,
  type ViewText,
} from './service';
export { createProgramStore, PROGRAM_FILE, type ProgramStore } from './store';
