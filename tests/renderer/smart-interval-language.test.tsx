import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MovesnackApi } from '../../shared/ipc-contract';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { suggestInterval } from '../../shared/smart-interval';
import type { StretchObservation } from '../../shared/summary';
import { I18nProvider } from '../../renderer/i18n';
import { SmartIntervalCard } from '../../renderer/pages/progress/SmartInterval';

const MIN = 60_000;
const NOW = new Date('2026-11-27T12:00:00.000Z');
const stretches = (n: number, after: number): StretchObservation[] =>
  Array.from({ length: n }, (_, i) => {
    const start = NOW.getTime() - 24 * 60 * MIN - i * 2 * 60 * MIN;
    return {
      start: new Date(start).toISOString(),
      end: new Date(start + (after + 10) * MIN).toISOString(),
      discomfortAt: new Date(start + after * MIN).toISOString(),
    };
  });

function show(language: 'de' | 'fr', count: number) {
  const result = suggestInterval({
    now: NOW,
    currentIntervalMin: 30,
    stretches: stretches(count, 20),
    discomforts: [],
    checkins: [],
  });
  const api = {
    getSmartInterval: async () => ({ result, dismissedUntil: null, lastRaiseAt: null }),
  } as unknown as MovesnackApi;
  render(
    <I18nProvider language={language}>
      <SmartIntervalCard
        api={api}
        settings={{ ...DEFAULT_SETTINGS, smartInterval: true, breakIntervalMin: 30, language }}
        dispatch={async () => undefined}
      />
    </I18nProvider>,
  );
  return result;
}

describe('Smart interval card: the reasons in the user language', () => {
  it('German: the suggestion explains itself in German, from the codes', async () => {
    const result = show('de', 12);
    expect(result.reason).toMatch(/usually started to complain after about 20 minutes/);
    expect(
      await screen.findByText(
        'In den letzten zwei Wochen (12 Sitzphasen) hat sich dein Rücken meist nach etwa 20 Minuten Sitzen gemeldet. 80 % davon sind 16 Minuten. Eine Pause alle 16 Minuten käme meist, bevor sich dein Rücken meldet.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/usually started to complain/)).not.toBeInTheDocument();
  });

  it('French: not enough data yet', async () => {
    show('fr', 3);
    expect(
      await screen.findByText(/Une suggestion demande au moins 10 périodes assises des deux dernières semaines ; il y en a 3 pour l’instant\./),
    ).toBeInTheDocument();
  });
});
