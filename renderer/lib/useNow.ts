import { useEffect, useState } from 'react';

/**
 * The current time for display only (countdowns, the open stretch). It ticks while the page
 * is visible and catches up at once when it becomes visible again. Nothing is decided here:
 * deadlines come from the engine.
 */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const tick = () => setNow(Date.now());
    const startTicking = () => {
      if (timer === undefined) timer = setInterval(tick, intervalMs);
    };
    const stopTicking = () => {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') stopTicking();
      else {
        tick();
        startTicking();
      }
    };
    tick();
    if (document.visibilityState !== 'hidden') startTicking();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stopTicking();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [intervalMs]);
  return now;
}
