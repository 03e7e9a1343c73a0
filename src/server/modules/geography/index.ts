/** Geography: Korea's provinces, municipalities (시·군·구) and dongs (읍·면·동), and their boundaries. */
import type { AppModule } from '../index.ts';
import { findDong, findMunicipality, findProvince, dongsOfCities, allMunicipalities, listProvinces } from './geography.queries.ts';
import { registerGeographyRoutes } from './geography.routes.ts';
import { ensureGeography } from './geography.loader.ts';

export const geography = {
  name: 'geography',
  register: registerGeographyRoutes,
  ensureGeography,
  findDong,
  findMunicipality,
  findProvince,
  dongsOfCities,
  allMunicipalities,
  listProvinces,
} satisfies AppModule & Record<string, unknown>;
