/** Access: how well residents of each dong reach places to learn in person, and how evenly (2SFCA, Gini, Theil). */
import type { AppModule } from '../index.ts';
import { registerAccessRoutes } from './access.routes.ts';
import { accessOfCities, cityAccess, parametersOf } from './access.service.ts';

export const accessModule = {
  name: 'access',
  register: registerAccessRoutes,
  cityAccess,
  // Priority investment (grants) reads every city's mean access as its need.
  accessOfCities,
  parametersOf,
} satisfies AppModule & Record<string, unknown>;
