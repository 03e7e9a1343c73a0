import type {
  EventKind,
  InstitutionType,
  ProgramAreaCode,
  ProgramSubcategoryCode,
  PurposeTag,
  TargetGroupCode,
} from '../../src/shared/vocabulary/index.ts';

/**
 * The demo generator's catalogue: the raw material from which it composes Korean lifelong-learning
 * course listings (titles, English glosses, descriptions), institutions, study groups and events.
 * It extends shared/data/program-vocabulary.json: every stem listed there appears here under the same
 * NILE middle category. Sentences are written as on municipal learning portals (합니다/습니다 style).
 *
 * Placeholders are never followed by a Korean particle whose form depends on the last syllable
 * (을/를, 이/가, 은/는, 와/과, 으로/로), so any stem or place name can be substituted safely.
 */

export interface CourseStem {
  ko: string;
  en: string;
  /** Groups the course typically serves when it is not meant for everyone. */
  targets?: TargetGroupCode[];
  purposes?: PurposeTag[];
  /** Typical fee range in won; absent for courses that are usually free. */
  feeKrw?: [number, number];
  sessions?: [number, number];
  hoursPerSession?: number;
  credits?: { type: 'credit_bank' | 'accredited'; credits: number };
  materials?: string;
  /**
   * One Korean sentence on what this particular course covers (concrete content). Optional addition
   * to the subcategory-level `intros`, which must fit every stem of the subcategory; a description
   * reads best as intro, then detail.
   */
  detail?: string;
}

export interface SubcategoryCatalogue {
  area: ProgramAreaCode;
  subcategory: ProgramSubcategoryCode;
  stems: CourseStem[];
  /** Opening sentences; `{stem}` is replaced by the stem's Korean name. */
  intros: string[];
  /** What learners gain. */
  outcomes: string[];
}

