/** Colleagues: an institution's managers invite people by email, give them roles there and revoke them; all logged. */
import type { AppModule } from '../index.ts';
import { registerColleagueRoutes } from './colleagues.routes.ts';

export const colleagues = {
  name: 'colleagues',
  register: registerColleagueRoutes,
} satisfies AppModule & Record<string, unknown>;
