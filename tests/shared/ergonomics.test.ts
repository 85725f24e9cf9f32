import { describe, expect, it } from 'vitest';
import {
  cmToFeetInches,
  cmToInches,
  feetInchesToCm,
  formatInches,
  formatLength,
  formatLengthRange,
  formatStature,
  isValidStature,
  rawTargets,
  toLength,
  workstationTargets,
  KEYBOARD_CM,
  SCREEN_BELOW_CM,
  SHOE_CM,
  THIGH_RATIO,
  THIGH_SLOPE_DEG,
} from '../../shared/ergonomics';

const statures = (from: number, to: number, step = 1) => {
  const out: number[] = [];
  for (let h = from; h <= to + 1e-9; h += step) out.push(Math.round(h * 10) / 10);
  return out;
};

/** US Army ANSUR (1988): the 5th percentile woman and the 95th percentile man, the span HFES 100 designs for. */
const P5_WOMAN = 152.8;
const P95_MAN = 186.6;

describe('workstation targets: published ranges', () => {
  it('level-thigh seat height (seat − hip rise) stays within roughly 38–52 cm for 150–190 cm (ANSI/HFES 100, Helander 39–52); the raised seat within HFES 38–56 cm for its population', () => {
    for (const h of statures(150, 190, 0.5)) {
      const raw = rawTargets(h);
      expect(raw.seat - raw.hipRise, `level seat at ${h} cm`).toBeGreaterThanOrEqual(38);
      expect(raw.seat - raw.hipRise, `level seat at ${h} cm`).toBeLessThanOrEqual(52);
    }
    for (const h of statures(P5_WOMAN, P95_MAN, 0.2)) {
      const { seat } = workstationTargets(h).seated;
      expect(seat.cm, `seat at ${h} cm`).toBeGreaterThanOrEqual(38);
      expect(seat.cm, `seat at ${h} cm`).toBeLessThanOrEqual(56);
    }
  });

  it('level-thigh keyboard surface (desk − hip rise) is inside HFES 100-2007 56–72 cm for its design population (152.8–186.6 cm)', () => {
    for (const h of statures(P5_WOMAN, P95_MAN, 0.2)) {
      const raw = rawTargets(h);
      const level = Math.round(raw.seatedDesk - raw.hipRise);
      expect(level, `desk at ${h} cm`).toBeGreaterThanOrEqual(56);
      expect(level, `desk at ${h} cm`).toBeLessThanOrEqual(72);
    }
  });

  it('standing desk height is inside HFES 100-2007 95–118 cm for its design population and 90–120 cm for 150–190 cm', () => {
    for (const h of statures(P5_WOMAN, P95_MAN, 0.2)) {
      const { desk } = workstationTargets(h, { standingDesk: true }).standing!;
      expect(desk.cm).toBeGreaterThanOrEqual(95);
      expect(desk.cm).toBeLessThanOrEqual(118);
    }
    for (const h of statures(150, 190, 0.5)) {
      const { desk } = workstationTargets(h, { standingDesk: true }).standing!;
      expect(desk.cm).toBeGreaterThanOrEqual(90);
      expect(desk.cm).toBeLessThanOrEqual(120);
    }
  });

  it('matches hand-worked values at a typical stature (170 cm)', () => {
    const t = workstationTargets(170, { standingDesk: true });
    // hip rise 0.245·170·sin 7° = 41.65 × 0.12187 = 5.076
    // seat 0.25·170 + 2.5 + 5.076 = 50.076; elbow 50.076 + 23.8 = 73.876; desk 70.876;
    // eye 50.076 + 74.8 = 124.876
    expect(t.seated.hipsAboveKnees).toEqual({ length: { cm: 5, in: 2 }, degrees: 7 });
    expect(t.seated.seat).toEqual({ cm: 50, in: 19.5 });
    expect(t.seated.elbow.cm).toBe(74);
    expect(t.seated.desk.cm).toBe(71);
    expect(t.seated.eye.cm).toBe(125);
    expect(t.seated.screenTop.high.cm).toBe(125);
    expect(t.seated.screenTop.low.cm).toBe(120);
    // middle: 124.876 − 60·tan 20° (21.838) = 103.04 … 124.876 − 60·tan 15° (16.077) = 108.80
    expect(t.seated.screenMiddle.low.cm).toBe(103);
    expect(t.seated.screenMiddle.high.cm).toBe(109);
    expect(t.seated.viewingDistance).toEqual({ low: { cm: 50, in: 19.5 }, high: { cm: 70, in: 27.5 } });
    // standing elbow 107.1 + 2.5 = 109.6; desk 106.6; eye 159.12 + 2.5 = 161.62
    expect(t.standing!.elbow.cm).toBe(110);
    expect(t.standing!.desk.cm).toBe(107);
    expect(t.standing!.eye.cm).toBe(162);
  });

  it('the ratios stay close to the anthropometric tables they came from (Pheasant, British adults, 50th %ile)', () => {
    // men: stature 174 cm, popliteal 44, sitting elbow 24.5, sitting eye 79, standing elbow 109, standing eye 163
    const men = rawTargets(174);
    expect(men.seat - men.hipRise - SHOE_CM).toBeCloseTo(44, -0.5);
    expect(men.seatedElbow - men.seat).toBeCloseTo(24.5, -0.5);
    // relaxed sitting: a little below the erect 79 cm, never more than Pheasant's 4 cm slump allowance
    expect(79 - (men.seatedEye - men.seat)).toBeGreaterThan(0);
    expect(79 - (men.seatedEye - men.seat)).toBeLessThanOrEqual(4);
    expect(men.standingElbow - SHOE_CM).toBeCloseTo(109, -0.5);
    expect(men.standingEye - SHOE_CM).toBeCloseTo(163, -0.5);
    // women: stature 161 cm, popliteal 40, sitting elbow 23.5, standing elbow 100.5, standing eye 150.5
    const women = rawTargets(161);
    expect(women.seat - women.hipRise - SHOE_CM).toBeCloseTo(40, -0.5);
    expect(women.seatedElbow - women.seat).toBeCloseTo(23.5, -0.5);
    expect(women.standingElbow - SHOE_CM).toBeCloseTo(100.5, -0.5);
    expect(women.standingEye - SHOE_CM).toBeCloseTo(150.5, -0.5);
  });
});

