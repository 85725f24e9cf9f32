/**
 * The safety check's warning signs ("red flags"): what is asked, how urgent each one is, and
 * when the check should be answered again. Pure data and pure functions, used by the engine's
 * safety gate (through shared/profile.ts) and by the renderer's first run and prompt.
 *
 * Sources for the list and the urgency of each sign (facts from these; the wording is ours):
 * - NICE NG59, "Low back pain and sciatica in over 16s: assessment and management" (2016,
 *   updated 2020), recommendation 1.1.1: exclude alternative diagnoses (cancer, infection,
 *   trauma, inflammatory disease such as spondyloarthritis) and refer to the CKS red-flag
 *   guidance. https://www.nice.org.uk/guidance/ng59
 * - NICE Clinical Knowledge Summaries, "Back pain - low (without radiculopathy)", section
 *   "Red flags": cauda equina syndrome (saddle anaesthesia, recent bladder/bowel dysfunction,
 *   sexual dysfunction, bilateral or progressive neurological deficit: emergency admission),
 *   spinal fracture (major trauma, osteoporosis, long-term corticosteroids, age over 50 or 70),
 *   cancer (history of cancer, age over 50, unexplained weight loss, night pain), infection
 *   (fever, feeling unwell, immunosuppression, age under 20 at onset). https://cks.nice.org.uk/topics/back-pain-low-without-radiculopathy/
 * - Finucane LM, Downie A, Mercer C, et al. "International Framework for Red Flags for
 *   Potential Serious Spinal Pathologies." J Orthop Sports Phys Ther 2020;50(7):350-372.
 *   doi:10.2519/jospt.2020.9971 — the urgency tiers: cauda equina signs need emergency care
 *   now; suspected infection, fracture after major trauma or malignancy with a cancer history
 *   need same-day medical assessment; isolated risk factors (age, weight loss, night pain,
 *   immunosuppression, osteoporosis or steroid use) need a routine medical review.
 * - The physical therapist's roadmap (shared/seed): progressive numbness, significant motor
 *   loss, saddle anaesthesia, unexplained weight loss, fever, recent major trauma: "therapy
 *   should pause and a medical evaluation should come first".
 *
 * The app gives no diagnosis: every label describes what the user notices, and every urgency
 * says what to do, never what it might be.
 */
import { z } from 'zod';

export type Urgency = 'emergency' | 'today' | 'appointment';

/** Ids stored in profiles. The first seven are the original list: stored answers keep them. */
export const RED_FLAG_IDS = [
  'progressive-numbness',
  'significant-weakness',
  'saddle-numbness',
  'bladder-bowel-change',
  'unexplained-weight-loss',
  'fever',
  'recent-major-trauma',
  'both-legs',
  'cancer-history',
  'immunosuppression',
  'osteoporosis-steroids',
  'night-pain',
  /** Not ticked: worked out from the age band and "is this pain new" (see `ageFlag`). */
  'age-new-pain',
] as const;
export const RedFlagIdSchema = z.enum(RED_FLAG_IDS);
export type RedFlagId = z.infer<typeof RedFlagIdSchema>;

/** The age bands the check asks (no birth date is ever asked or stored). */
export const AGE_BANDS = ['under-20', '20-49', '50-69', '70-plus'] as const;
export const AgeBandSchema = z.enum(AGE_BANDS);
export type AgeBand = z.infer<typeof AgeBandSchema>;

export interface RedFlag {
  id: RedFlagId;
  urgency: Urgency;
  /** What the user may notice, in plain words. */
  label: string;
  detail: string;
  /** Which of the sources above list it (NICE CKS, Finucane 2020, NG59, the seed). */
  sources: readonly ('NICE NG59' | 'NICE CKS' | 'Finucane 2020' | 'seed')[];
}

/**
 * The list, most urgent first. Urgency (Finucane 2020; NICE CKS):
 * - emergency: possible cauda equina compression or a fast-growing nerve problem;
 * - today: possible infection, fracture after a big injury, or cancer spreading to the spine;
 * - appointment: risk factors that need a doctor's look soon, not today.
 */
