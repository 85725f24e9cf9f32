export { I18nProvider, pageLanguage, pseudoRequested, useT } from './I18nProvider';