export const subcategoryCatalogue: SubcategoryCatalogue[] = [
  // ───────────────────────────── 기초문해교육 ─────────────────────────────
  {
    area: 'basic_literacy',
    subcategory: 'literacy',
    stems: [
      { ko: '한글 문해', en: 'Hangeul Literacy', targets: ['elderly'], purposes: ['underprivileged'], sessions: [24, 40], hoursPerSession: 2, detail: '자음과 모음의 짜임을 익히고 받침 없는 글자부터 겹받침이 있는 낱말까지 단계별로 읽고 씁니다.' },
      { ko: '한글 읽고 쓰기', en: 'Reading and Writing Hangeul', targets: ['elderly'], purposes: ['underprivileged'], sessions: [20, 30], hoursPerSession: 2, detail: '동화와 신문 기사처럼 짧은 글을 소리 내어 읽고, 읽은 내용을 한두 문장으로 옮겨 적는 연습을 합니다.' },
      { ko: '어르신 한글', en: 'Hangeul for Older Adults', targets: ['elderly'], purposes: ['underprivileged'], sessions: [24, 40], hoursPerSession: 2, detail: '내 이름과 주소, 가족 이름 쓰기에서 시작해 버스 행선지와 간판 읽기까지 생활에 꼭 필요한 글을 익힙니다.' },
      { ko: '초등학력인정 문해', en: 'Literacy for Elementary School Equivalency', targets: ['elderly'], purposes: ['underprivileged'], sessions: [40, 80], hoursPerSession: 3, detail: '성인 문해 교과서로 국어, 수학, 사회, 과학 등을 배우며, 단계별 이수 시간을 채우면 초등학교 학력을 인정받습니다.' },
      { ko: '한국어 기초', en: 'Basic Korean', targets: ['multicultural'], sessions: [12, 20], hoursPerSession: 2, detail: '한글 자모와 발음에서 시작해 인사, 자기소개, 물건 사기처럼 꼭 필요한 기본 표현을 익힙니다.' },
      { ko: '생활 한국어', en: 'Everyday Korean', targets: ['multicultural'], purposes: ['underprivileged'], sessions: [12, 20], hoursPerSession: 2, detail: '병원 진료, 어린이집 상담, 택배 받기처럼 이주민이 일상에서 자주 겪는 상황별 대화를 연습합니다.' },
      { ko: '한국어능력시험(TOPIK) 대비', en: 'TOPIK Preparation', targets: ['multicultural'], sessions: [10, 16], hoursPerSession: 2, detail: 'TOPIK I·II의 듣기, 읽기, 쓰기 영역별 기출문제를 풀고 쓰기 답안을 구성하는 요령을 익힙니다.' },
      { ko: '늦깎이 한글', en: 'Hangeul for Late Learners', targets: ['elderly'], purposes: ['underprivileged'], sessions: [24, 40], hoursPerSession: 2, detail: '배울 기회를 놓쳤던 분들이 또래와 함께 글자를 익히고, 살아온 이야기를 짧은 글로 적어 보는 데까지 나아갑니다.' },
      { ko: '한글 받아쓰기', en: 'Hangeul Dictation', targets: ['elderly'], purposes: ['underprivileged'], sessions: [12, 20], hoursPerSession: 2, detail: '헷갈리기 쉬운 받침과 띄어쓰기를 중심으로 불러 주는 낱말과 문장을 받아써 보고 함께 고쳐 봅니다.' },
      { ko: '기초 셈하기', en: 'Basic Numeracy', targets: ['elderly'], purposes: ['underprivileged'], sessions: [12, 20], hoursPerSession: 2, detail: '숫자 읽고 쓰기, 덧셈과 뺄셈, 돈 계산과 달력 보기처럼 생활에 바로 쓰는 셈을 익힙니다.' },
      { ko: '사회통합프로그램 한국어', en: 'Korean for the Immigration and Integration Program (KIIP)', targets: ['multicultural'], purposes: ['underprivileged'], sessions: [20, 40], hoursPerSession: 3, detail: '법무부 사회통합프로그램 단계별 교재에 맞춰 한국어와 한국 사회 이해를 함께 공부하며 단계 평가를 준비합니다.' },
      { ko: '그림책으로 배우는 한글', en: 'Learning Hangeul with Picture Books', targets: ['multicultural', 'parents'], sessions: [8, 12], hoursPerSession: 2, detail: '아이에게 읽어 줄 그림책을 함께 읽으며 낱말과 문장을 익히고, 실감 나게 읽어 주는 연습까지 해 봅니다.' },
      { ko: '한글 편지 쓰기', en: 'Letter Writing in Hangeul', targets: ['elderly'], sessions: [6, 10], hoursPerSession: 2, detail: '배운 글자로 자녀와 손주, 그리운 이에게 보내는 편지를 써 보고 고운 편지지에 옮겨 적어 완성합니다.' },
    ],
    intros: [
      '{stem} 수업에서는 글자를 소리 내어 읽고 직접 써 보는 활동을 매시간 되풀이하며 읽기와 쓰기의 기초를 다집니다.',
      '버스 노선표, 약 봉투, 관공서 안내문처럼 생활에서 자주 보는 글을 교재로 삼아 실제로 읽어 보는 연습을 합니다.',
      '받아쓰기와 짧은 글짓기로 익힌 낱말을 자연스럽게 문장으로 써 보고, 틀린 부분은 강사가 한 분씩 살펴 드립니다.',
      '학습자의 수준에 맞춘 교재로 진행하며, 진도가 더딘 분은 보조 강사가 곁에서 함께 읽고 쓰도록 돕습니다.',
      '{stem} 과정은 글을 몰라 겪었던 불편과 아쉬움을 덜고, 배움의 즐거움을 새로 찾아 드리기 위해 마련했습니다.',
      '배운 글자로 가족에게 짧은 편지를 쓰거나 은행·병원 서류를 직접 채워 보며 배움을 생활로 이어 갑니다.',
    ],
    outcomes: [
      '과정을 마치면 생활 속 안내문과 간단한 서류를 혼자 읽고 쓸 수 있게 됩니다.',
      '글을 읽고 쓰는 데 자신감이 생겨 은행, 병원, 주민센터를 이용하기가 한결 수월해집니다.',
      '가족에게 문자를 보내고 아이의 알림장을 읽는 등 가족과 나누는 대화가 한층 넓어집니다.',
      '배움의 기쁨을 함께 나누는 동료 학습자를 만나고, 다음 단계의 학력인정 과정으로 이어 갈 수 있습니다.',
    ],
  },
  {
    area: 'basic_literacy',
    subcategory: 'life_skills',
    stems: [
      { ko: '스마트폰 활용', en: 'Smartphone Skills', targets: ['elderly'], purposes: ['underprivileged'], sessions: [8, 12], hoursPerSession: 2, detail: '카카오톡으로 사진과 영상 보내기, 갤러리 사진 정리, 정부24 앱으로 민원 서류 발급받기까지 차례로 실습합니다.' },
      { ko: '키오스크 사용법', en: 'Using Self-Service Kiosks', targets: ['elderly'], purposes: ['underprivileged'], sessions: [4, 8], hoursPerSession: 2, detail: '패스트푸드점과 카페, 병원 무인 접수기, 기차표 발매기 화면을 본뜬 연습용 키오스크로 주문과 결제를 반복 연습합니다.' },
      { ko: '생활 속 금융', en: 'Everyday Finance', sessions: [6, 10], hoursPerSession: 2, detail: '예금과 적금의 차이, 대출 금리 읽는 법, 카드 명세서 확인하기 등 살림에 꼭 필요한 금융 상식을 쉽게 풀어 드립니다.' },
      { ko: '디지털 문해', en: 'Digital Literacy', targets: ['elderly'], purposes: ['underprivileged'], sessions: [10, 16], hoursPerSession: 2, detail: '스마트폰과 컴퓨터의 기본 조작부터 인터넷 검색, 앱 설치, 비밀번호 관리까지 디지털 생활의 기초를 폭넓게 다룹니다.' },
      { ko: '인터넷 뱅킹', en: 'Internet Banking', targets: ['elderly'], sessions: [4, 8], hoursPerSession: 2, detail: '은행 앱 설치와 인증서 발급, 계좌 조회와 이체, 자동이체 신청을 연습용 화면으로 안전하게 실습합니다.' },
      { ko: '모바일 민원 신청', en: 'Applying for Public Services on Your Phone', targets: ['elderly'], sessions: [4, 6], hoursPerSession: 2, detail: '간편인증으로 로그인하는 법부터 정부24 앱에서 주민등록등본 발급, 전입신고, 각종 지원금 신청까지 직접 해 봅니다.' },
      { ko: '생활 영어 읽기', en: 'Reading Everyday English', targets: ['elderly'], sessions: [8, 12], hoursPerSession: 2, detail: '간판, 메뉴판, 약 설명서, 가전제품 버튼처럼 생활 곳곳에 쓰인 영어를 소리 내어 읽고 뜻을 익힙니다.' },
      { ko: '카카오톡 활용', en: 'Getting the Most Out of KakaoTalk', targets: ['elderly'], sessions: [4, 6], hoursPerSession: 2, detail: '단체 대화방 참여, 사진과 동영상 보내기, 영상 통화, 선물하기까지 가족·이웃과 소통하는 데 꼭 필요한 기능을 익힙니다.' },
      { ko: '모바일 결제와 간편송금', en: 'Mobile Payments and Money Transfers', sessions: [4, 6], hoursPerSession: 2, detail: 'QR 결제와 간편결제 앱 등록, 계좌번호 없이 송금하기를 따라 해 보고 안전하게 쓰는 요령도 함께 배웁니다.' },
      { ko: '보이스피싱 예방', en: 'Protecting Yourself from Phone Scams', targets: ['elderly'], purposes: ['underprivileged'], sessions: [2, 4], hoursPerSession: 2, detail: '가족 사칭 문자, 기관 사칭 전화, 악성 앱 설치 유도 등 실제 사례를 살펴보고 피해를 막는 대처 요령을 익힙니다.' },
      { ko: '대중교통 앱 활용', en: 'Using Public Transport Apps', targets: ['elderly'], sessions: [3, 5], hoursPerSession: 2, detail: '지도 앱으로 길 찾기, 버스 도착 시간 확인하기, 코레일톡으로 기차표 예매하기를 직접 해 봅니다.' },
      { ko: '온라인 장보기', en: 'Online Grocery Shopping', targets: ['elderly'], sessions: [3, 5], hoursPerSession: 2, detail: '쇼핑 앱에서 상품을 검색하고 가격을 비교해 주문한 뒤, 배송 조회와 반품 신청까지 한 번에 익힙니다.' },
      { ko: '가계부 쓰기', en: 'Household Budgeting', sessions: [4, 6], hoursPerSession: 2, detail: '수입과 지출을 항목별로 나누어 적고, 가계부 앱과 통장 거래 내역을 활용해 한 달 살림을 점검해 봅니다.' },
    ],
    intros: [
      '{stem} 과정에서는 은행, 병원, 주민센터처럼 자주 찾는 곳에서 실제로 겪는 상황을 예로 들어 꼭 필요한 내용을 차근차근 익힙니다.',
      '카카오톡으로 사진 보내기, 키오스크로 주문하기, 모바일로 민원 서류 발급받기처럼 생활에서 바로 쓰는 일을 수업 시간에 직접 해 봅니다.',
      '처음에는 강사가 화면을 크게 띄워 한 단계씩 보여 드리고, 이어서 학습자가 스스로 해 보며 막히는 부분을 함께 해결합니다.',
      '통장 정리, 공과금 납부, 영수증 확인처럼 돈과 관련된 생활 문제도 실제 서류와 화면을 보며 함께 풀어 봅니다.',
      '보이스피싱 문자나 의심스러운 링크를 가려내는 법처럼 디지털 생활에서 나를 지키는 요령도 함께 다룹니다.',
      '{stem} 강좌는 “이제 와서 배우기엔 늦었다”고 느끼는 분들도 틀려도 괜찮은 분위기에서 여러 번 반복해 익힐 수 있도록 꾸렸습니다.',
    ],
    outcomes: [
      '수업을 마치면 가족이나 이웃의 도움 없이도 필요한 생활 업무를 스스로 처리할 수 있게 됩니다.',
      '낯선 기계나 서류 앞에서 느끼던 막막함이 줄고, 새로운 기능도 겁내지 않고 시도해 보는 자신감이 생깁니다.',
      '배운 내용을 정리한 안내 자료를 드려 집에서도 언제든 다시 보며 복습할 수 있습니다.',
      '디지털 기기로 소식을 주고받고 정보를 찾으면서 가족·이웃과의 연결이 한층 넓어집니다.',
    ],
  },
  {
    area: 'basic_literacy',
    subcategory: 'literacy_account',
    stems: [
      { ko: '문해 학습계좌 연계', en: 'Literacy Learning Account Pathway', targets: ['elderly'], purposes: ['underprivileged'], sessions: [30, 60], hoursPerSession: 2, detail: '그동안 배운 문해 학습 이력을 학습계좌에 등록하고, 모자란 이수 시간을 채우기 위한 교과 수업을 이어 갑니다.' },
      { ko: '문해교육 심화', en: 'Advanced Adult Literacy', targets: ['elderly'], purposes: ['underprivileged'], sessions: [24, 40], hoursPerSession: 2, detail: '긴 글을 읽고 내용을 요약하거나 자기 생각을 한 문단으로 써 보며 한 단계 높은 읽기·쓰기 능력을 기릅니다.' },
      { ko: '중학 학력인정 문해', en: 'Literacy for Middle School Equivalency', targets: ['elderly'], purposes: ['underprivileged'], sessions: [40, 80], hoursPerSession: 3, detail: '중학 과정 성인 문해 교과서로 국어, 영어, 수학, 사회, 과학 등을 배우며 중학교 학력인정을 준비합니다.' },
      { ko: '초등 3단계 문해', en: 'Elementary Literacy, Stage 3', targets: ['elderly'], purposes: ['underprivileged'], sessions: [40, 80], hoursPerSession: 3, detail: '초등 학력인정의 마지막 단계로, 교과별 내용을 마무리하고 졸업장 취득에 필요한 이수 시간을 채웁니다.' },
      { ko: '중학 학력인정 국어', en: 'Korean for Middle School Equivalency', targets: ['elderly'], purposes: ['underprivileged'], sessions: [20, 30], hoursPerSession: 2, detail: '시와 소설, 설명문을 읽고 중심 내용을 파악하며 문법과 맞춤법의 기초를 체계적으로 정리합니다.' },
      { ko: '중학 학력인정 수학', en: 'Mathematics for Middle School Equivalency', targets: ['elderly'], purposes: ['underprivileged'], sessions: [20, 30], hoursPerSession: 2, detail: '정수와 유리수, 일차방정식, 간단한 도형 문제를 생활 속 예시와 함께 차근차근 풀어 봅니다.' },
      { ko: '중학 학력인정 영어', en: 'English for Middle School Equivalency', targets: ['elderly'], purposes: ['underprivileged'], sessions: [20, 30], hoursPerSession: 2, detail: '알파벳과 파닉스를 복습한 뒤 기초 문장 구조와 자주 쓰는 낱말을 익혀 짧은 글을 읽어 봅니다.' },
      { ko: '중학 학력인정 사회·과학', en: 'Social Studies and Science for Middle School Equivalency', targets: ['elderly'], purposes: ['underprivileged'], sessions: [20, 30], hoursPerSession: 2, detail: '우리 사회의 제도와 생활 경제, 우리 몸과 자연 현상의 원리를 그림과 실험 자료로 쉽게 배웁니다.' },
      { ko: '문해 자서전 쓰기', en: 'Writing Your Life Story', targets: ['elderly'], purposes: ['underprivileged'], sessions: [10, 16], hoursPerSession: 2, detail: '어린 시절부터 지금까지의 기억을 떠올려 한 편씩 글로 쓰고, 옛 사진과 함께 엮어 나만의 자서전을 만듭니다.' },
      { ko: '문해 시화 창작', en: 'Poetry and Illustration for Adult Learners', targets: ['elderly'], purposes: ['underprivileged'], sessions: [8, 12], hoursPerSession: 2, detail: '마음에 남은 순간을 짧은 시로 쓰고 그림을 곁들여 시화로 완성한 뒤, 성인 문해 시화전에 출품합니다.' },
      { ko: '문해 독서 토론', en: 'Reading and Discussion for Literacy Learners', targets: ['elderly'], purposes: ['underprivileged'], sessions: [10, 16], hoursPerSession: 2, detail: '글밥이 적은 책을 함께 소리 내어 읽고, 인상 깊은 장면과 느낀 점을 말과 글로 나눕니다.' },
      { ko: '생활 문해 심화', en: 'Advanced Everyday Literacy', targets: ['elderly'], purposes: ['underprivileged'], sessions: [10, 16], hoursPerSession: 2, detail: '계약서, 고지서, 약관처럼 어려운 용어가 많은 생활 문서를 읽고 꼭 확인해야 할 내용을 짚어 봅니다.' },
    ],
    intros: [
      '{stem} 과정은 성인 문해교육 학력인정 체계와 연계되어, 이수한 학습 시간이 학습계좌에 차곡차곡 기록됩니다.',
      '국어, 수학, 사회, 영어 등의 교과 내용을 생활과 연결해 배우며 단계별 학력인정에 필요한 학습을 이어 갑니다.',
      '읽기·쓰기의 기초를 갖춘 분을 대상으로 긴 글 읽기, 생각을 글로 표현하기, 간단한 계산과 도형 문제 풀기 등 한 단계 높은 내용을 다룹니다.',
      '학습자 한 분 한 분의 이수 현황을 담당자가 관리하며, 다음 단계 진학과 학력인정 신청 절차도 함께 안내해 드립니다.',
      '살아온 이야기를 글로 엮거나 시를 지어 보는 활동으로 배운 글을 자신의 언어로 표현해 봅니다.',
    ],
    outcomes: [
      '정해진 시간 이상 이수하면 학습계좌에 학습 이력이 쌓여 초등·중학 학력인정의 근거로 활용할 수 있습니다.',
      '학교에 다니지 못했던 아쉬움을 덜고, 졸업장을 향한 구체적인 목표를 세울 수 있습니다.',
      '학습 결과물은 문해 시화전이나 성과 발표회에 출품해 이웃과 함께 나눌 수 있습니다.',
      '스스로 글을 쓰고 셈을 하는 힘이 길러져 생활 전반에서 자립심과 자존감이 높아집니다.',
    ],
  },

  // ───────────────────────────── 학력보완교육 ─────────────────────────────
  {
    area: 'academic_credit',
    subcategory: 'elementary',
    stems: [
      { ko: '초졸 검정고시', en: 'Elementary School Equivalency Exam Prep', targets: ['elderly'], purposes: ['underprivileged'], sessions: [24, 40], hoursPerSession: 2, detail: '국어, 수학, 사회, 과학 필수 과목과 선택 과목의 핵심 내용을 정리하고 과목별 기출문제를 풀며 시험에 대비합니다.' },
      { ko: '초등 교과 기초', en: 'Elementary Subject Foundations', targets: ['elderly'], purposes: ['underprivileged'], sessions: [16, 24], hoursPerSession: 2, detail: '초등학교 교과서 수준의 국어, 수학, 사회, 과학 내용을 학년 순서대로 훑으며 빠진 기초를 채웁니다.' },
      { ko: '초졸 검정고시 국어', en: 'Korean for the Elementary Equivalency Exam', targets: ['elderly'], purposes: ['underprivileged'], sessions: [10, 16], hoursPerSession: 2, detail: '낱말의 뜻과 맞춤법, 글의 중심 생각 찾기 등 자주 출제되는 유형을 기출문제로 익힙니다.' },
      { ko: '초졸 검정고시 수학', en: 'Maths for the Elementary Equivalency Exam', targets: ['elderly'], purposes: ['underprivileged'], sessions: [10, 16], hoursPerSession: 2, detail: '분수와 소수의 계산, 도형의 넓이, 그래프 읽기처럼 꼭 나오는 단원을 쉬운 문제부터 차근차근 풉니다.' },
      { ko: '초졸 검정고시 사회', en: 'Social Studies for the Elementary Equivalency Exam', targets: ['elderly'], purposes: ['underprivileged'], sessions: [8, 12], hoursPerSession: 2, detail: '우리나라의 지리와 역사, 민주주의와 경제생활의 기본 개념을 지도와 사진 자료로 쉽게 정리합니다.' },
      { ko: '초졸 검정고시 과학', en: 'Science for the Elementary Equivalency Exam', targets: ['elderly'], purposes: ['underprivileged'], sessions: [8, 12], hoursPerSession: 2, detail: '식물과 동물, 날씨와 계절, 물질의 상태 변화 등 기본 개념을 그림과 간단한 실험으로 이해합니다.' },
      { ko: '초졸 검정고시 선택과목', en: 'Elective Subjects for the Elementary Equivalency Exam', targets: ['elderly'], purposes: ['underprivileged'], sessions: [6, 10], hoursPerSession: 2, detail: '도덕, 실과, 음악 등 선택 과목 가운데 점수를 얻기 쉬운 두 과목을 골라 핵심 내용을 정리합니다.' },
      { ko: '초졸 검정고시 모의고사', en: 'Elementary Equivalency Mock Exams', targets: ['elderly'], purposes: ['underprivileged'], sessions: [4, 6], hoursPerSession: 3, detail: '실제 시험과 같은 시간과 방식으로 모의고사를 치르고, OMR 답안지 표기법과 시간 배분 요령을 익힙니다.' },
      { ko: '초등 국어 읽기', en: 'Elementary Korean Reading', targets: ['elderly'], sessions: [10, 16], hoursPerSession: 2, detail: '교과서 지문과 짧은 이야기를 읽고 물음에 답하며 글의 내용을 이해하는 힘을 기릅니다.' },
      { ko: '초등 수학 기초', en: 'Elementary Maths Foundations', targets: ['elderly'], sessions: [10, 16], hoursPerSession: 2, detail: '구구단과 사칙연산부터 시계 보기, 길이와 무게 재기까지 수학의 기초를 생활과 연결해 익힙니다.' },
      { ko: '초등 영어 첫걸음', en: 'First Steps in Elementary English', targets: ['elderly'], sessions: [10, 16], hoursPerSession: 2, detail: '알파벳 읽고 쓰기와 파닉스, 기본 인사 표현을 익혀 간단한 영어 낱말을 읽을 수 있도록 합니다.' },
      { ko: '기초학력 보충', en: 'Basic Skills Catch-Up', targets: ['children', 'youth'], purposes: ['underprivileged'], sessions: [12, 20], hoursPerSession: 2, detail: '읽기와 셈하기에 어려움을 겪는 학습자를 위해 진단 평가로 부족한 부분을 찾고 개인별 맞춤 학습을 진행합니다.' },
    ],
    intros: [
      '{stem} 과정은 초등학교 과정을 마치지 못한 분들을 위해 국어, 수학, 사회, 과학의 기본 개념을 쉬운 말로 풀어 설명합니다.',
      '과목별 기출문제를 함께 풀어 보며 자주 나오는 유형과 답을 고르는 요령을 익힙니다.',
      '분수와 소수, 우리나라의 지리와 역사, 생활 속 과학 원리처럼 시험에 꼭 나오는 단원을 중심으로 수업합니다.',
      '매시간 배운 내용을 짧은 확인 문제로 점검하고, 이해가 부족한 부분은 다음 시간에 다시 짚어 드립니다.',
      '시험 접수 방법과 준비물, 시험 당일 유의 사항 등 응시에 필요한 절차도 담당자가 꼼꼼히 안내합니다.',
    ],
    outcomes: [
      '과정을 마치면 초졸 검정고시 응시나 학력인정 과정 진학에 필요한 과목별 기본 실력을 갖추게 됩니다.',
      '합격한 뒤에는 중졸 검정고시 준비반이나 중학 학력인정 과정으로 이어서 공부할 수 있습니다.',
      '오랫동안 미뤄 두었던 졸업의 꿈을 이루고, 배움에 대한 자신감을 되찾을 수 있습니다.',
    ],
  },
  {
    area: 'academic_credit',
    subcategory: 'secondary',
    stems: [
      { ko: '중졸 검정고시', en: 'Middle School Equivalency Exam Prep', targets: ['youth', 'elderly'], purposes: ['underprivileged'], sessions: [30, 48], hoursPerSession: 3, detail: '국어, 수학, 영어, 사회, 과학 필수 과목과 선택 과목을 과목별로 나눠 개념 정리와 기출문제 풀이를 병행합니다.' },
      { ko: '고졸 검정고시', en: 'High School Equivalency Exam Prep', targets: ['youth'], purposes: ['underprivileged'], sessions: [30, 48], hoursPerSession: 3, detail: '국어, 수학, 영어, 사회, 과학, 한국사 등 과목별 출제 범위를 정리하고 최근 기출문제를 반복해서 풉니다.' },
      { ko: '검정고시 수학', en: 'Maths for the Equivalency Exams', targets: ['youth'], purposes: ['underprivileged'], sessions: [12, 20], hoursPerSession: 2, detail: '방정식과 부등식, 함수와 그래프, 도형의 성질 등 점수 차이가 큰 단원을 유형별로 집중해서 연습합니다.' },
      { ko: '검정고시 영어', en: 'English for the Equivalency Exams', targets: ['youth'], purposes: ['underprivileged'], sessions: [12, 20], hoursPerSession: 2, detail: '시험에 자주 나오는 필수 어휘와 기본 문법을 정리하고, 짧은 지문을 빠르게 읽고 답을 찾는 독해 요령을 익힙니다.' },
      { ko: '검정고시 국어', en: 'Korean for the Equivalency Exams', targets: ['youth'], purposes: ['underprivileged'], sessions: [12, 20], hoursPerSession: 2, detail: '문학 작품 감상과 비문학 독해, 문법 문제를 기출 유형별로 나누어 풀며 답의 근거를 찾는 연습을 합니다.' },
      { ko: '검정고시 사회', en: 'Social Studies for the Equivalency Exams', targets: ['youth'], purposes: ['underprivileged'], sessions: [10, 16], hoursPerSession: 2, detail: '정치와 법, 경제, 지리 단원의 핵심 개념을 도표로 정리하고 기출문제에 나온 자료 해석 문제를 풀어 봅니다.' },
      { ko: '검정고시 과학', en: 'Science for the Equivalency Exams', targets: ['youth'], purposes: ['underprivileged'], sessions: [10, 16], hoursPerSession: 2, detail: '물리, 화학, 생명과학, 지구과학의 기본 개념을 그림과 실험 영상으로 이해하고 자주 나오는 문제를 풉니다.' },
      { ko: '검정고시 한국사', en: 'Korean History for the Equivalency Exams', targets: ['youth'], purposes: ['underprivileged'], sessions: [10, 16], hoursPerSession: 2, detail: '선사 시대부터 현대사까지 시대별 흐름을 연표로 정리하고 사건과 인물을 연결해 외우는 요령을 익힙니다.' },
      { ko: '검정고시 도덕', en: 'Ethics for the Equivalency Exams', targets: ['youth'], purposes: ['underprivileged'], sessions: [6, 10], hoursPerSession: 2, detail: '선택 과목으로 많이 고르는 도덕의 주요 개념과 사상가별 핵심 주장을 짧은 시간에 정리합니다.' },
      { ko: '고졸 검정고시 기출문제 풀이', en: 'High School Equivalency Past Papers', targets: ['youth'], purposes: ['underprivileged'], sessions: [8, 12], hoursPerSession: 3, detail: '최근 5개년 기출문제를 과목별로 풀고 틀린 문제를 오답 노트로 정리해 약한 단원을 보완합니다.' },
      { ko: '중졸 검정고시 모의고사', en: 'Middle School Equivalency Mock Exams', targets: ['youth', 'elderly'], purposes: ['underprivileged'], sessions: [4, 6], hoursPerSession: 3, detail: '시험 직전 실전과 같은 시간표로 모의고사를 치르고 과목별 점수를 분석해 마무리 학습 계획을 세웁니다.' },
      { ko: '방송통신고 학습 지원', en: 'Study Support for Broadcast Correspondence High School', targets: ['elderly', 'workers'], sessions: [12, 20], hoursPerSession: 2, detail: '방송통신고등학교 재학생을 위해 온라인 강의 내용을 보충 설명하고 출석 수업과 평가 준비를 돕습니다.' },
    ],
    intros: [
      '{stem} 과정에서는 중졸·고졸 검정고시 출제 범위를 과목별로 정리하고 핵심 개념을 단원 순서대로 짚어 갑니다.',
      '최근 몇 년간의 기출문제를 풀고 오답을 함께 분석하며 자주 나오는 유형에 익숙해지도록 합니다.',
      '수학은 방정식과 함수, 영어는 기본 문법과 독해처럼 점수 차이가 크게 나는 단원에 시간을 더 들여 집중적으로 연습합니다.',
      '시험을 앞두고는 실제와 같은 시간으로 모의고사를 치르고, 과목별 취약한 부분을 개인별로 짚어 드립니다.',
      '학교 밖 청소년부터 늦깎이 학습자까지 함께 공부하며, 학습 속도에 따라 보충 수업 시간을 따로 운영합니다.',
    ],
    outcomes: [
      '과정을 마치면 전 과목 평균 60점 이상이라는 합격 기준을 목표로 실전 감각을 갖추게 됩니다.',
      '합격 이후 대학 진학이나 자격증 취득, 취업 등 다음 진로를 설계하는 데 필요한 정보도 함께 얻을 수 있습니다.',
      '함께 공부하는 동료들과 서로 격려하며 끝까지 학습을 이어 가는 힘을 기를 수 있습니다.',
    ],
  },
  {
    area: 'academic_credit',
    subcategory: 'higher',
    stems: [
      { ko: '학점은행제 사회복지학', en: 'Social Welfare (Academic Credit Bank)', feeKrw: [210000, 300000], sessions: [15, 15], hoursPerSession: 3, credits: { type: 'credit_bank', credits: 3 }, detail: '사회복지학개론, 인간행동과 사회환경 등 사회복지사 2급 취득에 필요한 전공 과목을 학기 단위로 이수합니다.' },
      { ko: '독학학위 국어국문학', en: 'Self-Study Degree: Korean Language and Literature', feeKrw: [100000, 200000], sessions: [12, 16], hoursPerSession: 3, detail: '독학학위제 단계별 시험 과목인 국어학개론, 국문학개론 등의 출제 범위를 정리하고 예상 문제를 풉니다.' },
      { ko: '학점은행제 평생교육학', en: 'Lifelong Education (Academic Credit Bank)', feeKrw: [210000, 300000], sessions: [15, 15], hoursPerSession: 3, credits: { type: 'credit_bank', credits: 3 }, detail: '평생교육론, 평생교육방법론, 평생교육프로그램개발론 등 평생교육사 자격과 연계된 과목을 이수합니다.' },
      { ko: '시간제 등록 경영학', en: 'Business Administration (Part-Time Enrolment)', feeKrw: [250000, 400000], sessions: [15, 15], hoursPerSession: 3, credits: { type: 'credit_bank', credits: 3 }, detail: '대학 정규 강의를 시간제 등록생으로 함께 수강하며, 취득한 학점은 학점은행제 학위 취득에 활용할 수 있습니다.' },
      { ko: '평생교육사 양성', en: 'Lifelong Educator Training', purposes: ['local_leader'], feeKrw: [210000, 300000], sessions: [15, 15], hoursPerSession: 3, credits: { type: 'accredited', credits: 3 }, detail: '평생교육사 2급 자격에 필요한 필수 과목과 현장실습 요건을 안내하고, 실제 기관 사례로 프로그램 기획 실무를 익힙니다.' },
      { ko: '학점은행제 아동학', en: 'Child Studies (Academic Credit Bank)', feeKrw: [210000, 300000], sessions: [15, 15], hoursPerSession: 3, credits: { type: 'credit_bank', credits: 3 }, detail: '아동발달, 아동복지, 보육학개론 등 보육교사 자격 취득과 연계된 과목을 현장 사례와 함께 배웁니다.' },
      { ko: '학점은행제 상담심리학', en: 'Counselling Psychology (Academic Credit Bank)', feeKrw: [210000, 300000], sessions: [15, 15], hoursPerSession: 3, credits: { type: 'credit_bank', credits: 3 }, detail: '상담이론과 실제, 심리검사, 이상심리학 등의 과목으로 상담 분야 진출에 필요한 기초 역량을 쌓습니다.' },
      { ko: '학점은행제 한국어교육', en: 'Teaching Korean as a Foreign Language (Academic Credit Bank)', feeKrw: [210000, 300000], sessions: [15, 15], hoursPerSession: 3, credits: { type: 'credit_bank', credits: 3 }, detail: '한국어 문법 교육론, 한국어 발음 교육론 등 한국어교원 자격과 연계된 과목을 이수하고 모의 수업을 해 봅니다.' },
      { ko: '학점은행제 청소년학', en: 'Youth Studies (Academic Credit Bank)', feeKrw: [210000, 300000], sessions: [15, 15], hoursPerSession: 3, credits: { type: 'credit_bank', credits: 3 }, detail: '청소년 문화, 청소년 지도 방법론 등 청소년지도사 자격과 연계된 과목을 이수합니다.' },
      { ko: '보육학개론', en: 'Introduction to Early Childhood Care', feeKrw: [180000, 270000], sessions: [15, 15], hoursPerSession: 3, credits: { type: 'accredited', credits: 3 }, detail: '보육의 개념과 역사, 보육 정책과 현장의 실제를 다루는 보육교사 2급 필수 과목을 평가인정 학습과목으로 이수합니다.' },
      { ko: '독학학위 영어영문학', en: 'Self-Study Degree: English Language and Literature', feeKrw: [100000, 200000], sessions: [12, 16], hoursPerSession: 3, detail: '영어학개론, 영미문학개관 등 단계별 시험 과목을 정리하고 영문 독해와 서술형 답안 쓰기를 연습합니다.' },
      { ko: '시간제 등록 심리학개론', en: 'Introduction to Psychology (Part-Time Enrolment)', feeKrw: [250000, 400000], sessions: [15, 15], hoursPerSession: 3, credits: { type: 'credit_bank', credits: 3 }, detail: '감각과 지각, 학습과 기억, 성격과 정서 등 심리학의 주요 영역을 대학 강의로 폭넓게 배웁니다.' },
    ],
    intros: [
      '{stem} 과정은 학위 취득이나 자격 요건 충족을 목표로 하는 성인 학습자를 위한 대학 수준의 교과목입니다.',
      '전공 이론 강의와 함께 사례 분석, 발표, 토론을 병행하며 출석과 과제, 중간·기말 평가로 성적을 산출합니다.',
      '직장과 가정을 병행하는 학습자를 고려해 수업 일정을 편성하고, 일부 차시는 온라인 강의로 대체합니다.',
      '학점 인정 신청 방법, 전공별 이수 체계, 자격 취득에 필요한 필수 과목 등 학위 설계에 필요한 내용을 상담해 드립니다.',
      '현장 경험이 풍부한 교수진이 이론이 실제 현장에서 어떻게 쓰이는지 구체적인 사례를 들어 설명합니다.',
    ],
    outcomes: [
      '과목을 이수하면 학점은행제 등을 통해 학점을 인정받아 학위 취득에 한 걸음 다가설 수 있습니다.',
      '사회복지사, 평생교육사, 보육교사 등 관련 자격 취득에 필요한 과목 요건을 채울 수 있습니다.',
      '체계적인 전공 지식을 바탕으로 지금 일하는 분야에서 전문성을 높이거나 새로운 진로를 모색할 수 있습니다.',
    ],
  },

  // ───────────────────────────── 직업능력교육 ─────────────────────────────
  {
    area: 'vocational',
    subcategory: 'job_preparation',
    stems: [
      { ko: '1인 창업', en: 'Starting a Solo Business', purposes: ['business_startup'], sessions: [6, 10], hoursPerSession: 3, detail: '혼자서도 운영할 수 있는 사업 모델을 찾고, 사업자 등록과 세금 신고, 홍보까지 1인 사업자가 알아야 할 내용을 한 번에 정리합니다.' },
      { ko: '소자본 창업', en: 'Starting a Business on a Small Budget', purposes: ['business_startup'], sessions: [6, 10], hoursPerSession: 3, detail: '초기 비용을 줄이는 점포 구하기와 상권 분석, 창업 자금 지원 제도를 살펴보고 현실적인 자금 계획을 세웁니다.' },
      { ko: '온라인 쇼핑몰 창업', en: 'Starting an Online Store', purposes: ['business_startup'], feeKrw: [30000, 80000], sessions: [8, 12], hoursPerSession: 3, detail: '판매할 상품 선정부터 상세페이지 제작, 오픈마켓 입점, 배송과 고객 응대까지 온라인 판매의 전 과정을 실습합니다.' },
      { ko: '마을기업 창업', en: 'Starting a Village Enterprise', purposes: ['business_startup', 'belonging'], sessions: [6, 10], hoursPerSession: 3, detail: '주민이 함께 지역 자원을 활용해 수익을 내는 마을기업의 지정 요건과 운영 사례를 살펴보고 사업 구상을 다듬습니다.' },
      { ko: '사회적경제 창업', en: 'Starting a Social Economy Enterprise', purposes: ['business_startup'], sessions: [6, 10], hoursPerSession: 3, detail: '사회적기업, 협동조합, 마을기업의 차이를 알아보고 사회적 가치와 수익을 함께 추구하는 사업 모델을 설계합니다.' },
      { ko: '재취업 준비', en: 'Getting Back into Work', targets: ['unemployed', 'women'], sessions: [6, 10], hoursPerSession: 3, detail: '나의 경력과 강점을 정리하고 지역 일자리 동향을 살펴본 뒤, 지원할 분야를 정해 구직 계획을 세웁니다.' },
      { ko: '면접 코칭', en: 'Interview Coaching', targets: ['unemployed', 'youth'], sessions: [3, 6], hoursPerSession: 3, detail: '자주 나오는 면접 질문에 대한 답변을 준비하고, 모의 면접 영상을 함께 보며 말투와 태도를 다듬습니다.' },
      { ko: '이력서 작성', en: 'CV Writing', targets: ['unemployed'], sessions: [2, 4], hoursPerSession: 3, detail: '지원 분야에 맞게 경력과 자격을 정리하고, 경력 공백을 설명하는 방법까지 강사의 첨삭을 받아 이력서를 완성합니다.' },
      { ko: '협동조합 설립', en: 'Setting Up a Cooperative', purposes: ['business_startup'], sessions: [5, 8], hoursPerSession: 3, detail: '협동조합 기본법에 따른 설립 절차와 정관 작성, 조합원 모집과 총회 운영 방법을 사례와 함께 익힙니다.' },
      { ko: '창업 아이템 발굴', en: 'Finding a Business Idea', purposes: ['business_startup'], sessions: [4, 6], hoursPerSession: 3, detail: '생활 속 불편함에서 사업 아이디어를 찾고, 간단한 시장 조사와 고객 인터뷰로 아이디어의 가능성을 검증합니다.' },
      { ko: '공방 창업', en: 'Opening a Craft Studio', purposes: ['business_startup', 'commercialisation'], sessions: [6, 8], hoursPerSession: 3, detail: '취미로 익힌 공예 기술을 수업과 판매로 연결하는 공방 운영 방법, 원데이 클래스 기획과 가격 책정 요령을 배웁니다.' },
      { ko: '신중년 경력 전환', en: 'Midlife Career Change', targets: ['workers', 'unemployed'], sessions: [6, 10], hoursPerSession: 3, detail: '퇴직을 앞두었거나 이미 퇴직한 신중년이 그간의 경력을 돌아보고 새로운 일자리와 사회공헌 활동을 탐색합니다.' },
      { ko: '자기소개서 작성', en: 'Cover Letter Writing', targets: ['unemployed', 'youth'], sessions: [2, 4], hoursPerSession: 3, detail: '지원 동기와 직무 역량을 구체적인 경험으로 풀어 쓰는 방법을 익히고, 실제 채용 공고에 맞춰 자기소개서를 씁니다.' },
    ],
    intros: [
      '{stem} 과정은 새로운 일을 시작하려는 분들이 막연한 구상을 구체적인 실행 계획으로 바꿀 수 있도록 돕습니다.',
      '사업계획서, 이력서, 자기소개서처럼 실제로 제출할 서류를 수업 시간에 직접 작성하고 강사의 첨삭을 받습니다.',
      '모의 면접이나 사업 아이템 발표처럼 실전과 같은 상황을 연습하며 사람들 앞에서 말하는 부담을 줄입니다.',
      '현직 창업가와 기업 인사 담당자를 초청해 현장의 생생한 경험을 듣고 궁금한 점을 묻는 시간을 마련합니다.',
      '고용센터, 여성새로일하기센터, 창업지원센터 등 지역 지원 기관과 정부 지원 사업을 함께 안내합니다.',
      '수강생끼리 계획을 발표하고 서로 의견을 주고받으며 아이디어와 목표를 다듬어 갑니다.',
    ],
    outcomes: [
      '과정을 마치면 나에게 맞는 진로 방향과 구체적인 실행 계획을 갖게 됩니다.',
      '완성한 사업계획서나 이력서를 실제 지원 사업 공모와 구직 활동에 바로 활용할 수 있습니다.',
      '같은 목표를 가진 수강생들과 정보를 나누는 관계망이 생겨 준비 과정이 한결 든든해집니다.',
      '수료생에게는 지역 창업 공간 입주나 일자리 연계 프로그램 참여 기회를 안내해 드립니다.',
    ],
  },
  {
    area: 'vocational',
    subcategory: 'certification',
    stems: [
      { ko: '바리스타 2급 자격증', en: 'Barista Level 2 Certificate', feeKrw: [150000, 300000], sessions: [10, 12], hoursPerSession: 3, materials: '실습 재료비 5만 원 별도', detail: '원두의 특성과 에스프레소 추출, 우유 스티밍과 라떼아트까지 실기 시험 과제를 단계별로 연습하고 필기 이론을 정리합니다.' },
      { ko: '제과제빵기능사', en: 'Confectionery and Bread Baking Certificate', feeKrw: [200000, 350000], sessions: [16, 24], hoursPerSession: 4, materials: '재료비 별도(회당 약 1만 원)', detail: '실기 시험 품목의 배합표 계산, 반죽과 발효, 성형과 굽기를 반복 연습하며 위생 관리 기준도 함께 익힙니다.' },
      { ko: '한식조리기능사', en: 'Korean Cuisine Cook Certificate', feeKrw: [200000, 350000], sessions: [16, 24], hoursPerSession: 4, materials: '식재료비 별도', detail: '재료 썰기와 칼 다루기부터 시작해 출제 품목 두 가지를 제한 시간 안에 완성하는 실전 연습을 합니다.' },
      { ko: '요양보호사', en: 'Certified Care Worker Training', feeKrw: [400000, 700000], sessions: [40, 40], hoursPerSession: 8, detail: '이론, 실기, 현장실습으로 이루어진 320시간 표준교육과정을 이수하고 요양보호사 국가시험에 대비합니다.' },
      { ko: '컴퓨터활용능력 2급', en: 'Computer Proficiency Certificate Level 2', feeKrw: [50000, 120000], sessions: [12, 16], hoursPerSession: 3, detail: '스프레드시트 함수와 차트, 피벗 테이블, 매크로 등 실기 출제 유형을 반복 연습하고 필기 기출문제도 함께 풉니다.' },
      { ko: 'ITQ 엑셀', en: 'ITQ Excel', feeKrw: [30000, 80000], sessions: [8, 12], hoursPerSession: 3, detail: '표 작성과 서식, 함수, 필터와 피벗 테이블, 차트 등 ITQ 엑셀 시험의 출제 유형을 기출문제로 반복 연습합니다.' },
      { ko: '전산회계 2급', en: 'Computerised Accounting Level 2', feeKrw: [50000, 120000], sessions: [12, 20], hoursPerSession: 3, detail: '회계 원리와 분개의 기초를 익히고 케이렙(KcLep) 프로그램으로 전표 입력과 결산 실무를 연습합니다.' },
      { ko: '방과후 지도사', en: 'After-School Instructor Certificate', targets: ['women', 'unemployed'], feeKrw: [100000, 200000], sessions: [10, 12], hoursPerSession: 3, detail: '방과후 교실 운영 방법과 아동 발달 이해, 수업 지도안 작성을 배우고 민간 자격 시험을 준비합니다.' },
      { ko: '드론 조종 자격', en: 'Drone Pilot Certification', feeKrw: [150000, 400000], sessions: [8, 12], hoursPerSession: 3, detail: '항공 법규와 비행 원리를 배우고 시뮬레이터와 실제 기체로 이착륙, 제자리 비행, 비상 조치를 연습합니다.' },
      { ko: '미용사(네일)', en: 'Nail Technician Certificate', feeKrw: [200000, 400000], sessions: [16, 24], hoursPerSession: 3, materials: '네일 재료 키트 별도 구입', detail: '손·발 관리와 젤 네일, 인조 네일 등 미용사(네일) 실기 과제를 과정별로 익히고 위생 기준에 맞춰 연습합니다.' },
      { ko: 'GTQ 포토샵', en: 'GTQ Photoshop', feeKrw: [30000, 80000], sessions: [8, 12], hoursPerSession: 3, detail: '이미지 합성, 색상 보정, 문자 효과 등 GTQ 시험 문항 유형을 따라가며 포토샵 기본 기능을 차근차근 익힙니다.' },
      { ko: '정리수납 전문가 2급', en: 'Professional Organiser Level 2', targets: ['women', 'unemployed'], feeKrw: [100000, 200000], sessions: [8, 10], hoursPerSession: 3, detail: '옷장, 주방, 아이 방 등 공간별 정리 원칙과 수납 도구 활용법을 배우고 실제 공간을 정리하는 실습을 합니다.' },
      { ko: '공인중개사 기초', en: 'Real Estate Agent Licence Foundations', feeKrw: [50000, 150000], sessions: [12, 16], hoursPerSession: 3, detail: '부동산학개론과 민법의 핵심 개념을 정리하고 1차 시험 기출문제로 출제 경향을 파악합니다.' },
      { ko: '지게차 운전기능사', en: 'Forklift Operator Certificate', targets: ['unemployed'], feeKrw: [200000, 400000], sessions: [6, 10], hoursPerSession: 4, detail: '지게차의 구조와 안전 수칙을 익히고 실기 시험 코스에서 화물 적재와 전진·후진 주행을 반복 연습합니다.' },
    ],
    intros: [
      '{stem} 과정은 자격시험의 필기와 실기 출제 기준에 맞춰 구성되어 시험 준비를 체계적으로 할 수 있습니다.',
      '실기 과제를 실제 시험과 같은 조건에서 반복 연습하며, 제한 시간 안에 완성하는 요령과 감점 요인을 꼼꼼히 짚어 드립니다.',
      '필기 대비를 위해 과목별 핵심 이론을 정리하고 기출문제를 풀어 보며 출제 경향을 파악합니다.',
      '현업 경력을 갖춘 강사가 합격에 그치지 않고 현장에서 바로 쓸 수 있는 실무 요령까지 함께 전해 드립니다.',
      '시험 일정과 원서 접수 방법, 응시료 등 자격 취득에 필요한 절차도 수업 중에 안내합니다.',
    ],
    outcomes: [
      '과정을 마치면 자격시험에 응시할 수 있는 실력을 갖추고, 합격 후 관련 분야 취업과 창업을 준비할 수 있습니다.',
      '자격증 취득으로 경력이 끊겼던 분도 다시 일할 수 있는 구체적인 발판을 마련하게 됩니다.',
      '같은 시험을 준비하는 수강생들과 스터디를 이어 가며 끝까지 합격을 향해 함께 나아갈 수 있습니다.',
    ],
  },
  {
    area: 'vocational',
    subcategory: 'on_the_job',
    stems: [
      { ko: '엑셀 실무', en: 'Excel for Work', targets: ['workers'], feeKrw: [20000, 50000], sessions: [6, 10], hoursPerSession: 3, detail: 'VLOOKUP, SUMIFS 같은 실무 함수와 피벗 테이블, 조건부 서식으로 매출·재고 자료를 정리하고 분석합니다.' },
      { ko: '파워포인트 실무', en: 'PowerPoint for Work', targets: ['workers'], feeKrw: [20000, 50000], sessions: [6, 8], hoursPerSession: 3, detail: '한눈에 들어오는 슬라이드 구성과 도해, 차트 만들기를 익혀 보고서와 발표 자료를 직접 완성합니다.' },
      { ko: '생성형 AI 업무 활용', en: 'Generative AI at Work', targets: ['workers'], sessions: [4, 8], hoursPerSession: 3, detail: '챗GPT 같은 생성형 AI로 문서 초안을 쓰고 자료를 요약하고 아이디어를 정리하는 방법과 사용할 때 주의할 점을 실습합니다.' },
      { ko: 'SNS 마케팅', en: 'Social Media Marketing', sessions: [6, 8], hoursPerSession: 3, detail: '인스타그램과 블로그 계정을 운영 목적에 맞게 꾸미고, 눈길을 끄는 게시물 사진과 문구 작성법을 익힙니다.' },
      { ko: '유튜브 영상 편집', en: 'YouTube Video Editing', feeKrw: [20000, 50000], sessions: [6, 10], hoursPerSession: 3, detail: '스마트폰으로 찍은 영상을 편집 앱으로 자르고 자막과 배경음악을 넣어 짧은 홍보 영상을 완성합니다.' },
      { ko: '소상공인 세무', en: 'Tax Basics for Small Business Owners', sessions: [3, 5], hoursPerSession: 2, detail: '부가가치세와 종합소득세 신고 일정, 간이과세자와 일반과세자의 차이, 홈택스 신고 방법을 사례로 배웁니다.' },
      { ko: '스마트스토어 운영', en: 'Running a Naver Smart Store', purposes: ['business_startup'], sessions: [6, 8], hoursPerSession: 3, detail: '네이버 스마트스토어 개설부터 상품 등록, 상세페이지 작성, 주문과 정산 관리까지 실제 화면으로 따라 합니다.' },
      { ko: '노션 업무 관리', en: 'Managing Work with Notion', targets: ['workers'], sessions: [4, 6], hoursPerSession: 2, detail: '노션으로 할 일 목록과 업무 일지, 팀 공유 페이지를 만들어 흩어진 업무를 한곳에서 관리하는 법을 익힙니다.' },
      { ko: '비즈니스 글쓰기', en: 'Business Writing', targets: ['workers'], sessions: [4, 6], hoursPerSession: 2, detail: '보고서, 기획서, 업무 메일을 목적에 맞게 간결하고 정확하게 쓰는 요령을 첨삭 실습으로 익힙니다.' },
      { ko: '고객 응대 서비스', en: 'Customer Service Skills', sessions: [3, 5], hoursPerSession: 2, detail: '상황별 고객 응대 화법과 불만 고객 대처법을 역할극으로 연습하고, 감정 노동으로 지친 마음을 돌보는 방법도 다룹니다.' },
      { ko: '캔바 디자인', en: 'Design with Canva', sessions: [4, 6], hoursPerSession: 2, detail: '캔바의 템플릿으로 전단지, 카드뉴스, SNS 홍보 이미지를 직접 만들어 보며 기본 디자인 원칙을 익힙니다.' },
      { ko: '라이브커머스', en: 'Live Commerce', purposes: ['business_startup'], sessions: [4, 6], hoursPerSession: 3, detail: '스마트폰 하나로 라이브 방송을 준비하고 진행하는 방법, 상품을 돋보이게 소개하는 말하기와 연출 요령을 실습합니다.' },
      { ko: '소상공인 노무 관리', en: 'Employment Law Basics for Small Businesses', sessions: [3, 4], hoursPerSession: 2, detail: '근로계약서 작성, 주휴수당과 4대 보험, 최저임금 등 직원을 고용할 때 꼭 알아야 할 노무 상식을 정리합니다.' },
    ],
    intros: [
      '{stem} 과정은 실제 업무에서 자주 쓰는 기능을 중심으로 구성되어 배운 내용을 다음 날 바로 업무에 적용할 수 있습니다.',
      '수강생이 평소 다루는 보고서, 매출 자료, 홍보물 같은 실제 업무 자료를 예제로 삼아 실습합니다.',
      '강사의 시연을 본 뒤 각자 노트북이나 교육장 PC로 따라 해 보고, 막히는 부분은 그 자리에서 질문해 해결합니다.',
      '반복 작업을 줄이는 요령과 업무 시간을 아껴 주는 도구 활용법처럼 현장에서 바로 효과를 볼 수 있는 팁을 함께 다룹니다.',
      '회차마다 작은 결과물을 완성하도록 과제를 구성해, 과정이 끝나면 실무에 쓸 수 있는 나만의 자료가 쌓입니다.',
    ],
    outcomes: [
      '과정을 마치면 업무 처리 속도와 완성도가 눈에 띄게 높아집니다.',
      '새로운 디지털 도구를 두려움 없이 업무에 들여올 수 있는 자신감을 얻게 됩니다.',
      '소상공인과 자영업자는 큰 비용을 들이지 않고도 홍보와 운영 관리를 직접 해낼 수 있게 됩니다.',
      '비슷한 고민을 가진 수강생들과 업무 노하우를 나누며 든든한 동료 관계를 만들 수 있습니다.',
    ],
  },

  // ───────────────────────────── 문화예술교육 ─────────────────────────────
  {
    area: 'culture_arts',
    subcategory: 'leisure_sports',
    stems: [
      { ko: '요가', en: 'Yoga', feeKrw: [30000, 60000], sessions: [12, 24], hoursPerSession: 1, materials: '개인 요가 매트 지참', detail: '호흡에 맞춰 기본 자세를 하나씩 익히며 굳은 어깨와 허리를 풀고 몸의 균형을 되찾습니다.' },
      { ko: '필라테스', en: 'Pilates', feeKrw: [40000, 80000], sessions: [12, 24], hoursPerSession: 1, materials: '개인 매트 지참', detail: '매트와 소도구를 활용해 코어 근육을 강화하고 바른 자세를 만드는 동작을 단계별로 익힙니다.' },
      { ko: '걷기 명상', en: 'Walking Meditation', sessions: [6, 10], hoursPerSession: 2, detail: '발바닥 감각과 호흡에 집중하며 천천히 걷는 법을 배우고, 가까운 공원과 숲길을 함께 걸어 봅니다.' },
      { ko: '탁구', en: 'Table Tennis', feeKrw: [30000, 60000], sessions: [12, 20], hoursPerSession: 2, detail: '라켓 잡는 법과 포핸드·백핸드 기본기를 익힌 뒤 서브와 랠리를 연습하고 간단한 복식 경기까지 해 봅니다.' },
      { ko: '배드민턴', en: 'Badminton', feeKrw: [30000, 60000], sessions: [12, 20], hoursPerSession: 2, detail: '그립과 풋워크, 하이클리어와 드롭샷 등 기본 기술을 익히고 복식 경기 규칙과 자리 잡는 법을 배웁니다.' },
      { ko: '생활 댄스', en: 'Social Dance', feeKrw: [30000, 60000], sessions: [12, 20], hoursPerSession: 2, detail: '자이브, 차차차, 룸바 등 신나는 음악에 맞춘 기본 스텝을 익히며 즐겁게 체력을 기릅니다.' },
      { ko: '라인댄스', en: 'Line Dancing', feeKrw: [30000, 60000], sessions: [12, 20], hoursPerSession: 2, detail: '짝 없이 줄을 맞춰 추는 라인댄스의 기본 스텝을 익히고 매달 새로운 곡으로 한 작품씩 완성합니다.' },
      { ko: '파크골프', en: 'Park Golf', targets: ['elderly'], feeKrw: [20000, 50000], sessions: [8, 12], hoursPerSession: 2, materials: '클럽은 교육장에서 대여 가능', detail: '파크골프의 규칙과 예절, 스윙 기본자세를 배우고 인근 파크골프장에서 직접 라운딩을 해 봅니다.' },
      { ko: '등산 안전', en: 'Safe Hiking', sessions: [4, 6], hoursPerSession: 3, detail: '등산 장비 고르는 법과 산행 전 몸풀기, 길을 잃거나 다쳤을 때의 응급 대처법을 배우고 가까운 산에서 실습합니다.' },
      { ko: '줌바', en: 'Zumba', feeKrw: [30000, 60000], sessions: [12, 24], hoursPerSession: 1, detail: '라틴 음악에 맞춰 쉬운 동작부터 따라 하며 땀 흘리는 유산소 운동으로 스트레스를 날립니다.' },
      { ko: '건강 체조', en: 'Gentle Exercise for Health', targets: ['elderly'], sessions: [12, 24], hoursPerSession: 1, detail: '의자와 밴드를 활용한 관절 체조와 낙상 예방을 위한 균형 운동을 생활 속에서 따라 하기 쉽게 배웁니다.' },
      { ko: '스트레칭과 근력 운동', en: 'Stretching and Strength Training', feeKrw: [20000, 50000], sessions: [12, 20], hoursPerSession: 1, detail: '맨몸과 탄력 밴드로 집에서도 할 수 있는 근력 운동과, 거북목과 굽은 어깨를 풀어 주는 스트레칭을 익힙니다.' },
      { ko: '태극권', en: 'Tai Chi', sessions: [12, 20], hoursPerSession: 1, detail: '느리고 부드러운 동작을 호흡에 맞춰 이어 가며 관절을 보호하고 균형 감각과 집중력을 기릅니다.' },
    ],
    intros: [
      '{stem} 수업은 준비 운동으로 몸을 충분히 푼 뒤 본 운동과 마무리 정리 운동 순서로 진행합니다.',
      '기본자세와 동작을 정확히 익히는 데 중점을 두어 무리 없이 운동 효과를 높일 수 있도록 지도합니다.',
      '개인의 체력과 유연성에 맞춰 동작의 강도를 조절하므로 운동을 오래 쉬었던 분도 편안하게 따라오실 수 있습니다.',
      '관절과 허리에 부담을 주지 않는 바른 자세와 부상을 예방하는 요령도 매시간 함께 짚어 드립니다.',
      '{stem} 강좌는 바쁜 일상 속에서 꾸준히 몸을 움직이는 습관을 만들고 싶은 분들을 위해 마련했습니다.',
    ],
    outcomes: [
      '꾸준히 참여하면 근력과 유연성, 균형 감각이 좋아지고 일상의 활력이 되살아납니다.',
      '집에서도 혼자 할 수 있는 운동 방법을 익혀 수업이 끝난 뒤에도 건강 관리를 이어 갈 수 있습니다.',
      '함께 땀 흘리며 이웃과 가까워지고, 수료 후에는 생활체육 동호회나 학습동아리로 활동을 넓힐 수 있습니다.',
    ],
  },
  {
    area: 'culture_arts',
    subcategory: 'everyday_arts',
    stems: [
      { ko: '캘리그라피', en: 'Calligraphy', feeKrw: [30000, 60000], sessions: [8, 12], hoursPerSession: 2, materials: '붓펜과 화선지 등 재료비 2만 원 별도', detail: '붓펜으로 자음과 모음의 기본 획을 연습한 뒤, 좋아하는 글귀를 엽서와 액자 작품으로 완성합니다.' },
      { ko: '사진 촬영', en: 'Photography', feeKrw: [30000, 60000], sessions: [8, 12], hoursPerSession: 2, materials: '개인 카메라 지참', detail: '구도와 빛, 노출의 기본 원리를 익히고 인물과 풍경 사진을 직접 찍어 보며 서로의 작품을 함께 살펴봅니다.' },
      { ko: '스마트폰 사진', en: 'Smartphone Photography', sessions: [6, 8], hoursPerSession: 2, detail: '스마트폰 카메라 기능과 구도 잡는 요령을 익히고, 보정 앱으로 사진을 다듬어 나만의 앨범을 만듭니다.' },
      { ko: '가죽 공예', en: 'Leather Craft', purposes: ['commercialisation'], feeKrw: [40000, 80000], sessions: [6, 10], hoursPerSession: 2, materials: '가죽과 부자재 재료비 3만 원 별도', detail: '가죽 재단과 바느질, 마감 처리를 배우며 카드 지갑, 키링, 작은 파우치를 차례로 만들어 봅니다.' },
      { ko: '도자기 공예', en: 'Pottery', purposes: ['commercialisation'], feeKrw: [40000, 80000], sessions: [8, 12], hoursPerSession: 2, materials: '흙값과 가마 소성비 별도', detail: '손으로 흙을 빚는 핸드빌딩 기법으로 그릇과 컵을 만들고, 유약을 입혀 가마에 구워 완성합니다.' },
      { ko: '천연 비누 만들기', en: 'Natural Soap Making', purposes: ['commercialisation'], feeKrw: [20000, 40000], sessions: [4, 8], hoursPerSession: 2, materials: '재료비 1만 원 별도', detail: 'CP 비누와 MP 비누의 차이를 알아보고 천연 오일과 허브를 배합해 피부 타입별 비누를 직접 만듭니다.' },
      { ko: '한식 요리', en: 'Korean Home Cooking', feeKrw: [30000, 60000], sessions: [6, 10], hoursPerSession: 3, materials: '식재료비 별도', detail: '제철 재료로 밑반찬과 국, 일품요리를 만들며 양념 비율과 재료 손질법 등 집밥의 기본을 익힙니다.' },
      { ko: '홈베이킹', en: 'Home Baking', purposes: ['commercialisation'], feeKrw: [30000, 60000], sessions: [6, 10], hoursPerSession: 3, materials: '재료비 별도', detail: '가정용 오븐으로 쿠키, 머핀, 파운드케이크, 식빵을 구우며 반죽과 발효의 기본 원리를 배웁니다.' },
      { ko: '꽃꽂이', en: 'Flower Arranging', feeKrw: [30000, 50000], sessions: [6, 10], hoursPerSession: 2, materials: '생화 재료비 별도', detail: '제철 꽃의 특징과 손질법을 배우고 꽃바구니, 센터피스, 핸드타이드 꽃다발을 만들어 봅니다.' },
      { ko: '목공 DIY', en: 'DIY Woodworking', feeKrw: [40000, 80000], sessions: [6, 10], hoursPerSession: 3, materials: '목재 재료비 별도', detail: '톱과 드릴, 샌더 같은 공구를 안전하게 다루는 법을 익히고 도마, 수납함, 작은 선반을 직접 만듭니다.' },
      { ko: '뜨개질', en: 'Knitting', feeKrw: [20000, 40000], sessions: [8, 12], hoursPerSession: 2, materials: '실과 바늘은 개인 준비', detail: '대바늘과 코바늘의 기본 뜨기를 익히고 목도리, 수세미, 가방처럼 쓰임새 있는 소품을 떠 봅니다.' },
      { ko: '프랑스 자수', en: 'French Embroidery', feeKrw: [20000, 40000], sessions: [8, 12], hoursPerSession: 2, materials: '자수 재료 키트 1만 5천 원 별도', detail: '기본 스티치 열 가지를 익혀 손수건과 파우치, 자수틀 액자에 꽃과 글씨를 수놓아 봅니다.' },
      { ko: '한지 공예', en: 'Hanji Paper Craft', feeKrw: [20000, 40000], sessions: [6, 10], hoursPerSession: 2, materials: '한지와 재료비 별도', detail: '전통 한지의 특성을 알아보고 한지를 붙이고 오려 보석함, 조명갓, 부채 같은 생활 소품을 만듭니다.' },
      { ko: '반려식물 가꾸기', en: 'Caring for Houseplants', sessions: [4, 8], hoursPerSession: 2, materials: '화분과 흙 재료비 별도', detail: '키우기 쉬운 실내 식물의 물 주기와 분갈이, 번식 방법을 배우고 나만의 작은 화분 정원을 꾸밉니다.' },
    ],
    intros: [
      '{stem} 수업은 재료와 도구를 다루는 기본기부터 익힌 뒤, 매 회차 하나의 결과물을 직접 완성해 보는 방식으로 진행합니다.',
      '강사의 시연을 가까이에서 보고 바로 따라 하며, 손이 익숙하지 않은 분은 강사가 곁에서 한 단계씩 도와 드립니다.',
      '계절과 절기에 어울리는 주제를 정해 작업하므로 회차마다 새로운 즐거움을 느낄 수 있습니다.',
      '재료 고르는 법과 집에서 구하기 쉬운 도구로 대신하는 요령까지 알려 드려 수업 밖에서도 혼자 해 볼 수 있습니다.',
      '직접 만든 것은 집에 가져가 생활 속에서 쓰거나 가족, 이웃과 나눌 수 있습니다.',
      '{stem}에 관심은 있었지만 어디서부터 시작해야 할지 몰랐던 분들이 부담 없이 첫발을 뗄 수 있는 생활 예술 강좌입니다.',
    ],
    outcomes: [
      '손으로 무언가를 만들어 내는 성취감을 느끼며 일상에 작은 여유와 즐거움을 더할 수 있습니다.',
      '기초 기법을 충분히 익혀 수료 후에도 혼자서 작업을 이어 갈 수 있습니다.',
      '작품이 쌓이면 평생학습축제 전시나 플리마켓에 참여할 수 있고, 분야에 따라서는 공방 운영이나 소규모 판매로 발전시킬 수도 있습니다.',
    ],
  },
  {
    area: 'culture_arts',
    subcategory: 'arts_advancement',
    stems: [
      { ko: '수채화', en: 'Watercolour Painting', feeKrw: [30000, 60000], sessions: [10, 12], hoursPerSession: 2, materials: '개인 화구 지참', detail: '물 조절과 번지기, 겹쳐 칠하기 같은 기법을 익혀 정물과 풍경을 맑은 색감으로 그려 냅니다.' },
      { ko: '민화', en: 'Korean Folk Painting (Minhwa)', feeKrw: [30000, 60000], sessions: [10, 12], hoursPerSession: 2, materials: '한지와 분채 등 재료비 별도', detail: '모란도, 책거리, 까치호랑이 등 전통 민화를 본뜨고 채색하며 선 긋기와 바림 기법을 익힙니다.' },
      { ko: '서예', en: 'Traditional Brush Calligraphy', feeKrw: [20000, 50000], sessions: [10, 16], hoursPerSession: 2, materials: '붓, 먹, 벼루 등 문방사우 개인 지참', detail: '먹 가는 법과 붓 잡는 자세부터 시작해 한글 궁체와 한문 해서의 기본 획을 차근차근 익힙니다.' },
      { ko: '우쿨렐레', en: 'Ukulele', feeKrw: [30000, 50000], sessions: [10, 12], hoursPerSession: 2, materials: '개인 악기 지참(대여 가능)', detail: '기본 코드와 스트로크 주법을 익혀 동요와 가요를 반주하고, 함께 합주하는 즐거움을 느낍니다.' },
      { ko: '통기타', en: 'Acoustic Guitar', feeKrw: [30000, 50000], sessions: [10, 12], hoursPerSession: 2, materials: '개인 악기 지참', detail: '코드 잡는 법과 다양한 리듬 주법을 익혀 7080 포크송부터 요즘 가요까지 노래와 함께 연주합니다.' },
      { ko: '합창', en: 'Choir', sessions: [12, 24], hoursPerSession: 2, detail: '발성과 호흡을 기초부터 다지고 파트별 연습과 전체 합창을 거쳐 아름다운 화음을 만들어 갑니다.' },
      { ko: '오카리나', en: 'Ocarina', feeKrw: [20000, 40000], sessions: [10, 12], hoursPerSession: 2, materials: '오카리나 개인 구입(약 3만 원)', detail: '운지법과 호흡법을 익혀 동요와 가곡을 연주하고, 학기 말에는 앙상블 연주에 도전합니다.' },
      { ko: '연극', en: 'Drama', sessions: [12, 16], hoursPerSession: 2, detail: '몸 풀기와 발성, 즉흥극으로 표현력을 기르고 수강생이 함께 만든 짧은 작품을 무대에 올립니다.' },
      { ko: '시 창작', en: 'Poetry Writing', sessions: [8, 12], hoursPerSession: 2, detail: '좋은 시를 함께 읽고 일상의 장면을 시어로 옮기는 연습을 하며, 합평으로 자신의 시를 다듬어 갑니다.' },
      { ko: '웹툰 그리기', en: 'Webtoon Drawing', feeKrw: [30000, 60000], sessions: [8, 12], hoursPerSession: 2, materials: '태블릿은 교육장에서 대여 가능', detail: '캐릭터 설정과 콘티 짜기, 태블릿 드로잉 앱 사용법을 익혀 네 컷 분량의 짧은 웹툰을 완성합니다.' },
      { ko: '어반스케치', en: 'Urban Sketching', feeKrw: [30000, 50000], sessions: [8, 12], hoursPerSession: 2, materials: '펜과 휴대용 물감 개인 지참', detail: '펜과 휴대용 물감을 들고 동네 골목과 건물을 현장에서 빠르게 스케치하고 채색하는 방법을 배웁니다.' },
      { ko: '보태니컬 아트', en: 'Botanical Art', feeKrw: [30000, 60000], sessions: [10, 12], hoursPerSession: 2, materials: '유성 색연필 개인 지참', detail: '색연필로 꽃과 잎, 열매를 세밀하게 관찰하고 명암과 질감을 살려 사실적으로 그려 봅니다.' },
      { ko: '칼림바', en: 'Kalimba', feeKrw: [20000, 40000], sessions: [8, 10], hoursPerSession: 2, materials: '칼림바 개인 지참', detail: '엄지로 음판을 튕기는 칼림바의 기본 주법과 숫자 악보 읽는 법을 익혀 쉬운 곡부터 연주합니다.' },
      { ko: '판소리', en: 'Pansori', sessions: [10, 16], hoursPerSession: 2, detail: '춘향가와 흥부가의 대표 대목을 한 소절씩 따라 부르며 우리 소리의 발성과 장단을 몸으로 익힙니다.' },
    ],
    intros: [
      '{stem} 과정에서는 기본기를 탄탄히 다진 뒤 한 편의 작품을 완성해 가는 과정을 단계별로 경험합니다.',
      '매시간 강사의 시범과 개별 지도가 이어지며, 각자의 수준과 개성에 맞춰 표현의 폭을 넓혀 갑니다.',
      '좋은 작품과 연주를 함께 감상하고 이야기 나누며 작품을 보는 눈과 표현하는 감각을 함께 기릅니다.',
      '혼자 연습하는 시간과 함께 맞춰 보는 시간을 고루 배치해 서로의 작업에서 배우는 기회를 만듭니다.',
      '학기 말에는 작은 발표회나 전시회를 열어 그동안 쌓은 실력을 가족과 이웃 앞에서 선보입니다.',
    ],
    outcomes: [
      '꾸준한 연습으로 한 편의 작품이나 무대를 완성하는 성취감을 맛볼 수 있습니다.',
      '예술로 자신을 표현하는 즐거움을 알게 되고 삶에 새로운 활력을 얻습니다.',
      '수료 후에는 학습동아리로 활동을 이어 가며 지역 축제의 공연과 전시에 참여할 수 있습니다.',
      '실력이 쌓이면 주민 강사나 재능 나눔 활동으로 배움을 이웃과 나눌 수 있습니다.',
    ],
  },

  // ───────────────────────────── 인문교양교육 ─────────────────────────────
  {
    area: 'liberal_arts',
    subcategory: 'health_mind',
    stems: [
      { ko: '마음 건강 상담', en: 'Mental Wellbeing and Counselling', sessions: [6, 8], hoursPerSession: 2, detail: '우울과 불안, 분노 같은 감정을 알아차리는 법을 배우고 전문 상담사와 함께 나의 마음 상태를 점검합니다.' },
      { ko: '부모 교육', en: 'Parenting Education', targets: ['parents'], sessions: [4, 8], hoursPerSession: 2, detail: '자녀의 발달 단계별 특징을 이해하고 훈육과 칭찬의 균형, 건강한 애착 관계를 만드는 방법을 배웁니다.' },
      { ko: '자녀 대화법', en: 'Talking with Your Children', targets: ['parents'], sessions: [4, 6], hoursPerSession: 2, detail: '공감하며 듣기, 나-전달법처럼 자녀의 마음을 여는 대화 기술을 역할극으로 연습합니다.' },
      { ko: '치매 예방', en: 'Dementia Prevention', targets: ['elderly'], sessions: [8, 12], hoursPerSession: 2, detail: '치매의 초기 증상과 예방 수칙을 알아보고 두뇌를 자극하는 인지 활동과 손 운동을 함께 해 봅니다.' },
      { ko: '생애 설계', en: 'Life Planning', targets: ['workers', 'elderly'], sessions: [4, 8], hoursPerSession: 2, detail: '일, 건강, 재무, 관계, 여가 영역에서 지나온 삶을 돌아보고 앞으로의 인생 계획을 구체적으로 세웁니다.' },
      { ko: '웰다잉', en: 'Preparing for a Good Death (Well-Dying)', targets: ['elderly'], sessions: [4, 8], hoursPerSession: 2, detail: '삶의 마무리를 준비하는 의미를 생각해 보고 사전연명의료의향서와 유언장, 엔딩 노트 작성법을 알아봅니다.' },
      { ko: '명상과 마음챙김', en: 'Meditation and Mindfulness', sessions: [6, 10], hoursPerSession: 2, detail: '호흡 명상, 바디스캔, 감정 일기 쓰기로 지금 이 순간에 머무르며 마음을 고요히 하는 연습을 합니다.' },
      { ko: '스트레스 관리', en: 'Stress Management', targets: ['workers'], sessions: [3, 6], hoursPerSession: 2, detail: '스트레스 자가 진단으로 나의 상태를 살피고, 이완 호흡과 시간 관리 등 생활 속 대처 방법을 익힙니다.' },
      { ko: '갱년기 건강', en: 'Health Through Menopause', targets: ['women'], sessions: [4, 6], hoursPerSession: 2, detail: '갱년기에 찾아오는 몸과 마음의 변화를 이해하고 식습관, 운동, 수면 관리 요령을 전문가와 함께 알아봅니다.' },
      { ko: '두뇌 건강 놀이', en: 'Brain Health Games', targets: ['elderly'], sessions: [8, 12], hoursPerSession: 2, detail: '숫자 퍼즐, 기억력 카드, 손 유희 같은 놀이 활동으로 기억력과 집중력을 즐겁게 자극합니다.' },
      { ko: '사춘기 자녀 이해', en: 'Understanding Your Teenager', targets: ['parents'], sessions: [3, 5], hoursPerSession: 2, detail: '청소년기의 뇌 발달과 심리적 특성을 이해하고, 갈등 상황에서도 관계를 지키는 부모의 말과 태도를 배웁니다.' },
      { ko: '건강한 식생활', en: 'Healthy Eating', sessions: [4, 6], hoursPerSession: 2, detail: '영양 성분표 읽는 법과 나트륨·당류 줄이기, 균형 잡힌 한 끼 차림을 영양사와 함께 알아봅니다.' },
      { ko: '그림책 테라피', en: 'Picture Book Therapy', sessions: [6, 8], hoursPerSession: 2, detail: '어른을 위한 그림책을 함께 읽고 떠오르는 기억과 감정을 나누며 지친 마음을 다독입니다.' },
    ],
    intros: [
      '{stem} 과정은 몸과 마음의 건강을 스스로 돌보는 방법을 배우고, 일상 속 고민을 함께 나누는 시간으로 꾸며집니다.',
      '전문 강사의 강의와 함께 소그룹 대화, 자기 점검 활동지 작성 같은 참여형 활동으로 나를 돌아봅니다.',
      '스트레스와 감정을 다루는 법, 가족과 건강하게 소통하는 법처럼 생활에 바로 적용할 수 있는 내용을 다룹니다.',
      '수업에서 나눈 이야기는 밖으로 전하지 않는 것을 원칙으로 하여 누구나 안심하고 마음을 열 수 있는 분위기를 만듭니다.',
      '필요한 경우 정신건강복지센터, 치매안심센터 등 지역 전문 기관과 연계해 추가 상담을 안내해 드립니다.',
    ],
    outcomes: [
      '나의 감정과 생활 습관을 돌아보며 몸과 마음을 건강하게 돌보는 실천 방법을 찾게 됩니다.',
      '가족, 이웃과의 관계에서 생기는 어려움을 지혜롭게 풀어 가는 대화의 기술을 얻을 수 있습니다.',
      '비슷한 고민을 가진 사람들과 경험을 나누며 위로와 지지를 얻고, 삶을 긍정적으로 바라보는 힘을 기릅니다.',
    ],
  },
  {
    area: 'liberal_arts',
    subcategory: 'functional_literacy',
    stems: [
      { ko: '생활 영어 회화', en: 'Everyday English Conversation', feeKrw: [30000, 60000], sessions: [12, 16], hoursPerSession: 2, detail: '인사와 자기소개, 길 묻기, 식당 주문처럼 자주 쓰는 표현을 짝 활동으로 반복해 입에 익힙니다.' },
      { ko: '중국어 기초', en: 'Chinese for Beginners', feeKrw: [30000, 60000], sessions: [12, 16], hoursPerSession: 2, detail: '병음과 성조를 정확히 익히고 인사, 숫자, 물건 사기 등 기초 회화를 배웁니다.' },
      { ko: '일본어 회화', en: 'Japanese Conversation', feeKrw: [30000, 60000], sessions: [12, 16], hoursPerSession: 2, detail: '히라가나와 가타카나를 익힌 뒤 여행과 일상에서 바로 쓸 수 있는 회화 표현을 상황별로 연습합니다.' },
      { ko: '컴퓨터 기초', en: 'Computer Basics', targets: ['elderly'], sessions: [8, 12], hoursPerSession: 2, detail: '마우스와 키보드 사용법, 한글 타자 연습, 파일과 폴더 관리, 인터넷 검색과 이메일 보내기를 익힙니다.' },
      { ko: '코딩 기초', en: 'Introduction to Coding', sessions: [8, 12], hoursPerSession: 2, detail: '엔트리와 스크래치 같은 블록 코딩으로 프로그래밍의 기본 개념을 익히고 간단한 게임과 애니메이션을 만듭니다.' },
      { ko: 'AI 이해하기', en: 'Understanding AI', sessions: [4, 8], hoursPerSession: 2, detail: '인공지능이 작동하는 원리와 생활 속 활용 사례를 살펴보고, AI 챗봇과 이미지 생성 도구를 직접 써 봅니다.' },
      { ko: '생활 법률', en: 'Everyday Law', sessions: [4, 8], hoursPerSession: 2, detail: '전월세 계약, 상속과 유언, 소비자 피해 구제처럼 생활에서 자주 부딪히는 법률 문제를 사례로 풀어 봅니다.' },
      { ko: '재무 설계', en: 'Personal Financial Planning', sessions: [4, 8], hoursPerSession: 2, detail: '생애 주기별 재무 목표를 세우고 저축과 투자, 보험, 연금을 나에게 맞게 점검하는 방법을 배웁니다.' },
      { ko: '여행 영어', en: 'English for Travel', feeKrw: [30000, 60000], sessions: [8, 12], hoursPerSession: 2, detail: '공항 체크인, 호텔 투숙, 길 찾기, 음식 주문 등 해외여행에서 꼭 필요한 표현을 상황극으로 익힙니다.' },
      { ko: '스페인어 첫걸음', en: 'First Steps in Spanish', feeKrw: [30000, 60000], sessions: [10, 12], hoursPerSession: 2, detail: '스페인어 발음과 기본 문장 구조를 익히고 자기소개와 간단한 일상 대화를 나눠 봅니다.' },
      { ko: '한글 문서 작성', en: 'Word Processing with Hangul (HWP)', sessions: [6, 10], hoursPerSession: 2, detail: '한글(HWP) 프로그램으로 표와 그림을 넣은 문서를 만들고 공문서 양식을 채우는 요령을 익힙니다.' },
      { ko: '미디어 리터러시', en: 'Media Literacy', sessions: [4, 6], hoursPerSession: 2, detail: '가짜 뉴스와 광고성 콘텐츠를 가려내는 법, 정보의 출처를 확인하는 습관을 실제 기사와 영상으로 연습합니다.' },
      { ko: '연금과 노후 자금', en: 'Pensions and Retirement Savings', targets: ['workers', 'elderly'], sessions: [3, 6], hoursPerSession: 2, detail: '국민연금, 퇴직연금, 개인연금의 구조를 이해하고 노후에 필요한 생활비를 직접 계산해 봅니다.' },
      { ko: '똑똑한 소비 생활', en: 'Smart Consumer Skills', sessions: [3, 6], hoursPerSession: 2, detail: '할부와 구독 서비스, 온라인 쇼핑 약관을 꼼꼼히 따져 보고 소비자 피해를 예방하는 방법을 배웁니다.' },
    ],
    intros: [
      '{stem} 과정은 일상과 일터에서 바로 쓸 수 있는 실용적인 지식과 기술을 기초부터 차근차근 익히는 강좌입니다.',
      '강의는 짧게, 실습과 연습은 길게 구성해 배운 내용을 그 자리에서 직접 써 보도록 합니다.',
      '여행, 장보기, 은행 거래, 계약서 확인처럼 실제 생활 장면을 예로 들어 설명하므로 처음 배우는 분도 쉽게 이해할 수 있습니다.',
      '회차마다 간단한 과제를 내어 배운 내용을 집에서 한 번 더 연습하고, 다음 시간에 함께 점검합니다.',
      '어려운 용어는 쉬운 말로 풀어 설명하고, 수업 자료는 복습하기 좋게 핵심만 정리해 나눠 드립니다.',
    ],
    outcomes: [
      '과정을 마치면 배운 지식과 기술을 생활 곳곳에서 자신 있게 활용할 수 있습니다.',
      '새로운 분야를 스스로 더 공부해 나갈 수 있는 기초 실력과 학습 방법을 갖추게 됩니다.',
      '필요한 정보를 스스로 찾고 판단하는 힘이 길러져 빠르게 변하는 사회에서 느끼던 불편과 불안이 줄어듭니다.',
    ],
  },
  {
    area: 'liberal_arts',
    subcategory: 'humanities',
    stems: [
      { ko: '우리 고장 역사', en: 'Our Local History', purposes: ['belonging'], sessions: [6, 10], hoursPerSession: 2, detail: '우리 지역의 옛 지명과 유적, 인물에 얽힌 이야기를 배우고 역사 현장을 직접 찾아가 봅니다.' },
      { ko: '한국사', en: 'Korean History', sessions: [8, 12], hoursPerSession: 2, detail: '고대부터 근현대까지 한국사의 큰 흐름을 주요 사건과 인물 중심으로 이야기처럼 풀어 갑니다.' },
      { ko: '철학 산책', en: 'A Stroll Through Philosophy', sessions: [6, 10], hoursPerSession: 2, detail: '소크라테스에서 공자까지 동서양 철학자들의 질문을 따라가며 행복, 정의, 죽음 같은 삶의 문제를 함께 생각합니다.' },
      { ko: '인문학 독서', en: 'Reading the Humanities', sessions: [8, 12], hoursPerSession: 2, detail: '매달 인문학 책 한 권을 정해 함께 읽고 발제와 토론으로 생각을 깊이 나눕니다.' },
      { ko: '고전 읽기', en: 'Reading the Classics', sessions: [8, 12], hoursPerSession: 2, detail: '시대를 넘어 읽히는 동서양 고전을 천천히 함께 읽으며 오늘의 삶에 주는 의미를 찾아봅니다.' },
      { ko: '세계 문화 탐방', en: 'Exploring World Cultures', sessions: [6, 10], hoursPerSession: 2, detail: '매 회 한 나라를 골라 역사와 종교, 음식과 생활 문화를 사진과 영상으로 살펴보며 세계를 보는 시야를 넓힙니다.' },
      { ko: '글쓰기', en: 'Writing for Everyone', sessions: [8, 12], hoursPerSession: 2, detail: '일상의 경험을 소재로 짧은 글을 꾸준히 쓰고, 서로의 글을 읽으며 문장을 다듬는 합평을 합니다.' },
      { ko: '미술사 산책', en: 'A Stroll Through Art History', sessions: [6, 10], hoursPerSession: 2, detail: '르네상스부터 현대미술, 조선 회화까지 대표 작품을 감상하며 그림 속에 담긴 시대와 이야기를 읽어 냅니다.' },
      { ko: '클래식 음악 감상', en: 'Classical Music Appreciation', sessions: [6, 10], hoursPerSession: 2, detail: '바로크부터 낭만주의까지 대표 작곡가의 삶과 작품을 살펴보고 명곡을 함께 들으며 감상의 폭을 넓힙니다.' },
      { ko: '영화로 읽는 인문학', en: 'Humanities Through Film', sessions: [6, 8], hoursPerSession: 3, detail: '영화 한 편을 함께 보고 그 속에 담긴 사회와 인간에 대한 질문을 인문학의 시선으로 이야기합니다.' },
      { ko: '논어 읽기', en: 'Reading the Analects', sessions: [8, 12], hoursPerSession: 2, detail: '논어의 주요 구절을 원문과 풀이로 함께 읽고 배움과 관계, 리더십에 관한 공자의 가르침을 오늘에 비추어 봅니다.' },
      { ko: '자서전 쓰기', en: 'Memoir Writing', sessions: [8, 12], hoursPerSession: 2, detail: '인생의 전환점이 된 장면을 골라 한 꼭지씩 글로 쓰고, 마지막에는 제본한 한 권의 책으로 엮어 냅니다.' },
      { ko: '교양 과학', en: 'Science for Everyone', sessions: [6, 10], hoursPerSession: 2, detail: '우주와 생명, 기후 변화처럼 궁금했던 과학 이야기를 쉬운 실험과 영상 자료로 풀어 봅니다.' },
      { ko: '역사 기행', en: 'Historical Field Trips', feeKrw: [20000, 50000], sessions: [4, 8], hoursPerSession: 3, materials: '답사 입장료와 교통비 별도', detail: '강의로 배경 지식을 쌓은 뒤 가까운 궁궐과 산성, 옛길을 함께 걸으며 역사의 현장을 답사합니다.' },
    ],
    intros: [
      '{stem} 강좌는 한 가지 주제를 깊이 들여다보며 우리 삶과 사회를 새로운 시선으로 바라보는 인문학 시간입니다.',
      '매 회차 정해진 글이나 자료를 미리 읽고 와서 강의를 듣고, 수강생들과 생각을 나누는 토론으로 이어 갑니다.',
      '지역의 역사 현장이나 박물관, 미술관을 찾아가는 답사를 한두 차례 곁들여 배운 내용을 직접 확인합니다.',
      '전문 지식이 없어도 충분히 즐길 수 있도록 쉬운 말과 흥미로운 이야기로 풀어 가며, 질문은 언제든 환영합니다.',
      '마지막 시간에는 배우고 느낀 점을 짧은 글로 정리해 함께 읽으며 과정을 마무리합니다.',
    ],
    outcomes: [
      '책과 이야기를 통해 생각의 폭이 넓어지고, 나와 이웃, 우리 지역을 더 깊이 이해하게 됩니다.',
      '다른 사람의 생각에 귀 기울이고 자기 생각을 조리 있게 말하는 힘이 길러집니다.',
      '수료 후에는 독서 모임이나 역사 탐방 동아리로 배움을 이어 가며 지역 인문학 공동체에 참여할 수 있습니다.',
    ],
  },

  // ───────────────────────────── 시민참여교육 ─────────────────────────────
  {
    area: 'citizenship',
    subcategory: 'civic_responsibility',
    stems: [
      { ko: '인권 교육', en: 'Human Rights Education', purposes: ['citizenship'], sessions: [3, 6], hoursPerSession: 2, detail: '일상 속 차별과 혐오 표현을 돌아보고, 인권의 기본 원칙을 나와 이웃의 삶에 비추어 이야기 나눕니다.' },
      { ko: '양성평등', en: 'Gender Equality', purposes: ['citizenship'], sessions: [3, 6], hoursPerSession: 2, detail: '가정과 직장, 미디어 속 성 역할 고정관념을 살펴보고 서로 존중하는 관계를 만드는 방법을 함께 찾습니다.' },
      { ko: '다문화 이해', en: 'Understanding Multicultural Korea', purposes: ['citizenship'], sessions: [3, 6], hoursPerSession: 2, detail: '이주민 이웃의 삶과 문화를 알아보고 무심코 하는 말과 행동 속 편견을 돌아보며 함께 사는 법을 배웁니다.' },
      { ko: '환경 지킴이', en: 'Environmental Guardians', purposes: ['citizenship'], sessions: [4, 8], hoursPerSession: 2, detail: '올바른 분리배출 방법과 생활 속 플라스틱 줄이기를 배우고 동네 하천과 공원에서 환경 정화 활동을 펼칩니다.' },
      { ko: '탄소중립 실천', en: 'Taking Action for Carbon Neutrality', purposes: ['citizenship'], sessions: [4, 6], hoursPerSession: 2, detail: '우리 집 탄소 발자국을 직접 계산해 보고 에너지 절약, 대중교통 이용 등 실천할 수 있는 약속을 세웁니다.' },
      { ko: '주민자치 아카데미', en: 'Resident Self-Governance Academy', purposes: ['citizenship', 'local_leader'], sessions: [6, 10], hoursPerSession: 2, detail: '주민자치회의 역할과 운영 방식, 마을 의제 발굴과 주민총회 준비 과정을 사례 중심으로 배웁니다.' },
      { ko: '민주시민 교육', en: 'Democratic Citizenship Education', purposes: ['citizenship'], sessions: [4, 8], hoursPerSession: 2, detail: '토론과 숙의, 합의의 원리를 익히고 우리 동네의 쟁점을 주제로 모의 공론장을 열어 봅니다.' },
      { ko: '제로웨이스트 생활', en: 'Zero-Waste Living', purposes: ['citizenship'], sessions: [4, 6], hoursPerSession: 2, detail: '장바구니와 다회용기 쓰기, 리필 가게 이용하기 등 쓰레기를 줄이는 살림법을 배우고 한 달 실천 기록을 나눕니다.' },
      { ko: '장애 인식 개선', en: 'Disability Awareness', purposes: ['citizenship'], sessions: [2, 4], hoursPerSession: 2, detail: '장애에 대한 편견과 바른 용어를 알아보고, 장애 당사자 강사의 이야기를 들으며 함께 사는 사회의 조건을 생각합니다.' },
      { ko: '디지털 시민성', en: 'Digital Citizenship', purposes: ['citizenship'], sessions: [3, 6], hoursPerSession: 2, detail: '댓글과 단체 대화방에서의 예절, 개인정보와 저작권 보호 등 디지털 공간에서 시민이 져야 할 책임을 다룹니다.' },
      { ko: '노동 인권', en: 'Labour Rights', purposes: ['citizenship'], sessions: [3, 5], hoursPerSession: 2, detail: '근로계약서와 최저임금, 직장 내 괴롭힘 대응 등 일하는 사람이라면 꼭 알아야 할 권리를 사례로 배웁니다.' },
      { ko: '재난 안전', en: 'Disaster Preparedness', sessions: [2, 4], hoursPerSession: 2, detail: '지진, 화재, 폭염 등 재난 상황별 행동 요령을 익히고 심폐소생술과 소화기 사용법을 직접 실습합니다.' },
      { ko: '유권자 교육', en: 'Voter Education', purposes: ['citizenship'], sessions: [2, 4], hoursPerSession: 2, detail: '선거 제도와 투표 방법, 공약을 비교하고 평가하는 방법을 배우며 책임 있는 유권자의 역할을 생각합니다.' },
    ],
    intros: [
      '{stem} 과정은 민주 사회의 시민으로서 알아야 할 권리와 책임을 일상의 사례로 생각해 보는 시민교육입니다.',
      '일상 속 차별과 혐오 표현, 기후 위기, 이웃 간 갈등처럼 우리 주변의 문제를 사례로 가져와 함께 토론합니다.',
      '강의만 듣는 방식이 아니라 역할극, 모둠 토의, 생활 실천 과제 같은 참여형 활동으로 스스로 답을 찾아갑니다.',
      '나와 다른 배경을 가진 이웃의 입장이 되어 보는 활동을 통해 서로를 존중하는 태도를 기릅니다.',
      '배운 내용을 가정과 직장, 마을에서 실천할 수 있도록 회차마다 작은 실천 약속을 정하고 다음 시간에 경험을 나눕니다.',
    ],
    outcomes: [
      '우리 사회의 공동 문제를 나의 일로 받아들이고 일상에서 실천할 수 있는 방법을 찾게 됩니다.',
      '서로 다른 의견을 존중하며 대화로 합의를 만들어 가는 민주적 소통 능력이 높아집니다.',
      '수료 후에는 주민자치회, 마을 환경 모임, 시민 모니터링단 등 지역의 시민 활동에 참여할 수 있습니다.',
    ],
  },
  {
    area: 'citizenship',
    subcategory: 'civic_leadership',
    stems: [
      { ko: '마을 리더 아카데미', en: 'Neighbourhood Leaders Academy', purposes: ['local_leader'], sessions: [8, 12], hoursPerSession: 3, detail: '마을의 자원과 문제를 조사하는 방법, 주민 모임을 꾸리고 이끄는 리더십을 배워 우리 마을 활동 계획을 세웁니다.' },
      { ko: '평생학습 매니저 양성', en: 'Lifelong Learning Manager Training', purposes: ['local_leader'], sessions: [8, 12], hoursPerSession: 3, detail: '행복학습센터 운영과 학습 프로그램 기획, 주민 학습 상담과 정보 안내 등 평생학습 매니저의 역할을 실무 중심으로 익힙니다.' },
      { ko: '학습동아리 리더', en: 'Study Group Leaders', purposes: ['local_leader'], sessions: [4, 8], hoursPerSession: 2, detail: '학습동아리를 만들고 이끄는 방법, 회원 간 갈등 조정과 활동 기록, 지원금 신청 요령을 배웁니다.' },
      { ko: '주민 강사 양성', en: 'Community Instructor Training', purposes: ['local_leader'], sessions: [8, 12], hoursPerSession: 3, detail: '내 재능을 강의로 풀어내는 교안 작성법과 성인 학습자의 특성을 배우고, 시연 강의와 피드백으로 강의력을 키웁니다.' },
      { ko: '퍼실리테이터 양성', en: 'Facilitator Training', purposes: ['local_leader'], sessions: [6, 10], hoursPerSession: 3, detail: '참여자의 의견을 끌어내고 정리하는 회의 진행 기법과 도구를 익히고, 실제 주민 회의를 진행해 보는 실습을 합니다.' },
      { ko: '주민자치회 위원 역량 강화', en: 'Capacity Building for Resident Self-Governance Committee Members', purposes: ['local_leader', 'citizenship'], sessions: [4, 8], hoursPerSession: 3, detail: '주민자치회 위원으로서 알아야 할 관련 조례와 분과 운영, 자치계획 수립 과정을 실제 사례로 익힙니다.' },
      { ko: '마을계획 수립', en: 'Neighbourhood Planning', purposes: ['local_leader', 'belonging'], sessions: [6, 10], hoursPerSession: 3, detail: '주민 설문과 마을 조사 결과를 바탕으로 먼저 풀어야 할 의제를 정하고 실행 가능한 마을계획을 함께 만듭니다.' },
      { ko: '마을활동가 양성', en: 'Community Organiser Training', purposes: ['local_leader'], sessions: [8, 12], hoursPerSession: 3, detail: '마을공동체의 의미와 활동 사례를 배우고 주민 모임을 조직하고 꾸준히 이어 가는 활동가의 역할을 익힙니다.' },
      { ko: '공모사업 기획서 작성', en: 'Writing Grant Proposals', purposes: ['local_leader'], sessions: [3, 5], hoursPerSession: 3, detail: '마을공동체·평생학습 공모사업의 심사 기준을 살펴보고 목적과 예산이 분명한 기획서를 직접 써 봅니다.' },
      { ko: '회의 진행과 토론', en: 'Running Meetings and Discussions', purposes: ['local_leader'], sessions: [4, 6], hoursPerSession: 2, detail: '안건 정리와 발언 순서 조정, 결론 도출까지 회의를 효과적으로 이끄는 방법을 모의 회의로 연습합니다.' },
      { ko: '갈등 조정', en: 'Conflict Mediation', purposes: ['local_leader'], sessions: [4, 6], hoursPerSession: 3, detail: '층간 소음, 주차 문제처럼 이웃 간에 자주 생기는 갈등 사례를 두고 대화로 합의를 이끄는 조정 기법을 익힙니다.' },
      { ko: '청소년 참여 리더십', en: 'Youth Participation and Leadership', targets: ['youth'], purposes: ['local_leader', 'citizenship'], sessions: [6, 10], hoursPerSession: 2, detail: '청소년의 눈으로 우리 동네 문제를 찾아 정책 제안서를 만들고 청소년 참여위원회 활동 방법을 배웁니다.' },
      { ko: '대중 스피치', en: 'Public Speaking', purposes: ['local_leader'], feeKrw: [20000, 50000], sessions: [6, 8], hoursPerSession: 2, detail: '떨지 않고 말하는 호흡과 발성, 핵심을 전달하는 말하기 구성법을 익혀 주민 앞에서 발표하는 자신감을 키웁니다.' },
    ],
    intros: [
      '{stem} 과정은 마을과 지역에서 주민들과 함께 배우고 활동을 이끌어 갈 리더를 키우는 과정입니다.',
      '회의 진행, 의견 수렴, 갈등 조정처럼 공동체 활동을 이끄는 데 필요한 실무 역량을 실습 중심으로 익힙니다.',
      '선배 활동가와 우수 학습동아리의 사례를 듣고, 우리 마을에 맞는 활동 계획을 모둠별로 직접 세워 봅니다.',
      '프로그램 기획서와 공모사업 신청서를 작성해 발표하고, 동료와 강사의 피드백을 받아 완성도를 높입니다.',
      '과정 중간에 지역 활동 현장을 찾아가 실제 운영 모습을 살펴보고 현장 활동가와 이야기를 나누는 시간을 갖습니다.',
    ],
    outcomes: [
      '과정을 마치면 마을의 의제를 발굴하고 주민과 함께 해결해 가는 리더로 활동할 수 있습니다.',
      '수료생은 행복학습매니저, 주민 강사, 학습동아리 리더 등 지역 평생학습 인력으로 활동할 기회를 얻습니다.',
      '함께 공부한 수료생들과 지역 리더 모임을 만들어 수료 후에도 서로 돕고 협력할 수 있습니다.',
      '직접 세운 활동 계획은 마을공동체 공모사업이나 주민참여예산 제안으로 이어 갈 수 있습니다.',
    ],
  },
  {
    area: 'citizenship',
    subcategory: 'civic_activity',
    stems: [
      { ko: '마을 공동체 활동', en: 'Neighbourhood Community Activities', purposes: ['belonging'], sessions: [6, 10], hoursPerSession: 2, detail: '이웃과 함께할 수 있는 공동체 활동 사례를 알아보고 반찬 나눔, 골목 청소, 마을 잔치 같은 작은 활동을 직접 기획합니다.' },
      { ko: '자원봉사 입문', en: 'Introduction to Volunteering', purposes: ['belonging'], sessions: [3, 5], hoursPerSession: 2, detail: '자원봉사의 의미와 기본자세, 1365 자원봉사포털 이용법을 배우고 지역 봉사 현장을 직접 체험합니다.' },
      { ko: '학습동아리 운영', en: 'Running a Study Group', purposes: ['belonging'], sessions: [4, 6], hoursPerSession: 2, detail: '동아리 규칙 정하기, 활동 계획과 기록 관리, 배운 것을 지역에 나누는 재능 기부까지 동아리 운영의 실제를 익힙니다.' },
      { ko: '마을 신문 만들기', en: 'Making a Neighbourhood Newspaper', purposes: ['belonging'], sessions: [8, 12], hoursPerSession: 2, detail: '취재와 인터뷰, 기사 쓰기, 사진 촬영을 배우고 수강생이 함께 만든 마을 신문을 발행해 이웃에게 나눠 드립니다.' },
      { ko: '도시재생 주민학교', en: "Residents' School for Urban Regeneration", purposes: ['belonging', 'local_leader'], sessions: [6, 10], hoursPerSession: 2, detail: '도시재생 사업의 개념과 국내 사례를 살펴보고, 우리 동네의 빈집과 골목을 어떻게 되살릴지 주민 제안을 만듭니다.' },
      { ko: '마을 해설사', en: 'Neighbourhood Heritage Guides', purposes: ['belonging'], sessions: [8, 12], hoursPerSession: 2, detail: '마을의 역사와 문화 자원을 조사하고 해설 원고를 써서 방문객에게 동네를 안내하는 해설 시연을 해 봅니다.' },
      { ko: '마을 라디오 만들기', en: 'Making Community Radio', purposes: ['belonging'], sessions: [8, 10], hoursPerSession: 2, detail: '방송 기획과 원고 쓰기, 녹음과 편집을 배워 이웃의 목소리를 담은 마을 팟캐스트 방송을 만듭니다.' },
      { ko: '공동체 텃밭 가꾸기', en: 'Community Gardening', purposes: ['belonging'], sessions: [8, 12], hoursPerSession: 2, materials: '모종과 장갑은 센터에서 제공', detail: '도시 텃밭에 제철 작물을 함께 심고 가꾸며 퇴비 만들기를 배우고, 수확한 채소는 이웃과 나눕니다.' },
      { ko: '마을 지도 만들기', en: 'Community Mapping', purposes: ['belonging'], sessions: [4, 8], hoursPerSession: 2, detail: '동네를 걸으며 가게와 쉼터, 위험한 곳을 조사해 주민이 직접 그린 마을 지도를 완성합니다.' },
      { ko: '재능 나눔 봉사', en: 'Sharing Skills as a Volunteer', purposes: ['belonging'], sessions: [4, 6], hoursPerSession: 2, detail: '배움으로 익힌 재능을 복지관, 경로당, 지역아동센터에서 나누는 봉사 활동을 계획하고 직접 실행합니다.' },
      { ko: '마을 기록가', en: 'Neighbourhood Archivists', purposes: ['belonging'], sessions: [8, 12], hoursPerSession: 2, detail: '오래 살아온 주민의 구술 인터뷰와 옛 사진을 모아 사라져 가는 마을의 기억을 기록으로 남깁니다.' },
      { ko: '마을 축제 기획', en: 'Planning a Neighbourhood Festival', purposes: ['belonging'], sessions: [6, 8], hoursPerSession: 2, detail: '주민이 직접 만드는 작은 마을 축제를 기획하고 역할 분담, 홍보, 안전 관리까지 준비해 실제로 열어 봅니다.' },
      { ko: '나눔 장터 운영', en: 'Running a Sharing Market', purposes: ['belonging'], sessions: [4, 6], hoursPerSession: 2, detail: '안 쓰는 물건을 나누고 바꾸는 나눔 장터를 꾸려 보고, 수익금을 이웃 돕기에 쓰는 과정을 함께 경험합니다.' },
    ],
    intros: [
      '{stem} 과정은 배운 것을 바로 마을에서 실천해 보는 참여형 시민교육으로, 교실 수업과 현장 활동을 함께 진행합니다.',
      '우리 동네를 직접 걸으며 자원과 문제를 살펴보고, 주민들과 이야기를 나누며 마을의 숨은 이야기를 찾아냅니다.',
      '모둠을 이뤄 작은 마을 프로젝트를 기획하고 실행하며, 활동 과정을 사진과 글로 기록해 공유합니다.',
      '이미 마을에서 활동하고 있는 공동체와 자원봉사 단체를 만나 노하우를 배우고 함께할 방법을 찾습니다.',
      '마지막 시간에는 활동 결과를 주민들과 나누는 발표회를 열고 앞으로 이어 갈 활동을 함께 계획합니다.',
    ],
    outcomes: [
      '이웃과 함께 마을의 일을 해 나가며 우리 동네에 대한 애정과 소속감이 깊어집니다.',
      '수료 후에는 자원봉사, 학습동아리, 마을공동체 활동으로 자연스럽게 이어져 꾸준히 참여할 수 있습니다.',
      '활동 경험을 바탕으로 마을 축제나 공모사업 같은 더 큰 공동체 활동에 도전할 수 있습니다.',
    ],
  },
];

