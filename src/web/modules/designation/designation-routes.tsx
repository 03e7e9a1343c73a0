/**
 * The designation process's pages: the public call, the ministry's desk, the province's endorsement, reviews
 * and the consulting year. (The city's application is a tab of its console.)
 */
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../shells/lazy-page.tsx';

export const designationRoutes: RouteObject[] = [
  { path: '/designation', element: lazyPage(() => import('./CallsPage.tsx'), 'CallsPage') },
  { path: '/designation/calls', element: lazyPage(() => import('./CallsPage.tsx'), 'CallsPage') },
  { path: '/designation/calls/new', element: lazyPage(() => import('./CallEditorPage.tsx'), 'CallEditorPage') },
  { path: '/designation/calls/:year', element: lazyPage(() => import('./CallPage.tsx'), 'CallPage') },
  { path: '/designation/calls/:year/edit', element: lazyPage(() => import('./CallEditorPage.tsx'), 'CallEditorPage') },
  { path: '/designation/experts', element: lazyPage(() => import('./ExpertsPage.tsx'), 'ExpertsPage') },
  { path: '/designation/province/:provinceCode', element: lazyPage(() => import('./ProvincePage.tsx'), 'ProvincePage') },
  { path: '/designation/consulting', element: lazyPage(() => import('./ConsultingPage.tsx'), 'ConsultingsPage') },
  { path: '/designation/consulting/new', element: lazyPage(() => import('./ConsultingPage.tsx'), 'OpenImprovementPage') },
  { path: '/designation/consulting/:id', element: lazyPage(() => import('./ConsultingPage.tsx'), 'ConsultingPage') },
  { path: '/designation/log', element: lazyPage(() => import('./LogPage.tsx'), 'LogPage') },
  { path: '/designation/reviews', element: lazyPage(() => import('./ReviewsPage.tsx'), 'ReviewsPage') },
  { path: '/designation/reviews/:assignmentId', element: lazyPage(() => import('./ReviewPage.tsx'), 'ReviewPage') },
  { path: '/designation/calls/:year/review', element: lazyPage(() => import('./ReviewTablePage.tsx'), 'ReviewTablePage') },
];
