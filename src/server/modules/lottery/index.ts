/** The lottery (추첨) and offline applications: fair alternatives to first come, first served. */
import type { AppModule } from '../index.ts';
import { registerLotteryRoutes } from './lottery.routes.ts';

export const lotteryModule = {
  name: 'lottery',
  register: registerLotteryRoutes,
} satisfies AppModule;
