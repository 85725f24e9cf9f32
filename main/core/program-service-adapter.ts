/**
 * The home program (main/core/program) plugged into the engine's services seam (services.ts):
 * `program/*` actions go to it, its export section is `program` (export version 2), import files
 * of any version are handed to it, its reminders reach the companion's onReminder listeners as
 * kind 'program', and its timers are re-armed and disarmed with the engine's. The safety gate is
 * the engine's own (safetyGateOpen on the current profile, from the context).
 *
 * The runner's read views (runner-reads.ts) reach the service itself through `programOf`.
 */
import type { SafetyReaskView } from '../../shared/ipc-contract';
import { reaskReason, REASK_WORSE_WINDOW_DAYS } from '../../shared/red-flags';
import type { Profile } from '../../shared/profile';
import { createProgramService, type ProgramService } from './program';
import type { EngineService, ServiceContext, ServiceFactory } from './services';
import type { Clock } from './clock-contract';

export const PROGRAM_ACTION_PREFIX = 'program/';

/** The seam's service with the program behind it, for the runner's read views. */
export interface ProgramEngineService extends EngineService {
  readonly program: ProgramService;
}

/**
 * The engine's clock, with the program's reminder timers unref'd where the clock's handles allow
 * it (Node timers): a reminder hours away never keeps a process alive by itself (the CLI builds a
 * companion only to read and never starts or stops it). The app's own process stays up anyway.
 */
function quietClock(clock: Clock): Clock {
  return {
    now: () => clock.now(),
    monotonic: () => clock.monotonic(),
    setTimeout(fn, ms) {
      const handle = clock.setTimeout(fn, ms);
      (handle as { unref?: () => void } | null)?.unref?.();
      return handle;
    },
    clearTimeout: (handle) => clock.clearTimeout(handle),
  };
}

export const programServiceFactory: ServiceFactory = (context: ServiceContext): ProgramEngineService => {
  const program = createProgramService({
    dataDir: context.dataDir,
    clock: quietClock(context.clock),
    gateOpen: () => context.gateOpen(),
    profile: () => context.profile(),
    onChange: () => context.changed(),
    onReminder: (reminder) => context.remind?.({ kind: 'program', at: reminder.at, slot: reminder.slot }),
  });
  return {
    actionPrefix: PROGRAM_ACTION_PREFIX,
    program,
    dispatch(action) {
      // A folder opened read-only (another Movesnack holds it, or the CLI reads it) is never written.
      if (context.readOnly) throw new Error('This Movesnack opened your data folder read-only, so it cannot change your home program. Use the Movesnack that is already running.');
      return program.dispatch(action);
    },
    exportSection() {
      const value = program.exportSection();
      return value ? { name: 'program', value } : undefined;
    },
    importSection: (file) => ({ imported: program.importSection(file).imported }),
    resync: () => program.resync(),
    stop: () => program.stop(),
  };
};

/** The program behind a runner's services, if it runs one. */
export function programOf(services: readonly EngineService[]): ProgramService | undefined {
  const found = services.find((s) => s.actionPrefix === PROGRAM_ACTION_PREFIX && 'program' in s);
  return (found as ProgramEngineService | undefined)?.program;
}

const DAY = 24 * 60 * 60 * 1000;


/**
 * The re-ask check of red-flags.ts with the program's "worse" and "leg felt worse" session
 * answers counted beside the break answers: one session counts once, whichever it reported.
 */
export function safetyReask(
  profile: Profile,
  breaks: readonly { at: string; feeling: 'better' | 'same' | 'worse' | null }[],
  program: ProgramService | undefined,
  now: number,
): SafetyReaskView {
  const from = now - REASK_WORSE_WINDOW_DAYS * DAY;
  const setbacks = program?.setbacks(from) ?? [];
  const sessionsWorse = [...new Set(setbacks.map((s) => s.at))];
  const feelings = [
    ...breaks.map((b) => ({ at: b.at, feeling: b.feeling, source: 'break' as const })),
    ...sessionsWorse.map((at) => ({ at, feeling: 'worse' as const, source: 'program' as const })),
  ];
  const worse = feelings
    .filter((f) => f.feeling === 'worse' && Date.parse(f.at) > from && Date.parse(f.at) <= now)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .map(({ at, source }) => ({ at, source }));
  const legWorseAt = setbacks.filter((s) => s.kind === 'leg-worse').at(-1)?.at ?? null;
  return { reason: reaskReason(profile.redFlags, feelings, now), worse, legWorseAt };
}
