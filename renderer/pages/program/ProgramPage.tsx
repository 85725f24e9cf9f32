import { useContext, useState, type ReactNode } from 'react';
import { I18nContext, useTranslation } from 'react-i18next';
import { useCompanionState } from '../../data/companion';
import { useProgram, type ProgramData, type ProgramView } from '../../data/program';
import { I18nProvider } from '../../i18n';
import { hrefFor } from '../../router';
import { Icon } from '../../ui/Icon';
import { ErrorNote } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';
import { ChangesCard } from './ChangesCard';
import { ClosingQuestion, SessionSummary, type SessionOutcome } from './ClosingQuestion';
import { PicksCard } from './PicksCard';
import { PlanCard, StartCard } from './PlanCards';
import { BeforeSession, SessionPlayer } from './SessionPlayer';
import { TrackingCard } from './TrackingCard';
import { exerciseName, noteWords, refusalWords } from './words';
import { Button, buttonClass } from '../../ui/Button';
import './program.css';

/**
 * The home program (issue 14): start it, the three moves, today's plan, a guided session with the
 * closing question, every change explained with Undo, tracking and reminder times. It only shows
 * what the engine's ProgramView says and sends program/* actions; the rules live in the engine.
 */
export function ProgramPage() {
  const { state } = useCompanionState();
  const { i18n } = useContext(I18nContext) ?? {};
  // The app-wide language provider may not be mounted yet: then this page brings its own.
  if (!i18n) {
    return (
      <I18nProvider language={state?.settings.language}>
        <ProgramScreen />
      </I18nProvider>
    );
  }
  return <ProgramScreen />;
}

type Stage =
  | { kind: 'home' }
  | { kind: 'before' }
  | { kind: 'closing'; done: string[] }
  | { kind: 'summary'; outcome: SessionOutcome };

function ProgramScreen() {
  const { t } = useTranslation('program');
  const { api } = useCompanionState();
  const program = useProgram(api);
  const { view } = program;
  const [stage, setStage] = useState<Stage>({ kind: 'home' });

  const heading = <PageHeading title={t('title')} subtitle={t('subtitle')} />;

  if (program.unsupported) {
    return (
      <div className="program">
        {heading}
        <p className="held-note" role="note">
          <Icon name="alert" />
          <span>{t('unsupported')}</span>
        </p>
      </div>
    );
  }
  if (!view) {
    return (
      <div className="program">
        {heading}
        {program.loadError ? (
          <ErrorNote message={t('loadError', { message: program.loadError })} />
        ) : (
          <div className="center-message" role="status">
            <span className="loader" aria-hidden="true" />
            <p>{t('loading')}</p>
          </div>
        )}
      </div>
    );
  }

  if (view.held) {
    return (
      <div className="program">
        {heading}
        <HeldCard view={view} />
      </div>
    );
  }

  if (stage.kind === 'before' && !view.active) {
    return (
      <BeforeSession
        view={view}
        program={program}
        onBack={() => setStage({ kind: 'home' })}
        onBegin={async (lingering) => {
          const ok = await program.run(
            lingering === null ? { type: 'program/session-start' } : { type: 'program/session-start', lingering },
          );
          if (ok) setStage({ kind: 'home' });
        }}
      />
    );
  }
  if (view.active && (stage.kind === 'home' || stage.kind === 'before')) {
    return (
      <SessionPlayer
        exercises={view.active.exercises}
        rules={view.active.sessionRules ?? view.sessionRules}
        pending={program.pending}
        error={program.error}
        onCancel={() => void program.run({ type: 'program/session-cancel' })}
        onFinish={(done) => setStage({ kind: 'closing', done })}
      />
    );
  }
  if (stage.kind === 'closing' && view.active) {
    return (
      <ClosingQuestion
        ask={view.ask}
        exercises={view.active.exercises.filter((e) => stage.done.includes(e.id))}
        pending={program.pending}
        error={program.error}
        onSubmit={async (answers) => {
          const before = new Set(view.changes.map((c) => c.id));
          const ok = await program.run({ type: 'program/session-end', done: stage.done, ...answers });
          if (ok) setStage({ kind: 'summary', outcome: { ...answers, before } });
        }}
      />
    );
  }
  if (stage.kind === 'summary') {
    return (
      <SessionSummary
        view={view}
        outcome={stage.outcome}
        program={program}
        onClose={() => setStage({ kind: 'home' })}
      />
    );
  }

  return (
    <div className="program">
      {heading}
      <ErrorNote message={refusalWords(t, program.error)} onDismiss={program.clearError} />
      {!view.started ? (
        <StartCard program={program} view={view} />
      ) : (
        <div className="program-grid">
          <div className="program-col">
            <TodayCard view={view} program={program} onStart={() => setStage({ kind: 'before' })} />
            <PicksCard view={view} program={program} />
            <ChangesCard view={view} program={program} />
          </div>
          <div className="program-col">
            <TrackingCard view={view} program={program} />
            <PlanCard view={view} program={program} />
          </div>
        </div>
      )}
      {view.notices.map((n) => (
        <p className="program-notice" role="note" key={n}>
          {n}
        </p>
      ))}
    </div>
  );
}

