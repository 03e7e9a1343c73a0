/**
 * A tuning split of copy detection (issue 14): copies made by editing real listings in several ways at once,
 * and hard negatives — other programs of the same subcategory written with the same boilerplate.
 *
 * This was the first held-out set (seed 1406). The previous detector was measured on it and its failures
 * were read (decision 004), so it no longer tells how detection does on data it was not tuned on: it is
 * tuning data now, beside copies-tuning.ts, and the held-out set is copies-heldout.ts (another seed, code
 * and vocabulary). It edits listings as they are stored (title and description text).
 */
import { Random } from '../src/shared/lib/random.ts';
import { subcategoryCatalogue, type CourseStem } from '../db/seed/catalogue.ts';
import { keptStructure, type SetListing, type SourceListing } from './copies-sets.ts';

export const COMPOUND_SEED = 1406;

/** What an institution changes when it makes another's listing its own. */
export const compoundEdits = ['details', 'drop', 'add', 'synonyms', 'reorder', 'paraphrase', 'title'] as const;
export type CompoundEdit = (typeof compoundEdits)[number];

// ---- Parsing a stored listing -------------------------------------------------------------------------

/** Lines that name the instructor and the facts (when, where, how much, whom to ask), as catalogues print them. */
const FACT_LINE = /^(강사|일정|장소|수강료|문의):/;

interface Parts {
  title: string;
  /** The description's sentences, without the instructor and fact lines. */
  body: string[];
  /** The instructor and fact lines, in their order. */
  facts: string[];
}

function parse(listing: { title: string; description: string }): Parts {
  const pieces = listing.description.split(/(?<=[.!?])\s+|\s+(?=(?:강사|일정|장소|수강료|문의):)/).filter((s) => s.length > 0);
  return { title: listing.title, body: pieces.filter((s) => !FACT_LINE.test(s)), facts: pieces.filter((s) => FACT_LINE.test(s)) };
}

const description = (parts: Parts) => [...parts.body, ...parts.facts].join(' ');


// ---- The evaluation's own vocabulary (the detector knows none of it) ------------------------------------

/**
 * Words an institution swaps for its own (each group's members stand for one another). Written for this
 * evaluation: common Korean near-synonyms of course listings, not taken from the generator's catalogue.
 */
const synonymGroups: readonly (readonly string[])[] = [
  ['어르신', '시니어', '노인'], ['기초', '입문'], ['교실', '강좌', '클래스'], ['과정', '코스'],
  ['배웁니다', '익힙니다'], ['배우고', '익히고'], ['배우기', '익히기'], ['배운', '익힌'], ['배우는', '익히는'],
  ['수강생', '학습자', '참여자'], ['강사', '선생님'], ['수업', '강의'], ['실습', '실기'], ['주민', '시민'],
  ['참여', '참가'], ['함께', '같이'], ['직접', '손수'], ['차근차근', '하나하나'], ['생활', '일상'],
  ['다양한', '여러'], ['필요한', '요긴한'], ['수료증', '이수증'], ['복습', '되짚기'], ['스마트폰', '휴대폰'],
  ['가족', '식구'], ['자녀', '아이'], ['지역', '동네'], ['매주', '주마다'], ['운영', '진행'], ['안내', '소개'],
  ['마련', '준비'], ['기회', '계기'], ['쉽게', '손쉽게'], ['활동', '체험'], ['정리', '요약'], ['연습', '훈련'],
  ['방법', '방식'], ['작품', '결과물'], ['나눕니다', '공유합니다'], ['나누는', '공유하는'], ['즐거움', '재미'],
  ['배움', '학습'], ['교재', '학습 자료'],
];
const synonymsOf = new Map(synonymGroups.flatMap((group) => group.map((word) => [word, group.filter((w) => w !== word)] as const)));
// Longest first, so that 손쉽게 is one word and not 손 + 쉽게.
const synonymPattern = new RegExp([...synonymsOf.keys()].sort((a, b) => b.length - a.length).join('|'), 'g');

/**
 * The generator's stock sentences (db/seed/catalogue.ts: method, audience, logistics, completion and online
 * sentences) as an institution rewrites them in its own words, meaning kept. `{name}` stands for what the
 * generator filled in, carried over.
 */