// ───────────────────────────── Title parts ─────────────────────────────

export const levels: { ko: string; en: string }[] = [
  { ko: '입문', en: 'Intro' },
  { ko: '기초', en: 'Basics' },
  { ko: '초급', en: 'Beginner' },
  { ko: '중급', en: 'Intermediate' },
  { ko: '심화', en: 'Advanced' },
  { ko: '실전', en: 'Practical' },
  { ko: '1기', en: 'Cohort 1' },
  { ko: '2기', en: 'Cohort 2' },
];

export const formats: { ko: string; en: string }[] = [
  { ko: '교실', en: 'Class' },
  { ko: '과정', en: 'Course' },
  { ko: '강좌', en: 'Lecture series' },
  { ko: '특강', en: 'Special lecture' },
  { ko: '아카데미', en: 'Academy' },
  { ko: '워크숍', en: 'Workshop' },
  { ko: '학교', en: 'School' },
  { ko: '배움터', en: 'Learning place' },
  { ko: '클래스', en: 'Class' },
];

/** No entry for 'all': courses for everyone carry no prefix. */
export const targetPrefixes: Partial<Record<TargetGroupCode, { ko: string[]; en: string }>> = {
  elderly: { ko: ['시니어', '어르신', '실버'], en: 'for Seniors' },
  youth: { ko: ['청소년', '10대'], en: 'for Teens' },
  children: { ko: ['어린이', '초등'], en: 'for Children' },
  women: { ko: ['여성', '엄마'], en: 'for Women' },
  parents: { ko: ['부모', '학부모'], en: 'for Parents' },
  multicultural: { ko: ['다문화가정', '결혼이민자'], en: 'for Multicultural Families' },
  disabled: { ko: ['장애인', '발달장애인'], en: 'for People with Disabilities' },
  workers: { ko: ['직장인', '퇴근길'], en: 'for Working Adults' },
  unemployed: { ko: ['구직자', '경력단절여성'], en: 'for Job Seekers' },
  low_income: { ko: ['희망', '나눔'], en: 'for Low-Income Residents' },
};