export const RED_FLAGS: readonly RedFlag[] = [
  // ------------------------------------------------ emergency now (cauda equina, severe nerve signs)
  {
    id: 'saddle-numbness',
    urgency: 'emergency',
    label: 'Numbness in the “saddle” area',
    detail: 'Less feeling around your groin, genitals, buttocks or inner thighs: where you would sit on a saddle.',
    sources: ['NICE CKS', 'Finucane 2020', 'seed'],
  },
  {
    id: 'bladder-bowel-change',
    urgency: 'emergency',
    label: 'New trouble with your bladder, bowels or sex',
    detail:
      'Trouble starting to pee, leaking, not feeling when you need to go, or new numbness or loss of function during sex.',
    sources: ['NICE CKS', 'Finucane 2020'],
  },
  {
    id: 'significant-weakness',
    urgency: 'emergency',
    label: 'A leg or foot getting weaker, fast',
    detail:
      'For example, a foot that has started to drag or slap, or a leg that gives way, getting worse over hours or days.',
    sources: ['NICE CKS', 'Finucane 2020', 'seed'],
  },
  {
    id: 'both-legs',
    urgency: 'emergency',
    label: 'Pain, pins and needles, numbness or weakness in both legs',
    detail: 'Symptoms going down both legs at once, rather than one.',
    sources: ['NICE CKS', 'Finucane 2020'],
  },
  // ------------------------------------------------ see a doctor today
  {
    id: 'fever',
    urgency: 'today',
    label: 'A fever, or feeling generally unwell',
    detail: 'A raised temperature, chills or sweats, or feeling ill in yourself, along with the back pain.',
    sources: ['NICE CKS', 'Finucane 2020', 'seed'],
  },
  {
    id: 'recent-major-trauma',
    urgency: 'today',
    label: 'The pain started after a serious accident or injury',
    detail: 'Such as a fall from a height, a road accident or a heavy blow to the back.',
    sources: ['NICE CKS', 'Finucane 2020', 'seed'],
  },
  {
    id: 'cancer-history',
    urgency: 'today',
    label: 'You have had cancer, and this back pain is new',
    detail: 'Any cancer in the past, with back pain that is new or feels different from before.',
    sources: ['NICE NG59', 'NICE CKS', 'Finucane 2020'],
  },
  // ------------------------------------------------ book an appointment
  {
    id: 'progressive-numbness',
    // A nerve sign that keeps getting worse needs prompt review (NICE CKS), not a routine booking.
    urgency: 'today',
    label: 'Numbness or tingling that keeps spreading',
    detail: 'A larger area is affected than before, slowly over days or weeks.',
    sources: ['NICE CKS', 'Finucane 2020', 'seed'],
  },
  {
    id: 'unexplained-weight-loss',
    urgency: 'appointment',
    label: 'Losing weight without trying',
    detail: 'Weight coming off that you cannot explain by eating less or moving more.',
    sources: ['NICE CKS', 'Finucane 2020', 'seed'],
  },
  {
    id: 'immunosuppression',
    urgency: 'appointment',
    label: 'A weakened immune system',
    detail: 'From medicines (for example after a transplant, or for arthritis) or from an illness such as HIV.',
    sources: ['NICE CKS', 'Finucane 2020'],
  },
  {
    id: 'osteoporosis-steroids',
    urgency: 'appointment',
    label: 'Thin bones, or steroid tablets for a long time',
    detail: 'Osteoporosis, or taking steroid tablets such as prednisolone for three months or more.',
    sources: ['NICE CKS', 'Finucane 2020'],
  },
  {
    id: 'night-pain',
    urgency: 'appointment',
    label: 'Constant pain at night that rest does not ease',
    detail: 'Pain that stays the same or gets worse lying down, whatever position you try.',
    sources: ['NICE CKS', 'Finucane 2020'],
  },
  {
    id: 'age-new-pain',
    urgency: 'appointment',
    label: 'New back pain under 20 or from 50 on',
    detail: 'Back pain that started in the last six weeks, at an age when a doctor should look at it first.',
    sources: ['NICE CKS', 'Finucane 2020'],
  },
];

/** The signs the user ticks (the age sign is worked out from two questions instead). */
export const TICKABLE_RED_FLAGS: readonly RedFlag[] = RED_FLAGS.filter((f) => f.id !== 'age-new-pain');

export const redFlagById = (id: RedFlagId): RedFlag => RED_FLAGS.find((f) => f.id === id)!;

export const URGENCY_ORDER: readonly Urgency[] = ['emergency', 'today', 'appointment'];

