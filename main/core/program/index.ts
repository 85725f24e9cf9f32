export { createProgramService, type ProgramService, type ProgramServiceOptions, type ProgramView, type ProgramResult, type ProgramReminder, type ExplainedChange, type ExplainedNote, type ViewExercise } from './service';
export { createProgramStore, PROGRAM_FILE, type ProgramStore } from './store';
