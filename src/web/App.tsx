import { StrictMode, type ReactNode } from 'react';
import i18next, { type i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import type { RouteObject } from 'react-router';
import type { PagePreferences } from '../shared/lib/page-preferences.ts';
import { RenderedAnswer, type FirstAnswer } from './api/client.ts';
import { RenderedPreferences } from './shells/preferences.ts';
import { Shell } from './shells/Shell.tsx';
import { lazyPage } from './shells/lazy-page.tsx';
import { SessionProvider } from './shells/session.tsx';
import { useLocale } from './i18n/index.ts';
import { HomePage } from './modules/home/HomePage.tsx';
import { ProgramsPage } from './modules/programs/ProgramsPage.tsx';
import { designationRoutes } from './modules/designation/designation-routes.tsx';
import { evaluationRoutes } from './modules/evaluation/evaluation-routes.tsx';

function NotFound() {
  const { t } = useLocale();
  return <p className="lc-notice">{t('common.notFound')}</p>;
}

/** Every page of the app: the browser's router (main.tsx) and the server's rendering (ssr.tsx) use these very routes. */
export const routes: RouteObject[] = [
  {
    element: <Shell />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/programs', element: <ProgramsPage /> },
      { path: '/programs/:id', element: lazyPage(() => import('./modules/programs/ProgramPage.tsx'), 'ProgramPage') },
      { path: '/programs/:id/manage', element: lazyPage(() => import('./modules/enrolment/RosterPage.tsx'), 'RosterPage') },
      { path: '/programs/:id/edit', element: lazyPage(() => import('./modules/program-office/ProgramEditorPage.tsx'), 'ProgramEditorPage') },
      { path: '/certificates/:id', element: lazyPage(() => import('./modules/credentials/CertificatePage.tsx'), 'CertificatePage') },
      { path: '/verify', element: lazyPage(() => import('./modules/credentials/VerifyPage.tsx'), 'VerifyPage') },
      { path: '/cities', element: lazyPage(() => import('./modules/cities/CitiesPage.tsx'), 'CitiesPage') },
      { path: '/cities/:code', element: lazyPage(() => import('./modules/cities/CityPage.tsx'), 'CityPage') },
      { path: '/cities/:code/proposals', element: lazyPage(() => import('./modules/proposals/ProposalsPage.tsx'), 'ProposalsPage') },
      { path: '/cities/:code/proposals/:id', element: lazyPage(() => import('./modules/proposals/ProposalPage.tsx'), 'ProposalPage') },
      { path: '/cities/:code/study-groups', element: lazyPage(() => import('./modules/participation/StudyGroupsPage.tsx'), 'StudyGroupsPage') },
      { path: '/cities/:code/study-groups/:id', element: lazyPage(() => import('./modules/participation/StudyGroupPage.tsx'), 'StudyGroupPage') },
      { path: '/cities/:code/volunteers', element: lazyPage(() => import('./modules/participation/VolunteersPage.tsx'), 'CityVolunteersPage') },
      { path: '/institutions/:id/volunteers', element: lazyPage(() => import('./modules/participation/VolunteersPage.tsx'), 'InstitutionVolunteersPage') },
      { path: '/cities/:code/jobs', element: lazyPage(() => import('./modules/occupations/JobCoursesPage.tsx'), 'JobCoursesPage') },
      { path: '/cities/:code/council', element: lazyPage(() => import('./modules/council/CouncilPage.tsx'), 'CouncilPage') },
      { path: '/cities/:code/council/meetings/:id', element: lazyPage(() => import('./modules/council/MeetingPage.tsx'), 'MeetingPage') },
      { path: '/cities/:code/console/:tab?', element: lazyPage(() => import('./modules/city-console/CityConsolePage.tsx'), 'CityConsolePage') },
      { path: '/institutions/:id', element: lazyPage(() => import('./modules/institutions/InstitutionPage.tsx'), 'InstitutionPage') },
      { path: '/institutions/:id/programs/new', element: lazyPage(() => import('./modules/copies/PublishProgramPage.tsx'), 'PublishProgramPage') },
      { path: '/institutions/:id/office', element: lazyPage(() => import('./modules/program-office/OfficeProgramsPage.tsx'), 'OfficeProgramsPage') },
      { path: '/institutions/:id/office/import', element: lazyPage(() => import('./modules/program-office/ProgramImportPage.tsx'), 'ProgramImportPage') },
      { path: '/institutions/:id/office/api-keys', element: lazyPage(() => import('./modules/program-office/ApiKeysPage.tsx'), 'ApiKeysPage') },
      { path: '/institutions/:id/colleagues', element: lazyPage(() => import('./modules/colleagues/ColleaguesPage.tsx'), 'ColleaguesPage') },
      { path: '/institutions/:id/instructors', element: lazyPage(() => import('./modules/instructors/PoolPage.tsx'), 'PoolPage') },
      { path: '/programs/:id/instructors', element: lazyPage(() => import('./modules/instructors/MatchPage.tsx'), 'MatchPage') },
      { path: '/me/instructor-profile', element: lazyPage(() => import('./modules/instructors/InstructorProfilePage.tsx'), 'InstructorProfilePage') },
      { path: '/me/teaching', element: lazyPage(() => import('./modules/instructors/TeachingPage.tsx'), 'TeachingPage') },
      { path: '/institutions/:id/network', element: lazyPage(() => import('./modules/network/NetworkPage.tsx'), 'NetworkPage') },
      { path: '/invitation', element: lazyPage(() => import('./modules/colleagues/InvitationPage.tsx'), 'InvitationPage') },
      { path: '/login', element: lazyPage(() => import('./modules/identity/LoginPage.tsx'), 'LoginPage') },
      { path: '/signup', element: lazyPage(() => import('./modules/identity/SignUpPage.tsx'), 'SignUpPage') },
      { path: '/forgot-password', element: lazyPage(() => import('./modules/identity/ForgotPasswordPage.tsx'), 'ForgotPasswordPage') },
      { path: '/reset-password', element: lazyPage(() => import('./modules/identity/ResetPasswordPage.tsx'), 'ResetPasswordPage') },
      { path: '/me', element: lazyPage(() => import('./modules/resident/MyLearningPage.tsx'), 'MyLearningPage') },
      { path: '/me/delivered-courses', element: lazyPage(() => import('./modules/delivered-courses/MyDeliveredCoursesPage.tsx'), 'MyDeliveredCoursesPage') },
      { path: '/me/delivered-courses/new', element: lazyPage(() => import('./modules/delivered-courses/NewDeliveredCoursePage.tsx'), 'NewDeliveredCoursePage') },
      { path: '/me/delivered-courses/:id', element: lazyPage(() => import('./modules/delivered-courses/DeliveredCoursePage.tsx'), 'DeliveredCoursePage') },
      { path: '/me/inbox', element: lazyPage(() => import('./modules/notifications/InboxPage.tsx'), 'InboxPage') },
      { path: '/surveys/city-satisfaction', element: lazyPage(() => import('./modules/surveys/SatisfactionSurveyPage.tsx'), 'SatisfactionSurveyPage') },
      { path: '/cities/:code/surveys/needs', element: lazyPage(() => import('./modules/surveys/NeedsSurveyPage.tsx'), 'NeedsSurveyPage') },
      { path: '/institutions/:id/surveys/paper', element: lazyPage(() => import('./modules/surveys/PaperSurveyPage.tsx'), 'PaperSurveyPage') },
      { path: '/ministry/surveys', element: lazyPage(() => import('./modules/surveys/SatisfactionCitiesPage.tsx'), 'SatisfactionCitiesPage') },
      { path: '/national', element: lazyPage(() => import('./modules/national/NationalPage.tsx'), 'NationalPage') },
      { path: '/ministry', element: lazyPage(() => import('./modules/ministry/MinistryPage.tsx'), 'MinistryPage') },
      { path: '/ministry/grants', element: lazyPage(() => import('./modules/grants/GrantsPage.tsx'), 'GrantsPage') },
      { path: '/ministry/vouchers', element: lazyPage(() => import('./modules/vouchers/VoucherOffice.tsx'), 'NationalVouchersPage') },
      { path: '/ministry/investment', element: lazyPage(() => import('./modules/grants/InvestmentPage.tsx'), 'InvestmentPage') },
      { path: '/ministry/investment/:id', element: lazyPage(() => import('./modules/grants/InvestmentRoundPage.tsx'), 'InvestmentRoundPage') },
      { path: '/admin/people', element: lazyPage(() => import('./modules/admin/PeoplePage.tsx'), 'PeoplePage') },
      ...designationRoutes,
      ...evaluationRoutes,
      { path: '*', element: <NotFound /> },
    ],
  },
];

/**
 * What surrounds the router on both sides, so that the server's markup (ssr.tsx) and the browser's first render
 * (main.tsx) are one tree: the server gives the page's language, contrast and first answer; the browser gives
 * nothing and its own choices rule.
 */
export function AppFrame({ i18n = i18next, preferences = null, answer, children }: {
  i18n?: I18n; preferences?: PagePreferences | null; answer?: FirstAnswer | null; children: ReactNode;
}) {
  return (
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <RenderedPreferences.Provider value={preferences}>
          <RenderedAnswer.Provider value={answer}>
            <SessionProvider>{children}</SessionProvider>
          </RenderedAnswer.Provider>
        </RenderedPreferences.Provider>
      </I18nextProvider>
    </StrictMode>
  );
}
