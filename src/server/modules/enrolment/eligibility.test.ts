import { describe, expect, it } from 'vitest';
import { refusalText } from '../../../shared/messages/enrolment.ts';
import { refusalsFor, type ProgramRules } from './eligibility.ts';

const program: ProgramRules = {
  status: 'published', cityCode: '36030', cityName: '순천시', startsOn: '2027-03-02', enrolmentOpensOn: '2027-02-01',
  enrolmentClosesOn: '2027-02-27', minAge: null, maxAge: null, residentsFirst: false, openToAllOn: null,
  registrationMode: 'online', registrationNote: '',
};
const resident = { birthYear: 1958, homeCityCode: '36030' };

describe('eligibility to enrol', () => {
  it('accepts anyone within the enrolment window of an open program', () => {
    expect(refusalsFor(program, resident, '2027-02-10')).toEqual([]);
  });

  it('sends people to the institution when it takes enrolments there, saying how', () => {
    const byPhone = { ...program, registrationMode: 'phone' as const, registrationNote: '평일 9–18시 02-123-4567' };
    expect(refusalsFor(byPhone, resident, '2027-02-10')).toEqual([{ code: 'register_at_institution', mode: 'phone', note: '평일 9–18시 02-123-4567' }]);
    expect(refusalText(refusalsFor(byPhone, resident, '2027-02-10')[0]!, 'ko')).toBe('이 프로그램은 전화로 신청합니다. 평일 9–18시 02-123-4567');
  });

  it('sends people to the draw when places are drawn by lottery', () => {
    const lottery = { ...program, registrationMode: 'lottery' as const };
    expect(refusalsFor(lottery, resident, '2027-02-10')).toEqual([{ code: 'by_lottery' }]);
    expect(refusalText({ code: 'by_lottery' }, 'ko')).toContain('추첨');
  });

  it('explains an enrolment window that has not opened or has closed', () => {
    expect(refusalsFor(program, resident, '2027-01-31')).toEqual([{ code: 'not_open', opensOn: '2027-02-01' }]);
    expect(refusalsFor(program, resident, '2027-02-28')).toEqual([{ code: 'closed', closedOn: '2027-02-27' }]);
    expect(refusalsFor({ ...program, enrolmentClosesOn: null }, resident, '2027-03-01')).toEqual([]);
  });

  it('applies age rules by year of birth, and asks for it when unknown', () => {
    const over65 = { ...program, minAge: 65 };
    expect(refusalsFor(over65, { ...resident, birthYear: 1962 }, '2027-02-10')).toEqual([]);
    expect(refusalsFor(over65, { ...resident, birthYear: 1963 }, '2027-02-10')).toEqual([{ code: 'too_young', minAge: 65 }]);
    expect(refusalsFor(over65, { ...resident, birthYear: null }, '2027-02-10')[0]!.code).toBe('age_unknown');
    expect(refusalsFor({ ...program, maxAge: 24 }, { ...resident, birthYear: 2000 }, '2027-02-10')).toEqual([{ code: 'too_old', maxAge: 24 }]);
  });

  it('lets residents of the city enrol first, then everyone', () => {
    const first = { ...program, residentsFirst: true, openToAllOn: '2027-02-08' };
    const visitor = { birthYear: 1990, homeCityCode: '31060' };
    expect(refusalsFor(first, resident, '2027-02-02')).toEqual([]);
    expect(refusalsFor(first, visitor, '2027-02-02')).toEqual([{ code: 'residents_first', cityName: '순천시', openToAllOn: '2027-02-08' }]);
    expect(refusalsFor(first, visitor, '2027-02-08')).toEqual([]);
  });

  it('refuses a program that is not open at all', () => {
    expect(refusalsFor({ ...program, status: 'closed' }, resident, '2027-02-10')).toEqual([{ code: 'not_published' }]);
  });

  it('says each reason in Korean and in English', () => {
    const reason = { code: 'residents_first', cityName: '순천시', openToAllOn: '2027-02-08' } as const;
    expect(refusalText(reason, 'ko')).toBe('순천시 주민 우선 접수 기간입니다. 다른 지역 주민은 2027-02-08부터 신청할 수 있습니다.');
    expect(refusalText(reason, 'en')).toContain('Everyone else can enrol from 2027-02-08');
  });
});
