import { useCallback, useEffect, useMemo, useState, type Ref } from 'react';
import {
  CORE_AREAS,
  knownAnswers,
  lastCheckAt,
  OPTIONAL_AREAS,
  recheckDue,
  scoreChecklist,
  type ChecklistArea,
} from '../../../shared/checklist';
import { isValidStature, workstationTargets } from '../../../shared/ergonomics';
import type { Answer, Checklist } from '../../../shared/history';
import type { ProfilePatch } from '../../../shared/profile';
import { errorMessage } from '../../data/api';
import { useEngineSnapshot, useFocusOnChange, useSender, type EngineProps } from '../../data/flows';
import { StepHeading } from '../../ui/StepHeading';
import { useT } from '../../i18n';
import { formatDate } from '../../../shared/i18n/format';
import { AreaStep } from './AreaStep';
import { heightDraftFrom, HeightField, parseHeight, type HeightDraft } from './HeightField';
import { Result } from './Result';
import { printOrSavePdf } from '../../lib/print';
import '../../ui/flow.css';
import { Button } from '../../ui/Button';
import './setup.css';

type OptionalId = 'standing-desk' | 'driving' | 'heavy-things';

const OPTIONAL_IDS: readonly OptionalId[] = ['standing-desk', 'driving', 'heavy-things'];

type Saved = { at: string; answers: Record<string, Answer> };

/**
 * The workstation check: a start page (height, optional areas, when the last check was), one page
 * per area, and the result (scores, what to fix first, heights, print, "I moved desks", past
 * checks). Answers are saved with `checklist/save` when the result page opens.
 */
