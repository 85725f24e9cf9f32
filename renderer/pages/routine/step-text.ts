import type { TFunction } from 'i18next';
import { fixedT } from '../../../shared/i18n';

let english: TFunction | null = null;
const en = () => (english ??= fixedT('en'));

const cuesOf = (t: TFunction, id: string): string[] | null => {
  const cues: unknown = t(`routines:exercises.${id}.cues`, { returnObjects: true, defaultValue: null });
  return Array.isArray(cues) && cues.every((c) => typeof c === 'string') ? (cues as string[]) : null;
};

/**
 * A routine step's words in the user's language, from the catalogue by exercise id
 * (routines:exercises.<id>). The engine sends the catalogue's English; a step whose words are
 * not the catalogue's (an id the catalogue lacks, a hand-made step) keeps the words it came with.
 */
export function stepName(t: TFunction, step: { id: string; name: string }): string {
  const key = `routines:exercises.${step.id}.name`;
  const catalogue = en()(key, { defaultValue: '' });
  return catalogue && catalogue === step.name ? t(key) : step.name;
}

export function stepCues(t: TFunction, step: { id: string; cues?: readonly string[] }): string[] {
  const given = [...(step.cues ?? [])];
  const catalogue = cuesOf(en(), step.id);
  const same = catalogue !== null && catalogue.length === given.length && catalogue.every((c, i) => c === given[i]);
  return same ? (cuesOf(t, step.id) ?? given) : given;
}
