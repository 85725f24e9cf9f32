/**
 * The Progress screen (issue 6). Mount it as the `progress` route:
 *
 *   import { ProgressScreen } from './progress';
 *   progress: { view: 'progress', title: 'Progress', layout: 'app', component: ProgressScreen, nav: { … } }
 *
 * It reads api, state and dispatch from <CompanionProvider> and brings its own styles.
 */
export { ProgressScreen } from './ProgressScreen';
export { TherapistReport, ReportContent } from './TherapistReport';
