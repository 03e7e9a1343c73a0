/**
 * The yearly designation call (공모) and what moves through it: applications, the province's endorsement,
 * reviewers' scores, the ministry's decision and the consulting year of potential cities (domain.md §2).
 */
import { indexVocabulary, type Labelled } from './label.ts';

/** A call is prepared (draft), then published; its phase follows from its timeline; results are announced once. */
export const callStatusList = [
  { code: 'draft', ko: '준비 중', en: 'Being prepared' },
  { code: 'published', ko: '공고', en: 'Published' },
  { code: 'announced', ko: '결과 발표', en: 'Results announced' },
] as const satisfies readonly Labelled[];
export type CallStatus = (typeof callStatusList)[number]['code'];
export const callStatuses = indexVocabulary<CallStatus, (typeof callStatusList)[number]>(callStatusList);

/** Where a published call stands today, from its timeline. */
export const callPhaseList = [
  { code: 'upcoming', ko: '접수 전', en: 'Not yet open' },
  { code: 'open', ko: '신청 접수 중', en: 'Open for applications' },
  { code: 'endorsement', ko: '시·도 추천 중', en: 'Province endorsement' },
  { code: 'review', ko: '심사 중', en: 'Under review' },
  { code: 'decision', ko: '결과 발표 대기', en: 'Awaiting announcement' },
  { code: 'announced', ko: '결과 발표', en: 'Results announced' },
] as const satisfies readonly Labelled[];
export type CallPhase = (typeof callPhaseList)[number]['code'];
export const callPhases = indexVocabulary<CallPhase, (typeof callPhaseList)[number]>(callPhaseList);

/** How reviewers' totals become the application's score. */
export const scoreAggregationList = [
  { code: 'mean', ko: '평균', en: 'Mean of all reviewers' },
  { code: 'trimmed_mean', ko: '최고·최저 점수 제외 평균 (심사위원 5인 이상)', en: 'Mean without the highest and lowest (5 or more reviewers)' },
] as const satisfies readonly Labelled[];
export type ScoreAggregation = (typeof scoreAggregationList)[number]['code'];
export const scoreAggregations = indexVocabulary<ScoreAggregation, (typeof scoreAggregationList)[number]>(scoreAggregationList);

export const applicationStatusList = [
  { code: 'draft', ko: '작성 중', en: 'Draft' },
  { code: 'submitted', ko: '제출 (시·도 검토 중)', en: 'Submitted (with the province)' },
  { code: 'returned', ko: '보완 요청', en: 'Returned for changes' },
  { code: 'endorsed', ko: '시·도 추천', en: 'Endorsed by the province' },
  { code: 'decided', ko: '결과 확정', en: 'Decided' },
  { code: 'withdrawn', ko: '신청 취소', en: 'Withdrawn' },
] as const satisfies readonly Labelled[];
export type ApplicationStatus = (typeof applicationStatusList)[number]['code'];
export const applicationStatuses = indexVocabulary<ApplicationStatus, (typeof applicationStatusList)[number]>(applicationStatusList);

/** The ministry's decision on an application; each becomes a designation state of the city. */
export const applicationDecisionList = [
  { code: 'designated', ko: '지정', en: 'Designated' },
  { code: 'potential', ko: '예비 평생학습도시 (컨설팅 1년)', en: 'Potential (a consulting year)' },
  { code: 'rejected', ko: '미선정', en: 'Rejected' },
] as const satisfies readonly Labelled[];
export type ApplicationDecision = (typeof applicationDecisionList)[number]['code'];
export const applicationDecisions = indexVocabulary<ApplicationDecision, (typeof applicationDecisionList)[number]>(applicationDecisionList);

/** What an attachment to an application is for. */
export const attachmentPurposeList = [
  { code: 'ordinance', ko: '조례', en: 'Ordinance' },
  { code: 'budget_plan', ko: '예산 계획', en: 'Budget plan' },
  { code: 'organisation_chart', ko: '조직도', en: 'Organisation chart' },
  { code: 'program_plan', ko: '사업 계획서', en: 'Program plan' },
  { code: 'partnership', ko: '협약서', en: 'Partnership agreement' },
  { code: 'other', ko: '기타', en: 'Other' },
] as const satisfies readonly Labelled[];
export type AttachmentPurpose = (typeof attachmentPurposeList)[number]['code'];
export const attachmentPurposes = indexVocabulary<AttachmentPurpose, (typeof attachmentPurposeList)[number]>(attachmentPurposeList);

