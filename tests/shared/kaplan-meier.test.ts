import { describe, expect, it } from 'vitest';
import { kaplanMeier } from '../../shared/summary';

const e = (minutes: number) => ({ minutes, event: true });
const c = (minutes: number) => ({ minutes, event: false });

describe('Kaplan–Meier tolerance', () => {
  it('is null and null for no stretches', () => {
    expect(kaplanMeier([])).toEqual({ medianMin: null, atLeastMin: null });
  });

  it('one stretch with discomfort: the median is its time', () => {
    expect(kaplanMeier([e(30)])).toEqual({ medianMin: 30, atLeastMin: null });
  });

  it('one comfortable stretch: no median, at least its length', () => {
    expect(kaplanMeier([c(45)])).toEqual({ medianMin: null, atLeastMin: 45 });
  });

  it('all censored: at least the longest', () => {
    expect(kaplanMeier([c(10), c(50), c(30)])).toEqual({ medianMin: null, atLeastMin: 50 });
  });

  it('censorings between events shrink the risk set', () => {
    // t=10: 4 at risk, S=3/4. t=30: 2 at risk, S=3/8 -> median 30.
    expect(kaplanMeier([e(10), c(20), e(30), c(40)])).toEqual({ medianMin: 30, atLeastMin: null });
  });

  it('ties: events count before censorings at the same time', () => {
    // t=20: 4 at risk (the censoring at 20 is still at risk), 2 events -> S = 0.5.
    expect(kaplanMeier([c(20), e(20), e(40), e(20)])).toEqual({ medianMin: 20, atLeastMin: null });
    // With the censoring sorted first it would be 3 at risk and S = 1/3: same median, so check S
    // differently: one event among 2 at risk at t=20 (censoring at 20 still at risk) gives 0.5.
    expect(kaplanMeier([e(20), c(20)])).toEqual({ medianMin: 20, atLeastMin: null });
  });

  it('survival that lands on 0.5 through rounding still counts', () => {
    // 5/6 * 3/5 is 0.5 exactly but 0.5000000000000001 in floating point.
    expect(kaplanMeier([e(10), e(20), e(20), c(30), c(40), c(50)])).toEqual({ medianMin: 20, atLeastMin: null });
  });

  it('never reaching one half gives the longest observed time, events included', () => {
    expect(kaplanMeier([e(5), c(30), c(60), c(90)])).toEqual({ medianMin: null, atLeastMin: 90 });
    expect(kaplanMeier([c(5), c(10), e(95)])).toEqual({ medianMin: 95, atLeastMin: null });
  });
});
