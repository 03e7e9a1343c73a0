import type { ModuleText } from '../../i18n/index.ts';

const ko = {
  title: '{{city}} 평생학습 운영',
  lead: '도시의 평생학습 체계와 성과를 기록하고, 비교하고, 보고합니다.',
  tabsLabel: '운영 메뉴',
  notAllowed: '이 도시의 운영 화면은 이 도시 담당자와 교육부 담당자만 볼 수 있습니다.',
  publicPage: '공개 도시 소개 보기',
  loading: '불러오는 중…',
};

export const text: ModuleText<typeof ko> = {
  ko,
  en: {
    title: '{{city}}: running the learning city',
    lead: "Record, compare and report the city's lifelong learning system and its results.",
    tabsLabel: 'Console sections',
    notAllowed: "Only this city's officers and the ministry can see this city's console.",
    publicPage: "The city's public page",
    loading: 'Loading…',
  },
};
