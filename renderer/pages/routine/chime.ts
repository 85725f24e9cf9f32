/**
 * Soft chimes from the Web Audio API: no audio files. Volume 0…1 (settings.soundVolume).
 * Everything fails quietly: a missing or blocked AudioContext simply means no sound.
 */
export type ChimeKind = 'step' | 'side' | 'end';

export interface Chime {
  play(kind: ChimeKind, volume: number): void;
  close(): void;
}

type AudioContextCtor = typeof AudioContext;

/** The notes of each chime: frequency (Hz), start offset (s), length (s). */
const NOTES: Record<ChimeKind, readonly (readonly [number, number, number])[]> = {
  step: [
    [659.25, 0, 0.9], // E5
    [987.77, 0.04, 0.7], // B5, softly on top
  ],
  side: [[783.99, 0, 0.6]], // G5, a single light tone
  end: [
    [523.25, 0, 1.2], // C5
    [659.25, 0.18, 1.2], // E5
    [783.99, 0.36, 1.6], // G5
  ],
};

export function createChime(): Chime {
  let ctx: AudioContext | null = null;
  const getContext = (): AudioContext | null => {
    if (ctx) return ctx;
    const Ctor: AudioContextCtor | undefined =
      typeof window === 'undefined'
        ? undefined
        : (window.AudioContext ?? (window as unknown as { webkitAudioContext?: AudioContextCtor }).webkitAudioContext);
    if (!Ctor) return null;
    try {
      ctx = new Ctor();
    } catch {
      return null;
    }
    return ctx;
  };
  return {
    play(kind, volume) {
      const level = Math.min(1, Math.max(0, volume));
      if (level === 0) return;
      const audio = getContext();
      if (!audio) return;
      try {
        if (audio.state === 'suspended') void audio.resume().catch(() => {});
        const now = audio.currentTime + 0.02;
        // Quiet on purpose: a chime in an office, not an alarm.
        const peak = 0.16 * level;
        for (const [frequency, offset, length] of NOTES[kind]) {
          const osc = audio.createOscillator();
          const gain = audio.createGain();
          osc.type = 'sine';
          osc.frequency.value = frequency;
          const start = now + offset;
          gain.gain.setValueAtTime(0.0001, start);
          gain.gain.exponentialRampToValueAtTime(peak, start + 0.015);
          gain.gain.exponentialRampToValueAtTime(0.0001, start + length);
          osc.connect(gain).connect(audio.destination);
          osc.start(start);
          osc.stop(start + length + 0.05);
        }
      } catch {
        // No sound is better than a broken routine.
      }
    },
    close() {
      const audio = ctx;
      ctx = null;
      if (audio) void audio.close().catch(() => {});
    },
  };
}