describe('hips above knees and one screen rule, pinned for statures 150–195 cm', () => {
  /*
   * Hand-worked (H in cm): hip rise r = 0.245·H·sin 7° = 0.029858·H; seat = 0.25·H + 2.5 + r;
   * eye = seat + 0.44·H; screen top = eye − 5 … eye; middle = eye − 21.838 … eye − 16.077
   * (60 cm × tan 20° and tan 15°).
   *   H     r      seat    eye     top        middle
   *   150  4.479  44.479  110.479  105–110   88.6–94.4  -> 89–94
   *   160  4.777  47.277  117.677  113–118   95.8–101.6 -> 96–102
   *   170  5.076  50.076  124.876  120–125  103.0–108.8 -> 103–109
   *   180  5.374  52.874  132.074  127–132  110.2–116.0 -> 110–116
   *   195  5.822  57.072  142.872  138–143  121.0–126.8 -> 121–127
   */
  const table = [
    [150, 4, 44, 110, 105, 110, 89, 94],
    [160, 5, 47, 118, 113, 118, 96, 102],
    [170, 5, 50, 125, 120, 125, 103, 109],
    [180, 5, 53, 132, 127, 132, 110, 116],
    [195, 6, 57, 143, 138, 143, 121, 127],
  ] as const;
  it.each(table)(
    '%i cm: hips %i cm above knees, seat %i, eye %i, top %i–%i, middle %i–%i',
    (h, rise, seat, eye, topLow, topHigh, midLow, midHigh) => {
      const t = workstationTargets(h).seated;
      expect(t.hipsAboveKnees.length.cm).toBe(rise);
      expect(t.seat.cm).toBe(seat);
      expect(t.eye.cm).toBe(eye);
      expect([t.screenTop.low.cm, t.screenTop.high.cm]).toEqual([topLow, topHigh]);
      expect([t.screenMiddle.low.cm, t.screenMiddle.high.cm]).toEqual([midLow, midHigh]);
      expect([t.viewingDistance.low.cm, t.viewingDistance.high.cm]).toEqual([50, 70]);
    },
  );

  it('the seat really puts the hips above the knees by the stated angle: asin(rise / thigh) = 7°', () => {
    for (const h of statures(150, 195, 0.5)) {
      const raw = rawTargets(h);
      const levelSeat = 0.25 * h + SHOE_CM; // knee (popliteal) height with shoes: level thighs
      expect(raw.seat - levelSeat).toBeCloseTo(raw.hipRise, 9);
      expect((Math.asin(raw.hipRise / (THIGH_RATIO * h)) * 180) / Math.PI).toBeCloseTo(THIGH_SLOPE_DEG, 9);
      expect(raw.hipRise).toBeGreaterThan(0);
    }
  });

  it('the two screen rules agree: a 30 cm tall screen with its top 0–5 cm below the eyes has its middle at a 14–18° gaze at 60 cm', () => {
    const deg = (drop: number) => (Math.atan(drop / 60) * 180) / Math.PI;
    expect(deg(15)).toBeCloseTo(14.04, 2); // top at eye level: middle 15 cm below
    expect(deg(20)).toBeCloseTo(18.43, 2); // top 5 cm below: middle 20 cm below
    // and the middle target spans exactly 15–20° at 60 cm
    const t = rawTargets(170);
    const mid = workstationTargets(170).seated.screenMiddle;
    expect(deg(t.seatedEye - mid.high.cm)).toBeGreaterThan(14.5);
    expect(deg(t.seatedEye - mid.low.cm)).toBeLessThan(20.5);
  });
});

