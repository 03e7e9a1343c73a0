/** The council's public face (issue 13, item 4): committees, members and published meetings of the city's record, and their calendar. */
import type { AppModule } from '../index.ts';
import { registerCouncilRoutes } from './council.routes.ts';

export const council = {
  name: 'council',
  register: registerCouncilRoutes,
} satisfies AppModule;
