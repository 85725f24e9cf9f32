import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  ChecklistCatalogueSchema,
  CHECKLIST,
  CORE_AREAS,
  knownAnswers,
  lastCheckAt,
  OPTIONAL_AREAS,
  recheckDue,
  scoreChecklist,
  type Answers,
  type ChecklistArea,
} from '../../shared/checklist';
import { ChecklistAnswersSchema } from '../../shared/history';

const allItems = CHECKLIST.flatMap((a) => a.items);
const answerAll = (answer: 'yes' | 'no' | 'unsure', areas: readonly ChecklistArea[] = CHECKLIST): Answers =>
  Object.fromEntries(areas.flatMap((a) => a.items.map((i) => [i.id, answer])));

describe('the catalogue', () => {
  it('has the five core areas, then the three optional ones', () => {
    expect(CORE_AREAS.map((a) => a.id)).toEqual(['screen', 'chair', 'keyboard-mouse', 'posture', 'habits']);
    expect(OPTIONAL_AREAS.map((a) => a.id)).toEqual(['standing-desk', 'driving', 'heavy-things']);
  });

  it('uses unique, stable ids that the checklist/save action accepts', () => {
    const ids = allItems.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ChecklistAnswersSchema.safeParse(answerAll('yes')).success).toBe(true);
    // Ids are stored in saved checks and exports: this list changes only by adding.
    expect(ids).toEqual([
      'screen-top-eye-level',
      'screen-arm-length',
      'screen-eyes-ahead',
      'screen-laptop-setup',
      'chair-hips-above-knees',
      'chair-pelvis-forward',
      'chair-feet-supported',
      'chair-lumbar-support',
      'keyboard-mouse-close',
      'keyboard-elbows-90',
      'keyboard-shoulders-relaxed',
      'posture-ribs-over-pelvis',
      'habits-move-every-30-45',
      'standing-desk-elbow-height',
      'standing-desk-screen',
      'standing-desk-soft-knees',
      'driving-sit-bones',
      'driving-knees-hip-height',
      'driving-wheel-close',
      'heavy-things-shin-to-chest',
      'heavy-things-close-both-hands',
    ]);
  });

  it('asks every question so that "yes" is the comfortable answer, and gives every item a fix', () => {
    for (const item of allItems) {
      expect(item.question.endsWith('?'), item.id).toBe(true);
      expect(item.fix.length, item.id).toBeGreaterThan(20);
    }
  });

  it('covers the advice the issue asks for', () => {
    const text = (id: string) => {
      const item = allItems.find((i) => i.id === id)!;
      return `${item.question} ${item.fix}`.toLowerCase();
    };
    expect(text('screen-top-eye-level')).toMatch(/eye/);
    expect(text('screen-arm-length')).toMatch(/arm’s length/);
    // One screen rule everywhere: top at or a little below eye level, 15–20° down to the middle.
    expect(text('screen-eyes-ahead')).toMatch(/top edge at or a little below eye level.*15–20° to the middle/);
    expect(text('screen-arm-length')).toMatch(/50–70 cm/);
    const all = allItems.map((i) => `${i.question} ${i.fix}`).join(' ');
    expect(all).not.toMatch(/straight-ahead gaze|just below your .*gaze/);
    expect(text('screen-laptop-setup')).toMatch(/stand.*separate keyboard and mouse/);
    expect(text('chair-hips-above-knees')).toMatch(/hips slightly higher than your knees/);
    expect(text('chair-feet-supported')).toMatch(/footrest/);
    expect(text('chair-lumbar-support')).toMatch(/slim cushion/);
    expect(text('keyboard-elbows-90')).toMatch(/right angle/);
    expect(text('posture-ribs-over-pelvis')).toMatch(/ribs over pelvis/);
    expect(text('habits-move-every-30-45')).toMatch(/30 (and|to) 45/);
    expect(allItems.find((i) => i.id === 'habits-move-every-30-45')!.link).toBe('break-interval');
    expect(text('driving-knees-hip-height')).toMatch(/knees.*hips/);
    expect(text('heavy-things-shin-to-chest')).toMatch(/mid-shin and chest/);
  });

  it('refuses a catalogue with duplicate ids, bad ids or a core area after an optional one', () => {
    const area = (id: string, optional: boolean, itemId = `${id}-item`): ChecklistArea => ({
      id,
      title: 'T',
      intro: 'Intro',
      optional,
      items: [{ id: itemId, question: 'Is this a question?', fix: 'A fix that is long enough.' }],
    });
    expect(ChecklistCatalogueSchema.safeParse([area('a', false), area('b', true)]).success).toBe(true);
    expect(ChecklistCatalogueSchema.safeParse([area('a', false, 'x'), area('b', false, 'x')]).success).toBe(false);
    expect(ChecklistCatalogueSchema.safeParse([area('a', false, 'Bad Id')]).success).toBe(false);
    expect(ChecklistCatalogueSchema.safeParse([area('a', true), area('b', false)]).success).toBe(false);
  });
});