describe('workstation targets: shape', () => {
  it('every target grows with stature (never goes down; centimetres rise over any 5 cm, inches over any 10 cm)', () => {
    const pick = (h: number) => {
      const t = workstationTargets(h, { standingDesk: true });
      return {
        seat: t.seated.seat.cm,
        seatedElbow: t.seated.elbow.cm,
        seatedDesk: t.seated.desk.cm,
        seatedEye: t.seated.eye.cm,
        standingDesk: t.standing!.desk.cm,
        standingEye: t.standing!.eye.cm,
        seatIn: t.seated.seat.in,
        deskIn: t.seated.desk.in,
      };
    };
    const hs = statures(120, 230, 0.5);
    for (let i = 1; i < hs.length; i++) {
      const before = pick(hs[i - 1]!);
      const after = pick(hs[i]!);
      for (const key of Object.keys(before) as (keyof typeof before)[]) {
        expect(after[key], `${key} from ${hs[i - 1]} to ${hs[i]}`).toBeGreaterThanOrEqual(before[key]);
      }
    }
    for (const h of statures(120, 220, 2.5)) {
      const a = pick(h);
      const b = pick(h + 5);
      const c = pick(h + 10);
      for (const key of Object.keys(a) as (keyof typeof a)[]) {
        expect(key.endsWith('In') ? c[key] : b[key], `${key} above ${h} cm`).toBeGreaterThan(a[key]);
      }
    }
  });

  it('keeps the relations between targets: seat < desk < elbow < eye, standing above seated', () => {
    for (const h of statures(120, 230, 2)) {
      const raw = rawTargets(h);
      expect(raw.seat).toBeLessThan(raw.seatedDesk);
      expect(raw.seatedElbow - raw.seatedDesk).toBeCloseTo(KEYBOARD_CM, 9);
      expect(raw.standingElbow - raw.standingDesk).toBeCloseTo(KEYBOARD_CM, 9);
      expect(raw.seatedElbow).toBeLessThan(raw.seatedEye);
      expect(raw.standingDesk).toBeGreaterThan(raw.seatedDesk);
      expect(raw.standingEye).toBeGreaterThan(raw.seatedEye);
      const t = workstationTargets(h);
      expect(t.seated.screenTop.high.cm - t.seated.screenTop.low.cm).toBeGreaterThanOrEqual(SCREEN_BELOW_CM - 1);
      expect(t.seated.screenTop.high.cm - t.seated.screenTop.low.cm).toBeLessThanOrEqual(SCREEN_BELOW_CM + 1);
    }
  });

  it('gives standing targets only for a standing desk', () => {
    expect(workstationTargets(170).standing).toBeNull();
    expect(workstationTargets(170, { standingDesk: false }).standing).toBeNull();
    expect(workstationTargets(170, { standingDesk: true }).standing).not.toBeNull();
  });

  it('rounds to whole centimetres and half inches, both from the unrounded value', () => {
    for (const h of statures(120, 230, 0.7)) {
      const t = workstationTargets(h, { standingDesk: true });
      for (const length of [t.seated.seat, t.seated.desk, t.seated.eye, t.standing!.desk, t.standing!.eye]) {
        expect(Number.isInteger(length.cm)).toBe(true);
        expect(Number.isInteger(length.in * 2)).toBe(true);
        // the two agree within rounding: |in·2.54 − cm| ≤ 0.5 + 0.25·2.54
        expect(Math.abs(length.in * 2.54 - length.cm)).toBeLessThanOrEqual(0.5 + 0.635 + 1e-9);
      }
    }
    expect(toLength(45.5)).toEqual({ cm: 46, in: 18 });
    expect(toLength(46.99)).toEqual({ cm: 47, in: 18.5 });
  });

  it('refuses statures outside 120–230 cm and non-numbers', () => {
    for (const bad of [119.9, 230.1, Number.NaN, Number.POSITIVE_INFINITY, -170, 0]) {
      expect(() => workstationTargets(bad)).toThrow(/between 120 and 230 cm/);
      expect(isValidStature(bad)).toBe(false);
    }
    expect(isValidStature(120)).toBe(true);
    expect(isValidStature(230)).toBe(true);
  });
});

