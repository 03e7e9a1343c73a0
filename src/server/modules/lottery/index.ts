/** The lottery (추첨) and offline applications: fair alternatives to first come, first served. */
import type { AppModule } from '../index.ts';
import { countApplications } from './lottery.queries.ts';
import { registerLotteryRoutes } from './lottery.routes.ts';

export const lotteryModule = {
  name: 'lottery',
  register: registerLotteryRoutes,
  /** For the back office: a program people applied to by lottery cannot stop being one. */
  countApplications,
} satisfies AppModule & Record<string, unknown>;