// ───────────────────────────── Description sentence pools ─────────────────────────────

export const methodSentences: string[] = [
  '수업은 총 {sessions}회, {hours}시간으로 운영되며 이론 설명보다 실습에 더 많은 시간을 배정합니다.',
  '정원을 소규모로 운영해 강사가 수강생 한 분 한 분의 진도를 살피며 1:1로 피드백을 드립니다.',
  '매 회차 시작할 때 지난 시간 내용을 짧게 복습하고, 끝날 때 핵심 내용을 다시 정리해 드립니다.',
  '처음 배우는 분도 쉽게 따라 할 수 있도록 기초부터 차근차근 진행합니다.',
  '강의와 실습, 모둠 활동을 고루 섞어 지루할 틈 없이 참여하는 재미가 있는 수업을 만듭니다.',
  '보조 강사가 함께 수업에 들어와 실습 중 도움이 필요한 분을 곁에서 지원합니다.',
  '수강생의 수준을 고려해 진도를 조절하며, 결석한 분께는 그 회차의 수업 자료를 따로 챙겨 드립니다.',
  '{dong} 주민의 생활과 맞닿은 사례를 많이 다뤄 배운 내용을 바로 생활에 적용해 볼 수 있습니다.',
  '모르는 부분은 언제든 편하게 물어보실 수 있도록 매시간 질의응답 시간을 넉넉히 둡니다.',
  '과정 중간에 수강생 의견을 받아 수업 내용과 진행 방식을 보완합니다.',
];