/** What to do, in plain words, for each urgency. The emergency one says "now". */
export const URGENCY_ADVICE: Readonly<Record<Urgency, { title: string; action: string }>> = {
  emergency: {
    title: 'Get emergency help now',
    action:
      'Go to an emergency department now, or call your local emergency number (999 in the UK, 112 in Europe, 911 in the US). Please don’t wait for an appointment.',
  },
  today: {
    title: 'See a doctor today',
    action: 'Please contact a doctor or an urgent care service today, and say what you noticed.',
  },
  appointment: {
    title: 'Book an appointment with your doctor',
    action:
      'Please book an appointment with your doctor or physiotherapist in the next week or two, and mention what you ticked.',
  },
};

/** The most urgent level among the signs present, or null when there are none. */
export function mostUrgent(present: readonly RedFlagId[]): Urgency | null {
  for (const level of URGENCY_ORDER) if (present.some((id) => redFlagById(id).urgency === level)) return level;
  return null;
}

/**
 * The age sign: back pain that started in the last six weeks, under 20 or aged 50 and over
 * (NICE CKS: "age under 20 or over 50 years at onset" for infection and cancer; over 70 for
 * osteoporotic fracture, which the 70+ band also covers). Unknown answers raise no flag here:
 * the check cannot be submitted without them.
 */
export function ageFlag(ageBand: AgeBand | null | undefined, newPain: boolean | null | undefined): boolean {
  if (!ageBand || newPain !== true) return false;
  return ageBand !== '20-49';
}

/** The stored answer's ids, in the list's order, with the age sign worked out. */
export function presentFlags(
  ticked: Iterable<RedFlagId>,
  ageBand: AgeBand | null,
  newPain: boolean | null,
): RedFlagId[] {
  const set = new Set(ticked);
  set.delete('age-new-pain');
  if (ageFlag(ageBand, newPain)) set.add('age-new-pain');
  return RED_FLAG_IDS.filter((id) => set.has(id));
}

// ------------------------------------------------------------------ asking again

/** Ask the safety questions again this many days after the last answer. */
export const REASK_AFTER_DAYS = 42;
/** … or when this many "worse" answers came within REASK_WORSE_WINDOW_DAYS (after the last answer). */
export const REASK_WORSE_COUNT = 3;
export const REASK_WORSE_WINDOW_DAYS = 7;

const DAY = 24 * 60 * 60 * 1000;

export type ReaskReason = 'never' | 'new-questions' | 'weeks' | 'worse';

/** The parts of a stored answer this needs (shared/profile.ts RedFlagScreen fits). */
export interface AnsweredCheck {
  answeredAt: string;
  ageBand?: AgeBand | null;
}

/**
 * Whether to ask the safety questions again, and why:
 * - `never`: not answered yet;
 * - `new-questions`: answered before the list had the age question (and the signs that came
 *   with it): the old answers stay, the new questions are still open;
 * - `weeks`: the answer is REASK_AFTER_DAYS (6 weeks) old or more;
 * - `worse`: REASK_WORSE_COUNT (3) "worse" answers after routines in the last
 *   REASK_WORSE_WINDOW_DAYS (7) days, none of them older than the answer itself.
 * null: no need. `feelings` is the break history (any order); other feelings are ignored.
 */
export function reaskReason(
  screen: AnsweredCheck | null,
  feelings: readonly { at: string; feeling: 'better' | 'same' | 'worse' | null }[],
  now: number,
): ReaskReason | null {
  if (!screen) return 'never';
  if (screen.ageBand == null) return 'new-questions';
  const answered = Date.parse(screen.answeredAt);
  if (now - answered >= REASK_AFTER_DAYS * DAY) return 'weeks';
  const since = Math.max(answered, now - REASK_WORSE_WINDOW_DAYS * DAY);
  const worse = feelings.filter((f) => f.feeling === 'worse' && Date.parse(f.at) > since && Date.parse(f.at) <= now);
  if (worse.length >= REASK_WORSE_COUNT) return 'worse';
  return null;
}

/** One sentence for the UI about why the questions are back. */
export function reaskText(reason: ReaskReason): string {
  switch (reason) {
    case 'never':
      return 'Guided routines start once you have answered the 30-second safety check.';
    case 'new-questions':
      return 'The safety check has a few new questions, including your age group. Your earlier answers are kept.';
    case 'weeks':
      return 'It has been six weeks since your safety check. Things change: please take 30 seconds to answer it again.';
    case 'worse':
      return 'Several routines felt worse this week. Please take 30 seconds to go through the safety check again.';
  }
}
