import type { Api } from '../../platform/http/api.ts';
import type { ModuleContext } from '../index.ts';

export function registerReviewRoutes(_api: Api, _context: ModuleContext): void {}
