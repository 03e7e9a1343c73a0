import { createBrowserRouter, RouterProvider } from 'react-router';
import { Shell } from './shells/Shell.tsx';
import { SessionProvider } from './shells/session.tsx';
import { useLocale } from './i18n/index.ts';
import { HomePage } from './modules/home/HomePage.tsx';
import { ProgramsPage } from './modules/programs/ProgramsPage.tsx';
import { ProgramPage } from './modules/programs/ProgramPage.tsx';
import { CitiesPage } from './modules/cities/CitiesPage.tsx';
import { CityPage } from './modules/cities/CityPage.tsx';
import { CityConsolePage } from './modules/city-console/CityConsolePage.tsx';
import { InstitutionPage } from './modules/institutions/InstitutionPage.tsx';
import { PublishProgramPage } from './modules/copies/PublishProgramPage.tsx';
import { LoginPage } from './modules/identity/LoginPage.tsx';
import { SignUpPage } from './modules/identity/SignUpPage.tsx';
import { MyLearningPage } from './modules/resident/MyLearningPage.tsx';
import { MinistryPage } from './modules/ministry/MinistryPage.tsx';
import { PeoplePage } from './modules/admin/PeoplePage.tsx';
import { RosterPage } from './modules/enrolment/RosterPage.tsx';
import { CertificatePage } from './modules/credentials/CertificatePage.tsx';
import { VerifyPage } from './modules/credentials/VerifyPage.tsx';
import { designationRoutes } from './modules/designation/designation-routes.tsx';
import { ApiKeysPage } from './modules/program-office/ApiKeysPage.tsx';
import { OfficeProgramsPage } from './modules/program-office/OfficeProgramsPage.tsx';
import { ProgramImportPage } from './modules/program-office/ProgramImportPage.tsx';
import { ProgramEditorPage } from './modules/program-office/ProgramEditorPage.tsx';

function NotFound() {
  const { t } = useLocale();
  return <p className="lc-notice">{t('common.notFound')}</p>;
}

const router = createBrowserRouter([
  {
    element: <Shell />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/programs', element: <ProgramsPage /> },
      { path: '/programs/:id', element: <ProgramPage /> },
      { path: '/programs/:id/manage', element: <RosterPage /> },
      { path: '/programs/:id/edit', element: <ProgramEditorPage /> },
      { path: '/certificates/:id', element: <CertificatePage /> },
      { path: '/verify', element: <VerifyPage /> },
      { path: '/cities', element: <CitiesPage /> },
      { path: '/cities/:code', element: <CityPage /> },
      { path: '/cities/:code/console/:tab?', element: <CityConsolePage /> },
      { path: '/institutions/:id', element: <InstitutionPage /> },
      { path: '/institutions/:id/programs/new', element: <PublishProgramPage /> },
      { path: '/institutions/:id/office', element: <OfficeProgramsPage /> },
      { path: '/institutions/:id/office/import', element: <ProgramImportPage /> },
      { path: '/institutions/:id/office/api-keys', element: <ApiKeysPage /> },
      { path: '/institutions/:id/colleagues', lazy: async () => ({ Component: (await import('./modules/colleagues/ColleaguesPage.tsx')).ColleaguesPage }) },
      { path: '/institutions/:id/instructors', lazy: async () => ({ Component: (await import('./modules/instructors/PoolPage.tsx')).PoolPage }) },
      { path: '/programs/:id/instructors', lazy: async () => ({ Component: (await import('./modules/instructors/MatchPage.tsx')).MatchPage }) },
      { path: '/me/instructor-profile', lazy: async () => ({ Component: (await import('./modules/instructors/InstructorProfilePage.tsx')).InstructorProfilePage }) },
      { path: '/me/teaching', lazy: async () => ({ Component: (await import('./modules/instructors/TeachingPage.tsx')).TeachingPage }) },
      { path: '/institutions/:id/network', lazy: async () => ({ Component: (await import('./modules/network/NetworkPage.tsx')).NetworkPage }) },
      { path: '/invitation', lazy: async () => ({ Component: (await import('./modules/colleagues/InvitationPage.tsx')).InvitationPage }) },
      { path: '/login', element: <LoginPage /> },
      { path: '/signup', element: <SignUpPage /> },
      { path: '/forgot-password', lazy: async () => ({ Component: (await import('./modules/identity/ForgotPasswordPage.tsx')).ForgotPasswordPage }) },
      { path: '/reset-password', lazy: async () => ({ Component: (await import('./modules/identity/ResetPasswordPage.tsx')).ResetPasswordPage }) },
      { path: '/me', element: <MyLearningPage /> },
      { path: '/me/inbox', lazy: async () => ({ Component: (await import('./modules/notifications/InboxPage.tsx')).InboxPage }) },
      { path: '/ministry', element: <MinistryPage /> },
      { path: '/admin/people', element: <PeoplePage /> },
      ...designationRoutes,
      { path: '*', element: <NotFound /> },
    ],
  },
]);

export function App() {
  return (
    <SessionProvider>
      <RouterProvider router={router} />
    </SessionProvider>
  );
}
