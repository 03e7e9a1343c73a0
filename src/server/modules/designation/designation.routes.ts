/** The designation module's routes, one file per stage of the process. */
import type { Api } from '../../platform/http/api.ts';
import type { ModuleContext } from '../index.ts';
import { registerApplicationRoutes } from './applications.routes.ts';
import { registerCallRoutes } from './calls.routes.ts';
import { registerConsultingRoutes } from './consulting.routes.ts';
import { registerLogRoutes } from './log.routes.ts';
import { registerReviewRoutes } from './review.routes.ts';

export function registerDesignationRoutes(api: Api, context: ModuleContext): void {
  registerCallRoutes(api, context);
  registerApplicationRoutes(api, context);
  registerReviewRoutes(api, context);
  registerConsultingRoutes(api, context);
  registerLogRoutes(api, context);
}