describe('scoring', () => {
  it('scores yes as 1, not sure as ½ and no as 0, over the answered items of each area', () => {
    const score = scoreChecklist({
      'screen-top-eye-level': 'yes',
      'screen-arm-length': 'unsure',
      'screen-eyes-ahead': 'no',
      // screen-laptop-setup left unanswered: it does not count
      'chair-hips-above-knees': 'yes',
    });
    const screen = score.areas.find((a) => a.areaId === 'screen')!;
    expect(screen).toMatchObject({ answered: 3, total: 4, counts: { yes: 1, unsure: 1, no: 1 }, percent: 50 });
    expect(score.areas.find((a) => a.areaId === 'chair')!.percent).toBe(100);
    expect(score.areas.find((a) => a.areaId === 'habits')!).toMatchObject({ answered: 0, percent: null });
    // overall: (1 + 0.5 + 0 + 1) / 4
    expect(score.overall).toBe(63);
    expect(score.answered).toBe(4);
  });

  it('gives 100 for all yes, 50 for all not sure, 0 for all no, and null for nothing answered', () => {
    expect(scoreChecklist(answerAll('yes')).overall).toBe(100);
    expect(scoreChecklist(answerAll('unsure')).overall).toBe(50);
    expect(scoreChecklist(answerAll('no')).overall).toBe(0);
    const empty = scoreChecklist({});
    expect(empty.overall).toBeNull();
    expect(empty.fixFirst).toEqual([]);
    expect(empty.areas.every((a) => a.percent === null)).toBe(true);
  });

  it('rounds to whole percents', () => {
    // chair: yes, yes, unsure -> 2.5 / 3 = 83.3
    const score = scoreChecklist({
      'chair-hips-above-knees': 'yes',
      'chair-pelvis-forward': 'yes',
      'chair-feet-supported': 'unsure',
    });
    expect(score.areas.find((a) => a.areaId === 'chair')!.percent).toBe(83);
  });

  it('ignores ids the catalogue does not know (an older check) and values that are not answers', () => {
    const score = scoreChecklist({
      'retired-question': 'no',
      'screen-arm-length': 'yes',
      'screen-eyes-ahead': 'maybe' as never,
    });
    expect(score.answered).toBe(1);
    expect(score.overall).toBe(100);
    expect(score.fixFirst).toEqual([]);
    expect(knownAnswers({ 'retired-question': 'no', 'screen-arm-length': 'yes' })).toEqual({
      'screen-arm-length': 'yes',
    });
  });

  it('lists things to fix: every no before any not sure, core areas before optional, then catalogue order', () => {
    const score = scoreChecklist({
      'heavy-things-shin-to-chest': 'no',
      'driving-wheel-close': 'unsure',
      'screen-eyes-ahead': 'unsure',
      'habits-move-every-30-45': 'no',
      'chair-feet-supported': 'no',
      'standing-desk-screen': 'no',
      'posture-ribs-over-pelvis': 'yes',
      'keyboard-mouse-close': 'unsure',
    });
    expect(score.fixFirst.map((f) => [f.itemId, f.answer])).toEqual([
      ['chair-feet-supported', 'no'],
      ['habits-move-every-30-45', 'no'],
      ['standing-desk-screen', 'no'],
      ['heavy-things-shin-to-chest', 'no'],
      ['screen-eyes-ahead', 'unsure'],
      ['keyboard-mouse-close', 'unsure'],
      ['driving-wheel-close', 'unsure'],
    ]);
    const habits = score.fixFirst.find((f) => f.itemId === 'habits-move-every-30-45')!;
    expect(habits).toMatchObject({ areaTitle: 'Habits', optional: false, link: 'break-interval' });
    expect(habits.fix).toMatch(/break interval/);
    expect(score.fixFirst.find((f) => f.itemId === 'standing-desk-screen')!.target).toBe('standing-screen');
  });

  it('keeps only known answers, in catalogue order, for saving', () => {
    const saved = knownAnswers({ 'habits-move-every-30-45': 'no', 'screen-top-eye-level': 'yes', x: 'no' });
    expect(Object.keys(saved)).toEqual(['screen-top-eye-level', 'habits-move-every-30-45']);
  });
});

