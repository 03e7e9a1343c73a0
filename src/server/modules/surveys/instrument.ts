/**
 * The questionnaire's rules, without I/O: the default satisfaction instrument (the first year starts from it,
 * later years from the year before's), whether an instrument is sound, and whether an answer sheet fits it.
 */
import type { InstrumentBody, SurveyAnswer, SurveyQuestion } from '../../../shared/contracts/surveys.ts';
import { needLevels, type NeedLevel } from '../../../shared/vocabulary/index.ts';
import type { Words } from '../../platform/http/errors.ts';

const scale = (code: string, ko: string, en: string): SurveyQuestion => ({ code, kind: 'likert5', ko, en, required: true });
const opinion = (code: string, ko: string, en: string): SurveyQuestion => ({ code, kind: 'text', ko, en, required: false });

/**
 * Residents' satisfaction with their learning city, in the re-designation evaluation's three areas (추진체계,
 * 사업운영, 성과; their codes are the sections' codes) and two open questions. Items ours, after the program
 * satisfaction items of domain.md §5 widened to the city: about three minutes on a phone.
 */
export const defaultSatisfactionInstrument: InstrumentBody = {
  titleKo: '평생학습도시 주민 만족도 조사',
  titleEn: 'How satisfied are you with your learning city?',
  introKo: '우리 시·군·구의 평생학습에 대한 생각을 알려 주세요. 3분 정도 걸리며, 응답은 통계로만 쓰입니다.',
  introEn: 'Tell us what you think of lifelong learning in your city. It takes about three minutes; answers are used only as statistics.',
  sections: [
    {
      code: 'governance', ko: '추진체계', en: 'Governance system',
      questions: [
        scale('vision', '우리 시·군·구는 평생학습도시로서 분명한 비전과 목표를 가지고 있다.', 'My city has a clear vision and goals as a learning city.'),
        scale('support', '시·군·구청은 평생학습에 충분한 예산과 전담 인력을 두고 있다.', 'The city office gives lifelong learning enough budget and dedicated staff.'),
        scale('voice', '평생학습 사업을 계획할 때 주민의 의견이 반영된다.', 'Residents’ views are taken into account when learning is planned.'),
        scale('information', '평생학습 프로그램과 기관에 관한 정보를 쉽게 얻을 수 있다.', 'It is easy to find out about learning programs and places.'),
      ],
    },
    {
      code: 'operations', ko: '사업운영', en: 'Operations',
      questions: [
        scale('variety', '내가 배우고 싶은 분야의 프로그램이 다양하게 열린다.', 'There are programs in the subjects I want to learn.'),
        scale('nearby', '가까운 곳에서 편한 시간에 배울 수 있다.', 'I can learn close to home at times that suit me.'),
        scale('fees', '수강료가 적절하다.', 'Fees are reasonable.'),
        scale('quality', '강사와 프로그램의 질이 좋다.', 'Instructors and programs are of good quality.'),
        scale('facilities', '학습 시설과 환경이 쾌적하다.', 'Places to learn are pleasant and well equipped.'),
      ],
    },
    {
      code: 'outcomes', ko: '성과', en: 'Outcomes',
      questions: [
        scale('life', '평생학습으로 내 삶의 질이 나아졌다.', 'Learning has made my life better.'),
        scale('community', '평생학습으로 이웃과 지역에 대한 소속감이 커졌다.', 'Learning has made me feel more part of my neighbourhood.'),
        scale('work', '배운 것이 일이나 사회활동에 도움이 되었다.', 'What I learned has helped me at work or in the community.'),
        scale('overall', '전반적으로 우리 시·군·구의 평생학습에 만족한다.', 'Overall, I am satisfied with lifelong learning in my city.'),
      ],
    },
    {
      code: 'opinions', ko: '의견', en: 'Your views',
      questions: [
        opinion('best', '우리 도시 평생학습의 가장 좋은 점은 무엇인가요?', 'What is best about learning in your city?'),
        opinion('improve', '더 나아졌으면 하는 점을 적어 주세요.', 'What should get better?'),
      ],
    },
  ],
};

export interface InstrumentProblem {
  field: string;
  words: Words;
}

const isChoice = (question: SurveyQuestion) => question.kind === 'single_choice' || question.kind === 'multiple_choice';

