/** The dashboard: today at a glance, the next break, pause and the day's timeline. */
export { Dashboard } from './Dashboard';