export function SetupWizard({
  onOpenBreakSettings,
  onClose,
  ...engine
}: EngineProps & {
  /** "Change the break interval" on the habits fix: open Settings at the break interval. */
  onOpenBreakSettings?: () => void;
  /** "Done" on the result page. */
  onClose?: () => void;
}) {
  const { t } = useT();
  const snapshot = useEngineSnapshot(engine.api);
  const { profile, settings } = snapshot;
  const profileSender = useSender(engine);
  const checklistSender = useSender(engine);
  const moveSender = useSender(engine);

  const [history, setHistory] = useState<Checklist[] | null>(null);
  const [historyError, setHistoryError] = useState<string | null>(null);
  const [height, setHeight] = useState<HeightDraft | null>(null);
  const [heightError, setHeightError] = useState<string | null>(null);
  const [optional, setOptional] = useState<ReadonlySet<OptionalId> | null>(null);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [stepIndex, setStepIndex] = useState(0);
  const [saved, setSaved] = useState<Saved | null>(null);
  // "Now" for the re-check sentences: when the page opened is precise enough.
  const [openedAt] = useState(() => Date.now());
  const headingRef = useFocusOnChange<HTMLHeadingElement>(stepIndex);

  const loadHistory = useCallback(() => {
    engine.api.getChecklists().then(
      (list) => {
        setHistory(list);
        setHistoryError(null);
      },
      (e: unknown) => setHistoryError(errorMessage(e)),
    );
  }, [engine.api]);
  useEffect(loadHistory, [loadHistory]);

  // Start from the profile once it has loaded.
  if (profile && height === null) setHeight(heightDraftFrom(profile.heightCm, profile.units));
  if (profile && optional === null) setOptional(new Set<OptionalId>(profile.standingDesk ? ['standing-desk'] : []));

  const areas: ChecklistArea[] = useMemo(
    () => [...CORE_AREAS, ...OPTIONAL_AREAS.filter((a) => optional?.has(a.id as OptionalId))],
    [optional],
  );
  const steps = ['start', ...areas.map((a) => a.id), 'result'];
  const step = steps[Math.min(stepIndex, steps.length - 1)]!;

  const heightCm = profile?.heightCm ?? null;
  const units = profile?.units ?? 'metric';
  const standingDesk = profile?.standingDesk ?? false;
  const targets = useMemo(
    () => (heightCm !== null && isValidStature(heightCm) ? workstationTargets(heightCm, { standingDesk }) : null),
    [heightCm, standingDesk],
  );
  const score = useMemo(() => scoreChecklist(answers), [answers]);

  if (!profile || !settings || !height || !optional) {
    return (
      <div className="flow setup-wizard">
        {snapshot.error ? (
          <div className="flow-card" role="alert">
            <h1 className="flow-title">{t('setup:loadError')}</h1>
            <p>{snapshot.error}</p>
            <div className="flow-actions">
              <Button type="button" variant="primary" size="roomy" onClick={snapshot.reload}>
                {t('setup:tryAgain')}
              </Button>
            </div>
          </div>
        ) : (
          <p className="flow-loading" role="status">
            {t('setup:loading')}
          </p>
        )}
      </div>
    );
  }

  const lastAt = history ? lastCheckAt(history) : null;
  const recheck = recheckDue(lastAt, settings.recheckDays, profile.movedDeskAt, openedAt);

  const saveAnswers = async () => {
    const toSave = knownAnswers(answers);
    if (Object.keys(toSave).length === 0) return;
    // Back to change nothing and forward again: the same check, not a second one.
    if (saved && JSON.stringify(saved.answers) === JSON.stringify(toSave)) return;
    const before = Date.now();
    if (await checklistSender.send({ type: 'checklist/save', answers: toSave })) {
      setSaved({ at: new Date(before).toISOString(), answers: toSave });
      loadHistory();
    }
  };

  const goTo = (index: number) => {
    profileSender.clearError();
    setStepIndex(index);
    if (steps[index] === 'result') void saveAnswers();
  };

  const start = async () => {
    const parsed = parseHeight(height, t);
    setHeightError(parsed.error);
    if (parsed.error) return;
    const patch: ProfilePatch = {};
    if (parsed.cm !== profile.heightCm) patch.heightCm = parsed.cm;
    if (height.units !== profile.units) patch.units = height.units;
    if (optional.has('standing-desk') !== profile.standingDesk) patch.standingDesk = optional.has('standing-desk');
    if (Object.keys(patch).length > 0) {
      if (!(await profileSender.send({ type: 'profile/save', profile: patch }))) return;
      snapshot.setProfile((p) => ({ ...p, ...patch }));
    }
    goTo(1);
  };

  const movedDesk = async () => {
    const at = new Date().toISOString();
    if (await moveSender.send({ type: 'profile/save', profile: { movedDeskAt: at } })) {
      snapshot.setProfile((p) => ({ ...p, movedDeskAt: at }));
    }
  };

  const newCheck = () => {
    setAnswers({});
    setSaved(null);
    goTo(0);
  };

  let body;
  if (step === 'start') {
    body = (
      <StartStep
        headingRef={headingRef}
        lastAt={lastAt}
        recheck={recheck}
        movedDeskAt={profile.movedDeskAt}
        height={height}
        heightError={heightError}
        onHeight={(d) => {
          setHeight(d);
          setHeightError(null);
        }}
        optional={optional}
        onToggleOptional={(id, on) =>
          setOptional((current) => {
            const next = new Set(current);
            if (on) next.add(id);
            else next.delete(id);
            return next;
          })
        }
        pending={profileSender.pending}
        error={profileSender.error}
        onStart={() => void start()}
        onMovedDesk={() => void movedDesk()}
        movePending={moveSender.pending}
        moveError={moveSender.error}
      />
    );
  } else if (step === 'result') {
    body = (
      <Result
        onPrint={() => void printOrSavePdf(engine.api, t('setup:printTitle'))}
        headingRef={headingRef}
        score={score}
        targets={targets}
        units={units}
        savedAt={saved?.at ?? null}
        saving={checklistSender.pending}
        saveError={checklistSender.error}
        onRetrySave={() => void saveAnswers()}
        history={history ?? []}
        recheckAt={saved ? recheckDue(saved.at, settings.recheckDays, null, openedAt).dueAt : recheck.dueAt}
        recheckDays={settings.recheckDays}
        movedDeskAt={profile.movedDeskAt}
        movePending={moveSender.pending}
        moveError={moveSender.error}
        onMovedDesk={() => void movedDesk()}
        onNewCheck={newCheck}
        onBack={() => goTo(steps.length - 2)}
        onAddHeight={() => goTo(0)}
        onOpenBreakSettings={onOpenBreakSettings}
        onClose={onClose}
      />
    );
  } else {
    const area = areas.find((a) => a.id === step)!;
    body = (
      <AreaStep
        area={area}
        answers={answers}
        onAnswer={(id, a) => setAnswers((current) => ({ ...current, [id]: a }))}
        targets={targets}
        units={units}
        breakIntervalMin={settings.breakIntervalMin}
        headingRef={headingRef}
      />
    );
  }

  const areaNumber = stepIndex; // areas are steps 1..n
  const isArea = step !== 'start' && step !== 'result';
  return (
    <div className="flow setup-wizard">
      {isArea && (
        <>
          <p className="flow-progress">
            {t('setup:area', { n: areaNumber, total: areas.length })}
          </p>
          <ol className="flow-dots" aria-hidden="true">
            {areas.map((a, i) => (
              <li key={a.id} className={i < areaNumber ? 'flow-dot flow-dot-on' : 'flow-dot'} />
            ))}
          </ol>
        </>
      )}
      <div className="flow-card">
        {body}
        {isArea && (
          <div className="flow-actions sw-nav">
            <Button type="button" variant="quiet" size="roomy" onClick={() => goTo(stepIndex - 1)}>
              {t('setup:back')}
            </Button>
            <Button type="button" variant="primary" size="roomy" onClick={() => goTo(stepIndex + 1)}>
              {stepIndex === steps.length - 2 ? t('setup:seeResults') : t('setup:next')}
            </Button>
          </div>
        )}
      </div>
      {historyError && step === 'result' && (
        <p className="flow-error" role="alert">
          {t('setup:historyError', { error: historyError })}
        </p>
      )}
    </div>
  );
}

