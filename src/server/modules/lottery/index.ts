/** The lottery (추첨) and offline applications: fair alternatives to first come, first served. */
import type { AppModule } from '../index.ts';
import { commitmentOf, drawOrder, newSeed, ticketOf } from './draw.ts';
import { countApplications } from './lottery.queries.ts';
import { registerLotteryRoutes } from './lottery.routes.ts';

export const lotteryModule = {
  name: 'lottery',
  register: registerLotteryRoutes,
  /** For the back office: a program people applied to by lottery cannot stop being one. */
  countApplications,
  // The draw's recipe (decision 013), for other draws that must be reproducible from a published seed (vouchers).
  newSeed,
  commitmentOf,
  drawOrder,
  ticketOf,
} satisfies AppModule & Record<string, unknown>;
