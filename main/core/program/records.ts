/**
 * The program's tracking (morning stiffness, walks, the confidence task) and its records in the
 * export: the `program` section of export version 2; import reads versions 1 (no section) and 2,
 * merging records without duplicates. A bad record costs that record only.
 */
import { z } from 'zod';
import { readSection } from '../../../shared/export-format';
import type { ProgramAction } from '../../../shared/program/actions';
import { refuseProgram } from '../../../shared/program/messages';
import { PROGRAM_SECTION, ProgramSectionSchema, SessionRecordSchema, TrackingRecordSchema, type ProgramSection } from '../../../shared/program/state';
import type { ProgramContext, ProgramResult } from './context';

type TrackAction = Extract<ProgramAction, { type: 'program/track-stiffness' | 'program/track-walk' | 'program/track-confidence' }>;

export function track(ctx: ProgramContext, action: TrackAction, at: string): ProgramResult {
  const state = ctx.state();
  switch (action.type) {
    case 'program/track-stiffness':
      ctx.commit({ ...state, tracking: [...state.tracking, { at, kind: 'stiffness', minutes: action.minutes }] });
      break;
    case 'program/track-walk':
      ctx.commit({ ...state, tracking: [...state.tracking, { at, kind: 'walk', minutes: action.minutes ?? null, metres: action.metres ?? null }] });
      break;
    case 'program/track-confidence': {
      const task = action.task ?? ctx.profile().confidenceTask.trim();
      if (!task) refuseProgram('program.invalid', { field: 'task' }, 'Name the task you are rating, for example "lift the laundry basket".');
      ctx.commit({ ...state, tracking: [...state.tracking, { at, kind: 'confidence', task, rating: action.rating }] });
      break;
    }
  }
  return ctx.result();
}

export function exportSection(ctx: ProgramContext): ProgramSection | undefined {
  const state = ctx.state();
  if (!state.startedAt && state.sessions.length === 0 && state.tracking.length === 0) return undefined;
  return { sessions: state.sessions, tracking: state.tracking, lane: state.lane, stage: state.stage, picks: [...state.picks] };
}

export function importSection(ctx: ProgramContext, file: Record<string, unknown>): { imported: number; rejected: number } {
  const state = ctx.state();
  const section = readSection(file, PROGRAM_SECTION, ProgramSectionSchema);
  if (!section) return { imported: 0, rejected: 0 };
  let rejected = 0;
  const take = <T>(list: unknown[], schema: z.ZodType<T>): T[] =>
    list.flatMap((raw) => {
      const parsed = schema.safeParse(raw);
      if (!parsed.success) rejected++;
      return parsed.success ? [parsed.data] : [];
    });
  const sessionsIn = take(section.sessions, SessionRecordSchema).filter((s) => !state.sessions.some((x) => x.at === s.at));
  const trackingIn = take(section.tracking, TrackingRecordSchema).filter((t) => !state.tracking.some((x) => x.at === t.at && x.kind === t.kind));
  const sessions = [...new Map([...state.sessions, ...sessionsIn].map((s) => [s.at, s])).values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const tracking = [...new Map([...state.tracking, ...trackingIn].map((t) => [`${t.kind}@${t.at}`, t])).values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const imported = sessions.length - state.sessions.length + tracking.length - state.tracking.length;
  if (imported > 0) ctx.commit({ ...state, sessions, tracking });
  return { imported, rejected };
}
