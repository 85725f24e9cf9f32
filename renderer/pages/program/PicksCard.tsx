import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANES } from '../../../shared/program/exercises';
import type { ProgramData, ProgramView, ProgramViewExercise } from '../../data/program';
import { ProgramFigure } from '../../illustrations';
import { codeWords, doseText, exerciseName } from './words';
import { Button } from '../../ui/Button';

function MoveTags({ e }: { e: ProgramViewExercise }) {
  const { t } = useTranslation('program');
  return (
    <span className="program-tags">
      <span className={`program-tag program-tag-${e.lane}`}>{t(`lane.${e.lane}.name`)}</span>
      {e.floor && <span className="program-tag">{t('tag.floor')}</span>}
      {e.loaded && <span className="program-tag program-tag-warm">{t('tag.weight')}</span>}
      {e.sides === 'left-right' && <span className="program-tag">{t('tag.sides')}</span>}
    </span>
  );
}

/** The three moves (suggested by the rules at the start); the user may keep them or choose others. */
export function PicksCard({ view, program }: { view: ProgramView; program: ProgramData }) {
  const { t } = useTranslation('program');
  const [choosing, setChoosing] = useState(false);
  return (
    <section className="card" aria-labelledby="program-picks-title">
      <h2 id="program-picks-title" className="card-title">
        {t('picks.title')}
      </h2>
      <p className="card-subtitle">{t('picks.lead')}</p>
      <ul className="program-picks">
        {view.picks.map((e) => (
          <li key={e.id} className="program-pick">
            <div className="program-pick-figure">
              <ProgramFigure
                pose={e.pose}
                floor={e.floor}
                side={e.sides === 'left-right' ? 'left' : null}
                label={exerciseName(t, e)}
                paused
              />
            </div>
            <div>
              <p className="program-pick-name">{exerciseName(t, e)}</p>
              <p className="program-pick-dose">{doseText(t, e.dose)}</p>
              <MoveTags e={e} />
            </div>
          </li>
        ))}
      </ul>
      {view.ask?.tryAgain.map((q) => (
        <div
          key={q.exerciseId}
          className="program-try-again"
          role="group"
          aria-labelledby={`program-try-${q.exerciseId}`}
        >
          <p id={`program-try-${q.exerciseId}`}>{codeWords(t, q)}</p>
          <Button
            type="button"
            variant="secondary"
            disabled={program.pending}
            onClick={() => void program.run({ type: 'program/allow-move', exerciseId: q.exerciseId })}
          >
            {t('picks.tryAgain')}
          </Button>
        </div>
      ))}
      {choosing ? (
        <PickChooser view={view} program={program} onDone={() => setChoosing(false)} />
      ) : (
        <div className="actions">
          <Button type="button" variant="secondary" onClick={() => setChoosing(true)}>
            {t('picks.change')}
          </Button>
        </div>
      )}
    </section>
  );
}

function PickChooser({ view, program, onDone }: { view: ProgramView; program: ProgramData; onDone: () => void }) {
  const { t } = useTranslation('program');
  const [chosen, setChosen] = useState<string[]>(() => view.picks.map((p) => p.id));
  const toggle = (id: string, on: boolean) => setChosen((c) => (on ? [...c, id] : c.filter((x) => x !== id)));
  const save = async () => {
    if (await program.run({ type: 'program/pick', exerciseIds: chosen })) onDone();
  };
  return (
    <fieldset className="program-chooser" aria-describedby="program-chooser-count">
      <legend className="program-subhead">{t('picks.chooseTitle')}</legend>
      <p className="hint">{t('picks.chooseHelp')}</p>
      {LANES.map((lane) => {
        const moves = view.offered.filter((e) => e.lane === lane);
        if (moves.length === 0) return null;
        return (
          <div key={lane} className="program-chooser-lane">
            <h3 className="program-chooser-lane-title">{t(`lane.${lane}.name`)}</h3>
            <ul className="program-chooser-list">
              {moves.map((e) => {
                const on = chosen.includes(e.id);
                return (
                  <li key={e.id}>
                    <label className={`program-option${on ? ' program-option-on' : ''}`}>
                      <input
                        type="checkbox"
                        checked={on}
                        disabled={!on && chosen.length >= 3}
                        onChange={(ev) => toggle(e.id, ev.target.checked)}
                      />
                      <span className="program-option-text">
                        <span className="program-pick-name">{exerciseName(t, e)}</span>
                        <span className="program-pick-dose">{doseText(t, e.dose)}</span>
                        <MoveTags e={e} />
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
      <p id="program-chooser-count" className="program-chooser-count" role="status">
        {t('picks.chosenCount', { count: chosen.length })}
      </p>
      <div className="actions">
        <Button
          type="button"
          variant="primary"
          disabled={chosen.length !== 3 || program.pending}
          onClick={() => void save()}
        >
          {t('picks.save')}
        </Button>
        <Button type="button" variant="quiet" onClick={onDone}>
          {t('picks.cancel')}
        </Button>
      </div>
    </fieldset>
  );
}
