/**
 * Surveys residents answer: the ministry's yearly residents' satisfaction survey of learning cities (issue 12,
 * item 4); the questionnaire model (sections of scale, text and choice questions, in versions) is general so that
 * cities' needs surveys (issue 13) reuse it.
 */
import type { AppModule } from '../index.ts';
import { registerSurveyRoutes } from './surveys.routes.ts';
import { needsOfYear, topNeeds } from './needs.service.ts';
import { satisfactionOfCities } from './surveys.service.ts';

export type { CitySatisfaction } from './surveys.service.ts';

export const surveysModule = {
  name: 'surveys',
  register: registerSurveyRoutes,
  /**
   * For the re-designation evaluation's `survey` items: per city asked for, respondents (n), the mean of their
   * own means over the scale items (1–5; of one section when `area` is a section code: governance, operations,
   * outcomes), its 95% t-interval, whether n reaches the 30 results are shown from, and the mean per area.
   */
  satisfactionOfCities,
  /** The largest needs of a city's needs survey (this year's, else last year's), for the demand panel; null below 30 respondents. */
  topNeeds,
  /** One year's largest needs (none below the respondents results are shown from), for the council's meetings. */
  needsOfYear,
} satisfies AppModule & Record<string, unknown>;

export { satisfactionOfCities };
