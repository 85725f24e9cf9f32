/**
 * Workstation targets from a person's stature: pure arithmetic, no I/O.
 *
 * Every target is a body dimension predicted as a fixed fraction of stature (standing height,
 * barefoot), plus a shoe allowance where the dimension is measured from the floor. The results are
 * starting points for a typical body; people with long legs or a long trunk for their height will
 * fine-tune from there (the wizard says so).
 *
 * Ratios and where they come from
 * -------------------------------
 * Pheasant & Haslegrave, "Bodyspace: Anthropometry, Ergonomics and the Design of Work"
 * (3rd ed., 2006), British adults aged 19–65, 50th percentiles (mm; barefoot, erect):
 *
 *                          men (stature 1740)     women (stature 1610)
 *   popliteal height        440  -> 0.253 H         400  -> 0.248 H
 *   sitting elbow height    245  -> 0.141 H         235  -> 0.146 H
 *   sitting eye height      790  -> 0.454 H         740  -> 0.460 H
 *   standing elbow height  1090  -> 0.626 H        1005  -> 0.624 H
 *   standing eye height    1630  -> 0.937 H        1505  -> 0.935 H
 *
 * Drillis & Contini (1966), "Body segment parameters" (the proportions reproduced in
 * D. A. Winter, "Biomechanics and Motor Control of Human Movement", fig. 4.1) agree:
 * elbow 0.630 H, eye 0.936 H. US Army ANSUR (Gordon et al. 1989; ANSUR II 2012) gives
 * popliteal ≈ 0.245–0.25 H and elbow-rest height ≈ 0.14 H as well.
 *
 * Chosen here:
 *   POPLITEAL        0.25   (the two sexes' 0.248–0.253)
 *   SEATED_ELBOW     0.14   (elbow above the seat; 0.141–0.146, rounded down a little because
 *                           people sit a little lower than the erect measuring posture)
 *   SEATED_EYE       0.44   (eye above the seat: erect 0.454–0.460, less Pheasant's "slump"
 *                           allowance for relaxed sitting (he suggests up to 40 mm); 0.44 H
 *                           takes about 2.5 cm off at 170 cm, a relaxed but upright sitter)
 *   STANDING_ELBOW   0.63
 *   STANDING_EYE     0.936
 *
 * Allowances (stated, not measured):
 *   SHOE_CM = 2.5     Pheasant's correction for ordinary shoes is +25 mm (men) and +45 mm
 *                     (women, allowing for heels). Office shoes are mostly flat, so 2.5 cm is used
 *                     for everyone; it is added to every height measured from the floor.
 *   KEYBOARD_CM = 3   A keyboard's home row sits about 3 cm above the surface it rests on
 *                     (ISO 9241-4 caps home-row height at 30 mm). The home row goes at elbow
 *                     height, so the desk (or keyboard tray) surface is 3 cm lower.
 *   SCREEN_BELOW_CM = 5  "At or slightly below eye level": the top of the screen anywhere from
 *                     eye height down to 5 cm below it.
 *
 * Hips slightly above the knees (the seed: "a chair that lets your hips sit slightly higher
 * than your knees so your pelvis can tilt forward a touch"):
 *   A seat at popliteal height (0.25 H + shoe) gives level thighs: hip and knee at the same
 *   height, a 90° hip angle. For the hips to sit above the knees, the thighs slope down from
 *   hip to knee by THIGH_SLOPE_DEG = 7° (a hip angle of about 97°, "slightly": most guidance
 *   puts a comfortable open hip angle between 95° and 110°; 7° keeps the feet flat on the floor
 *   with the shins still upright). The knee stays at popliteal height, so the hip joint, and
 *   the seat under it, rise by
 *       hip rise = thigh length × sin 7° = 0.245 H × 0.12187 = 0.02986 H
 *   with the thigh (hip joint to knee joint) 0.245 H (Drillis & Contini 1966; Winter fig. 4.1).
 *   At 170 cm: 0.245 × 170 = 41.65 cm of thigh; × 0.12187 = 5.08 cm higher than level thighs.
 *
 * Formulas (H = stature in cm, barefoot):
 *   seat height            = 0.25 H + shoe + hip rise   (= 0.27986 H + 2.5: hips 7° above the
 *                                                    knees; if the seat's front edge then presses
 *                                                    behind the knees, tilt the seat forward a
 *                                                    little or add a footrest)
 *   seated elbow height    = seat + 0.14 H
 *   seated desk surface    = seated elbow − keyboard
 *   seated eye height      = seat + 0.44 H          (top of the screen: this, to 5 cm below)
 *   screen middle          = eye − D·tan 20° … eye − D·tan 15°  (one rule for the screen: the top
 *                                                    at or slightly below eye level and a 15–20°
 *                                                    downward gaze to its middle, at the viewing
 *                                                    distance D; a 30 cm tall screen whose top is
 *                                                    0–5 cm below the eyes puts its middle 15–20 cm
 *                                                    below them, 14–18° at 60 cm: the two agree)
 *   viewing distance       D = 50–70 cm, 60 cm aimed for: about an arm's length. ANSI/HFES
 *                                                    100-2007 §8.2 asks for at least 50 cm; CSA
 *                                                    Z412 and OSHA's eTool give 50–100 cm, nearer
 *                                                    for small text; 70 cm is where most people
 *                                                    still read 12-point text without leaning in.
 *   standing elbow height  = 0.63 H + shoe
 *   standing desk surface  = standing elbow − keyboard
 *   standing eye height    = 0.936 H + shoe
 *
 * Checked against published ranges (tests/shared/ergonomics.test.ts):
 *   ANSI/HFES 100-2007 §8.3.2.4, input-device support surface: seated 56–72 cm, standing 95–118 cm
 *   floor to surface, meant to fit the 5th percentile woman to the 95th percentile man (US Army
 *   ANSUR 1988: 152.8 cm to 186.6 cm).
 *   Seat height: ANSI/HFES 100-2007 §8.3.3.1 asks for 38–56 cm of adjustment (popliteal heights of
 *   that population plus a 25 mm heel); the older ANSI/HFES 100-1988 range was 16–20.5 in
 *   (41–52 cm); Helander, "A Guide to Human Factors and Ergonomics", derives 39–52 cm.
 *   HFES's seat and seated-desk ranges assume level thighs (a seat at popliteal height). Raising
 *   the hips by 0.02986 H raises the elbows and the keyboard surface by the same amount, so the
 *   tests compare (seat − hip rise) and (desk − hip rise) with those ranges: at 152.8 cm the
 *   level-thigh values are seat 41, desk 59; at 186.6 cm seat 49, desk 72. With the hips raised
 *   the seat is 46 cm at 152.8 cm and 55 cm at 186.6 cm, inside HFES's 38–56 cm adjustment; the
 *   seated desk 63–78 cm (a taller person with hips above knees needs a higher desk, or a
 *   keyboard tray on a fixed desk and a footrest). The standing desk is unchanged: 96–117 cm.
 */

