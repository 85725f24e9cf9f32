import { describe, expect, it } from 'vitest';
import {
  LANES,
  PROGRAM_EXERCISES,
  chainOf,
  deskBreakExercises,
  eligibleForDeskBreak,
  programExerciseById,
} from '../../shared/program/exercises';
import { cautionText } from '../../shared/program/messages';

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

  it('gives floor and loaded moves a short caution, nerve glides a light-tension one, and every move 2–3 cues and a pose', () => {
    for (const e of PROGRAM_EXERCISES) {
      if (e.floor || e.loaded) expect(e.caution, e.id).not.toBeNull();
      if (e.caution) expect(cautionText(e.caution).length).toBeLessThan(80);
      expect(e.cues.length).toBeGreaterThanOrEqual(2);
      expect(e.cues.length).toBeLessThanOrEqual(3);
      expect(e.pose).toMatch(/^[a-z-]+$/);
    }
    expect(programExerciseById('nerve-glide-seated')!.caution).toBe('nerve.light-tension');
    expect(programExerciseById('nerve-glide-seated')!.cues.join(' ')).toMatch(/2 or 3 out of 10/);
    expect(programExerciseById('hip-hinge-loaded')!.caution).toBe('loaded.calm-only');
  });

  it('tags direction moves with one direction each', () => {
    expect(['prone-on-elbows', 'press-up'].map((id) => programExerciseById(id)!.direction)).toEqual(['extension', 'extension']);
    expect(['hands-to-thighs-tilt', 'knee-to-chest'].map((id) => programExerciseById(id)!.direction)).toEqual(['flexion', 'flexion']);
  });

  it('never lets a floor move into a desk break', () => {
    const desk = deskBreakExercises();
    expect(desk.length).toBeGreaterThan(0);
    expect(desk.some((e) => e.floor)).toBe(false);
    expect(eligibleForDeskBreak(programExerciseById('bridge-two-leg')!)).toBe(false);
    expect(eligibleForDeskBreak(programExerciseById('breathing-knees-supported')!)).toBe(false);
    expect(eligibleForDeskBreak(programExerciseById('nerve-glide-seated')!)).toBe(true);
    expect(eligibleForDeskBreak(programExerciseById('hip-hinge-dowel')!)).toBe(true);
    for (const e of PROGRAM_EXERCISES.filter((x) => x.floor)) expect(eligibleForDeskBreak(e)).toBe(false);
  });
});
