/** Learning to jobs (issue 13, item 7): the KSCO tags and certificates of vocational programs, the courses that lead to jobs, completions per occupation group. */
import type { AppModule } from '../index.ts';
import { registerOccupationRoutes } from './occupations.routes.ts';

export const occupations = {
  name: 'occupations',
  register: registerOccupationRoutes,
} satisfies AppModule;
