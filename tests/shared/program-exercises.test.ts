import { describe, expect, it } from 'vitest';
import {
  LANES,
  PROGRAM_EXERCISES,
  chainOf,
  deskBreakExercises,
  eligibleForDeskBreak,
  programExerciseById,
} from '../../shared/program/exercises';
import fs from 'node:fs';
import path from 'node:path';
import { CAUTION_CODES } from '../../shared/program/exercises';
import { cautionHelp, cautionText, changeText, noteText, questionText, sessionRuleText, type ChangeCode, type NoteCode } from '../../shared/program/messages';

describe('program exercise library', () => {
  it('has unique ids and covers every move the seed lists, in its lane', () => {
    const ids = PROGRAM_EXERCISES.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const lane = (id: string) => programExerciseById(id)?.lane;
    for (const id of ['breathing-knees-supported', 'pelvic-tilt-small', 'hook-lying-march', 'prone-on-elbows', 'press-up', 'hands-to-thighs-tilt', 'knee-to-chest', 'nerve-glide-seated'])
      expect(lane(id)).toBe('calm');
    for (const id of ['side-lying-hip-abduction', 'dead-bug-heel-tap', 'dead-bug-opposite', 'bridge-two-leg', 'bridge-band', 'bridge-single-leg', 'bird-dog'])
      expect(lane(id)).toBe('control');
    for (const id of ['hip-hinge-dowel', 'hip-hinge-loaded', 'split-squat', 'reverse-lunge', 'suitcase-carry']) expect(lane(id)).toBe('capacity');
  });

  it('links each chain in order, one lane per chain, each later step naming the one variable it changes', () => {
    for (const e of PROGRAM_EXERCISES) {
      const chain = chainOf(e.id);
      expect(chain.map((c) => c.level)).toEqual(chain.map((_, i) => i + 1));
      expect(new Set(chain.map((c) => c.lane)).size).toBe(1);
      chain.forEach((c, i) => {
        expect(c.previous).toBe(i === 0 ? null : chain[i - 1]!.id);
        expect(c.next).toBe(i === chain.length - 1 ? null : chain[i + 1]!.id);
        expect(c.variable === null).toBe(i === 0);
      });
    }
    expect(chainOf('bridge-two-leg').map((e) => [e.id, e.variable])).toEqual([
      ['bridge-two-leg', null],
      ['bridge-band', 'resistance'],
      ['bridge-single-leg', 'resistance'],
    ]);
    expect(chainOf('dead-bug-heel-tap').map((e) => e.variable)).toEqual([null, 'complexity']);
    expect(chainOf('hip-hinge-dowel').map((e) => [e.id, e.loaded])).toEqual([
      ['hip-hinge-dowel', false],
      ['hip-hinge-loaded', true],
    ]);
    expect(LANES).toEqual(['calm', 'control', 'capacity']);
  });

  it('lets a move carry several cautions: every floor move the floor-transfer one (a firm bed is fine), direction moves a stop-if-it-spreads one, weighted moves how to pick the weight up', () => {
    for (const e of PROGRAM_EXERCISES) {
      if (e.floor) expect(e.cautions, e.id).toContain('floor.get-down');
      if (e.loaded) expect(e.cautions.some((c) => c.startsWith('loaded.')), e.id).toBe(true);
      if (e.direction) expect(e.cautions, e.id).toContain('direction.leg-spread');
      // The one-caution field names the most specific caution, for screens that show one.
      expect(e.caution).toBe(e.cautions.find((c) => c !== 'floor.get-down') ?? e.cautions[0] ?? null);
      expect(e.cues.length).toBeGreaterThanOrEqual(2);
      expect(e.cues.length).toBeLessThanOrEqual(4);
      expect(e.pose).toMatch(/^[a-z-]+$/);
    }
    expect(programExerciseById('press-up')!.cautions).toEqual(['floor.get-down', 'direction.leg-spread']);
    expect(cautionText('floor.get-down')).toMatch(/roll onto your side/);
    expect(cautionText('floor.get-down')).toMatch(/firm bed is fine/);
    expect(cautionHelp('floor.get-down')).toHaveLength(2);
    // Lying calm moves say the bed will do.
    for (const id of ['breathing-knees-supported', 'pelvic-tilt-small', 'hook-lying-march', 'hands-to-thighs-tilt', 'knee-to-chest'])
      expect(programExerciseById(id)!.cues[0], id).toMatch(/firm bed/);
    expect(programExerciseById('nerve-glide-seated')!.caution).toBe('nerve.light-tension');
    expect(programExerciseById('nerve-glide-seated')!.cues.join(' ')).toMatch(/2 or 3 out of 10/);
    expect(cautionText('nerve.light-tension')).toMatch(/not a stretch/);
    // Weighted moves: the weight starts on a chair or table, a light one is described, breathe.
    expect(programExerciseById('hip-hinge-loaded')!.caution).toBe('loaded.calm-only');
    expect(programExerciseById('hip-hinge-loaded')!.cues.join(' ')).toMatch(/chair seat.*not on the floor/);
    expect(programExerciseById('hip-hinge-loaded')!.cues.join(' ')).toMatch(/Breathe out/);
    expect(programExerciseById('suitcase-carry')!.cues[0]).toMatch(/from a table or chair/);
    for (const c of ['loaded.calm-only', 'loaded.start-light'] as const) expect(cautionText(c)).toMatch(/shopping bag.*(chair|table)/);
  });

  // The seed lives beside the project (/work/shared/seed), not in the repository: checked where it is present.
  const SEED = path.join(__dirname, '../../../shared/seed/back-pain-roadmap.txt');
  it.skipIf(!fs.existsSync(SEED))('uses no sentence from the seed in what the user reads (no run of six words in common), and makes no promise that a move loosens you up', () => {
    const words = (t: string) => t.toLowerCase().replace(/[^a-z0-9' ]+/g, ' ').split(/\s+/).filter(Boolean);
    const seed = words(fs.readFileSync(SEED, 'utf8'));
    const grams = new Set(seed.map((_, i) => seed.slice(i, i + 6).join(' ')));
    const params = { fromName: 'Bridge', toName: 'Bird-dog', reason: 'worse', lane: 'control', toLane: 'control', variable: 'range', weeks: 2, days: 15, name: 'Bridge', previousName: 'Bridge' };
    const changeCodes: ChangeCode[] = ['program.started', 'picks.chosen', 'progress.step', 'lane.forward', 'backup.step', 'backup.lane', 'backup.swap', 'backup.loaded', 'restart.lower', 'picks.refit', 'move.allowed', 'stage.later', 'stage.early', 'schedule.changed'];
    const noteCodes: NoteCode[] = ['soreness.normal', 'progress.wait-stable', 'progress.wait-calm', 'progress.wait-time', 'lane.wait-calm', 'lane.wait-time', 'backup.gentlest', 'held.safety', 'held.not-calm', 'leg-worse.recheck', 'direction.rethink', 'leg-worse.see-clinician'];
    const texts = [
      ...PROGRAM_EXERCISES.flatMap((e) => [e.name, ...e.cues]),
      ...CAUTION_CODES.flatMap((c) => [cautionText(c), ...cautionHelp(c)]),
      ...changeCodes.map((c) => changeText(c, params)),
      ...noteCodes.map((c) => noteText(c, params)),
      sessionRuleText('session.stop-rule'),
      questionText('ask.lingering'),
    ];
    for (const text of texts) {
      const w = words(text);
      for (let i = 0; i + 6 <= w.length; i++) expect(grams.has(w.slice(i, i + 6).join(' ')), `"${w.slice(i, i + 6).join(' ')}" in: ${text}`).toBe(false);
      expect(text).not.toMatch(/looser within/i);
    }
  });

  it('tags direction moves with one direction each', () => {
    expect(['prone-on-elbows', 'press-up'].map((id) => programExerciseById(id)!.direction)).toEqual(['extension', 'extension']);
    expect(['hands-to-thighs-tilt', 'knee-to-chest'].map((id) => programExerciseById(id)!.direction)).toEqual(['flexion', 'flexion']);
  });

  it('never lets a floor move into a desk break, nor the nerve glide without leg symptoms, nor a move from a lane not reached', () => {
    const desk = deskBreakExercises({ legSymptoms: true, lane: 'calm' });
    expect(desk.map((e) => e.id)).toEqual(['nerve-glide-seated']);
    expect(deskBreakExercises()).toEqual([]); // told nothing about the user: nothing borrowed
    expect(desk.some((e) => e.floor)).toBe(false);
    expect(eligibleForDeskBreak(programExerciseById('bridge-two-leg')!)).toBe(false);
    expect(eligibleForDeskBreak(programExerciseById('breathing-knees-supported')!)).toBe(false);
    for (const e of PROGRAM_EXERCISES.filter((x) => x.floor)) expect(eligibleForDeskBreak(e, { legSymptoms: true, lane: 'capacity' })).toBe(false);
    const glide = programExerciseById('nerve-glide-seated')!;
    expect(eligibleForDeskBreak(glide, { legSymptoms: false, lane: 'calm' })).toBe(false);
    expect(eligibleForDeskBreak(glide, { legSymptoms: true, lane: 'calm' })).toBe(true);
    const hinge = programExerciseById('hip-hinge-dowel')!;
    expect(eligibleForDeskBreak(hinge, { legSymptoms: false, lane: 'calm' })).toBe(false);
    expect(eligibleForDeskBreak(hinge, { legSymptoms: false, lane: 'capacity' })).toBe(true);
    expect(deskBreakExercises({ legSymptoms: false, lane: 'capacity' }).map((e) => e.id)).toEqual(['hip-hinge-dowel', 'split-squat', 'reverse-lunge']);
  });
});