/** The consulting year's milestones (domain.md §2). */
export const milestoneKindList = [
  { code: 'needs_survey', ko: '학습요구조사', en: 'Learning needs survey' },
  { code: 'improvement_plan', ko: '개선 계획', en: 'Improvement plan' },
  { code: 'midterm_plan', ko: '중장기 발전 계획', en: 'Mid- and long-term plan' },
] as const satisfies readonly Labelled[];
export type MilestoneKind = (typeof milestoneKindList)[number]['code'];
export const milestoneKinds = indexVocabulary<MilestoneKind, (typeof milestoneKindList)[number]>(milestoneKindList);

export const milestoneStatusList = [
  { code: 'open', ko: '진행 중', en: 'Open' },
  { code: 'submitted', ko: '제출 (검토 대기)', en: 'Submitted' },
  { code: 'revise', ko: '보완 필요', en: 'Needs revision' },
  { code: 'accepted', ko: '완료', en: 'Accepted' },
] as const satisfies readonly Labelled[];
export type MilestoneStatus = (typeof milestoneStatusList)[number]['code'];
export const milestoneStatuses = indexVocabulary<MilestoneStatus, (typeof milestoneStatusList)[number]>(milestoneStatusList);

/**
 * Why a consulting year runs: a potential city's year before the ministry designates or rejects it, or a city the
 * re-designation evaluation deferred (재지정 유예 도시 컨설팅), which the ministry closes before its next round.
 */
export const consultingPurposeList = [
  { code: 'potential', ko: '예비 평생학습도시 컨설팅', en: 'Potential city consulting' },
  { code: 'improvement', ko: '재지정 유예 도시 컨설팅', en: 'Deferred city consulting' },
] as const satisfies readonly Labelled[];
export type ConsultingPurpose = (typeof consultingPurposeList)[number]['code'];
export const consultingPurposes = indexVocabulary<ConsultingPurpose, (typeof consultingPurposeList)[number]>(consultingPurposeList);

/**
 * The consultant's closing word, per purpose; `complete` ones need every milestone accepted first (designation for
 * a potential city; a deferred city ready for its next round).
 */
export const consultingRecommendationList = [
  { code: 'designate', ko: '지정 권고', en: 'Recommend designation', purpose: 'potential', complete: true },
  { code: 'reject', ko: '미지정 권고', en: 'Recommend rejection', purpose: 'potential', complete: false },
  { code: 'improved', ko: '개선 완료 (다음 평가 준비)', en: 'Improved: ready for the next round', purpose: 'improvement', complete: true },
  { code: 'needs_more', ko: '추가 개선 필요', en: 'Needs further improvement', purpose: 'improvement', complete: false },
] as const satisfies readonly (Labelled & { purpose: ConsultingPurpose; complete: boolean })[];
export type ConsultingRecommendation = (typeof consultingRecommendationList)[number]['code'];
export const consultingRecommendations = indexVocabulary<ConsultingRecommendation, (typeof consultingRecommendationList)[number]>(
  consultingRecommendationList,
);

/** Reviewers and consultants the ministry appoints from registered people. */
export const expertKindList = [
  { code: 'reviewer', ko: '심사위원', en: 'Reviewer' },
  { code: 'consultant', ko: '컨설턴트', en: 'Consultant' },
] as const satisfies readonly Labelled[];
export type ExpertKind = (typeof expertKindList)[number]['code'];
export const expertKinds = indexVocabulary<ExpertKind, (typeof expertKindList)[number]>(expertKindList);

