import { MIN, type App } from './fixtures';

/**
 * A morning at the desk, played on the real engine from 09:00 to 11:00: a break taken, a
 * discomfort report, a snooze then a skip, a natural break while away, and a stretch still open.
 */
export async function playMorning(app: App): Promise<void> {
  const { engine } = app;
  await app.advance(30 * MIN); // 09:30 due
  await engine.dispatch({ type: 'break/start' });
  await app.advance(MIN);
  await engine.dispatch({ type: 'routine/complete', feeling: 'better' }); // 09:31
  await app.advance(20 * MIN);
  await engine.dispatch({ type: 'discomfort/report' }); // 09:51
  await app.advance(10 * MIN); // 10:01 due
  await engine.dispatch({ type: 'break/snooze' });
  await app.advance(5 * MIN); // 10:06 due again
  await engine.dispatch({ type: 'break/skip' });
  await app.advance(30 * MIN); // 10:36 due
  await engine.leave();
  await app.advance(10 * MIN); // away since 10:36: a natural break
  await engine.comeBack();
  await app.advance(14 * MIN); // 11:00, sitting since 10:46
}
