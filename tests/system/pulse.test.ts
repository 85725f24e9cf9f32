// The microphone probe against a real PulseAudio server with a null sink (speakers) and a null
// source (a microphone), and real recording clients (parecord).
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSystemMonitor, type SystemMonitor, type SystemNotice } from '../../main/system';
import { missing, startProgram, startPulse, waitFor, type Pulse } from './components';

const absent = missing('pulseaudio', 'pactl', 'parecord');

describe.skipIf(absent)(`microphone probe with PulseAudio${absent ? ` — skipped: ${absent}` : ''}`, () => {
  let pulse: Pulse;
  let m: SystemMonitor;

  beforeAll(async () => {
    pulse = await startPulse();
    m = createSystemMonitor({ platform: 'linux', env: pulse.env, procRoot: '/nonexistent-proc', reasons: () => ['meeting'] });
  }, 20_000);
  afterAll(async () => {
    m?.close();
    await pulse?.stop();
  });

  it('no recording: not in a meeting (the camera, with no /proc here, cannot tell alone)', async () => {
    const s = await m.refresh();
    expect(s.busy).toEqual([]);
    expect(s.cantTell).not.toContain('meeting');
  });

  it('recording what the speakers play (a monitor source) is not a call', async () => {
    const rec = startProgram('parecord', ['--device=movesnack_speakers.monitor', '/dev/null'], pulse.env);
    try {
      await waitFor('the monitor recording to start', () => {
        return execFileSync('pactl', ['list', 'short', 'source-outputs'], { env: pulse.env, encoding: 'utf8' }).trim().length > 0;
      });
      const s = await m.refresh();
      expect(s.busy).toEqual([]);
    } finally {
      await rec.stop();
    }
  });

  it('a real recording from the microphone is a meeting, and ends with it', async () => {
    const rec = startProgram('parecord', ['--device=movesnack_mic', '/dev/null'], pulse.env);
    try {
      const s = await waitFor('the recording to be seen', async () => {
        const r = await m.refresh();
        return r.busy.includes('meeting') ? r : null;
      });
      expect(s.busy).toEqual(['meeting']);
    } finally {
      await rec.stop();
    }
    await waitFor('the recording to end', async () => (await m.refresh()).busy.length === 0);
  });

  it("with the sound server gone, the microphone can't tell (and without /proc, neither can the camera), quietly", async () => {
    const notices: SystemNotice[] = [];
    const gone = createSystemMonitor({
      onNotice: (n) => notices.push(n),
      platform: 'linux',
      env: { ...pulse.env, XDG_RUNTIME_DIR: '/nonexistent-run', PULSE_RUNTIME_PATH: '/nonexistent-run/pulse' },
      procRoot: '/nonexistent-proc',
      reasons: () => ['meeting'],
    });
    try {
      for (let i = 0; i < 4; i++) {
        const s = await gone.refresh();
        expect(s.busy).toEqual([]);
        expect(s.cantTell).toContain('meeting');
      }
      // Not installed or not running is not worth a notice; only real failures are.
      expect(notices.filter((n) => n.code === 'system/probe-backoff')).toEqual([]);
    } finally {
      gone.close();
    }
  });
});
