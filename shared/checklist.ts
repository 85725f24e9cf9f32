import { z } from 'zod';
import type { Answer } from './history';

/**
 * The workstation check: its questions as data, and the pure scoring the result page shows.
 *
 * Item ids are stored in every saved check (`checklist/save`) and in exports: never rename or
 * reuse one. To retire a question, remove it; old checks that mention it are scored without it.
 * The wording follows the ergonomics advice in the project's physiotherapy source
 * (seed/back-pain-roadmap.txt), rewritten; nothing here diagnoses anything.
 */

const slug = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lower-case words joined by hyphens');

/** A computed target (shared/ergonomics.ts) that helps answer or fix an item. */
export const TargetKeySchema = z.enum(['seat', 'desk', 'screen', 'standing-desk', 'standing-screen']);
export type TargetKey = z.infer<typeof TargetKeySchema>;

export const ChecklistItemSchema = z.strictObject({
  id: slug,
  /** Answered yes / no / not sure; "yes" is always the comfortable answer. */
  question: z.string().min(10).max(200),
  /** Shown when the answer is "no" (and in the list of things to fix). */
  fix: z.string().min(10).max(360),
  /** When the question may not apply, say so: the item can be left unanswered. */
  note: z.string().max(120).optional(),
  /** The fix can open a setting: the break interval. */
  link: z.literal('break-interval').optional(),
  target: TargetKeySchema.optional(),
});
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

export const ChecklistAreaSchema = z.strictObject({
  id: slug,
  title: z.string().min(1).max(40),
  intro: z.string().min(1).max(240),
  /** Optional areas are offered, not imposed: standing desk, driving, heavy things. */
  optional: z.boolean(),
  items: z.array(ChecklistItemSchema).min(1),
});
export type ChecklistArea = z.infer<typeof ChecklistAreaSchema>;

export const ChecklistCatalogueSchema = z
  .array(ChecklistAreaSchema)
  .min(1)
  .superRefine((areas, ctx) => {
    const seen = new Set<string>();
    for (const area of areas) {
      for (const id of [area.id, ...area.items.map((i) => i.id)]) {
        if (seen.has(id)) ctx.addIssue({ code: 'custom', message: `duplicate id "${id}"` });
        seen.add(id);
      }
    }
    const firstOptional = areas.findIndex((a) => a.optional);
    if (firstOptional >= 0 && areas.slice(firstOptional).some((a) => !a.optional)) {
      ctx.addIssue({ code: 'custom', message: 'core areas come before optional ones' });
    }
  });

