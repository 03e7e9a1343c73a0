import type { ModuleText } from '../../i18n/index.ts';

const ko = {
  wishesTitle: '배우고 싶은 것 알려 주기',
  wishesLead: '우리 동네에 이런 수업이 있으면 좋겠다고 알려 주세요. 이름은 빼고 시·군·구 평생학습 담당자에게 전해져 내년 프로그램을 정하는 데 쓰입니다.',
  anySubcategory: '상관없음',
  notePlaceholder: '예: 스마트폰으로 은행 일을 보고 싶어요',
  send: '알려 주기',
  sent: '고맙습니다. 잘 전하겠습니다.',
  mine: '내가 알려 준 것',
  withdraw: '취소',
  none: '아직 알려 준 것이 없습니다.',
};

export const text: ModuleText<typeof ko> = {
  ko,
  en: {
    wishesTitle: 'Tell us what you would like to learn',
    wishesLead: 'Say what class you would like near you. It reaches your city’s lifelong learning officers without your name and helps them plan next year’s programs.',
    anySubcategory: 'Any',
    notePlaceholder: 'e.g. I would like to do my banking on my phone',
    send: 'Send',
    sent: 'Thank you. We will pass it on.',
    mine: 'What I asked for',
    withdraw: 'Withdraw',
    none: 'You have not asked for anything yet.',
  },
};
