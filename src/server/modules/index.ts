/**
 * The registry of domain modules. Each module folder holds its schema, queries, service, routes and
 * tests; other modules reach it only through its index.ts.
 */
import type { CatalogueIndex } from './programs/programs.catalogue.ts';
import type { Config } from '../config.ts';
import type { Database } from '../platform/database/database.ts';
import type { ReadRouting } from '../platform/database/reads.ts';
import type { Api } from '../platform/http/api.ts';
import type { PageHead } from '../platform/http/spa.ts';
import { geography } from './geography/index.ts';
import { identity } from './identity/index.ts';
import { cities } from './cities/index.ts';
import { institutionsModule } from './institutions/index.ts';
import { programsModule } from './programs/index.ts';
import { enrolmentModule } from './enrolment/index.ts';
import { credentials } from './credentials/index.ts';
import { learningAccount } from './learning-account/index.ts';
import { satisfaction } from './satisfaction/index.ts';
import { cityRecord } from './city-record/index.ts';
import { indicatorsModule } from './indicators/index.ts';
import { participation } from './participation/index.ts';
import { demand } from './demand/index.ts';
import { annualReport } from './annual-report/index.ts';
import { accessModule } from './access/index.ts';
import { copiesModule } from './copies/index.ts';
import { designation } from './designation/index.ts';
import { evaluation } from './evaluation/index.ts';
import { notifications } from './notifications/index.ts';
import { programOffice } from './program-office/index.ts';
import { roleMapModule } from './role-map/index.ts';
import { colleagues } from './colleagues/index.ts';
import { instructors } from './instructors/index.ts';
import { network } from './network/index.ts';
import { lotteryModule } from './lottery/index.ts';
import { openingDay } from './opening-day/index.ts';
import { surveysModule } from './surveys/index.ts';
import { proposals } from './proposals/index.ts';
import { national } from './national/index.ts';
import { grantsModule } from './grants/index.ts';
import { vouchersModule } from './vouchers/index.ts';
import { council } from './council/index.ts';
import { deliveredCourses } from './delivered-courses/index.ts';
import { occupations } from './occupations/index.ts';

export interface ModuleContext {
  config: Config;
  database: Database;
  /** Where public pages may read from (a replica, when configured); request.reader is the per-request choice. */
  reads: ReadRouting;
  /** The catalogue residents search, held in this process (decision 017), when CATALOGUE_IN_MEMORY is on. */
  catalogue?: CatalogueIndex;
}

export interface AppModule {
  name: string;
  register(api: Api, context: ModuleContext): void | Promise<void>;
  /** What a deep link into this module's pages says before the web app runs. */
  pageHead?(path: string, context: ModuleContext): Promise<PageHead | null>;
  /**
   * The API request (its path under /api) whose answer a page of this module shows first, if any: the server puts
   * that answer into the page (spa.ts), so that a phone's first visit does not wait for it after the scripts.
   */
  firstRequest?(path: string, search: URLSearchParams): string | null;
}

export const modules: AppModule[] = [
  geography, identity, cities, institutionsModule, programsModule, enrolmentModule, credentials, learningAccount, satisfaction,
  cityRecord, indicatorsModule, participation, demand, accessModule, copiesModule, annualReport, designation, evaluation, notifications, programOffice, roleMapModule,
  colleagues, instructors, network, lotteryModule, openingDay, surveysModule, proposals, national, grantsModule, vouchersModule, council,
  deliveredCourses, occupations,
];
