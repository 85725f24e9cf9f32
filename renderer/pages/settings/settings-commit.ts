import { useCallback, useEffect, useRef, useState } from 'react';
import { SettingsShape, type Settings, type SettingsPatch } from '../../../shared/settings';
import type { CompanionState } from '../../../shared/state';
import { errorMessage } from '../../data/api';
import { useCompanionState } from '../../data/companion';
import { useT } from '../../i18n';

/** Saving one setting: checked with the shared schema, then one settings/update to the engine. */

export type FieldKey = keyof Settings | 'workingHours.days' | 'workingHours.time';
export type Errors = Partial<Record<FieldKey, string>>;

export type Commit = (key: keyof Settings, value: unknown) => Promise<boolean>;

export const sentence = (text: string) => {
  if (!text) return text;
  const s = text[0]!.toUpperCase() + text.slice(1);
  return /[.!?]$/.test(s) ? s : `${s}.`;
};
export const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Checks one setting with the shared zod schema; only a valid value is sent, as one
 * settings/update. The engine may still refuse: its message is shown the same way.
 */
export function useSettingsCommit(state: CompanionState | null) {
  const { dispatch } = useCompanionState();
  const { t } = useT();
  const [errors, setErrors] = useState<Errors>({});
  const [saved, setSaved] = useState(0);
  const current = useRef(state);
  useEffect(() => {
    current.current = state;
  }, [state]);

  const setError = useCallback((field: FieldKey, message: string | null) => {
    setErrors((e) => {
      if ((e[field] ?? null) === message) return e;
      const next = { ...e };
      if (message) next[field] = message;
      else delete next[field];
      return next;
    });
  }, []);

  const commit = useCallback(
    async <K extends keyof Settings>(
      key: K,
      value: unknown,
      fieldFor: (path: PropertyKey[]) => FieldKey = () => key,
    ): Promise<boolean> => {
      const parsed = SettingsShape[key].safeParse(value);
      const fields =
        key === 'workingHours'
          ? (['workingHours.days', 'workingHours.time', 'workingHours'] as FieldKey[])
          : [key as FieldKey];
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        for (const f of fields) setError(f, null);
        setError(fieldFor(issue?.path ?? []), sentence(issue?.message ?? t('settings:invalid')));
        return false;
      }
      for (const f of fields) setError(f, null);
      if (current.current && same(current.current.settings[key], parsed.data)) return true;
      try {
        await dispatch({ type: 'settings/update', settings: { [key]: parsed.data } as SettingsPatch });
        setSaved((n) => n + 1);
        return true;
      } catch (error) {
        setError(fieldFor([]), errorMessage(error));
        return false;
      }
    },
    [dispatch, setError, t],
  );

  return { errors, commit, saved };
}
