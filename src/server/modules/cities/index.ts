/** Cities: learning cities' designation history, profiles and learning events. */
import type { AppModule } from '../index.ts';
import { registerCityRoutes } from './cities.routes.ts';

export const cities = {
  name: 'cities',
  register: registerCityRoutes,
} satisfies AppModule;