describe('recheckDue', () => {
  const day = 86_400_000;
  const last = '2026-03-02T09:00:00.000Z';
  const lastT = Date.parse(last);

  it('is due when there has never been a check', () => {
    expect(recheckDue(null, 90, null, Date.parse('2026-03-02T10:00:00Z'))).toEqual({
      due: true,
      reason: 'never-checked',
      dueAt: null,
    });
  });

  it('is due recheckDays calendar days after the last check, not before', () => {
    const dueAt = addCalendarDays(lastT, 90);
    const before = recheckDue(last, 90, null, dueAt - 1);
    expect(before).toEqual({ due: false, reason: null, dueAt: new Date(dueAt).toISOString() });
    expect(recheckDue(last, 90, null, dueAt)).toEqual({
      due: true,
      reason: 'interval',
      dueAt: new Date(dueAt).toISOString(),
    });
    expect(recheckDue(last, 7, null, lastT + 8 * day).due).toBe(true);
    expect(recheckDue(last, 365, null, lastT + 200 * day).due).toBe(false);
  });

  it('keeps the local clock time across a daylight-saving change', () => {
    const start = new Date(2026, 2, 1, 9, 30).getTime(); // local 1 March, 09:30
    const later = new Date(addCalendarDays(start, 90));
    expect([later.getFullYear(), later.getMonth(), later.getDate(), later.getHours(), later.getMinutes()]).toEqual([
      2026, 4, 30, 9, 30,
    ]);
  });

  it('is due at once when the user moved desks after the last check', () => {
    const moved = '2026-04-10T08:00:00.000Z';
    expect(recheckDue(last, 90, moved, Date.parse('2026-04-10T09:00:00Z'))).toEqual({
      due: true,
      reason: 'moved-desk',
      dueAt: moved,
    });
    // a move before the last check was dealt with by that check
    expect(recheckDue(last, 90, '2026-03-01T08:00:00.000Z', lastT + 10 * day).due).toBe(false);
  });

  it('accepts Date, number and ISO string, and refuses bad input', () => {
    expect(recheckDue(new Date(lastT), 30, null, new Date(lastT + 31 * day)).due).toBe(true);
    expect(recheckDue(lastT, 30, null, lastT + 29 * day).due).toBe(false);
    expect(() => recheckDue('not a date', 30, null, lastT)).toThrow(/not a valid date/);
    expect(() => recheckDue(last, 0, null, lastT)).toThrow(/recheckDays/);
    expect(() => recheckDue(last, 2.5, null, lastT)).toThrow(/recheckDays/);
  });

  it('finds the latest saved check', () => {
    expect(lastCheckAt([])).toBeNull();
    expect(
      lastCheckAt([
        { at: '2026-01-05T10:00:00.000Z' },
        { at: '2026-03-05T10:00:00.000+01:00' },
        { at: '2026-02-05T10:00:00.000Z' },
      ]),
    ).toBe('2026-03-05T10:00:00.000+01:00');
  });
});
