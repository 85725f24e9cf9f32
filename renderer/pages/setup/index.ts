export { SetupWizard } from './SetupWizard';
export { History as ChecklistHistory } from './Result';
