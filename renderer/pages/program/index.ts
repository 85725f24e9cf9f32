/**
 * The home program page (issue 14). Mount it as the `program` route; it reads the engine through
 * renderer/data/program.ts (getProgram + program/* actions) and brings its own styles.
 */
export { ProgramPage } from './ProgramPage';