export const STATURE_MIN_CM = 120;
export const STATURE_MAX_CM = 230;

export const RATIOS = Object.freeze({
  popliteal: 0.25,
  seatedElbow: 0.14,
  seatedEye: 0.44,
  standingElbow: 0.63,
  standingEye: 0.936,
});

export const SHOE_CM = 2.5;
export const KEYBOARD_CM = 3;
export const SCREEN_BELOW_CM = 5;

/** Thigh length, hip joint to knee joint, as a fraction of stature (Drillis & Contini). */
export const THIGH_RATIO = 0.245;
/** How far the thighs slope down from hip to knee: hips slightly above the knees (hip angle 97°). */
export const THIGH_SLOPE_DEG = 7;
/** The hip rise that slope gives, per cm of stature: 0.245 × sin 7° = 0.02986. */
export const HIP_RISE_RATIO = THIGH_RATIO * Math.sin((THIGH_SLOPE_DEG * Math.PI) / 180);

/** Eyes to screen: at least 50 cm, about an arm's length, 60 cm aimed for. */
export const VIEWING_DISTANCE_CM = Object.freeze({ low: 50, target: 60, high: 70 });
/** The downward gaze to the middle of the screen, in degrees. */
export const GAZE_DOWN_DEG = Object.freeze({ low: 15, high: 20 });

