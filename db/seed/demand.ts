/**
 * What residents say they want to learn, and what they searched for in vain: the demand side of the
 * city console. Demand leans where supply is thin in most cities (digital skills for older people,
 * certificates, Korean for migrants), so the gaps the console finds are there to be found.
 */
import type { CopyValue } from '../../src/server/platform/database/copy-format.ts';
import type { Random } from '../../src/shared/lib/random.ts';
import { programAreas, type ProgramAreaCode, type ProgramSubcategoryCode, type TargetGroupCode } from '../../src/shared/vocabulary/index.ts';
import { addDays } from '../../src/shared/lib/schedule.ts';

type Add = (table: string, row: CopyValue[]) => void;

/** Which middle category residents ask for, by who they are. */
const wanted: Record<'elderly' | 'youth' | 'adult', readonly (readonly [ProgramSubcategoryCode, number])[]> = {
  elderly: [['functional_literacy', 30], ['health_mind', 18], ['literacy', 10], ['everyday_arts', 10], ['leisure_sports', 10], ['life_skills', 12], ['humanities', 6], ['civic_activity', 4]],
  youth: [['certification', 20], ['job_preparation', 20], ['functional_literacy', 15], ['arts_advancement', 12], ['career_design', 15], ['secondary', 8], ['leisure_sports', 10]],
  adult: [
    ['certification', 18], ['job_preparation', 10], ['on_the_job', 8], ['functional_literacy', 14], ['health_mind', 10], ['everyday_arts', 10],
    ['leisure_sports', 8], ['humanities', 6], ['civic_responsibility', 4], ['civic_leadership', 3], ['literacy', 5], ['career_design', 4],
  ],
};

const adultGroups: readonly (readonly [TargetGroupCode, number])[] = [['all', 40], ['women', 12], ['workers', 16], ['parents', 10], ['multicultural', 8], ['unemployed', 8], ['disabled', 3], ['low_income', 3]];

const notes: Partial<Record<ProgramSubcategoryCode, readonly string[]>> = {
  functional_literacy: ['스마트폰으로 은행 일을 보고 싶어요', '키오스크 주문이 어려워요', '컴퓨터로 문서 만드는 법을 배우고 싶어요'],
  certification: ['저녁이나 주말에 듣는 자격증 과정이 있으면 좋겠어요', '요양보호사 준비반이 필요해요'],
  literacy: ['한글을 처음부터 배우고 싶어요', '한국어 말하기 반이 있으면 좋겠어요'],
  health_mind: ['건강 체조 같은 가벼운 운동', '마음 돌봄 상담 강좌'],
  job_preparation: ['재취업 준비 과정', '창업 기초 강좌'],
};

/** Things residents searched for that the catalogue had nothing for at the time. */
const missedSearches: readonly (readonly [string, ProgramAreaCode | null])[] = [
  ['드론 자격증', 'vocational'], ['코딩 교실', 'liberal_arts'], ['유튜브 영상 편집', 'liberal_arts'], ['요양보호사', 'vocational'],
  ['바둑', null], ['한국사 능력 검정', 'academic_credit'], ['반려동물', null], ['목공', 'culture_arts'], ['수어', 'liberal_arts'],
  ['주말 한국어', 'basic_literacy'], ['전기기능사', 'vocational'], ['생성형 AI 활용', 'liberal_arts'],
];

const areaOf = (subcategory: ProgramSubcategoryCode) => programAreas.entries.find((a) => a.subcategories.some((s) => s.code === subcategory))!.code;

export function residentsSay(
  r: Random, city: { cityCode: string; today: string; residents: readonly { id: number; age: number; dong: { code: string } }[] }, add: Add,
): void {
  for (const person of r.sample(city.residents, Math.round(city.residents.length * 0.15))) {
    const band = person.age >= 60 ? 'elderly' : person.age <= 24 ? 'youth' : 'adult';
    const subcategory = r.weighted(wanted[band]);
    const target: TargetGroupCode = band === 'elderly' ? (r.chance(0.8) ? 'elderly' : 'all') : band === 'youth' ? (r.chance(0.7) ? 'youth' : 'all') : r.weighted(adultGroups);
    const note = r.chance(0.4) && notes[subcategory] ? r.pick(notes[subcategory]) : '';
    add('learning_wishes', [
      person.id, city.cityCode, person.dong.code, areaOf(subcategory), subcategory, target, note, `${addDays(city.today, -r.int(1, 540))}T10:00:00+09:00`,
    ]);
  }
  for (const person of r.sample(city.residents, Math.round(city.residents.length * 0.03))) {
    const [query, area] = r.pick(missedSearches);
    add('search_misses', [
      `${addDays(city.today, -r.int(1, 365))}T${String(r.int(7, 22)).padStart(2, '0')}:15:00+09:00`, query, city.cityCode, person.dong.code,
      JSON.stringify(area ? { area: [area] } : {}),
    ]);
  }
}
