import { describe, expect, it } from 'vitest';
import { learnerStatusOf } from './programs.ts';

describe('the status a learner reads for a course of theirs', () => {
  const course = { startsOn: '2027-03-02', endsOn: '2027-04-20' };
  it('calls an enrolled course that has not begun upcoming, not in progress', () => {
    expect(learnerStatusOf({ ...course, status: 'enrolled' }, '2027-03-01').ko).toBe('수강 예정');
    expect(learnerStatusOf({ ...course, status: 'enrolled' }, '2027-03-02').ko).toBe('수강 중');
    expect(learnerStatusOf({ ...course, status: 'enrolled' }, '2027-04-20').ko).toBe('수강 중');
    expect(learnerStatusOf({ ...course, status: 'enrolled' }, '2027-04-21').ko).toBe('수료 판정 중');
  });
  it('keeps the other statuses as they are, whatever the day', () => {
    expect(learnerStatusOf({ ...course, status: 'waitlisted' }, '2027-03-01').ko).toBe('대기');
    expect(learnerStatusOf({ ...course, status: 'completed' }, '2027-05-01').en).toBe('Completed');
  });
});
