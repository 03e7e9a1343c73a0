/**
 * The designation process's pages: the public call, the ministry's desk, the province's endorsement, reviews
 * and the consulting year. (The city's application is a tab of its console.)
 */
import type { RouteObject } from 'react-router';

export const designationRoutes: RouteObject[] = [];
