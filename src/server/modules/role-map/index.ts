/** The role map: who among a city's institutions serves which area × target group × dong, where they overlap and where nobody does. */
import type { AppModule } from '../index.ts';
import { registerRoleMapRoutes } from './role-map.routes.ts';

export const roleMapModule = {
  name: 'role-map',
  register: registerRoleMapRoutes,
} satisfies AppModule;