const CATALOGUE_DATA: ChecklistArea[] = [
  {
    id: 'screen',
    title: 'Screen',
    intro: 'Where your eyes go, your head and neck follow, and your back follows them.',
    optional: false,
    items: [
      {
        id: 'screen-top-eye-level',
        question: 'Is the top edge of your screen level with your eyes, or a little below?',
        fix: 'Raise the screen with a monitor arm, a stand or a stack of sturdy books until its top edge sits at eye height or a few centimetres lower.',
        target: 'screen',
      },
      {
        id: 'screen-arm-length',
        question: 'Is the screen roughly an arm’s length away from you (50–70 cm)?',
        fix: 'Move it until your fingertips could just touch it with your arm stretched out, about 50–70 cm from your eyes. If the text then feels small, make it bigger rather than leaning in.',
      },
      {
        id: 'screen-eyes-ahead',
        question: 'When you read the middle of the screen, do your eyes look only a little down, rather than far down?',
        fix: 'Looking far down pulls your head forward. With the top edge at or a little below eye level, your eyes drop only about 15–20° to the middle of the screen, and your head can stay level.',
      },
      {
        id: 'screen-laptop-setup',
        question: 'If you work on a laptop, is it raised on a stand, with a separate keyboard and mouse?',
        note: 'Leave this one unanswered if you do not use a laptop.',
        fix: 'Put the laptop on a stand (or books) so its screen reaches eye height, and plug in a separate keyboard and mouse so your hands can stay low and close.',
        target: 'screen',
      },
    ],
  },
  {
    id: 'chair',
    title: 'Chair',
    intro: 'A seat that fits lets your back rest in a gentle curve instead of slumping.',
    optional: false,
    items: [
      {
        id: 'chair-hips-above-knees',
        question: 'Sitting back in your chair, are your hips slightly higher than your knees?',
        fix: 'Raise the seat a notch or two, until your thighs slope gently down from hip to knee. If your feet then lose contact with the floor, add a footrest; if the seat edge presses behind your knees, tilt the seat forward a little.',
        target: 'seat',
      },
      {
        id: 'chair-pelvis-forward',
        question: 'Does your pelvis tip slightly forward, so your lower back keeps a gentle inward curve?',
        fix: 'Slide right to the back of the seat and let your pelvis roll a little forward, as if showing your belt buckle to the desk. A slightly higher seat makes this easier.',
      },
      {
        id: 'chair-feet-supported',
        question: 'Do your feet rest flat on the floor or on a footrest?',
        fix: 'Add a footrest (a sturdy box or a firm stack of books works) so both feet are fully supported while the seat stays high enough for your hips to sit above your knees.',
      },
      {
        id: 'chair-lumbar-support',
        question: 'If some support in the small of your back feels good, do you have it?',
        note: 'If you are comfortable without any, answer yes.',
        fix: 'Try a slim cushion or a rolled-up towel at about belt height. Keep it only if it feels better; it is a comfort aid, not a must.',
      },
    ],
  },
  {
    id: 'keyboard-mouse',
    title: 'Keyboard and mouse',
    intro: 'Reaching for the keys pulls the shoulders forward and the back with them.',
    optional: false,
    items: [
      {
        id: 'keyboard-mouse-close',
        question: 'Are your keyboard and mouse close enough that you never reach forward for them?',
        fix: 'Bring the keyboard to the front of the desk and keep the mouse right next to it, so your upper arms can hang by your sides.',
      },
      {
        id: 'keyboard-elbows-90',
        question: 'When you type, are your elbows bent to about a right angle, close to your sides?',
        fix: 'Set the seat (or the desk) so the keys sit at about elbow height and your forearms are roughly level. Add a footrest if raising the seat lifts your feet.',
        target: 'desk',
      },
      {
        id: 'keyboard-shoulders-relaxed',
        question: 'Do your shoulders stay relaxed and low while you type and use the mouse?',
        fix: 'Shoulders creeping up usually means the desk is too high for the chair: raise the seat (with a footrest) or lower the desk. Armrests should only brush your forearms.',
        target: 'desk',
      },
    ],
  },
  {
    id: 'posture',
    title: 'Posture cue',
    intro: 'There is no single perfect posture. One easy cue helps you find a good default.',
    optional: false,
    items: [
      {
        id: 'posture-ribs-over-pelvis',
        question:
          'Do your ribs sit stacked over your pelvis, rather than leaning back behind it or pushed out in front?',
        fix: 'Think “ribs over pelvis”: let your rib cage settle straight above your hips, breathe out, and relax. Use it as a quick check-in now and then, not a position to hold stiffly.',
      },
    ],
  },
  {
    id: 'habits',
    title: 'Habits',
    intro: 'Even a well-set-up desk gets uncomfortable if you stay still for too long.',
    optional: false,
    items: [
      {
        id: 'habits-move-every-30-45',
        question: 'Do you change position (stand up, walk, move) at least every 30 to 45 minutes?',
        fix: 'Let Movesnack remind you: set the break interval to somewhere between 30 and 45 minutes, and change something each time, even just standing for a minute.',
        link: 'break-interval',
      },
    ],
  },
  {
    id: 'standing-desk',
    title: 'Standing desk',
    intro: 'For a sit-stand desk: the same rules, one storey higher.',
    optional: true,
    items: [
      {
        id: 'standing-desk-elbow-height',
        question: 'When you stand, is the desk at about elbow height, with your shoulders relaxed?',
        fix: 'Raise or lower the desk until your forearms are level when you type. Note the height (many desks have memory buttons) so switching is quick.',
        target: 'standing-desk',
      },
      {
        id: 'standing-desk-screen',
        question: 'When you stand, is the top of the screen still level with your eyes or a little below?',
        fix: 'Raise the screen with the desk, or use a monitor arm that reaches both heights.',
        target: 'standing-screen',
      },
      {
        id: 'standing-desk-soft-knees',
        question: 'Do you stand with your knees soft and your weight shared between both feet?',
        fix: 'Unlock your knees a touch and shift your weight now and then. Switch between sitting and standing through the day rather than doing either for hours.',
      },
    ],
  },
  {
    id: 'driving',
    title: 'Driving position',
    intro: 'If you drive a lot, the car seat is a second workstation.',
    optional: true,
    items: [
      {
        id: 'driving-sit-bones',
        question: 'In the car, do you sit upright on your sit bones, back against the seat?',
        fix: 'Slide your hips all the way back into the seat so you sit on your sit bones, not your tailbone, and bring the backrest fairly upright.',
      },
      {
        id: 'driving-knees-hip-height',
        question: 'Are your knees at about the same height as your hips?',
        fix: 'Adjust the seat height and tilt, then the distance to the pedals, until your knees are roughly level with your hips.',
      },
      {
        id: 'driving-wheel-close',
        question: 'Is the steering wheel close enough that your shoulders stay back against the seat?',
        fix: 'Move the seat forward or bring the wheel towards you until you can hold it with your elbows gently bent and your shoulders resting on the backrest.',
      },
    ],
  },
  {
    id: 'heavy-things',
    title: 'Storing heavy things',
    intro: 'Where heavy things live decides how you lift them, many times a week.',
    optional: true,
    items: [
      {
        id: 'heavy-things-shin-to-chest',
        question: 'Are the heavy things you use often kept between mid-shin and chest height?',
        fix: 'Move water bottles, paper boxes, toolboxes and the like off the floor and off high shelves into the zone between mid-shin and chest height.',
      },
      {
        id: 'heavy-things-close-both-hands',
        question: 'When you carry something heavy or awkward, do you hold it close and use both hands?',
        fix: 'Bend at the hips and knees, bring the load close to your body and use both hands; for a one-sided load, switch sides often.',
      },
    ],
  },
];

