/** The Settings page: one card per group of settings. */
export { SettingsView } from './SettingsView';
