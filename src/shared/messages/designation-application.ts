/**
 * The application form's words and its completeness rule, shared so that the server's refusal names each missing
 * field exactly as the form labels it, and the form can show the same list before the officer submits.
 */
import type { ApplicationContent } from '../contracts/designation-applications.ts';
import { attachmentPurposes, programAreas, type AttachmentPurpose } from '../vocabulary/index.ts';

export interface Words {
  ko: string;
  en: string;
}

/** Labels of the form's fields and sections. */
export const applicationLabels = {
  vision: { ko: '비전과 목표', en: 'Vision and goals' },
  'vision.title': { ko: '비전', en: 'Vision' },
  'vision.statement': { ko: '추진 목표와 전략', en: 'Goals and strategy' },
  organisation: { ko: '추진 조직', en: 'Organisation' },
  'organisation.departmentName': { ko: '평생학습 전담 부서', en: 'Dedicated department' },
  'organisation.centreName': { ko: '평생학습관 이름', en: 'Lifelong learning centre' },
  'organisation.learningCentres': { ko: '평생학습관 수(곳)', en: 'Lifelong learning centres' },
  'organisation.dongLearningCentres': { ko: '읍·면·동 평생학습센터 수(곳)', en: 'Neighbourhood learning centres' },
  'organisation.committees': { ko: '평생교육협의회 등 위원회', en: 'Council and committees' },
  committeeKind: { ko: '종류', en: 'Kind' },
  committeeName: { ko: '위원회 이름', en: 'Committee name' },
  committeeEstablishedOn: { ko: '설치일', en: 'Established on' },
  staff: { ko: '전담 인력', en: 'Staff' },
  'staff.dedicatedStaff': { ko: '평생학습 전담 인력(명)', en: 'Dedicated staff' },
  'staff.certifiedEducators': { ko: '그중 평생교육사(명)', en: 'Of whom certified lifelong educators' },
  budget: { ko: '연도별 예산 계획(원)', en: 'Budget committed by year (won)' },
  budgetNational: { ko: '국비', en: 'National' },
  budgetProvincial: { ko: '시·도비', en: 'Provincial' },
  budgetOwn: { ko: '자체 예산', en: 'Own' },
  ordinances: { ko: '조례', en: 'Ordinances' },
  ordinanceKind: { ko: '종류', en: 'Kind' },
  ordinanceTitle: { ko: '조례 이름', en: 'Ordinance title' },
  ordinanceEnactedOn: { ko: '제정일 (제정 예정이면 비워 두기)', en: 'Enacted on (leave empty if planned)' },
  programPlan: { ko: '3개년 사업 계획(영역별)', en: 'Three-year program plan by area' },
  planArea: { ko: '영역', en: 'Area' },
  planSummary: { ko: '주요 사업', en: 'Main programs' },
  planPrograms: { ko: '프로그램 수', en: 'Programs' },
  partners: { ko: '네트워크 협력 기관', en: 'Network partners' },
  partnerName: { ko: '기관 이름', en: 'Partner' },
  partnerType: { ko: '기관 종류', en: 'Kind of partner' },
  partnerRole: { ko: '협력 내용', en: 'Role in the plan' },
  attachments: { ko: '첨부 파일', en: 'Attachments' },
} as const satisfies Record<string, Words>;

/** Attachments an application must have before it is submitted. */
export const requiredAttachments: readonly AttachmentPurpose[] = ['program_plan'];

export interface Missing {
  /** The field's path in the content (or `attachments.<purpose>`), as the form names its inputs. */
  field: string;
  label: Words;
}

const words = (ko: string, en: string): Words => ({ ko, en });
const blank = (text: string) => text.trim() === '';

/**
 * Everything missing or contradictory in an application, in the form's order. `planYears` are the call's year and
 * the two after it; `attachments` the purposes of the files attached.
 */