/** The catalogue, validated once when the module loads: a broken edit fails every test at once. */
export const CHECKLIST: readonly ChecklistArea[] = Object.freeze(ChecklistCatalogueSchema.parse(CATALOGUE_DATA));

export type AreaId = (typeof CHECKLIST)[number]['id'];

export const CORE_AREAS: readonly ChecklistArea[] = CHECKLIST.filter((a) => !a.optional);
export const OPTIONAL_AREAS: readonly ChecklistArea[] = CHECKLIST.filter((a) => a.optional);

const ITEM_INDEX = new Map<string, { item: ChecklistItem; area: ChecklistArea; order: number }>();
CHECKLIST.forEach((area) =>
  area.items.forEach((item) => ITEM_INDEX.set(item.id, { item, area, order: ITEM_INDEX.size })),
);

export function areaById(id: string): ChecklistArea | undefined {
  return CHECKLIST.find((a) => a.id === id);
}

export function itemById(id: string): ChecklistItem | undefined {
  return ITEM_INDEX.get(id)?.item;
}

// ---------------------------------------------------------------- scoring

export type Answers = Readonly<Record<string, Answer | undefined>>;

/** yes = 1, not sure = ½, no = 0. */
export const ANSWER_POINTS: Readonly<Record<Answer, number>> = Object.freeze({ yes: 1, unsure: 0.5, no: 0 });

export interface AreaScore {
  areaId: string;
  title: string;
  optional: boolean;
  /** Items of this area that were answered (unanswered ones do not count either way). */
  answered: number;
  total: number;
  counts: { yes: number; unsure: number; no: number };
  /** Whole percent over the answered items; null when none was answered. */
  percent: number | null;
}

export interface FixItem {
  itemId: string;
  areaId: string;
  areaTitle: string;
  optional: boolean;
  answer: 'no' | 'unsure';
  question: string;
  fix: string;
  link?: 'break-interval';
  target?: TargetKey;
}

export interface ChecklistScore {
  areas: AreaScore[];
  /** Whole percent over every answered item of every area; null when nothing was answered. */
  overall: number | null;
  answered: number;
  /** Every "no" and "not sure", most useful first: no before not sure, core before optional. */
  fixFirst: FixItem[];
}

const percentOf = (points: number, answered: number) => (answered === 0 ? null : Math.round((100 * points) / answered));

const isAnswer = (value: unknown): value is Answer => value === 'yes' || value === 'no' || value === 'unsure';