export const audienceSentences: Partial<Record<TargetGroupCode, string[]>> = {
  all: [
    '관심 있는 분이라면 나이와 경험에 관계없이 누구나 참여하실 수 있습니다.',
    '처음 배우는 분부터 다시 기초를 다지고 싶은 분까지 폭넓게 함께할 수 있는 과정입니다.',
    '새로운 배움을 찾고 계신 주민 여러분의 많은 참여를 기다립니다.',
  ],
  elderly: [
    '천천히 반복해서 설명하므로 처음 배우는 어르신도 부담 없이 참여하실 수 있습니다.',
    '글씨가 큰 교재와 넉넉한 실습 시간을 준비해 어르신들이 편안하게 배우실 수 있도록 했습니다.',
    '배움의 즐거움과 함께 또래 친구를 사귈 수 있는 자리이니 만 60세 이상 어르신의 많은 참여를 바랍니다.',
  ],
  youth: [
    '학교 밖 청소년을 포함해 배움에 관심 있는 청소년이라면 누구나 신청할 수 있습니다.',
    '또래와 함께 활동하며 자신의 관심사를 찾고 진로를 탐색하는 기회가 될 것입니다.',
    '만 14세 미만 청소년은 신청할 때 보호자 동의서를 함께 제출해 주시기 바랍니다.',
  ],
  children: [
    '초등학생 어린이를 대상으로 하며, 놀이처럼 즐겁게 배울 수 있도록 활동 중심으로 구성했습니다.',
    '아이들의 집중 시간을 고려해 짧은 활동을 여러 번 나누어 진행합니다.',
    '저학년 어린이는 보호자께서 수업 장소까지 함께 와 주시기 바랍니다.',
  ],
  women: [
    '육아와 살림으로 배움을 미뤄 온 여성분들이 자신을 위한 시간을 가질 수 있도록 마련한 과정입니다.',
    '새로운 일을 준비하거나 관심 분야를 넓히고 싶은 여성분들의 많은 참여를 바랍니다.',
    '수업 중 자녀 돌봄이 필요한 분은 신청할 때 미리 말씀해 주시면 돌봄 지원 여부를 안내해 드립니다.',
  ],
  parents: [
    '자녀를 키우는 부모라면 누구나 참여할 수 있으며, 부부가 함께 신청하셔도 좋습니다.',
    '양육 과정에서 겪는 고민을 다른 부모들과 나누며 해결의 실마리를 찾을 수 있습니다.',
    '자녀와 함께할 수 있는 활동도 소개해 드려 가정에서도 배움을 이어 가실 수 있습니다.',
  ],
  multicultural: [
    '결혼이민자, 외국인 주민, 중도입국 자녀 등 한국 생활에 적응하고 있는 이주민이라면 누구나 참여할 수 있습니다.',
    '쉬운 한국어로 천천히 설명하며, 필요한 경우 통역 지원을 받을 수 있습니다.',
    '비슷한 처지의 이웃을 만나 정보를 나누고 서로 의지할 수 있는 관계를 만드는 자리이기도 합니다.',
  ],
  disabled: [
    '장애인 학습자의 특성을 고려해 쉬운 말과 시각 자료를 활용하고, 학습 속도에 맞춰 진행합니다.',
    '휠체어로 이동할 수 있는 교육장에서 진행하며, 활동지원사와 함께 참여하실 수 있습니다.',
    '발달장애인 학습자는 보호자나 활동지원사와 함께 신청하시면 더욱 편안하게 참여하실 수 있습니다.',
  ],
  workers: [
    '퇴근 후 시간을 활용해 자기 계발을 하고 싶은 직장인에게 알맞은 과정입니다.',
    '업무와 병행할 수 있도록 과제 부담을 줄이고 수업 시간 안에 실습을 마무리합니다.',
    '직무 역량을 높이거나 새로운 분야를 준비하고 싶은 재직자의 참여를 기다립니다.',
  ],
  unemployed: [
    '취업이나 재취업을 준비하는 구직자, 경력이 끊긴 뒤 다시 일을 찾고 있는 분께 추천합니다.',
    '수료 후에는 지역 일자리센터와 연계해 구인 정보와 취업 상담을 받으실 수 있습니다.',
    '오랜만에 공부를 다시 시작하는 분도 따라오실 수 있도록 기초부터 다시 짚어 드립니다.',
  ],
  low_income: [
    '기초생활수급자와 차상위계층 주민은 수강료 전액을 감면해 드립니다.',
    '경제적 부담 없이 배움을 이어 가실 수 있도록 교재와 재료를 무료로 지원합니다.',
    '배움의 기회가 적었던 이웃 누구나 편하게 참여할 수 있도록 신청 절차를 간소화했습니다.',
  ],
};

