import { indexVocabulary, type Labelled } from './label.ts';

/** Whose access the access measure counts, and to which places. */
export const accessPopulationList = [
  { code: 'all', ko: '모든 주민, 모든 대면 강좌', en: 'All residents, all in-person courses' },
  { code: 'older', ko: '65세 이상 어르신, 어르신 강좌', en: 'Residents 65+, courses for older adults' },
] as const satisfies readonly Labelled[];
export type AccessPopulation = (typeof accessPopulationList)[number]['code'];
export const accessPopulations = indexVocabulary<AccessPopulation, (typeof accessPopulationList)[number]>(accessPopulationList);

/**
 * The distances an officer may choose (km). The catchment defaults to 1.5 km, a short bus ride in town;
 * rural counties will want more. The walk defaults to 0.8 km: 10 minutes at the pace below.
 */
export const accessLimits = {
  catchmentKm: { min: 0.5, max: 20, default: 1.5 },
  walkKm: { min: 0.2, max: 5, default: 0.8 },
} as const;

/** Walking pace that turns distances into minutes: 80 m a minute (4.8 km/h). */
export const WALK_METRES_PER_MINUTE = 80;
