/**
 * A city's learning needs survey (학습요구조사, issue 13 item 1), without I/O: the questionnaire a city starts from
 * (one need item per program subcategory, the respondent's group, preferred days, times, places, fees and
 * barriers), what a needs questionnaire must hold, and Borich's weighted need with the Locus for Focus quadrants.
 */
import type { InstrumentBody, SurveyQuestion } from '../../../shared/contracts/surveys.ts';
import {
  programSubcategories, RESPONDENT_GROUP_QUESTION, targetGroupList, targetGroups, taxonomyNeedItems, type LocusQuadrant,
} from '../../../shared/vocabulary/index.ts';
import type { InstrumentProblem } from './instrument.ts';

const choice = (code: string, ko: string, en: string) => ({ code, ko, en });
const pick = (code: string, ko: string, en: string, choices: ReturnType<typeof choice>[], multiple = true): SurveyQuestion => (
  { code, kind: multiple ? 'multiple_choice' : 'single_choice', ko, en, required: false, choices }
);

/**
 * Where every city's questionnaire starts. Items ours, after the usual city needs surveys: the pair of levels per
 * subcategory, then a few choices on how the resident would learn (about four minutes on a phone).
 */
export const defaultNeedsInstrument: InstrumentBody = {
  titleKo: '평생학습 요구조사',
  titleEn: 'What would you like to learn?',
  introKo: '분야마다 지금 나의 수준과 필요하다고 생각하는 수준을 골라 주세요. 시·군·구가 내년 프로그램을 정하는 데 쓰며, 통계로만 쓰입니다.',
  introEn: 'For each subject, choose your level now and the level you feel you need. Your city plans next year’s programs from the answers, used only as statistics.',
  sections: [
    {
      code: 'respondent', ko: '응답자', en: 'About you',
      questions: [{
        code: RESPONDENT_GROUP_QUESTION, kind: 'single_choice', required: true,
        ko: '나에게 가장 가까운 것을 하나 골라 주세요.', en: 'Which describes you best?',
        choices: targetGroupList.map((g) => (g.code === 'all' ? choice(g.code, '해당 없음 (일반 주민)', 'None of these') : choice(g.code, g.ko, g.en))),
      }],
    },
    { code: 'needs', ko: '분야별 학습 요구', en: 'Subjects', questions: [...taxonomyNeedItems] },
    {
      code: 'preferences', ko: '배우고 싶은 방식', en: 'How you would learn',
      questions: [
        pick('days', '배우기 좋은 요일', 'Days that suit you', [
          choice('weekday', '평일', 'Weekdays'), choice('saturday', '토요일', 'Saturday'), choice('sunday', '일요일', 'Sunday'),
        ]),
        pick('times', '배우기 좋은 시간', 'Times that suit you', [
          choice('morning', '오전', 'Morning'), choice('afternoon', '오후', 'Afternoon'), choice('evening', '저녁', 'Evening'),
        ]),
        pick('places', '배우고 싶은 곳', 'Where you would learn', [
          choice('dong_centre', '동 주민센터·행복학습센터', 'Neighbourhood centre'), choice('learning_centre', '평생학습관', 'Lifelong learning centre'),
          choice('library', '도서관', 'Library'), choice('online', '온라인', 'Online'),
        ]),
        pick('fee', '한 강좌(한 달)에 낼 수 있는 수강료', 'What you would pay for a course (a month)', [
          choice('free', '무료', 'Free'), choice('up_to_10000', '1만 원까지', 'Up to ₩10,000'), choice('up_to_30000', '3만 원까지', 'Up to ₩30,000'),
          choice('more', '3만 원 넘게', 'More than ₩30,000'),
        ], false),
        pick('barriers', '배우는 데 걸림돌', 'What keeps you from learning', [
          choice('time', '시간이 없다', 'No time'), choice('cost', '비용', 'Cost'), choice('distance', '거리·교통', 'Distance'),
          choice('information', '정보가 없다', 'No information'), choice('childcare', '돌봄', 'Caring for someone'), choice('none', '없다', 'Nothing'),
        ]),
      ],
    },
  ],
};