export const CM_PER_INCH = 2.54;
export const INCHES_PER_FOOT = 12;

/** A length shown to a person: whole centimetres, and inches to the nearest half inch. */
export interface Length {
  cm: number;
  in: number;
}

/** A span "from … to …" (the top of the screen). */
export interface LengthRange {
  low: Length;
  high: Length;
}

export interface SeatedTargets {
  /** Floor to the top of the seat, compressed under you. */
  seat: Length;
  /** Floor to the underside of the elbow: the height of the keyboard's home row. */
  elbow: Length;
  /** Floor to the surface the keyboard rests on (desk or keyboard tray). */
  desk: Length;
  /** Floor to the eyes, sitting relaxed but upright. */
  eye: Length;
  /** Where the top edge of the screen goes: from 5 cm below eye height up to eye height. */
  screenTop: LengthRange;
  /** Where the middle of the screen goes: a 15–20° downward gaze at the target viewing distance. */
  screenMiddle: LengthRange;
  /** Eyes to screen. */
  viewingDistance: LengthRange;
  /** How much higher the hips sit than the knees at this seat height (and the slope, in degrees). */
  hipsAboveKnees: { length: Length; degrees: number };
}

export interface StandingTargets {
  elbow: Length;
  desk: Length;
  eye: Length;
  screenTop: LengthRange;
  screenMiddle: LengthRange;
}

export interface WorkstationTargets {
  statureCm: number;
  seated: SeatedTargets;
  /** Present when the person has a standing (sit-stand) desk. */
  standing: StandingTargets | null;
}

/** Raw, unrounded centimetres: what the formulas give before anything is shown. */
export interface RawTargets {
  /** How far the hip joint sits above the knee joint (cm). */
  hipRise: number;
  seat: number;
  seatedElbow: number;
  seatedDesk: number;
  seatedEye: number;
  standingElbow: number;
  standingDesk: number;
  standingEye: number;
}

export function isValidStature(cm: number): boolean {
  return Number.isFinite(cm) && cm >= STATURE_MIN_CM && cm <= STATURE_MAX_CM;
}

function assertStature(cm: number): void {
  if (!isValidStature(cm)) {
    throw new RangeError(`Height must be between ${STATURE_MIN_CM} and ${STATURE_MAX_CM} cm (got ${cm}).`);
  }
}

/** The formulas above, in centimetres, unrounded. */
export function rawTargets(statureCm: number): RawTargets {
  assertStature(statureCm);
  const h = statureCm;
  const hipRise = HIP_RISE_RATIO * h;
  const seat = RATIOS.popliteal * h + SHOE_CM + hipRise;
  const seatedElbow = seat + RATIOS.seatedElbow * h;
  const standingElbow = RATIOS.standingElbow * h + SHOE_CM;
  return {
    hipRise,
    seat,
    seatedElbow,
    seatedDesk: seatedElbow - KEYBOARD_CM,
    seatedEye: seat + RATIOS.seatedEye * h,
    standingElbow,
    standingDesk: standingElbow - KEYBOARD_CM,
    standingEye: RATIOS.standingEye * h + SHOE_CM,
  };
}

/** Whole centimetres and half inches, both from the unrounded value (no double rounding). */
export function toLength(cm: number): Length {
  return { cm: Math.round(cm), in: Math.round((cm / CM_PER_INCH) * 2) / 2 };
}

const range = (highCm: number): LengthRange => ({ low: toLength(highCm - SCREEN_BELOW_CM), high: toLength(highCm) });
const tan = (deg: number) => Math.tan((deg * Math.PI) / 180);

