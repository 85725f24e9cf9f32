/**
 * The services every companion runs unless `CompanionOptions.services` says otherwise: the home
 * program. Kept apart from services.ts (the seam's types, which types.ts imports) so that the
 * seam does not import the program and the program's imports of types.ts form no cycle.
 */
import type { ServiceFactory } from './services';
import { programServiceFactory } from './program-service-adapter';

export const DEFAULT_SERVICES: readonly ServiceFactory[] = [programServiceFactory];