/** Every step of the designation process, as the append-only log names it. */
export const designationStepList = [
  { code: 'call_created', ko: '공모 작성', en: 'Call created' },
  { code: 'call_updated', ko: '공모 수정', en: 'Call changed' },
  { code: 'call_published', ko: '공모 공고', en: 'Call published' },
  { code: 'call_announced', ko: '결과 발표', en: 'Results announced' },
  { code: 'expert_appointed', ko: '전문가 위촉', en: 'Expert appointed' },
  { code: 'application_started', ko: '신청서 작성 시작', en: 'Application started' },
  { code: 'application_submitted', ko: '신청서 제출', en: 'Application submitted' },
  { code: 'application_withdrawn', ko: '신청 취소', en: 'Application withdrawn' },
  { code: 'attachment_added', ko: '첨부 파일 추가', en: 'Attachment added' },
  { code: 'attachment_removed', ko: '첨부 파일 삭제', en: 'Attachment removed' },
  { code: 'application_endorsed', ko: '시·도 추천', en: 'Endorsed by the province' },
  { code: 'application_returned', ko: '시·도 보완 요청', en: 'Returned by the province' },
  { code: 'applications_ranked', ko: '시·도 추천 순위', en: 'Ranked by the province' },
  { code: 'reviewer_assigned', ko: '심사위원 배정', en: 'Reviewer assigned' },
  { code: 'reviewer_unassigned', ko: '심사위원 배정 취소', en: 'Reviewer unassigned' },
  { code: 'review_submitted', ko: '심사 제출', en: 'Review submitted' },
  { code: 'application_decided', ko: '선정 결과 결정', en: 'Application decided' },
  { code: 'consultant_assigned', ko: '컨설턴트 배정', en: 'Consultant assigned' },
  { code: 'milestone_submitted', ko: '컨설팅 과제 제출', en: 'Milestone submitted' },
  { code: 'milestone_reviewed', ko: '컨설팅 과제 검토', en: 'Milestone reviewed' },
  { code: 'consulting_recommended', ko: '컨설턴트 권고', en: 'Consultant recommended' },
  { code: 'consulting_decided', ko: '예비 도시 지정 결정', en: 'Potential city decided' },
  { code: 'consulting_opened', ko: '재지정 유예 도시 컨설팅 시작', en: 'Deferred city consulting opened' },
  { code: 'consulting_closed', ko: '재지정 유예 도시 컨설팅 종료', en: 'Deferred city consulting closed' },
  // The re-designation evaluation (재지정평가; the evaluation module)
  { code: 'evaluation_frame_saved', ko: '재지정평가 지표 저장', en: 'Evaluation frame saved' },
  { code: 'evaluation_round_opened', ko: '재지정평가 시작', en: 'Evaluation round opened' },
  { code: 'evaluation_reviewer_assigned', ko: '재지정평가 심사위원 배정', en: 'Evaluation reviewer assigned' },
  { code: 'evaluation_review_submitted', ko: '재지정평가 심사 제출', en: 'Evaluation review submitted' },
  { code: 'evaluation_preliminary_published', ko: '재지정평가 가결과 공개', en: 'Preliminary results published' },
  { code: 'evaluation_objection_filed', ko: '이의신청', en: 'Objection filed' },
  { code: 'evaluation_objection_answered', ko: '이의신청 답변', en: 'Objection answered' },
  { code: 'evaluation_finalised', ko: '재지정평가 결과 확정', en: 'Evaluation finalised' },
] as const satisfies readonly Labelled[];
export type DesignationStep = (typeof designationStepList)[number]['code'];
export const designationSteps = indexVocabulary<DesignationStep, (typeof designationStepList)[number]>(designationStepList);

/** File types an application or a consulting milestone accepts, recognised by their bytes. */
export const documentTypeList = [
  { code: 'pdf', ko: 'PDF', en: 'PDF', mediaType: 'application/pdf' },
  { code: 'hwp', ko: '한글 (HWP)', en: 'Hangul (HWP)', mediaType: 'application/x-hwp' },
  { code: 'hwpx', ko: '한글 (HWPX)', en: 'Hangul (HWPX)', mediaType: 'application/hwp+zip' },
  { code: 'xlsx', ko: '엑셀 (XLSX)', en: 'Excel (XLSX)', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  { code: 'docx', ko: '워드 (DOCX)', en: 'Word (DOCX)', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  { code: 'png', ko: 'PNG 이미지', en: 'PNG image', mediaType: 'image/png' },
  { code: 'jpeg', ko: 'JPEG 이미지', en: 'JPEG image', mediaType: 'image/jpeg' },
] as const satisfies readonly (Labelled & { mediaType: string })[];
export type DocumentType = (typeof documentTypeList)[number]['code'];
export const documentTypes = indexVocabulary<DocumentType, (typeof documentTypeList)[number]>(documentTypeList);

/** Largest file accepted (20 MB). */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