export const logisticsSentences: string[] = [
  '관내 거주자를 우선 선발하며 잔여석은 선착순으로 접수합니다.',
  '신청은 {institution} 누리집이나 방문 접수로 가능하며, 정원이 차면 대기자로 등록됩니다.',
  '재료비는 별도이며 첫 수업에 현장 결제합니다.',
  '개인 준비물은 첫 시간에 안내해 드리며, 필기도구는 각자 지참해 주시기 바랍니다.',
  '기초생활수급자, 장애인, 국가유공자, 만 65세 이상 어르신은 수강료를 감면받으실 수 있습니다.',
  '주차 공간이 협소하오니 가급적 대중교통을 이용해 주시기 바랍니다.',
  '교육장에는 엘리베이터와 장애인 화장실이 갖춰져 있어 휠체어를 이용하시는 분도 편하게 오실 수 있습니다.',
  '신청 인원이 최소 인원에 미치지 못하면 폐강될 수 있으며, 이 경우 개별 문자로 알려 드립니다.',
  '수강료 반환은 평생교육법 시행령의 학습비 반환 기준에 따르며, 개강 전에 취소하시면 전액 돌려드립니다.',
  '{dong} 행정복지센터에서도 방문 접수를 받으니 온라인 신청이 어려운 분은 가까운 곳에서 신청하시기 바랍니다.',
  '궁금한 점은 {institution} 담당자에게 전화로 문의해 주시면 친절히 안내해 드립니다.',
];

