/** `npm run soak`: 90 simulated days (see tests/soak/soak.ts); prints the figures and fails on any violation. */
import { runSoak } from '../tests/soak/soak';

process.env.TZ ??= 'Europe/Berlin';

async function main() {
  const days = Number(process.argv[2] ?? 90);
  const started = performance.now();
  const result = await runSoak(days);
  console.log(JSON.stringify(result, null, 2));
  const ok =
    result.violations.length === 0 && result.recorded.taken === result.did.taken && result.recorded.skipped === result.did.skipped;
  const growth = result.heapMb.atEnd - result.heapMb.afterFirstWeek;
  console.log(`soak: ${days} days in ${((performance.now() - started) / 1000).toFixed(1)} s; heap ${result.heapMb.afterFirstWeek.toFixed(1)} MB after a week, ${result.heapMb.atEnd.toFixed(1)} MB at the end (${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB)`);
  console.log(ok ? 'soak: ok' : 'soak: FAILED');
  process.exitCode = ok && growth < 20 ? 0 : 1;
}

void main();
