/** The lifelong learning account (평생학습계좌): a resident's record across institutions, and its exports. */
import type { AppModule } from '../index.ts';
import { registerLearningAccountRoutes } from './learning-account.routes.ts';

export const learningAccount = {
  name: 'learning-account',
  register: registerLearningAccountRoutes,
} satisfies AppModule;