function StartStep({
  headingRef,
  lastAt,
  recheck,
  movedDeskAt,
  height,
  heightError,
  onHeight,
  optional,
  onToggleOptional,
  pending,
  error,
  onStart,
  onMovedDesk,
  movePending,
  moveError,
}: {
  headingRef: Ref<HTMLHeadingElement>;
  lastAt: string | null;
  recheck: ReturnType<typeof recheckDue>;
  movedDeskAt: string | null;
  height: HeightDraft;
  heightError: string | null;
  onHeight: (d: HeightDraft) => void;
  optional: ReadonlySet<OptionalId>;
  onToggleOptional: (id: OptionalId, on: boolean) => void;
  pending: boolean;
  error: string | null;
  onStart: () => void;
  onMovedDesk: () => void;
  movePending: boolean;
  moveError: string | null;
}) {
  const { t, locale } = useT();
  const formatDay = (iso: string) => formatDate(locale, iso, { day: 'numeric', month: 'long', year: 'numeric' });
  return (
    <form
      className="flow-step"
      noValidate
      aria-labelledby="sw-start-title"
      onSubmit={(e) => {
        e.preventDefault();
        onStart();
      }}
    >
      <StepHeading level={1} headingRef={headingRef} id="sw-start-title">
        {t('setup:start.title')}
      </StepHeading>
      <p className="flow-lead">
        {t('setup:start.lead')}
      </p>
      {lastAt && (
        <div className="flow-panel sw-last-check">
          <p>
            {t('setup:start.lastChecked', { date: formatDay(lastAt) })}{' '}
            {recheck.reason === 'moved-desk'
              ? t('setup:start.movedSince')
              : recheck.due
                ? t('setup:start.due')
                : recheck.dueAt
                  ? t('setup:start.nextAround', { date: formatDay(recheck.dueAt) })
                  : ''}
          </p>
          {recheck.reason !== 'moved-desk' && (
            <p className="sw-moved-row">
              {t('setup:start.movedQuestion')}{' '}
              <button type="button" className="flow-link-button" disabled={movePending} onClick={onMovedDesk}>
                {t('setup:start.moved')}
              </button>
            </p>
          )}
          {movedDeskAt && recheck.reason === 'moved-desk' && (
            <p className="sw-note" role="status">
              {t('setup:start.movedNoted', { date: formatDay(movedDeskAt) })}
            </p>
          )}
          {moveError && (
            <p className="flow-error" role="alert">
              {moveError}
            </p>
          )}
        </div>
      )}
      <HeightField draft={height} error={heightError} onChange={onHeight} />
      <fieldset className="flow-fieldset">
        <legend className="flow-legend">{t('setup:optional.legend')}</legend>
        <div className="flow-checks">
          {OPTIONAL_IDS.map((id) => (
            <label key={id} className="flow-check">
              <input
                type="checkbox"
                checked={optional.has(id)}
                onChange={(e) => onToggleOptional(id, e.target.checked)}
                aria-describedby={`sw-opt-${id}`}
              />
              <span>
                <span className="flow-check-title">{t(`setup:optional.${id}.title`)}</span>
                <span className="flow-check-help" id={`sw-opt-${id}`}>
                  {t(`setup:optional.${id}.help`)}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {error && (
        <p className="flow-error" role="alert">
          {error}
        </p>
      )}
      <div className="flow-actions">
        <Button type="submit" variant="primary" size="roomy" disabled={pending}>
          {pending ? t('setup:saving') : t('setup:start.go')}
        </Button>
      </div>
    </form>
  );
}
