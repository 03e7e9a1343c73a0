import type { ModuleText } from '../../i18n/index.ts';

const ko = {
  room: {
    title: '대기실',
    lead: '지금 신청하는 사람이 많아 온 순서대로 들어갑니다. 순서는 서버에 저장되어 이 화면을 새로 고쳐도 바뀌지 않습니다.',
    place: '내 앞에 {{ahead}}명 (대기번호 {{number}}번)',
    next: '곧 내 차례입니다 (대기번호 {{number}}번)',
    wait: '예상 대기 시간: 약 {{time}}',
    seconds: '{{n}}초',
    minutes: '{{n}}분',
    admitted: '차례가 되었습니다. 지금 신청하세요.',
    retrying: '대기 순서를 확인하지 못했습니다. 잠시 뒤 다시 확인합니다. 순서는 그대로입니다.',
  },
  tab: '신청 개시',
  office: {
    title: '신청 개시일',
    lead: '한 학기 프로그램의 신청을 정한 시각에 한꺼번에 엽니다. 그 시각부터는 서버에 도착한 순서가 선착순이고, 신청이 몰리면 주민은 대기실에서 순서대로 들어갑니다.',
    namePlaceholder: '예: 2027년 봄학기 수강신청',
    rateHint: '서버가 빠르게 답할 수 있는 만큼입니다. 비워 두면 {{rate}}명입니다.',
    submit: '신청 개시 정하기',
    saved: '정했습니다. 프로그램 {{count}}개의 신청이 {{at}}에 열립니다.',
    list: '정한 신청 개시',
    none: '아직 정한 신청 개시가 없습니다.',
    columns: { title: '이름', opensAt: '신청 시작', programs: '프로그램', tickets: '대기표', admitted: '입장', rate: '분당 입장' },
  },
};

const en: typeof ko = {
  room: {
    title: 'Waiting room',
    lead: 'Many people are registering now, so you are let in in the order you arrived. Your place is kept by the server: reloading this page does not change it.',
    place: '{{ahead}} people ahead of you (ticket {{number}})',
    next: 'You are next (ticket {{number}})',
    wait: 'Estimated wait: about {{time}}',
    seconds: '{{n}} seconds',
    minutes: '{{n}} minutes',
    admitted: 'It is your turn. Register now.',
    retrying: 'Could not check your place just now; trying again shortly. Your place is kept.',
  },
  tab: 'Registration openings',
  office: {
    title: 'Registration opening day',
    lead: 'Open registration for a term’s programs at one moment. From then on, first come means the order in which requests reach the server; when many come at once, residents wait in a waiting room and are let in in that order.',
    namePlaceholder: 'e.g. Spring term 2027 registration',
    rateHint: 'As many as the server answers quickly. Left empty: {{rate}}.',
    submit: 'Set the opening',
    saved: 'Set. Registration for {{count}} programs opens at {{at}}.',
    list: 'Registration openings',
    none: 'No registration opening yet.',
    columns: { title: 'Name', opensAt: 'Opens', programs: 'Programs', tickets: 'Tickets', admitted: 'Let in', rate: 'Per minute' },
  },
};

export const text: ModuleText<typeof ko> = { ko, en };