/** Scores a set of answers. Ids the catalogue no longer has (from an older check) are ignored. */
export function scoreChecklist(answers: Answers): ChecklistScore {
  let allPoints = 0;
  let allAnswered = 0;
  const fixes: (FixItem & { order: number })[] = [];

  const areas = CHECKLIST.map((area): AreaScore => {
    const counts = { yes: 0, unsure: 0, no: 0 };
    let points = 0;
    for (const item of area.items) {
      const answer = answers[item.id];
      if (!isAnswer(answer)) continue;
      counts[answer] += 1;
      points += ANSWER_POINTS[answer];
      if (answer !== 'yes') {
        fixes.push({
          itemId: item.id,
          areaId: area.id,
          areaTitle: area.title,
          optional: area.optional,
          answer,
          question: item.question,
          fix: item.fix,
          ...(item.link ? { link: item.link } : {}),
          ...(item.target ? { target: item.target } : {}),
          order: ITEM_INDEX.get(item.id)!.order,
        });
      }
    }
    const answered = counts.yes + counts.unsure + counts.no;
    allPoints += points;
    allAnswered += answered;
    return {
      areaId: area.id,
      title: area.title,
      optional: area.optional,
      answered,
      total: area.items.length,
      counts,
      percent: percentOf(points, answered),
    };
  });

  const answerRank = (a: FixItem) => (a.answer === 'no' ? 0 : 1);
  fixes.sort((a, b) => answerRank(a) - answerRank(b) || Number(a.optional) - Number(b.optional) || a.order - b.order);

  return {
    areas,
    overall: percentOf(allPoints, allAnswered),
    answered: allAnswered,
    fixFirst: fixes.map(({ order: _order, ...fix }) => fix),
  };
}

/** Only the answers the catalogue knows, in catalogue order: what the wizard saves. */
export function knownAnswers(answers: Answers): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  for (const id of ITEM_INDEX.keys()) {
    const answer = answers[id];
    if (isAnswer(answer)) out[id] = answer;
  }
  return out;
}

// ---------------------------------------------------------------- re-check reminder

export type RecheckReason = 'never-checked' | 'interval' | 'moved-desk';

export interface RecheckStatus {
  due: boolean;
  /** Why it is due (or, when not due, null). */
  reason: RecheckReason | null;
  /**
   * When a re-check is (or was) due: the move for "moved-desk", the last check plus the interval
   * otherwise; null when there has never been a check.
   */
  dueAt: string | null;
}

type When = string | number | Date;

function toTime(value: When, what: string): number {
  const t = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(t)) throw new RangeError(`${what} is not a valid date: ${String(value)}`);
  return t;
}

/** The same local clock time, `days` calendar days later (a DST change does not shift it by an hour). */
export function addCalendarDays(time: number, days: number): number {
  const d = new Date(time);
  d.setDate(d.getDate() + days);
  return d.getTime();
}

/**
 * Is it time to check the workstation again? Due when there has never been a check, when the
 * user said they moved desks after the last check, or `recheckDays` calendar days after it.
 */
export function recheckDue(
  lastCheck: When | null,
  recheckDays: number,
  movedDeskAt: When | null,
  now: When = Date.now(),
): RecheckStatus {
  if (!Number.isInteger(recheckDays) || recheckDays < 1) {
    throw new RangeError(`recheckDays must be a whole number of days, 1 or more (got ${recheckDays}).`);
  }
  const nowT = toTime(now, 'now');
  if (lastCheck === null) return { due: true, reason: 'never-checked', dueAt: null };
  const lastT = toTime(lastCheck, 'The last check');
  if (movedDeskAt !== null) {
    const movedT = toTime(movedDeskAt, 'The desk move');
    if (movedT > lastT) return { due: true, reason: 'moved-desk', dueAt: new Date(movedT).toISOString() };
  }
  const dueT = addCalendarDays(lastT, recheckDays);
  const due = nowT >= dueT;
  return { due, reason: due ? 'interval' : null, dueAt: new Date(dueT).toISOString() };
}

/** The latest `at` of the saved checks, or null. */
export function lastCheckAt(checks: readonly { at: string }[]): string | null {
  let best: string | null = null;
  let bestT = -Infinity;
  for (const c of checks) {
    const t = Date.parse(c.at);
    if (Number.isFinite(t) && t > bestT) {
      best = c.at;
      bestT = t;
    }
  }
  return best;
}
