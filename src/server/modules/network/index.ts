/** The institutions' network: partnership agreements, shared rooms and equipment and their bookings, joint programs, the city's graph. */
import type { AppModule } from '../index.ts';
import { registerNetworkRoutes } from './network.routes.ts';

export const network = {
  name: 'network',
  register: registerNetworkRoutes,
} satisfies AppModule & Record<string, unknown>;
