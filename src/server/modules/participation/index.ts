/** Participation: study groups, volunteers, and what residents say they want to learn. */
import type { AppModule } from '../index.ts';
import { registerParticipationRoutes } from './participation.routes.ts';

export const participation = {
  name: 'participation',
  register: registerParticipationRoutes,
} satisfies AppModule;
