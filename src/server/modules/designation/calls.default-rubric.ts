/**
 * The rubric the first call starts from (later calls copy the previous call's). Written from what the ministry
 * publishes about its document and plan review — commitment and foundation (ordinance, department, staff,
 * budget), governance and partnership, the plan, outcomes and sustainability — with points of our choosing
 * (demo data: the ministry's own weights are not public). The ministry edits it per call.
 */
import type { RubricArea } from '../../../shared/contracts/designation-calls.ts';

export const defaultRubric: RubricArea[] = [
  {
    titleKo: '추진 의지와 기반', titleEn: 'Commitment and foundation',
    items: [
      {
        titleKo: '평생교육 조례와 단체장의 추진 의지', titleEn: "Lifelong education ordinance and the head of government's commitment", points: 8,
        guidanceKo: '평생교육 조례가 제정되어 있는지, 단체장이 평생학습도시 조성을 시정 과제로 삼고 있는지 봅니다.',
        guidanceEn: 'Whether a lifelong education ordinance is in force and the head of government makes the learning city a policy priority.',
      },
      {
        titleKo: '전담 부서와 평생학습관', titleEn: 'Dedicated department and learning centre', points: 8,
        guidanceKo: '평생교육 전담 부서(과·팀)와 평생학습관의 설치·운영 계획이 구체적인지 봅니다.',
        guidanceEn: 'Whether a dedicated department (division or team) and a lifelong learning centre exist or are concretely planned.',
      },
      {
        titleKo: '평생교육사 배치와 전담 인력', titleEn: 'Certified lifelong educators and dedicated staff', points: 7,
        guidanceKo: '평생교육사 배치 현황과 계획, 전담 인력의 수와 전문성을 봅니다.',
        guidanceEn: 'How many certified lifelong educators (평생교육사) and dedicated staff work on it now and will.',
      },
      {
        titleKo: '평생교육 예산 확보', titleEn: 'Budget commitment', points: 7,
        guidanceKo: '자체 예산 비율과 연도별 확보 계획(국비·도비·시군구비)이 현실적인지 봅니다.',
        guidanceEn: "The city's own share of the budget and a realistic plan by year and source (national, provincial, own).",
      },
    ],
  },
  {
    titleKo: '추진 체계와 협력', titleEn: 'Governance and partnership',
    items: [
      {
        titleKo: '평생교육협의회 구성과 운영', titleEn: 'Lifelong education council', points: 7,
        guidanceKo: '협의회가 민·관·학 위원으로 구성되어 실제로 심의·조정 역할을 하는지 봅니다.',
        guidanceEn: 'Whether the council brings together public, civic and academic members and actually deliberates.',
      },
      {
        titleKo: '읍·면·동 평생학습센터 운영', titleEn: 'Neighbourhood learning centres', points: 7,
        guidanceKo: '주민 가까이에서 배울 수 있도록 읍·면·동 평생학습센터를 두고 운영할 계획을 봅니다.',
        guidanceEn: 'Plans to run learning centres in the eup, myeon and dong so residents can learn close to home.',
      },
      {
        titleKo: '지역 기관·단체 네트워크', titleEn: 'Network of local institutions', points: 6,
        guidanceKo: '학교, 도서관, 복지관, 대학, 기업 등과의 협력 관계와 협약을 봅니다.',
        guidanceEn: 'Partnerships and agreements with schools, libraries, welfare centres, universities and businesses.',
      },
    ],
  },
  {
    titleKo: '사업 계획', titleEn: 'Program plan',
    items: [
      {
        titleKo: '비전과 목표의 타당성', titleEn: 'Vision and goals', points: 10,
        guidanceKo: '지역의 여건과 주민의 학습 요구에 근거한 비전과 측정할 수 있는 목표인지 봅니다.',
        guidanceEn: "Whether the vision rests on the city's circumstances and residents' learning needs, with measurable goals.",
      },
      {
        titleKo: '3개년 사업 계획의 충실성', titleEn: 'Three-year program plan', points: 10,
        guidanceKo: '영역별 사업이 연차적으로 구체화되어 있고 예산과 인력이 뒷받침되는지 봅니다.',
        guidanceEn: 'Whether programs by area are planned year by year and backed by budget and staff.',
      },
      {
        titleKo: '소외 계층의 학습 기회', titleEn: 'Learning for the underserved', points: 8,
        guidanceKo: '어르신, 장애인, 다문화가족, 저소득층 등의 학습 참여를 넓히는 방안을 봅니다.',
        guidanceEn: 'How the plan widens learning for older adults, people with disabilities, multicultural families and low-income residents.',
      },
      {
        titleKo: '지역 특성화', titleEn: 'Local distinctiveness', points: 7,
        guidanceKo: '지역의 자원과 특성을 살린 대표 사업이 있는지 봅니다.',
        guidanceEn: "Whether flagship programs build on the city's own resources and character.",
      },
    ],
  },
  {
    titleKo: '성과 관리와 지속 가능성', titleEn: 'Outcomes and sustainability',
    items: [
      {
        titleKo: '학습 요구 조사와 성과 지표', titleEn: 'Needs survey and performance indicators', points: 8,
        guidanceKo: '주민 학습 요구 조사를 바탕으로 성과 지표를 정하고 점검할 계획인지 봅니다.',
        guidanceEn: 'Whether indicators are set from a survey of residents’ learning needs and will be monitored.',
      },
      {
        titleKo: '주민 참여와 환류', titleEn: 'Resident participation and feedback', points: 7,
        guidanceKo: '주민이 계획과 평가에 참여하고 그 결과가 다음 사업에 반영되는 구조인지 봅니다.',
        guidanceEn: 'Whether residents take part in planning and evaluation and the results feed the next programs.',
      },
    ],
  },
];
