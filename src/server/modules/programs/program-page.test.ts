import { describe, expect, it } from 'vitest';
import { courseJsonLd, programCalendar, scriptSafeJson, type PageProgram } from './program-page.ts';

const program: PageProgram = {
  id: 7, title: '시니어 스마트폰 교실', description: '카카오톡과 사진 정리를 배웁니다.', institutionName: '순천시 평생학습관', cityNameKo: '순천시',
  dongNameKo: '조곡동', venueName: '전산실', mode: 'in_person', lat: 34.95, lon: 127.49, feeKrw: 0, capacity: 20, seatsLeft: 3,
  startsOn: '2027-03-02', endsOn: '2027-03-09', totalHours: 4, credits: 0, instructorName: '김영희',
  sessions: [
    { sessionNo: 1, startsAt: '2027-03-02T10:00:00+09:00', endsAt: '2027-03-02T12:00:00+09:00' },
    { sessionNo: 2, startsAt: '2027-03-09T10:00:00+09:00', endsAt: '2027-03-09T12:00:00+09:00' },
  ],
};

describe('a program page for machines', () => {
  it('lists every session in an iCalendar file, in UTC', () => {
    const ics = programCalendar(program, 'https://learning.example.kr');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics).toContain('DTSTART:20270302T010000Z');
    expect(ics).toContain('SUMMARY:시니어 스마트폰 교실 (1/2)');
    expect(ics).toContain('URL:https://learning.example.kr/programs/7');
  });

  it('describes the course for search engines (schema.org Course and CourseInstance)', () => {
    const ld = courseJsonLd(program, 'https://learning.example.kr');
    expect(ld).toMatchObject({ '@type': 'Course', name: '시니어 스마트폰 교실', offers: { price: 0, availability: 'https://schema.org/InStock' } });
    expect(ld.hasCourseInstance).toMatchObject({ '@type': 'CourseInstance', courseMode: 'Onsite', remainingAttendeeCapacity: 3 });
  });

  it('cannot be used to close the script element it sits in', () => {
    expect(scriptSafeJson({ title: '</script><script>alert(1)</script>' })).not.toContain('</script>');
  });
});
