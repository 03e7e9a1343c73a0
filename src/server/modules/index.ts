/**
 * The registry of domain modules. Each module folder holds its schema, queries, service, routes and
 * tests; other modules reach it only through its index.ts.
 */
import type { Config } from '../config.ts';
import type { Database } from '../platform/database/database.ts';
import type { Api } from '../platform/http/api.ts';
import { geography } from './geography/index.ts';
import { identity } from './identity/index.ts';
import { cities } from './cities/index.ts';
import { institutionsModule } from './institutions/index.ts';
import { programsModule } from './programs/index.ts';

export interface ModuleContext {
  config: Config;
  database: Database;
}

export interface AppModule {
  name: string;
  register(api: Api, context: ModuleContext): void | Promise<void>;
}

export const modules: AppModule[] = [geography, identity, cities, institutionsModule, programsModule];