export const completionSentences: string[] = [
  '수료 기준은 출석률 80% 이상이며 수료증을 발급합니다.',
  '전체 {sessions}회 가운데 80% 이상 출석하신 분께 {institution} 명의의 수료증을 드립니다.',
  '이수한 과정은 평생학습계좌제에 등록해 나의 학습 이력으로 관리할 수 있습니다.',
  '학습동아리로 이어질 수 있도록 수료 후 모임을 지원합니다.',
  '수료생에게는 평생학습 마일리지가 적립되며, 마일리지가 쌓이면 다양한 혜택을 받을 수 있습니다.',
  '우수 수료생에게는 연말 평생학습 성과 발표회에서 학습 결과를 발표할 기회를 드립니다.',
  '수료 후 주민 강사나 학습 자원봉사자로 활동하고 싶은 분께는 관련 양성 과정을 안내해 드립니다.',
  '마지막 회차에 수강 만족도 조사를 실시하며, 주신 의견은 다음 과정 기획에 반영합니다.',
];

export const onlineSentences: string[] = [
  '온라인 실시간 수업으로 진행되며 접속 링크는 문자로 안내합니다.',
  '실시간 화상 수업(줌)으로 진행하며, 개강 전에 접속 방법을 안내하고 미리 접속해 보는 연습 시간을 마련합니다.',
  '수업이 끝나면 녹화본을 일주일 동안 제공해 놓친 부분을 다시 보실 수 있습니다.',
  '온라인 수업과 교육장 대면 수업을 번갈아 진행해 이론은 집에서, 실습은 현장에서 익힙니다.',
  '스마트폰이나 컴퓨터만 있으면 집에서 편하게 참여할 수 있으며, 접속이 어려운 분은 전화로 도와 드립니다.',
  '수업 자료는 온라인 학습방에 미리 올려 두니 내려받아 준비해 주시기 바랍니다.',
];

