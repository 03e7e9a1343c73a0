/** Opening day: a city's registration opening for a term's programs, and its waiting room. */
import type { AppModule } from '../index.ts';
import { registerOpeningDayRoutes } from './opening-day.routes.ts';
import { admission } from './opening-day.service.ts';

export const openingDay = {
  name: 'opening-day',
  register: registerOpeningDayRoutes,
  /** For enrolment: refuses (409) before the opening, and while its waiting room is in force until the person is let in. */
  admission,
} satisfies AppModule & Record<string, unknown>;