/** The safety gate holds the program: nothing is offered, only the way to the answers. */
function HeldCard({ view }: { view: ProgramView }) {
  const { t } = useTranslation('program');
  const unanswered = view.held?.code === 'program.safety-unanswered';
  return (
    <section className="card program-held" aria-labelledby="program-held-title">
      <p className="eyebrow">{t('held.eyebrow')}</p>
      <h2 id="program-held-title" className="card-title">
        {t('held.title')}
      </h2>
      <div className="held-note" role="note">
        <Icon name="alert" />
        <p>{t(`held.${unanswered ? 'unanswered' : 'flagged'}`)}</p>
      </div>
      <div className="actions">
        {unanswered ? (
          <a className={buttonClass('primary')} href={`${hrefFor('first-run')}?step=safety`}>
            {t('held.takeCheck')}
          </a>
        ) : (
          <a className={buttonClass('secondary')} href={hrefFor('settings')}>
            {t('held.openSettings')}
          </a>
        )}
      </div>
    </section>
  );
}

function TodayCard({ view, program, onStart }: { view: ProgramView; program: ProgramData; onStart: () => void }) {
  const { t } = useTranslation('program');
  const today = view.today;
  const planned = today?.sessions ?? 0;
  const done = view.doneToday;
  let title: string;
  let detail: ReactNode;
  if (!today || today.kind === 'snacks') {
    title = t('today.snacksTitle');
    detail = t('today.snacksDetail');
  } else if (done >= planned) {
    title = t('today.allDone');
    detail = t('today.allDoneDetail');
  } else {
    title = t('today.sessionOf', { n: done + 1, total: planned });
    detail = today.minutes ? t('today.minutes', { min: today.minutes.min, max: today.minutes.max }) : null;
  }
  return (
    <section className="card program-today" aria-labelledby="program-today-title">
      <div className="program-today-head">
        <p className={`pill pill-${view.lane === 'calm' ? 'calm' : 'active'}`}>
          <span className="pill-dot" aria-hidden="true" />
          {t('lane.pill', { lane: t(`lane.${view.lane}.name`) })}
        </p>
        <p className="program-stage">{t(`stage.${view.stage}`)}</p>
      </div>
      <h2 id="program-today-title" className="card-title">
        {title}
      </h2>
      {detail && <p className="card-subtitle">{detail}</p>}
      <SessionDots planned={planned} done={done} />
      <p className="program-lane-help">{t(`lane.${view.lane}.help`)}</p>
      {today?.walk && (
        <p className="program-walk">
          <Icon name="walk" />
          {t('today.walk')}
        </p>
      )}
      {view.sessionMoves?.length > 0 && (
        <p className="program-session-moves">
          <span className="program-session-moves-label">{t('today.thisSession')}</span>{' '}
          {view.sessionMoves.map((e) => exerciseName(t, e)).join(' · ')}
        </p>
      )}
      {view.sessionNotes?.map((n) => (
        <p key={`${n.code}-${String(n.params.exerciseId ?? '')}`} className="care-note">
          {noteWords(t, n.code, n.params, n.text)}
        </p>
      ))}
      {view.legWorseThisWeek >= 2 && <p className="care-note">{noteWords(t, 'leg-worse.see-clinician')}</p>}
      <div className="actions">
        <Button type="button" variant="primary" size="large" disabled={program.pending} onClick={onStart}>
          <Icon name="play" />
          {(done >= planned && planned > 0) || today?.kind === 'snacks' ? t('today.startExtra') : t('today.start')}
        </Button>
      </div>
      <p className="program-week">
        {view.week.planned > 0
          ? t('today.week', { done: view.week.done, planned: view.week.planned })
          : t('today.weekNone')}
      </p>
    </section>
  );
}

function SessionDots({ planned, done }: { planned: number; done: number }) {
  const { t } = useTranslation('program');
  if (planned === 0) return null;
  return (
    <div className="program-dots">
      <ol aria-hidden="true">
        {Array.from({ length: Math.max(planned, done) }, (_, i) => (
          <li key={i} className={i < done ? 'program-dot program-dot-done' : 'program-dot'}>
            {i < done && <Icon name="check" />}
          </li>
        ))}
      </ol>
      <p className="program-dots-text">{t('today.doneOf', { done, planned })}</p>
    </div>
  );
}