// ───────────────────────────── People ─────────────────────────────

/** Approximate shares (%) of the population by family name, after the 2015 census. */
export const familyNames: [name: string, weight: number][] = [
  ['김', 21.5], ['이', 14.7], ['박', 8.4], ['최', 4.7], ['정', 4.3],
  ['강', 2.3], ['조', 2.1], ['윤', 2.1], ['장', 2.0], ['임', 1.7],
  ['한', 1.5], ['오', 1.5], ['서', 1.5], ['신', 1.5], ['권', 1.4],
  ['황', 1.4], ['안', 1.4], ['송', 1.3], ['전', 1.1], ['홍', 1.1],
  ['유', 1.1], ['고', 0.9], ['문', 0.9], ['양', 0.8], ['손', 0.9],
  ['배', 0.8], ['백', 0.7], ['허', 0.6], ['류', 0.5], ['남', 0.5],
  ['심', 0.5], ['노', 0.4], ['하', 0.4], ['곽', 0.4], ['성', 0.4],
];

export const givenNameSyllables: string[] = [
  // Common across generations
  '민', '서', '지', '현', '수', '영', '준', '우', '진', '은',
  '하', '연', '유', '재', '성', '동', '경', '정', '희', '선',
  '혜', '주', '상', '원', '승', '소', '다', '예', '도', '윤',
  // More typical of older generations
  '숙', '순', '자', '호', '철', '옥', '분', '춘', '길', '덕',
  '명', '광', '식', '남', '용', '석', '태', '기', '종', '환',
  '미', '애', '란', '화', '봉', '근', '택', '복', '말', '금',
  // More typical of younger generations
  '시', '아', '채', '린', '율', '온', '건', '찬', '빈', '나',
  '한', '담', '결', '솔', '규', '훈', '형', '범', '인', '혁',
];

export const romanisedFamilyNames: Record<string, string> = {
  김: 'Kim', 이: 'Lee', 박: 'Park', 최: 'Choi', 정: 'Jung',
  강: 'Kang', 조: 'Cho', 윤: 'Yoon', 장: 'Jang', 임: 'Lim',
  한: 'Han', 오: 'Oh', 서: 'Seo', 신: 'Shin', 권: 'Kwon',
  황: 'Hwang', 안: 'Ahn', 송: 'Song', 전: 'Jeon', 홍: 'Hong',
  유: 'Yoo', 고: 'Ko', 문: 'Moon', 양: 'Yang', 손: 'Son',
  배: 'Bae', 백: 'Baek', 허: 'Heo', 류: 'Ryu', 남: 'Nam',
  심: 'Shim', 노: 'Noh', 하: 'Ha', 곽: 'Kwak', 성: 'Sung',
};

// ───────────────────────────── Institutions and venues ─────────────────────────────

export const institutionNamePatterns: Record<InstitutionType, string[]> = {
  lifelong_learning_centre: ['{city} 평생학습관', '{city} 평생학습센터', '{city} 평생교육원', '{city}평생학습원'],
  dong_learning_centre: ['{dong} 행복학습센터', '{dong} 배움터', '{dong} 마을배움터', '{dong} 평생학습 사랑방'],
  community_centre: ['{dong} 주민자치센터', '{dong} 행정복지센터', '{dong} 주민센터'],
  library: ['{city}립도서관', '{dong} 작은도서관', '{city} 중앙도서관', '{cityShort} 어린이도서관', '{cityShort} 꿈나무도서관'],
  university: ['{cityShort}대학교 평생교육원', '{cityShort}과학대학교 평생교육원', '{cityShort}보건대학교 평생교육원', '한국{cityShort}대학교 평생교육원'],
  school: ['{cityShort}중학교', '{cityShort}고등학교', '{cityShort}중앙초등학교', '{cityShort}여자고등학교', '{cityShort}고등학교 부설 방송통신고등학교'],
  welfare_centre: ['{dong} 종합사회복지관', '{city} 노인복지관', '{city} 장애인복지관', '{cityShort}종합사회복지관'],
  women_centre: ['{city} 여성회관', '{city} 여성새로일하기센터', '{cityShort}여성비전센터', '{city} 여성발전센터'],
  culture_centre: ['{cityShort}문화원', '{city} 문화예술회관', '{cityShort}문화재단 문화센터', '{dong} 문화의집'],
  multicultural_centre: ['{city} 가족센터', '{city} 다문화가족지원센터', '{city} 건강가정·다문화가족지원센터'],
  ngo: ['{cityShort}환경운동연합', '{city} 시민단체협의회', '{cityShort}YMCA', '{cityShort}YWCA', '{city} 자원봉사센터', '{cityShort} 마을공동체지원센터'],
  company: ['{cityShort}상공회의소', '{city} 소상공인연합회', '{cityShort}산업진흥원', '{city} 중소기업인협의회'],
  online_provider: ['{city} 온라인 평생학습센터', '{cityShort} 이러닝 배움터', '{city} 사이버평생학습원'],
};

export const institutionNamePatternsEn: Record<InstitutionType, string> = {
  lifelong_learning_centre: '{cityEn} Lifelong Learning Centre',
  dong_learning_centre: '{dongEn} Happy Learning Centre',
  community_centre: '{dongEn} Community Centre',
  library: '{cityEn} Public Library',
  university: '{cityEn} University Lifelong Education Institute',
  school: '{cityEn} Middle School',
  welfare_centre: '{cityEn} Community Welfare Centre',
  women_centre: "{cityEn} Women's Centre",
  culture_centre: '{cityEn} Cultural Centre',
  multicultural_centre: '{cityEn} Family Centre',
  ngo: '{cityEn} Civic Network',
  company: '{cityEn} Chamber of Commerce and Industry',
  online_provider: '{cityEn} Online Learning Centre',
};

export const roomNames: { ko: string; en: string; seats: [number, number] }[] = [
  { ko: '다목적실', en: 'Multipurpose Room', seats: [20, 40] },
  { ko: '강의실', en: 'Lecture Room', seats: [20, 35] },
  { ko: '전산실', en: 'Computer Lab', seats: [15, 25] },
  { ko: '요리실습실', en: 'Cooking Studio', seats: [12, 20] },
  { ko: '소강당', en: 'Small Auditorium', seats: [50, 120] },
  { ko: '세미나실', en: 'Seminar Room', seats: [10, 20] },
  { ko: '체육실', en: 'Exercise Studio', seats: [15, 30] },
  { ko: '공예실', en: 'Craft Studio', seats: [10, 18] },
  { ko: '음악실', en: 'Music Room', seats: [12, 25] },
  { ko: '평생학습실', en: 'Learning Room', seats: [15, 30] },
  { ko: '시청각실', en: 'Audiovisual Room', seats: [30, 60] },
  { ko: '동아리방', en: 'Club Room', seats: [8, 15] },
];

// ───────────────────────────── Study groups ─────────────────────────────

type CatalogueArea = Exclude<ProgramAreaCode, 'career_development'>;

export const studyGroupNames: Record<CatalogueArea, string[]> = {
  basic_literacy: ['{dong} 늘배움 한글반', '한글 사랑 글벗 모임', '{dong} 늦깎이 글꽃 모임', '스마트폰 척척 박사', '디지털 배움 짝꿍', '다문화 한국어 수다방', '{dong} 시 쓰는 할머니들', '또박또박 받아쓰기 모임'],
  academic_credit: ['검정고시 합격 다짐반', '{dong} 늦깎이 공부방', '함께 여는 졸업의 꿈', '학점은행제 스터디', '사회복지사 꿈꾸는 사람들', '중졸 검정고시 공부 모임', '방송통신고 선후배 모임', '{dong} 저녁 공부방'],
  vocational: ['{dong} 소상공인 마케팅 연구회', '바리스타 핸드드립 모임', '엑셀 척척 스터디', '창업 꿈나무 모임', '손맛 제빵 연구회', '{dong} 마을기업 준비 모임', '우리 동네 유튜버', '재취업 응원 스터디'],
  culture_arts: ['우쿨렐레 사랑방', '{dong} 어반스케치 모임', '오카리나 앙상블', '{dong} 주민 합창단', '민화 그리는 사람들', '주말 사진 산책', '캘리그라피 글씨 마당', '라인댄스 한마음', '{dong} 통기타 동호회', '흙 빚는 이웃들'],
  liberal_arts: ['{dong} 책 읽는 엄마들', '고전 함께 읽기', '동네 철학 카페', '우리 고장 역사 탐방대', '영어 회화 수다방', '{dong} 인문학 사랑방', '마음챙김 명상 모임', '니하오 중국어 모임', '한 줄 글쓰기 모임'],
  citizenship: ['{dong} 마을 기자단', '탄소중립 실천단', '{dong} 마을 해설사 모임', '주민자치 공부 모임', '제로웨이스트 살림 연구회', '{dong} 공동체 텃밭 모임', '인권 감수성 나눔 모임', '마을 지도 만드는 사람들'],
};

/** Sentences describing a study group's activity, per area; `{dong}` allowed. */
export const studyGroupDescriptions: Record<CatalogueArea, string[]> = {
  basic_literacy: [
    '한글 교실을 함께 수료한 학습자들이 모여 매주 글을 읽고 쓰며 배움을 이어 가고 있습니다.',
    '서로 스마트폰 사용법을 알려 주고, 새로 배운 기능은 이웃 어르신께도 나누고 있습니다.',
    '해마다 회원들이 쓴 시를 모아 {dong} 문해 시화전에 출품하고 있습니다.',
  ],
  academic_credit: [
    '검정고시를 준비하는 회원들이 모여 과목별로 문제를 나눠 풀고 서로 모르는 부분을 가르쳐 줍니다.',
    '먼저 합격한 선배 회원이 공부 방법을 나누며 후배들의 학습을 돕고 있습니다.',
    '학점은행제로 학위를 준비하는 직장인들이 과제와 시험 정보를 나누는 모임입니다.',
  ],
  vocational: [
    '자격증 과정을 함께 수료한 회원들이 모여 실기 연습을 이어 가고 취업 정보를 나눕니다.',
    '{dong}에서 가게를 운영하는 소상공인들이 홍보와 운영 노하우를 서로 배우는 모임입니다.',
    '창업을 준비하는 회원들이 사업 아이디어를 발표하고 서로 조언하며 함께 성장하고 있습니다.',
  ],
  culture_arts: [
    '강좌를 수료한 회원들이 모여 꾸준히 연습하며 지역 축제와 경로당 위문 공연에 나서고 있습니다.',
    '회원들의 작품을 모아 해마다 평생학습축제에서 전시회를 열고 있습니다.',
    '실력에 관계없이 함께 즐기는 것을 가장 중요하게 여기며, 새로 오시는 분을 언제나 환영합니다.',
  ],
  liberal_arts: [
    '한 달에 한 권씩 책을 정해 읽고 느낀 점을 자유롭게 나누는 모임입니다.',
    '회원들이 돌아가며 발제를 맡고, 때로는 강사를 초청해 더 깊이 공부하기도 합니다.',
    '{dong}의 역사와 이야기를 공부하며 동네 곳곳을 함께 걷는 답사도 하고 있습니다.',
  ],
  citizenship: [
    '마을의 소식과 이웃의 이야기를 취재해 계절마다 소식지를 만들어 나누고 있습니다.',
    '{dong} 골목과 하천을 돌보는 환경 실천 활동을 회원들이 함께 이어 가고 있습니다.',
    '주민자치와 마을 의제를 공부하고, 주민총회에 낼 제안을 함께 준비합니다.',
  ],
};

export const studyGroupMeetingPatterns: string[] = [
  '매주 화요일 오전 10시',
  '격주 토요일 오후 2시',
  '매주 목요일 저녁 7시 30분',
  '매월 둘째·넷째 수요일 오후 3시',
  '매주 월요일 오후 1시',
  '매주 금요일 오전 10시 30분',
  '매월 첫째 토요일 오전 10시',
  '격주 일요일 오후 4시',
  '매주 수요일 저녁 7시',
  '매주 화·목요일 오전 9시 30분',
];

// ───────────────────────────── Events ─────────────────────────────

export const eventTitlePatterns: Record<EventKind, string[]> = {
  festival: ['제{n}회 {city} 평생학습축제', '{year} {city} 평생학습 한마당', '{year} {city} 평생학습박람회', '제{n}회 {city} 배움 나눔 축제', '{year} {city} 평생학습 어울림 축제'],
  seminar: ['{year} {city} 평생교육 실무자 세미나', '{city} 평생학습도시 발전 방안 세미나', '{year} {city} 평생교육 정책 세미나', '{year} 평생교육사 역량 강화 세미나', '{city} 마을 평생학습 활성화 세미나'],
  forum: ['{year} {city} 평생학습 포럼', '제{n}회 {city} 평생교육 정책 포럼', '{year} {city} 시민 평생학습 원탁토론회', '{city} 평생학습과 지역 혁신 포럼', '{year} {city} 학습도시 주민 공론장'],
  presentation: ['{year} {city} 평생학습 성과 발표회', '{year} {city} 학습동아리 성과 공유회', '제{n}회 {city} 문해 학습자 성과 발표회', '{year} 행복학습센터 성과 나눔 발표회', '{year} {city} 평생학습 우수사례 발표회'],
  exhibition: ['{year} {city} 평생학습 작품 전시회', '제{n}회 {city} 성인 문해 시화전', '{year} {city} 학습동아리 작품전', '{year} {city} 평생학습 사진전', '제{n}회 {city} 배움 나눔 작품전'],
};

export const eventVenues: string[] = [
  '시청 광장',
  '평생학습관 대강당',
  '문화예술회관',
  '문화예술회관 전시실',
  '시민회관 대공연장',
  '중앙공원 야외무대',
  '중앙도서관 시청각실',
  '청소년수련관 강당',
  '실내체육관',
  '호수공원 잔디광장',
  '여성회관 대강당',
  '복합문화센터 다목적홀',
];

// ───────────────────────────── Administration and instructors ─────────────────────────────

export const cityDepartments: string[] = [
  '평생학습과',
  '평생교육과',
  '교육청소년과',
  '교육지원과',
  '평생학습원',
  '교육협력과',
  '평생학습지원과',
  '교육체육과',
  '교육정책과',
  '평생학습센터',
];

export const instructorTitles: string[] = [
  '경력 10년 이상의 전문 강사',
  '해당 분야 자격증을 보유한 주민 강사',
  '대학 평생교육원 교수진',
  '평생교육사 자격을 갖춘 전담 강사',
  '현장 경험이 풍부한 현직 전문가',
  '평생학습 강사은행에 등록된 검증된 강사',
  '국가자격증을 보유한 현장 실무 강사',
  '양성 과정을 수료한 우리 동네 주민 강사',
  '지역 문화예술단체 소속 예술 강사',
  '관련 분야 석사 학위 이상의 전문 강사',
];