const boilerplateRewrites: readonly (readonly [stock: string, rewrite: string])[] = [
  ['수업은 총 {sessions}회, {hours}시간으로 운영되며 이론 설명보다 실습에 더 많은 시간을 배정합니다.', '모두 {sessions}번, {hours}시간 동안 진행하며 설명은 짧게 하고 손으로 해 보는 시간을 늘렸습니다.'],
  ['정원을 소규모로 운영해 강사가 수강생 한 분 한 분의 진도를 살피며 1:1로 피드백을 드립니다.', '적은 인원으로 꾸려 강사님이 참여자 개개인의 속도를 확인하고 개별적으로 조언해 드립니다.'],
  ['매 회차 시작할 때 지난 시간 내용을 짧게 복습하고, 끝날 때 핵심 내용을 다시 정리해 드립니다.', '수업 첫머리에는 지난주 내용을 간단히 되짚고, 마칠 때는 그날 배운 요점을 다시 짚어 줍니다.'],
  ['처음 배우는 분도 쉽게 따라 할 수 있도록 기초부터 차근차근 진행합니다.', '경험이 없는 분도 어렵지 않게 따라오실 수 있게 가장 쉬운 단계에서 출발합니다.'],
  ['강의와 실습, 모둠 활동을 고루 섞어 지루할 틈 없이 참여하는 재미가 있는 수업을 만듭니다.', '설명, 실습, 조별 활동이 번갈아 이어져 시간 가는 줄 모르고 즐겁게 참여하게 됩니다.'],
  ['보조 강사가 함께 수업에 들어와 실습 중 도움이 필요한 분을 곁에서 지원합니다.', '실습 시간에는 보조 선생님이 옆에서 어려워하는 분을 거들어 드립니다.'],
  ['수강생의 수준을 고려해 진도를 조절하며, 결석한 분께는 그 회차의 수업 자료를 따로 챙겨 드립니다.', '참여자 수준에 맞춰 속도를 맞추고, 빠진 분께는 해당 주 자료를 별도로 전해 드립니다.'],
  ['{dong} 주민의 생활과 맞닿은 사례를 많이 다뤄 배운 내용을 바로 생활에 적용해 볼 수 있습니다.', '{dong} 이웃들이 일상에서 겪는 예를 중심으로 다뤄 배운 것을 곧바로 써먹을 수 있습니다.'],
  ['모르는 부분은 언제든 편하게 물어보실 수 있도록 매시간 질의응답 시간을 넉넉히 둡니다.', '궁금한 것은 부담 없이 여쭤보실 수 있게 수업마다 묻고 답하는 시간을 충분히 마련합니다.'],
  ['과정 중간에 수강생 의견을 받아 수업 내용과 진행 방식을 보완합니다.', '중간 점검 때 참여자들의 의견을 듣고 내용과 운영 방식을 고쳐 나갑니다.'],
  ['관심 있는 분이라면 나이와 경험에 관계없이 누구나 참여하실 수 있습니다.', '나이나 경력과 상관없이 관심만 있으면 누구든 환영합니다.'],
  ['처음 배우는 분부터 다시 기초를 다지고 싶은 분까지 폭넓게 함께할 수 있는 과정입니다.', '초보자는 물론 기본기를 다시 익히려는 분도 함께 들을 수 있습니다.'],
  ['새로운 배움을 찾고 계신 주민 여러분의 많은 참여를 기다립니다.', '새롭게 배워 보고 싶은 분들의 신청을 기다리고 있습니다.'],
  ['천천히 반복해서 설명하므로 처음 배우는 어르신도 부담 없이 참여하실 수 있습니다.', '느린 속도로 여러 번 되풀이해 알려 드리니 처음이신 어르신도 걱정 없이 오세요.'],
  ['글씨가 큰 교재와 넉넉한 실습 시간을 준비해 어르신들이 편안하게 배우실 수 있도록 했습니다.', '큰 글씨 교재와 여유 있는 실습 시간으로 어르신들이 편하게 익히실 수 있습니다.'],
  ['배움의 즐거움과 함께 또래 친구를 사귈 수 있는 자리이니 만 60세 이상 어르신의 많은 참여를 바랍니다.', '배우는 재미도 느끼고 또래 친구도 만날 수 있으니 60세 넘으신 어르신들의 참여를 기다립니다.'],
  ['관내 거주자를 우선 선발하며 잔여석은 선착순으로 접수합니다.', '우리 시에 사는 분을 먼저 모시고, 남는 자리는 먼저 신청하신 순서대로 받습니다.'],
  ['신청은 {institution} 누리집이나 방문 접수로 가능하며, 정원이 차면 대기자로 등록됩니다.', '{institution} 홈페이지 또는 방문으로 신청하실 수 있고, 자리가 다 차면 대기 명단에 올려 드립니다.'],
  ['재료비는 별도이며 첫 수업에 현장 결제합니다.', '재료비는 수강료에 포함되지 않으며 첫날 현장에서 내시면 됩니다.'],
  ['개인 준비물은 첫 시간에 안내해 드리며, 필기도구는 각자 지참해 주시기 바랍니다.', '준비물은 첫날 알려 드리니 필기구만 챙겨 오세요.'],
  ['기초생활수급자, 장애인, 국가유공자, 만 65세 이상 어르신은 수강료를 감면받으실 수 있습니다.', '수급자·장애인·국가유공자와 65세 이상 어르신께는 수강료 할인 혜택이 있습니다.'],
  ['주차 공간이 협소하오니 가급적 대중교통을 이용해 주시기 바랍니다.', '주차할 곳이 넉넉하지 않으니 되도록 버스나 지하철로 와 주세요.'],
  ['교육장에는 엘리베이터와 장애인 화장실이 갖춰져 있어 휠체어를 이용하시는 분도 편하게 오실 수 있습니다.', '승강기와 장애인용 화장실이 있어 휠체어를 타시는 분도 불편 없이 이용하실 수 있습니다.'],
  ['신청 인원이 최소 인원에 미치지 못하면 폐강될 수 있으며, 이 경우 개별 문자로 알려 드립니다.', '신청자가 너무 적으면 강좌가 열리지 않을 수 있고, 그때는 문자로 따로 연락드립니다.'],
  ['수강료 반환은 평생교육법 시행령의 학습비 반환 기준에 따르며, 개강 전에 취소하시면 전액 돌려드립니다.', '환불은 평생교육법 시행령 기준을 따르고, 개강 전 취소 시 수강료 전부를 환불해 드립니다.'],
  ['{dong} 행정복지센터에서도 방문 접수를 받으니 온라인 신청이 어려운 분은 가까운 곳에서 신청하시기 바랍니다.', '인터넷 신청이 힘드시면 {dong} 행정복지센터를 찾아가 직접 신청하셔도 됩니다.'],
  ['궁금한 점은 {institution} 담당자에게 전화로 문의해 주시면 친절히 안내해 드립니다.', '문의 사항은 {institution} 담당 직원에게 전화 주시면 자세히 알려 드립니다.'],
  ['수료 기준은 출석률 80% 이상이며 수료증을 발급합니다.', '80% 넘게 출석하시면 수료증을 받으실 수 있습니다.'],
  ['전체 {sessions}회 가운데 80% 이상 출석하신 분께 {institution} 명의의 수료증을 드립니다.', '{sessions}회 중 8할 이상 참석하시면 {institution}에서 수료증을 발급해 드립니다.'],
  ['이수한 과정은 평생학습계좌제에 등록해 나의 학습 이력으로 관리할 수 있습니다.', '마친 과정은 평생학습계좌에 올려 내 배움 기록으로 남길 수 있습니다.'],
  ['학습동아리로 이어질 수 있도록 수료 후 모임을 지원합니다.', '수업이 끝난 뒤에도 동아리로 모일 수 있게 도와 드립니다.'],
  ['수료생에게는 평생학습 마일리지가 적립되며, 마일리지가 쌓이면 다양한 혜택을 받을 수 있습니다.', '수료하시면 평생학습 마일리지를 쌓아 드리고, 모인 마일리지로 여러 혜택을 누리실 수 있습니다.'],
  ['우수 수료생에게는 연말 평생학습 성과 발표회에서 학습 결과를 발표할 기회를 드립니다.', '열심히 참여한 수료생은 연말 성과 발표회 무대에서 배운 것을 소개할 수 있습니다.'],
  ['수료 후 주민 강사나 학습 자원봉사자로 활동하고 싶은 분께는 관련 양성 과정을 안내해 드립니다.', '과정을 마친 뒤 주민 강사나 자원봉사자로 나서고 싶은 분께 양성 과정을 소개해 드립니다.'],
  ['마지막 회차에 수강 만족도 조사를 실시하며, 주신 의견은 다음 과정 기획에 반영합니다.', '마지막 날 만족도 설문을 받아 다음 강좌를 준비할 때 참고합니다.'],
  ['온라인 실시간 수업으로 진행되며 접속 링크는 문자로 안내합니다.', '실시간 온라인으로 열리며, 들어오는 주소는 문자로 보내 드립니다.'],
  ['실시간 화상 수업(줌)으로 진행하며, 개강 전에 접속 방법을 안내하고 미리 접속해 보는 연습 시간을 마련합니다.', '줌 화상 수업으로 진행되고, 시작 전에 접속하는 법을 알려 드리며 미리 들어와 보는 시간도 있습니다.'],
  ['수업이 끝나면 녹화본을 일주일 동안 제공해 놓친 부분을 다시 보실 수 있습니다.', '녹화 영상을 일주일간 올려 두니 놓친 내용은 다시 보시면 됩니다.'],
  ['온라인 수업과 교육장 대면 수업을 번갈아 진행해 이론은 집에서, 실습은 현장에서 익힙니다.', '이론은 집에서 온라인으로, 실습은 교육장에서 직접 만나 진행합니다.'],
  ['스마트폰이나 컴퓨터만 있으면 집에서 편하게 참여할 수 있으며, 접속이 어려운 분은 전화로 도와 드립니다.', '휴대폰이나 PC만 있으면 집에서도 들을 수 있고, 접속이 힘드시면 전화로 안내해 드립니다.'],
  ['수업 자료는 온라인 학습방에 미리 올려 두니 내려받아 준비해 주시기 바랍니다.', '자료는 온라인 학습방에 먼저 올려 두니 받아서 준비해 오세요.'],
];