/** What a needs questionnaire must hold beyond any questionnaire's rules: need items, and the respondent's group. */
export function needsInstrumentProblems(definition: InstrumentBody): InstrumentProblem[] {
  const questions = definition.sections.flatMap((s) => s.questions);
  const problems: InstrumentProblem[] = [];
  if (!questions.some((q) => q.kind === 'need')) {
    problems.push({ field: 'sections', words: { ko: '요구 문항(현재·필요 수준)이 하나 이상 있어야 합니다.', en: 'A needs survey needs at least one need question.' } });
  }
  const group = questions.find((q) => q.code === RESPONDENT_GROUP_QUESTION);
  const groupChoicesKnown = (group?.choices ?? []).every((c) => targetGroups.has(c.code));
  if (!group || group.kind !== 'single_choice' || !group.required || !groupChoicesKnown) {
    problems.push({
      field: 'sections',
      words: {
        ko: `응답자 집단을 묻는 필수 문항(${RESPONDENT_GROUP_QUESTION}, 하나 고르기, 보기는 학습 대상 코드)이 있어야 합니다.`,
        en: `The respondent's group question (${RESPONDENT_GROUP_QUESTION}: required, one choice among target group codes) is needed.`,
      },
    });
  }
  return problems;
}

/** The need items of a questionnaire with their subcategory's area, in the questionnaire's order. */
export function needItemsOf(definition: InstrumentBody) {
  return definition.sections.flatMap((s) => s.questions).filter((q) => q.kind === 'need' && q.subcategory !== undefined)
    .map((q) => ({ code: q.code, ko: q.ko, en: q.en, subcategory: q.subcategory!, area: programSubcategories.get(q.subcategory!)!.area }));
}

/** What the SQL adds up for an item (or an area's items): answers and the sums of the two levels. */
export interface NeedSums {
  n: number;
  currentSum: number;
  requiredSum: number;
}

export interface NeedFigures {
  n: number;
  meanCurrent: number;
  meanRequired: number;
  meanGap: number;
  borich: number;
}

/** Borich's weighted need: Σ(required − current) × mean required / n, i.e. the mean gap weighted by the mean required level. */
export function borich({ n, currentSum, requiredSum }: NeedSums): NeedFigures {
  const meanRequired = requiredSum / n;
  const meanGap = (requiredSum - currentSum) / n;
  return { n, meanCurrent: currentSum / n, meanRequired, meanGap, borich: meanGap * meanRequired };
}

/** Ranks by Borich value, largest first; equal values share a rank (1, 1, 3). Keeps each entry's own fields. */
export function rankByBorich<T extends { borich: number }>(entries: readonly T[]): (T & { rank: number })[] {
  const sorted = [...entries].sort((a, b) => b.borich - a.borich);
  return sorted.map((entry) => ({ ...entry, rank: 1 + sorted.findIndex((other) => other.borich === entry.borich) }));
}

/**
 * The Locus for Focus model: x is the mean required level, y the mean gap; each axis split at its mean over the
 * items. An item on a split line counts as high (a tie does not push a need down).
 */
export function locusForFocus<T extends Pick<NeedFigures, 'meanRequired' | 'meanGap'>>(items: readonly T[]) {
  if (items.length === 0) return { split: null, items: [] as (T & { quadrant: LocusQuadrant })[] };
  const split = {
    meanRequired: items.reduce((total, i) => total + i.meanRequired, 0) / items.length,
    meanGap: items.reduce((total, i) => total + i.meanGap, 0) / items.length,
  };
  const quadrantOf = (item: T): LocusQuadrant => {
    const high = item.meanRequired >= split.meanRequired;
    const gap = item.meanGap >= split.meanGap;
    return high ? (gap ? 'HH' : 'HL') : gap ? 'LH' : 'LL';
  };
  return { split, items: items.map((item) => ({ ...item, quadrant: quadrantOf(item) })) };
}
