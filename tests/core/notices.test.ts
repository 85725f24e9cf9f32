import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCompanion, type Companion } from '../../main/core';
import { WARNING_TEXT, notice } from '../../shared/engine-messages';
import { ManualClock } from '../support/manual-clock';
import { tempDir } from './harness';

/** DESIGN.md "Language": each warning also comes as a stable code with parameters. */
const open: Companion[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) await c.stop();
});

describe('state.notices', () => {
  it('mirrors state.warnings one for one, with a code and parameters the text is made from', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'settings.json'), '{ not json');
    fs.mkdirSync(path.join(dir, 'history'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'history', '2026-11.json'), '[1, 2');
    const c = createCompanion({ dataDir: dir, clock: new ManualClock(Date.parse('2026-11-23T09:00:00.000Z')) });
    open.push(c);
    const state = c.getState();
    expect(state.warnings.length).toBeGreaterThanOrEqual(2);
    expect(state.notices!.map((n) => n.text)).toEqual(state.warnings);
    const codes = state.notices!.map((n) => n.code);
    expect(codes).toContain('settings.unreadable');
    expect(codes).toContain('history.month-unreadable');
    for (const n of state.notices!) {
      expect(Object.keys(WARNING_TEXT)).toContain(n.code);
      expect(WARNING_TEXT[n.code](n.params)).toBe(n.text);
    }
    const month = state.notices!.find((n) => n.code === 'history.month-unreadable')!;
    expect(month.params).toMatchObject({ month: '2026-11' });
  });

  it('the English text is made from code and parameters, plural forms included', () => {
    expect(notice('history.journal-records-dropped', { count: 1, month: '2026-11' }).text).toBe(
      '1 recent record for 2026-11 could not be read and was left out.',
    );
    expect(notice('history.journal-records-dropped', { count: 3, month: '2026-11' }).text).toBe(
      '3 recent records for 2026-11 could not be read and were left out.',
    );
  });
});