/** What is wrong with an instrument the ministry saves: codes used twice, choices missing or out of place. */
export function instrumentProblems(definition: InstrumentBody): InstrumentProblem[] {
  const problems: InstrumentProblem[] = [];
  const sections = new Set<string>();
  const questions = new Set<string>();
  definition.sections.forEach((section, s) => {
    if (sections.has(section.code)) problems.push({ field: `sections.${s}.code`, words: { ko: `영역 코드 ${section.code}가 두 번 쓰였습니다.`, en: `Section code ${section.code} is used twice.` } });
    sections.add(section.code);
    section.questions.forEach((question, q) => {
      const at = `sections.${s}.questions.${q}`;
      if (questions.has(question.code)) problems.push({ field: `${at}.code`, words: { ko: `문항 코드 ${question.code}가 두 번 쓰였습니다.`, en: `Question code ${question.code} is used twice.` } });
      questions.add(question.code);
      const choices = question.choices ?? [];
      if (isChoice(question) && choices.length < 2) {
        problems.push({ field: `${at}.choices`, words: { ko: '고르는 문항에는 보기가 둘 이상 있어야 합니다.', en: 'A choice question needs at least two choices.' } });
      }
      if (!isChoice(question) && choices.length > 0) {
        problems.push({ field: `${at}.choices`, words: { ko: '보기는 고르는 문항에만 둡니다.', en: 'Only choice questions have choices.' } });
      }
      if ((question.kind === 'need') !== (question.subcategory !== undefined)) {
        problems.push({ field: `${at}.subcategory`, words: { ko: '요구 문항에는 프로그램 분류를 하나 정하고, 다른 문항에는 정하지 않습니다.', en: 'A need question has one program subcategory; other questions have none.' } });
      }
      if (new Set(choices.map((c) => c.code)).size !== choices.length) {
        problems.push({ field: `${at}.choices`, words: { ko: '보기 코드가 겹칩니다.', en: 'Two choices have the same code.' } });
      }
    });
  });
  return problems;
}

/** How a need question's level is stored: `<code>:current`, `<code>:required` (a colon never appears in a question's code). */
export const needAnswerCode = (question: string, level: NeedLevel) => `${question}:${level}`;

/** One answer as stored: exactly one of score, text, choices (a need question's two levels are two scores). */
export interface StoredAnswer {
  question: string;
  score: number | null;
  text: string | null;
  choices: string[] | null;
}

/**
 * The answers to store, or the problems with them (each naming the question by its code, `answers.<code>`):
 * every required question answered, each in its question's kind, no unknown or repeated question. Empty texts and
 * unanswered optional questions are left out.
 */
export function checkAnswers(definition: InstrumentBody, answers: readonly SurveyAnswer[]): { stored: StoredAnswer[]; problems: InstrumentProblem[] } {
  const questions = new Map(definition.sections.flatMap((s) => s.questions).map((q) => [q.code, q]));
  const problems: InstrumentProblem[] = [];
  const given = new Map<string, SurveyAnswer>();
  for (const answer of answers) {
    const field = `answers.${answer.question}`;
    if (!questions.has(answer.question)) problems.push({ field, words: { ko: `이 설문에 없는 문항입니다 (${answer.question}).`, en: `This survey has no question ${answer.question}.` } });
    else if (given.has(answer.question)) problems.push({ field, words: { ko: '같은 문항에 두 번 답했습니다.', en: 'This question is answered twice.' } });
    else given.set(answer.question, answer);
  }
  const stored: StoredAnswer[] = [];
  for (const question of questions.values()) {
    const field = `answers.${question.code}`;
    const answer = given.get(question.code);
    const text = answer?.text?.trim() ?? '';
    const chosen = answer?.choices ?? [];
    const levels = [answer?.current, answer?.required].filter((level) => level !== undefined).length;
    const shape = { score: answer?.score !== undefined, text: text !== '', choices: chosen.length > 0, levels: levels > 0 };
    const wrongKind = question.kind === 'likert5' ? shape.text || shape.choices || shape.levels
      : question.kind === 'text' ? shape.score || shape.choices || shape.levels
      : question.kind === 'need' ? shape.score || shape.text || shape.choices
      : shape.score || shape.text || shape.levels;
    if (wrongKind) {
      problems.push({ field, words: { ko: '이 문항의 답하는 방식과 맞지 않습니다.', en: 'This answer does not fit the question.' } });
      continue;
    }
    if (shape.levels) {
      // Borich reads the pair: one level without the other says nothing about the gap.
      if (levels < 2) problems.push({ field, words: { ko: '현재 수준과 필요 수준을 모두 골라 주세요.', en: 'Choose both the current and the required level.' } });
      else stored.push(...needLevels.map(({ code }) => ({ question: needAnswerCode(question.code, code), score: answer![code]!, text: null, choices: null })));
      continue;
    }
    if (!shape.score && !shape.text && !shape.choices) {
      if (question.required) problems.push({ field, words: { ko: '이 문항에 답해 주세요.', en: 'Please answer this question.' } });
      continue;
    }
    if (shape.choices) {
      const known = new Set((question.choices ?? []).map((c) => c.code));
      if (chosen.some((c) => !known.has(c)) || new Set(chosen).size !== chosen.length || (question.kind === 'single_choice' && chosen.length > 1)) {
        problems.push({ field, words: { ko: '보기 가운데에서 골라 주세요.', en: 'Choose among the choices given.' } });
        continue;
      }
    }
    stored.push({ question: question.code, score: shape.score ? answer!.score! : null, text: shape.text ? text : null, choices: shape.choices ? chosen : null });
  }
  return { stored, problems };
}
