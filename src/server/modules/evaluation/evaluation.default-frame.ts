/**
 * The frame the first year starts from (later years copy the year before's). The 2025 frame's three areas —
 * governance system (추진체계), operations (사업운영), outcomes (성과) — with 10 fields and 20 items are public; the
 * items themselves are not (domain.md §2), so these are ours: indicators the city console computes where one
 * measures the item, the residents' survey, and the reviewers' judgement of the city's evidence. Demo data; the
 * ministry edits it per year.
 */
import type { FrameContent, FrameItem, ScoringRule } from '../../../shared/contracts/evaluation.ts';
import type { IndicatorId } from '../../../shared/vocabulary/index.ts';

/** Best tenth full points, then 80%, 60%, 40%; the rest of the cohort with a value 20%. */
const byRank: ScoringRule = { kind: 'rank', bands: [{ top: 0.1, share: 1 }, { top: 0.3, share: 0.8 }, { top: 0.6, share: 0.6 }, { top: 0.9, share: 0.4 }, { top: 1, share: 0.2 }] };
const steps = (...pairs: [number, number][]): ScoringRule => ({ kind: 'thresholds', steps: pairs.map(([from, share]) => ({ from, share })) });

const indicator = (code: string, indicatorId: IndicatorId, rule: ScoringRule, titleKo: string, titleEn: string): FrameItem => ({
  code, titleKo, titleEn, guidanceKo: '도시 콘솔의 지표 값으로 자동 채점합니다.', guidanceEn: "Scored automatically from the city console's indicator.",
  points: 5, source: 'indicator', indicatorId, rule,
});
const reviewed = (code: string, source: 'evidence' | 'judgement', titleKo: string, titleEn: string, guidanceKo: string, guidanceEn: string): FrameItem => ({
  code, titleKo, titleEn, guidanceKo, guidanceEn, points: 5, source,
});

export const defaultFrame: FrameContent = {
  titleKo: '평생학습도시 재지정평가 지표', titleEn: 'Learning city re-designation evaluation frame',
  deferredBelow: 60, excellentShare: 0.1, objectionDays: 14,
  areas: [
    {
      titleKo: '추진체계', titleEn: 'Governance system',
      fields: [
        {
          titleKo: '추진 기반', titleEn: 'Foundation',
          items: [
            indicator('g1', 'ordinances_in_force', steps([1, 0.4], [2, 0.7], [3, 1]), '평생교육 조례', 'Lifelong education ordinances'),
            indicator('g2', 'educators_per_100k', byRank, '평생교육사 배치', 'Certified lifelong educators'),
          ],
        },
        {
          titleKo: '예산', titleEn: 'Budget',
          items: [
            indicator('g3', 'budget_share', steps([0.3, 0.4], [0.6, 0.7], [1, 1]), '평생교육 예산 비율', 'Share of the city budget'),
            indicator('g4', 'budget_per_resident', byRank, '주민 1인당 평생교육 예산', 'Budget per resident'),
          ],
        },
        {
          titleKo: '협력 체계', titleEn: 'Partnership',
          items: [
            indicator('g5', 'committee_meetings', steps([1, 0.4], [2, 0.7], [4, 1]), '평생교육협의회 운영', 'The lifelong education council at work'),
            reviewed('g6', 'judgement', '추진 체계의 적절성', 'Soundness of the governance',
              '전담 부서, 협의회, 민관 협력이 계획대로 작동하는지 판단합니다.', 'Whether the department, the council and partners work as planned.'),
          ],
        },
      ],
    },
    {
      titleKo: '사업운영', titleEn: 'Operations',
      fields: [
        {
          titleKo: '프로그램 운영', titleEn: 'Programs',
          items: [
            indicator('o1', 'programs_per_10k', byRank, '평생학습 프로그램', 'Lifelong learning programs'),
            indicator('o2', 'underprivileged_programs_per_100k', byRank, '소외계층 프로그램', 'Programs for the underprivileged'),
          ],
        },
        {
          titleKo: '학습 공간', titleEn: 'Places to learn',
          items: [
            indicator('o3', 'dong_centre_coverage', steps([20, 0.4], [50, 0.7], [80, 1]), '행복학습센터 설치율', 'Neighbourhood learning centres'),
            indicator('o4', 'facilities_per_10k', byRank, '평생교육 시설', 'Lifelong education facilities'),
          ],
        },
        {
          titleKo: '네트워크와 행사', titleEn: 'Network and events',
          items: [
            indicator('o5', 'learning_events', steps([1, 0.4], [3, 0.7], [6, 1]), '평생학습 행사', 'Learning events'),
            reviewed('o6', 'evidence', '기관 간 협력 사업', 'Projects between institutions',
              '협약서, 공동 운영 프로그램 등 증빙으로 협력의 실제를 봅니다.', 'Agreements and jointly run programs show the partnership at work.'),
          ],
        },
        {
          titleKo: '사업 관리', titleEn: 'Management',
          items: [
            reviewed('o7', 'evidence', '사업 계획과 집행', 'Plan and spending',
              '연간 계획, 예산 집행 실적, 자체 평가 보고서를 증빙으로 봅니다.', 'The yearly plan, spending and the self-evaluation report, as evidence.'),
            reviewed('o8', 'judgement', '특성화 사업', 'Distinctive projects',
              '지역의 특성을 살린 사업인지, 다른 도시의 것을 옮긴 것인지 판단합니다.', 'Whether projects draw on the place or copy other cities’.'),
          ],
        },
      ],
    },
    {
      titleKo: '성과', titleEn: 'Outcomes',
      fields: [
        {
          titleKo: '참여', titleEn: 'Participation',
          items: [
            indicator('r1', 'participation_rate', steps([5, 0.4], [10, 0.7], [20, 1]), '주민 학습 참여율', 'Residents taking part'),
            indicator('r2', 'completion_rate', steps([50, 0.4], [70, 0.7], [85, 1]), '수료율', 'Completion rate'),
          ],
        },
        {
          titleKo: '만족도', titleEn: 'Satisfaction',
          items: [
            {
              code: 'r3', titleKo: '주민 만족도 조사', titleEn: "Residents' satisfaction survey", points: 5, source: 'survey',
              guidanceKo: '주민 만족도 조사의 전체 만족도 평균(5점 척도)으로 채점합니다.', guidanceEn: "Scored from the survey's overall mean (5-point scale).",
              rule: steps([3, 0.4], [3.5, 0.7], [4, 1]),
            },
            indicator('r4', 'satisfaction', steps([3, 0.4], [3.5, 0.7], [4, 1]), '프로그램 만족도', 'Program satisfaction'),
          ],
        },
        {
          titleKo: '지역 변화', titleEn: 'Change in the place',
          items: [
            indicator('r5', 'study_groups_growth_3y', byRank, '학습동아리 증가', 'Growth in study groups'),
            reviewed('r6', 'judgement', '성과 사례와 지역 변화', 'Results and change in the place',
              '학습 성과가 일자리, 공동체, 주민 삶의 변화로 이어진 사례를 판단합니다.', 'Cases where learning led to jobs, community or change in residents’ lives.'),
          ],
        },
      ],
    },
  ],
};
