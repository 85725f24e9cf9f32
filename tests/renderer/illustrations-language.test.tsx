import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fixedT } from '../../shared/i18n';
import { I18nProvider } from '../../renderer/i18n';
import { ExerciseIllustration, illustrations } from '../../renderer/illustrations';
import { ProgramFigure } from '../../renderer/illustrations/ProgramFigure';
import { ALL_FIGURES } from '../../renderer/illustrations/poses';
import enCatalogue from '../../shared/i18n/locales/en/illustrations.json';

describe('figure descriptions through the language layer', () => {
  it('the English catalogue is poses.ts’s text, for every figure', () => {
    const fromPoses = Object.fromEntries(ALL_FIGURES.map((f) => [f.key, f.label]));
    expect(enCatalogue.figure).toEqual(fromPoses);
  });

  for (const lang of ['de', 'es', 'fr'] as const) {
    it(`${lang}: every figure has its own description`, () => {
      const t = fixedT(lang);
      for (const f of ALL_FIGURES) {
        const text = t(`illustrations:figure.${f.key}`, { defaultValue: '' });
        expect(text, f.key).not.toBe('');
        expect(text, f.key).not.toBe(f.label);
      }
    });
  }

  it('German: the routine figure is described in German', () => {
    render(
      <I18nProvider language="de">
        <ExerciseIllustration name="back-bend" label="Rückbeuge im Stehen" paused />
      </I18nProvider>,
    );
    expect(screen.getByRole('img')).toHaveAttribute(
      'aria-label',
      'Eine stehende Figur mit den Händen hinten an der Hüfte lehnt sich ein wenig zurück und blickt leicht nach oben.',
    );
  });

  it('Spanish: an unknown figure says so in Spanish; the component map speaks Spanish too', () => {
    const Walk = illustrations.walk!;
    render(
      <I18nProvider language="es">
        <ExerciseIllustration name="cartwheel" label="Rueda lateral" paused />
        <Walk paused />
      </I18nProvider>,
    );
    const [unknown, walk] = screen.getAllByRole('img');
    expect(unknown).toHaveAttribute('aria-label', 'Rueda lateral: todavía no hay imagen para este movimiento.');
    expect(walk).toHaveAttribute('aria-label', 'Una figura camina a paso tranquilo, con los brazos balanceándose sueltos.');
  });

  it('French: a home-program figure without a given name is described in French', () => {
    render(
      <I18nProvider language="fr">
        <ProgramFigure pose="bridge" paused />
      </I18nProvider>,
    );
    expect(screen.getByRole('img')).toHaveAttribute(
      'aria-label',
      expect.stringMatching(/^Une silhouette allongée sur le dos, genoux pliés, soulève les hanches/),
    );
  });

  it('English stays exactly as before', () => {
    render(
      <I18nProvider language="en">
        <ExerciseIllustration name="rest" paused />
      </I18nProvider>,
    );
    expect(screen.getByRole('img')).toHaveAttribute('aria-label', ALL_FIGURES.find((f) => f.key === 'rest')!.label);
  });
});
