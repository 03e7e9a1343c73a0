import type { ModuleText } from '../../i18n/index.ts';

const ko = {
  tab: '연차 보고서',
  title: '연차 보고서 만들기',
  lead: '한 해의 성과 지표, 도시 기록, 수요와 공급, 접근성, 복제 프로그램을 한 번에 정리합니다. PDF는 차트가 들어간 한국어 보고서, 엑셀은 보고서의 모든 표입니다.',
  year: '연도',
  pdf: 'PDF 보고서 만들기',
  xlsx: '엑셀 통합 문서 만들기',
  making: '보고서 만드는 중',
  ready: '보고서가 준비되었습니다.',
  download: '{{name}} 받기',
  failed: '보고서를 만들지 못했습니다: {{message}}',
};

export const text: ModuleText<typeof ko> = {
  ko,
  en: {
    tab: 'Annual report',
    title: 'Make the annual report',
    lead: "The year's indicators, the city's record, demand and supply, access and copied programs in one place. The PDF is the report in Korean with its charts; the Excel file has every table of it.",
    year: 'Year',
    pdf: 'Make the PDF report',
    xlsx: 'Make the Excel workbook',
    making: 'Making the report',
    ready: 'The report is ready.',
    download: 'Download {{name}}',
    failed: 'The report could not be made: {{message}}',
  },
};