/**
 * The middle of the screen for a 15–20° downward gaze at the target distance (60 cm):
 * eye − 60·tan 20° = eye − 21.84 (low) to eye − 60·tan 15° = eye − 16.08 (high).
 */
export function screenMiddle(eyeCm: number, distanceCm: number = VIEWING_DISTANCE_CM.target): LengthRange {
  return {
    low: toLength(eyeCm - distanceCm * tan(GAZE_DOWN_DEG.high)),
    high: toLength(eyeCm - distanceCm * tan(GAZE_DOWN_DEG.low)),
  };
}

const viewing: LengthRange = {
  low: toLength(VIEWING_DISTANCE_CM.low),
  high: toLength(VIEWING_DISTANCE_CM.high),
};

export function workstationTargets(statureCm: number, options: { standingDesk?: boolean } = {}): WorkstationTargets {
  const raw = rawTargets(statureCm);
  return {
    statureCm,
    seated: {
      seat: toLength(raw.seat),
      elbow: toLength(raw.seatedElbow),
      desk: toLength(raw.seatedDesk),
      eye: toLength(raw.seatedEye),
      screenTop: range(raw.seatedEye),
      screenMiddle: screenMiddle(raw.seatedEye),
      viewingDistance: viewing,
      hipsAboveKnees: { length: toLength(raw.hipRise), degrees: THIGH_SLOPE_DEG },
    },
    standing: options.standingDesk
      ? {
          elbow: toLength(raw.standingElbow),
          desk: toLength(raw.standingDesk),
          eye: toLength(raw.standingEye),
          screenTop: range(raw.standingEye),
          screenMiddle: screenMiddle(raw.standingEye),
        }
      : null,
  };
}

// ---------------------------------------------------------------- units

/** Feet and inches to centimetres, unrounded. Inches may be fractional; both must be ≥ 0. */
export function feetInchesToCm(feet: number, inches = 0): number {
  if (!Number.isFinite(feet) || !Number.isFinite(inches) || feet < 0 || inches < 0) {
    throw new RangeError('Feet and inches must be numbers of zero or more.');
  }
  return (feet * INCHES_PER_FOOT + inches) * CM_PER_INCH;
}

/** Centimetres to whole feet and whole inches (5 ft 11.6 in is shown as 6 ft 0 in, never 5 ft 12 in). */
export function cmToFeetInches(cm: number): { feet: number; inches: number } {
  if (!Number.isFinite(cm) || cm < 0) throw new RangeError('Centimetres must be a number of zero or more.');
  const totalInches = Math.round(cm / CM_PER_INCH);
  return { feet: Math.floor(totalInches / INCHES_PER_FOOT), inches: totalInches % INCHES_PER_FOOT };
}

/** Centimetres to inches, to the nearest half inch. */
export function cmToInches(cm: number): number {
  return Math.round((cm / CM_PER_INCH) * 2) / 2;
}

/** "46 cm" or "18 in", or both "18 in (46 cm)" for imperial users, who often buy furniture in cm too. */
export function formatLength(length: Length, units: 'metric' | 'imperial'): string {
  return units === 'imperial' ? `${formatInches(length.in)} in (${length.cm} cm)` : `${length.cm} cm`;
}

export function formatLengthRange(r: LengthRange, units: 'metric' | 'imperial'): string {
  return units === 'imperial'
    ? `${formatInches(r.low.in)}–${formatInches(r.high.in)} in (${r.low.cm}–${r.high.cm} cm)`
    : `${r.low.cm}–${r.high.cm} cm`;
}

/** 18 -> "18", 18.5 -> "18½". */
export function formatInches(inches: number): string {
  const whole = Math.floor(inches);
  return inches - whole >= 0.5 ? `${whole}½` : String(whole);
}

/** "5 ft 9 in". */
export function formatStature(cm: number, units: 'metric' | 'imperial'): string {
  if (units === 'metric') return `${Math.round(cm)} cm`;
  const { feet, inches } = cmToFeetInches(cm);
  return `${feet} ft ${inches} in`;
}