export function missingFields(content: ApplicationContent, planYears: readonly number[], attachments: readonly AttachmentPurpose[]): Missing[] {
  const missing: Missing[] = [];
  const need = (field: keyof typeof applicationLabels & string, empty: boolean) => {
    if (empty) missing.push({ field, label: applicationLabels[field] });
  };
  const { vision, organisation, staff } = content;
  need('vision.title', blank(vision.title));
  need('vision.statement', blank(vision.statement));
  need('organisation.departmentName', blank(organisation.departmentName));
  need('organisation.centreName', blank(organisation.centreName));
  need('organisation.learningCentres', organisation.learningCentres === null);
  need('organisation.dongLearningCentres', organisation.dongLearningCentres === null);
  need('organisation.committees', organisation.committees.length === 0);
  organisation.committees.forEach((committee, i) => {
    if (blank(committee.name)) missing.push({ field: `organisation.committees.${i}.name`, label: words(`위원회 ${i + 1}: 위원회 이름`, `Committee ${i + 1}: name`) });
  });
  need('staff.dedicatedStaff', staff.dedicatedStaff === null);
  need('staff.certifiedEducators', staff.certifiedEducators === null);
  if (staff.dedicatedStaff !== null && staff.certifiedEducators !== null && staff.certifiedEducators > staff.dedicatedStaff) {
    missing.push({
      field: 'staff.certifiedEducators',
      label: words('그중 평생교육사(명): 전담 인력보다 많을 수 없음', 'Of whom certified lifelong educators: cannot be more than the dedicated staff'),
    });
  }
  content.budget.forEach((year, i) => {
    if (year.national === null && year.provincial === null && year.own === null) {
      missing.push({ field: `budget.${i}`, label: words(`${planYears[i]}년 예산`, `Budget for ${planYears[i]}`) });
    }
  });
  need('ordinances', content.ordinances.length === 0);
  content.ordinances.forEach((ordinance, i) => {
    if (blank(ordinance.title)) missing.push({ field: `ordinances.${i}.title`, label: words(`조례 ${i + 1}: 조례 이름`, `Ordinance ${i + 1}: title`) });
  });
  need('programPlan', content.programPlan.length === 0);
  content.programPlan.forEach((plan, i) => {
    const area = programAreas.get(plan.area);
    if (blank(plan.summary)) missing.push({ field: `programPlan.${i}.summary`, label: words(`${area.ko}: 주요 사업`, `${area.en}: main programs`) });
    plan.programs.forEach((count, y) => {
      if (count === null) {
        missing.push({ field: `programPlan.${i}.programs.${y}`, label: words(`${area.ko}: ${planYears[y]}년 프로그램 수`, `${area.en}: programs in ${planYears[y]}`) });
      }
    });
  });
  need('partners', content.partners.length === 0);
  content.partners.forEach((partner, i) => {
    if (blank(partner.name)) missing.push({ field: `partners.${i}.name`, label: words(`협력 기관 ${i + 1}: 기관 이름`, `Partner ${i + 1}: name`) });
  });
  for (const purpose of requiredAttachments) {
    if (!attachments.includes(purpose)) {
      const name = attachmentPurposes.get(purpose);
      missing.push({ field: `attachments.${purpose}`, label: words(`첨부 파일: ${name.ko}`, `Attachment: ${name.en}`) });
    }
  }
  return missing;
}

/** An instant as a person in Korea reads it: "2027년 5월 31일 18:00 (한국 시간)" / "31 May 2027, 18:00 Korean time". */
export function koreanTime(instant: string | Date): Words {
  const at = new Date(new Date(instant).getTime() + 9 * 3600_000);
  const [y, m, d, hh, mm] = [at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate(), at.getUTCHours(), at.getUTCMinutes()];
  const time = `${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
  const month = new Date(Date.UTC(2000, m - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  return { ko: `${y}년 ${m}월 ${d}일 ${time} (한국 시간)`, en: `${d} ${month} ${y}, ${time} Korean time` };
}