describe('units', () => {
  it('converts feet and inches to centimetres', () => {
    expect(feetInchesToCm(5, 9)).toBeCloseTo(175.26, 9);
    expect(feetInchesToCm(6)).toBeCloseTo(182.88, 9);
    expect(feetInchesToCm(0, 70)).toBeCloseTo(177.8, 9);
    expect(feetInchesToCm(5, 5.5)).toBeCloseTo(166.37, 9);
    expect(() => feetInchesToCm(-1, 0)).toThrow(RangeError);
    expect(() => feetInchesToCm(5, Number.NaN)).toThrow(RangeError);
  });

  it('converts centimetres to whole feet and inches, carrying 12 inches into a foot', () => {
    expect(cmToFeetInches(175.26)).toEqual({ feet: 5, inches: 9 });
    expect(cmToFeetInches(182)).toEqual({ feet: 6, inches: 0 }); // 71.65 in rounds to 72
    expect(cmToFeetInches(152.4)).toEqual({ feet: 5, inches: 0 });
    expect(cmToFeetInches(0)).toEqual({ feet: 0, inches: 0 });
    expect(() => cmToFeetInches(-3)).toThrow(RangeError);
  });

  it('round-trips every whole-inch stature from 4 ft to 7 ft 6 in', () => {
    for (let total = 48; total <= 90; total++) {
      const feet = Math.floor(total / 12);
      const inches = total % 12;
      expect(cmToFeetInches(feetInchesToCm(feet, inches))).toEqual({ feet, inches });
    }
  });

  it('formats lengths for metric and imperial users', () => {
    expect(cmToInches(45)).toBe(17.5);
    expect(formatInches(17.5)).toBe('17½');
    expect(formatInches(18)).toBe('18');
    expect(formatLength({ cm: 45, in: 17.5 }, 'metric')).toBe('45 cm');
    expect(formatLength({ cm: 45, in: 17.5 }, 'imperial')).toBe('17½ in (45 cm)');
    const r = workstationTargets(170).seated.screenTop;
    expect(formatLengthRange(r, 'metric')).toBe('120–125 cm');
    expect(formatLengthRange(r, 'imperial')).toBe('47–49 in (120–125 cm)');
    expect(formatStature(175.26, 'imperial')).toBe('5 ft 9 in');
    expect(formatStature(175.26, 'metric')).toBe('175 cm');
  });
});
