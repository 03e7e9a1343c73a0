/** The re-designation evaluation's pages: the ministry's desk (frames, cohorts, rounds) and the reviewer's. The city's page is a tab of its console. */
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../shells/lazy-page.tsx';

export const evaluationRoutes: RouteObject[] = [
  { path: '/evaluation', element: lazyPage(() => import('./RoundPages.tsx'), 'EvaluationHomePage') },
  { path: '/evaluation/frames/:year', element: lazyPage(() => import('./FrameEditorPage.tsx'), 'FrameEditorPage') },
  { path: '/evaluation/cohorts/:year', element: lazyPage(() => import('./RoundPages.tsx'), 'CohortPage') },
  { path: '/evaluation/rounds/:year', element: lazyPage(() => import('./RoundPages.tsx'), 'RoundPage') },
  { path: '/evaluation/reviews', element: lazyPage(() => import('./ReviewPages.tsx'), 'EvaluationReviewsPage') },
  { path: '/evaluation/reviews/:assignmentId', element: lazyPage(() => import('./ReviewPages.tsx'), 'EvaluationReviewPage') },
];
