/**
 * The tabs of the city console, each a panel from its own module (lazy: an officer opens one at a time).
 * A module adds its panel here: a default-exported component taking the city's code.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface ConsolePanelProps {
  cityCode: string;
}

export interface ConsoleTab {
  /** The URL segment: /cities/:code/console/<id>. */
  id: string;
  /** i18n key of the tab's label. */
  labelKey: string;
  panel: LazyExoticComponent<ComponentType<ConsolePanelProps>>;
}

export const consoleTabs: ConsoleTab[] = [
  { id: 'indicators', labelKey: 'indicators.tab', panel: lazy(() => import('../indicators/IndicatorsPanel.tsx')) },
  { id: 'record', labelKey: 'city-record.tab', panel: lazy(() => import('../city-record/RecordPanel.tsx')) },
  { id: 'demand', labelKey: 'demand.tab', panel: lazy(() => import('../demand/GapsPanel.tsx')) },
  { id: 'proposals', labelKey: 'proposals.tab', panel: lazy(() => import('../proposals/ProposalsPanel.tsx')) },
  { id: 'delivered', labelKey: 'delivered-courses.tab', panel: lazy(() => import('../delivered-courses/DeliveredCoursesPanel.tsx')) },
  { id: 'access', labelKey: 'access.tab', panel: lazy(() => import('../access/AccessPanel.tsx')) },
  { id: 'copies', labelKey: 'copies.tab', panel: lazy(() => import('../copies/CopiesPanel.tsx')) },
  { id: 'roles', labelKey: 'role-map.tab', panel: lazy(() => import('../role-map/RoleMapPanel.tsx')) },
  { id: 'network', labelKey: 'network.tab', panel: lazy(() => import('../network/NetworkPanel.tsx')) },
  { id: 'openings', labelKey: 'opening-day.tab', panel: lazy(() => import('../opening-day/OpeningsPanel.tsx')) },
  { id: 'survey', labelKey: 'surveys.tab', panel: lazy(() => import('../surveys/SurveyResultsPanel.tsx')) },
  { id: 'needs', labelKey: 'surveys.needs.tab', panel: lazy(() => import('../surveys/NeedsPanel.tsx')) },
  { id: 'report', labelKey: 'annual-report.tab', panel: lazy(() => import('../annual-report/ReportPanel.tsx')) },
  { id: 'designation', labelKey: 'applications.tab', panel: lazy(() => import('../designation/ApplicationPanel.tsx')) },
  { id: 'evaluation', labelKey: 'evaluation.tab', panel: lazy(() => import('../evaluation/EvaluationPanel.tsx')) },
  { id: 'grants', labelKey: 'grants.tab', panel: lazy(() => import('../grants/GrantsPanel.tsx')) },
  { id: 'vouchers', labelKey: 'vouchers.tab', panel: lazy(() => import('../vouchers/VoucherOffice.tsx')) },
  { id: 'jobs', labelKey: 'occupations.tab', panel: lazy(() => import('../occupations/CompletionsPanel.tsx')) },
];
