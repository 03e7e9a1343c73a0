import { CityParams } from '../../../shared/contracts/cities.ts';
import { IdParams, pageRequest } from '../../../shared/contracts/common.ts';
import {
  JobCourses, JobCoursesQuery, OccupationCompletions, OccupationCompletionsQuery, ProgramJobs, ProgramJobsBody,
} from '../../../shared/contracts/occupations.ts';
import { cityInPath, guard, requireActor } from '../../platform/auth/actor.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import type { ModuleContext } from '../index.ts';
import { programsModule } from '../programs/index.ts';
import * as service from './occupations.service.ts';

const tags = ['occupations'];

export function registerOccupationRoutes(api: Api, { database }: ModuleContext): void {
  const { db } = database;
  const managing = programsModule.managingProgramInPath(db);

  api.get('/programs/:id/occupations', {
    schema: {
      tags, summary: 'The occupation groups (KSCO) a program prepares for and the certificates it leads to',
      params: IdParams, response: { 200: ProgramJobs, ...errorResponses },
    },
  }, (request) => service.programJobs(db, request.actor, request.params.id));

  api.put('/programs/:id/occupations', {
    preValidation: managing,
    schema: {
      tags, summary: 'Tag a vocational program with the occupation groups it prepares for (current KSCO revision) and its certificates, replacing what it had',
      params: IdParams, body: ProgramJobsBody, response: { 200: ProgramJobs, ...errorResponses },
    },
  }, (request) => service.tagProgram(db, requireActor(request), request.params.id, request.body));

  api.get('/cities/:code/job-courses', {
    schema: {
      tags, summary: 'Courses that lead to jobs here: the city’s vocational programs still taking enrolments that are tagged with occupations, by major group',
      params: CityParams, querystring: JobCoursesQuery, response: { 200: JobCourses, ...errorResponses },
    },
  }, (request) => service.jobCourses(db, request.params.code, request.query.major, pageRequest(request.query)));

  api.get('/cities/:code/occupation-completions', {
    preValidation: guard('city.analysis.view', cityInPath),
    schema: {
      tags, summary: 'Completions of the city’s vocational programs that ended in a year, per KSCO major group they prepare for',
      params: CityParams, querystring: OccupationCompletionsQuery, response: { 200: OccupationCompletions, ...errorResponses },
    },
  }, (request) => service.occupationCompletions(db, request.params.code, request.query.year, pageRequest(request.query)));
}
