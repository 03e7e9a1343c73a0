/** Residents' proposals: what residents propose for their city, who supports it, and the city's public answer. */
import type { AppModule } from '../index.ts';
import { registerProposalRoutes } from './proposals.routes.ts';

export const proposals = {
  name: 'proposals',
  register: registerProposalRoutes,
} satisfies AppModule;
