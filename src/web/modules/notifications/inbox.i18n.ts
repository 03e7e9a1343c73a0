import type { ModuleText } from '../../i18n/index.ts';

const ko = {
  title: '알림함',
  lead: '처리할 일과 결정 소식을 모아 둡니다. 이메일을 받도록 설정된 곳에서는 같은 내용이 이메일로도 갑니다.',
  all: '모든 알림',
  unreadOnly: '읽지 않은 알림',
  show: '보기',
  summary: '읽지 않은 알림 {{unread}}건 · 모두 {{total}}건',
  markAll: '모두 읽음으로 표시',
  markRead: '읽음으로 표시',
  new: '새 알림',
  open: '바로 가기',
  none: '알림이 없습니다.',
  noneUnread: '읽지 않은 알림이 없습니다.',
};

export const text: ModuleText<typeof ko> = {
  ko,
  en: {
    title: 'Inbox',
    lead: 'What waits for you and news of decisions. Where email is set up, the same comes by email too.',
    all: 'All notifications',
    unreadOnly: 'Unread only',
    show: 'Show',
    summary: '{{unread}} unread · {{total}} in all',
    markAll: 'Mark all read',
    markRead: 'Mark read',
    new: 'New',
    open: 'Open',
    none: 'No notifications.',
    noneUnread: 'Nothing unread.',
  },
};
