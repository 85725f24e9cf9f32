/**
 * The check-in form (issue 6). Mount it as the `checkin` route:
 *
 *   import { CheckinForm } from './checkin';
 *   checkin: { view: 'checkin', title: 'Check-in', layout: 'app', component: CheckinForm }
 *
 * It reads api and dispatch from <CompanionProvider> and brings its own styles. `onSaved` is
 * optional (for a wrapper that wants to move on after saving).
 */
export { CheckinForm } from './CheckinForm';
