/**
 * The designation process's pages: the public call, the ministry's desk, the province's endorsement, reviews
 * and the consulting year. (The city's application is a tab of its console.)
 */
import type { RouteObject } from 'react-router';

export const designationRoutes: RouteObject[] = [
  { path: '/designation', lazy: async () => ({ Component: (await import('./CallsPage.tsx')).CallsPage }) },
  { path: '/designation/calls', lazy: async () => ({ Component: (await import('./CallsPage.tsx')).CallsPage }) },
  { path: '/designation/calls/new', lazy: async () => ({ Component: (await import('./CallEditorPage.tsx')).CallEditorPage }) },
  { path: '/designation/calls/:year', lazy: async () => ({ Component: (await import('./CallPage.tsx')).CallPage }) },
  { path: '/designation/calls/:year/edit', lazy: async () => ({ Component: (await import('./CallEditorPage.tsx')).CallEditorPage }) },
  { path: '/designation/experts', lazy: async () => ({ Component: (await import('./ExpertsPage.tsx')).ExpertsPage }) },
  { path: '/designation/province/:provinceCode', lazy: async () => ({ Component: (await import('./ProvincePage.tsx')).ProvincePage }) },
  { path: '/designation/consulting', lazy: async () => ({ Component: (await import('./ConsultingPage.tsx')).ConsultingsPage }) },
  { path: '/designation/consulting/:id', lazy: async () => ({ Component: (await import('./ConsultingPage.tsx')).ConsultingPage }) },
  { path: '/designation/log', lazy: async () => ({ Component: (await import('./LogPage.tsx')).LogPage }) },
  { path: '/designation/reviews', lazy: async () => ({ Component: (await import('./ReviewsPage.tsx')).ReviewsPage }) },
  { path: '/designation/reviews/:assignmentId', lazy: async () => ({ Component: (await import('./ReviewPage.tsx')).ReviewPage }) },
  { path: '/designation/calls/:year/review', lazy: async () => ({ Component: (await import('./ReviewTablePage.tsx')).ReviewTablePage }) },
];
