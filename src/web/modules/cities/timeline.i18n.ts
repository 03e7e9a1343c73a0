import type { ModuleText } from '../../i18n/index.ts';

const ko = {
  year: '{{year}}년도',
  none: '아직 지정 이력이 없습니다.',
  application: '{{year}}년 신청서 보기',
  consulting: '{{year}}년 컨설팅 보기',
};

export const text: ModuleText<typeof ko> = {
  ko,
  en: {
    year: 'Year {{year}}',
    none: 'No designation history yet.',
    application: 'The {{year}} application',
    consulting: 'The {{year}} consulting year',
  },
};