/** A template with `{name}` holes as an anchored pattern whose named groups catch what filled them. */
function templatePattern(template: string): RegExp {
  const escaped = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/\\?\{(\w+)\\?\}/g, '(?<$1>.+?)')}$`);
}
const fillHoles = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
const rewrites = boilerplateRewrites.map(([stock, rewrite]) => ({ pattern: templatePattern(stock), rewrite }));

/** Sentences an institution adds of its own (not in the generator's catalogue). */
const addedSentences: readonly string[] = [
  '올해 새롭게 문을 연 강좌로 선착순 20명을 모집합니다.',
  '수업 전후로 교육장 환기와 소독을 철저히 하고 있습니다.',
  '지난 학기 수강생 만족도가 높아 올해도 다시 열게 되었습니다.',
  '수업 사진은 기관 누리소통망에 실릴 수 있으니 원치 않는 분은 미리 말씀해 주세요.',
  '개강 첫날에는 간단한 자기소개와 오리엔테이션이 있습니다.',
  '교재는 기관에서 무상으로 제공합니다.',
  '비가 오는 날에는 실내 활동으로 바꾸어 진행합니다.',
  '수업 후에는 희망하시는 분께 개별 상담을 해 드립니다.',
  '정원의 10%는 저소득층 주민에게 우선 배정합니다.',
  '개인 물병과 편한 복장을 준비해 오시면 좋습니다.',
  '주민 추천으로 새로 개설한 프로그램입니다.',
  '평일 저녁반과 주말반 가운데 편한 시간을 골라 들으실 수 있습니다.',
];

const familyNames = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오', '서', '신'];
const givenNames = ['서연', '민준', '지우', '하은', '도윤', '예린', '현우', '수아', '정호', '미경', '영숙', '상철', '은비', '태호'];
const instructorRoles = ['평생교육사', '전문 강사', '주민 강사', '현직 전문가', '자원봉사 강사'];
const places = ['주민자치센터', '평생학습관', '작은도서관', '종합사회복지관', '문화의집', '청소년수련관'];
const placeTowns = ['새솔동', '봉담읍', '다산1동', '청라2동', '마전동', '호계동', '금호동', '송도3동', '양덕동', '효자동'];
const rooms = ['강의실', '세미나실', '다목적실', '프로그램실', '교육장'];
const weekdayNames = ['월', '화', '수', '목', '금', '토', '화·목', '월·수', '수·금'];

// ---- Edits ----------------------------------------------------------------------------------------------

/**
 * The copier's own details: its schedule (start, weekdays, hours, possibly another number of sessions, which
 * the body follows), fee, telephone and venue, and its own name where the source named itself. The instructor stays: an instructor who teaches a course at
 * several institutions brings the same listing along.
 */
function ownDetails(random: Random, parts: Parts): Parts {
  const sessions = Number(/총 (\d+)회/.exec(parts.facts.join(' '))?.[1] ?? '8');
  const ownSessions = random.chance(0.5) ? sessions : Math.max(2, sessions + random.pick([-2, -1, 1, 2, 4]));
  const hours = random.pick([2, 2, 3, 1.5]);
  const start = random.pick([10, 14, 19]);
  const fee = random.pick([0, 0, 20_000, 30_000, 50_000]);
  const venue = `${random.pick(placeTowns)} ${random.pick(places)}`;
  const own: Record<string, string> = {
    일정: `${random.int(1, 12)}월 ${random.int(1, 28)}일부터 매주 ${random.pick(weekdayNames)} ${start}:00~${start + Math.ceil(hours)}:00, 총 ${ownSessions}회`,
    장소: `${venue} ${random.pick(rooms)}`,
    수강료: fee === 0 ? '무료' : `${fee.toLocaleString('ko-KR')}원`,
    문의: `0${random.pick([2, 31, 32, 33, 41, 42, 43, 51, 52, 53, 54, 55, 61, 62, 63, 64])}-${random.int(200, 999)}-${random.int(1000, 9999)}`,
  };
  const facts = parts.facts.map((line) => {
    const label = line.slice(0, line.indexOf(':'));
    return own[label] === undefined ? line : `${label}: ${own[label]}`;
  });
  // The source's institution is named in its place line (its name, then the room) and in some sentences: the copier names itself.
  const place = parts.facts.find((line) => line.startsWith('장소:'))?.slice('장소:'.length).trim().split(' ') ?? [];
  const institution = place.length > 1 && !place[0]!.startsWith('온라인') ? place.slice(0, -1).join(' ') : undefined;
  const body = parts.body.map((s) => (institution ? s.split(institution).join(venue) : s)
    .replace(/총 \d+회, [\d.]+시간/, `총 ${ownSessions}회, ${ownSessions * hours}시간`)
    .replace(/전체 \d+회/, `전체 ${ownSessions}회`));
  return { ...parts, body, facts };
}

function dropSentence(random: Random, parts: Parts): Parts {
  if (parts.body.length < 3) return parts;
  const body = [...parts.body];
  body.splice(random.int(0, body.length - 1), 1);
  return { ...parts, body };
}

function addSentence(random: Random, parts: Parts): Parts {
  const body = [...parts.body];
  body.splice(random.int(0, body.length), 0, random.pick(addedSentences));
  return { ...parts, body };
}

function swapSynonyms(random: Random, parts: Parts): Parts {
  // Some occurrences, not all: people change words here and there, not systematically.
  const body = parts.body.map((s) => s.replace(synonymPattern, (word) => (random.chance(0.4) ? random.pick(synonymsOf.get(word)!) : word)));
  return { ...parts, body };
}

function reorder(random: Random, parts: Parts): Parts {
  return { ...parts, body: random.sample(parts.body, parts.body.length) };
}

/** Two of the listing's stock sentences (when it has them) in the copier's own words. */
function paraphraseBoilerplate(random: Random, parts: Parts): Parts {
  const rewritable = parts.body.flatMap((sentence, at) => {
    const found = rewrites.find(({ pattern }) => pattern.test(sentence));
    return found ? [{ at, ...found }] : [];
  });
  const body = [...parts.body];
  for (const { at, pattern, rewrite } of random.sample(rewritable, 2)) body[at] = fillHoles(rewrite, pattern.exec(body[at]!)!.groups ?? {});
  return { ...parts, body };
}

const formatWords = ['교실', '과정', '강좌', '특강', '아카데미', '워크숍', '학교', '배움터', '클래스'];
const levelWords = ['입문', '기초', '초급', '중급', '심화', '실전'];

/** Two of: another format word, a level word added, swapped or dropped, a tag before, a note after. */
function retitle(random: Random, parts: Parts): Parts {
  let words = parts.title.split(' ');
  const changes = random.sample(['format', 'level', 'tag', 'note'], 2);
  for (const change of changes) {
    const last = words.length - 1;
    if (change === 'format') {
      const replacement = random.pick(['교실', '강좌', '과정', '클래스', '강의', '배움터', '교육', '모임'].filter((w) => w !== words[last]));
      words = formatWords.includes(words[last]!) ? [...words.slice(0, last), replacement] : [...words, replacement];
    } else if (change === 'level') {
      const at = words.findIndex((w) => levelWords.includes(w));
      if (at < 0) words.splice(Math.max(0, last), 0, random.pick(['기초', '입문', '첫걸음']));
      else if (random.chance(0.5)) words.splice(at, 1);
      else words[at] = random.pick(levelWords.filter((w) => w !== words[at]));
    } else if (change === 'tag') {
      words.unshift(random.pick(['[신규]', '2027', '우리 동네', '함께하는', '찾아가는', '행복한']));
    } else {
      words.push(random.pick(['(주간반)', '(저녁반)', '시즌2', '- 선착순 모집', '(소규모)']));
    }
  }
  return { ...parts, title: words.join(' ') };
}

const editors: Record<CompoundEdit, (random: Random, parts: Parts) => Parts> = {
  details: ownDetails, drop: dropSentence, add: addSentence, synonyms: swapSynonyms, reorder, paraphrase: paraphraseBoilerplate, title: retitle,
};
/** The order edits are applied in, whichever are chosen: words are swapped in the copier's own sentences too. */
const editOrder: readonly CompoundEdit[] = ['details', 'paraphrase', 'drop', 'add', 'synonyms', 'reorder', 'title'];

/** Applies the given edits to a listing (in a fixed order) and returns its title and description. */
export function editListing(random: Random, listing: { title: string; description: string }, edits: readonly CompoundEdit[]) {
  let parts = parse(listing);
  for (const edit of editOrder) if (edits.includes(edit)) parts = editors[edit](random, parts);
  return { title: parts.title, description: description(parts) };
}

// ---- Hard negatives -------------------------------------------------------------------------------------

const stemOf = (title: string, stems: readonly CourseStem[]) =>
  stems.filter((s) => title.includes(s.ko)).sort((a, b) => b.ko.length - a.ko.length)[0];

/**
 * Another program of the source's subcategory, written on the source's template: another course (stem) in
 * the title and wherever the text names it, that course's own detail and materials, the subcategory's
 * opening and outcome sentences drawn again (sometimes the same ones), every stock sentence kept word for
 * word, and its own instructor and details. Undefined when the source's course is not in the catalogue.
 */
function hardNegative(random: Random, source: SourceListing) {
  const catalogue = subcategoryCatalogue.find((c) => c.subcategory === source.subcategory);
  const stem = catalogue && stemOf(source.title, catalogue.stems);
  if (!catalogue || !stem) return undefined;
  const others = catalogue.stems.filter((s) => !s.ko.includes(stem.ko) && !stem.ko.includes(s.ko));
  if (others.length === 0) return undefined;
  const other = random.pick(others);
  const values = { stem: other.ko };
  const redraw = (templates: readonly string[], sentence: string) => {
    const matched = templates.some((t) => templatePattern(t).test(sentence));
    return matched && random.chance(0.5) ? fillHoles(random.pick(templates), values) : undefined;
  };
  const parts = parse(source);
  const body = parts.body.flatMap((sentence) => {
    if (sentence === stem.detail) return other.detail ? [other.detail] : [];
    if (stem.materials && sentence === `${stem.materials}입니다.`) return other.materials ? [`${other.materials}입니다.`] : [];
    const again = redraw(catalogue.intros, sentence) ?? redraw(catalogue.outcomes, sentence);
    return [again ?? sentence.split(stem.ko).join(other.ko)];
  });
  const facts = parts.facts.map((line) => (line.startsWith('강사:')
    ? `강사: ${random.pick(familyNames)}${random.pick(givenNames)} (${random.pick(instructorRoles)})` : line));
  const own = ownDetails(random, { title: source.title.replace(stem.ko, other.ko), body, facts });
  return { title: own.title, description: description(own) };
}

// ---- The set ------------------------------------------------------------------------------------------

/**
 * `copies` copies of distinct random sources, each with its own details and two to four other edits at
 * once, and `negatives` hard negatives of other random sources. Deterministic for the seed and the sources.
 */
export function compoundSet(sources: readonly SourceListing[], counts: { copies: number; negatives: number }, seed = COMPOUND_SEED): SetListing[] {
  const random = new Random(seed);
  const set: SetListing[] = [];
  const next = () => -(set.length + 1);
  for (const source of random.sample(sources, counts.copies)) {
    const others = random.sample(compoundEdits.filter((e) => e !== 'details'), random.int(2, 4));
    const edits = compoundEdits.filter((e) => e === 'details' || others.includes(e));
    const copy = editListing(random, source, edits);
    set.push({ id: next(), institutionId: next(), ...copy, structure: keptStructure(source, copy.description), kind: 'copy', of: source.id, edits });
  }
  const negativeSources = random.sample(sources, Math.min(sources.length, counts.negatives * 2));
  for (const source of negativeSources) {
    if (set.length >= counts.copies + counts.negatives) break;
    const negative = hardNegative(random, source);
    if (negative) set.push({ id: next(), institutionId: next(), ...negative, structure: keptStructure(source, negative.description), kind: 'negative', of: source.id, edits: ['sibling'] });
  }
  return set;
}
