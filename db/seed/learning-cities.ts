/**
 * The learning cities the demo always includes: every city the seed paper names (Choi Don Min, "The Trend
 * and Development of Learning Cities in Korea", 2007), with the designation year the paper gives, plus the
 * cities of our users' stories. `source` says where a year comes from:
 * - 'paper': the paper states it;
 * - 'paper-plan': the paper names it a potential city in 2005, to be designated "after one year";
 * - 'assumed': the paper names it as a learning city evaluated by 2005 without a year; we place it in 2004–05;
 * - 'synthetic': not in the paper; a demo history.
 */
export interface DemoCity {
  code: string;
  /** As the paper spells it, for the record. */
  paperName?: string;
  designatedYear: number;
  potentialYear?: number;
  source: 'paper' | 'paper-plan' | 'assumed' | 'synthetic';
}

export const PAPER = 'Choi Don Min (2007), The Trend and Development of Learning Cities in Korea';

export const demoCities: readonly DemoCity[] = [
  { code: '31060', paperName: 'Gwangmyeng city', designatedYear: 2001, source: 'paper' },
  { code: '35320', paperName: 'Jinan Gun', designatedYear: 2001, source: 'paper' },
  { code: '25040', paperName: 'Yuseong Gu', designatedYear: 2001, source: 'paper' },
  { code: '39010', paperName: 'Jeju city', designatedYear: 2002, source: 'paper' },
  { code: '31050', paperName: 'Bucheon city', designatedYear: 2002, source: 'paper' },
  { code: '21090', paperName: "Busan city's Haeundae Gu", designatedYear: 2002, source: 'paper' },
  { code: '23040', paperName: "Incheon city's Yeonsu Gu", designatedYear: 2003, source: 'paper' },
  { code: '38390', paperName: "Kyungnam's Geochang Gun", designatedYear: 2003, source: 'paper' },
  { code: '36030', paperName: 'Suncheon city', designatedYear: 2003, source: 'paper' },
  { code: '11190', paperName: 'Seoul Yeongdeungpo Gu', designatedYear: 2006, source: 'paper' },
  { code: '21130', paperName: 'Busan Yeonje Gu', designatedYear: 2006, source: 'paper' },
  // The paper's "Incheon city's Nam Gu", renamed Michuhol-gu in 2018.
  { code: '23030', paperName: "Incheon city's Nam Gu", designatedYear: 2006, potentialYear: 2005, source: 'paper' },
  { code: '24010', paperName: 'Gwangju Dong Gu', designatedYear: 2006, source: 'paper' },
  { code: '24050', paperName: "Gwangju city's Gwangsan Gu", designatedYear: 2006, potentialYear: 2005, source: 'paper' },
  { code: '26310', paperName: "Ulsan city's Ulju Gun", designatedYear: 2006, source: 'paper' },
  { code: '32370', paperName: 'Kwangwon Hwacheon Gun', designatedYear: 2006, source: 'paper' },
  { code: '32070', paperName: 'Samcheok city', designatedYear: 2006, source: 'paper' },
  { code: '34050', paperName: 'Seosan city', designatedYear: 2006, potentialYear: 2005, source: 'paper-plan' },
  { code: '38110', paperName: 'Changwon city', designatedYear: 2004, source: 'assumed' },
  { code: '35010', paperName: 'Jeonju city', designatedYear: 2004, source: 'assumed' },
  { code: '11210', paperName: 'Gwanak Gu', designatedYear: 2004, source: 'assumed' },
  { code: '31210', paperName: 'Icheon city', designatedYear: 2004, source: 'assumed' },
  { code: '34310', paperName: 'Geumsan Gun', designatedYear: 2004, source: 'assumed' },
  { code: '37040', paperName: 'Andong city', designatedYear: 2005, source: 'assumed' },
  { code: '36010', paperName: 'Mokpo city', designatedYear: 2005, source: 'assumed' },
  { code: '37390', paperName: 'Chilgok Gun', designatedYear: 2005, source: 'assumed' },
  { code: '39020', paperName: 'Seogwipo city', designatedYear: 2005, source: 'assumed' },
  // Our users' stories (the Ansan migrant) and two cities known for learning-city practice (domain.md §5).
  { code: '31090', designatedYear: 2007, source: 'synthetic' },
  { code: '31100', designatedYear: 2008, source: 'synthetic' },
  { code: '31130', designatedYear: 2010, source: 'synthetic' },
  { code: '31010', designatedYear: 2011, source: 'synthetic' },
];

/**
 * Cumulative number of designated learning cities, at the years public sources give (domain.md §2);
 * years between are interpolated when the national-scale generator writes synthetic histories.
 */
export const nationalDesignationTotals: Readonly<Record<number, number>> = {
  2001: 3, 2002: 6, 2003: 9, 2005: 33, 2006: 57, 2007: 76, 2020: 175, 2021: 181, 2024: 198, 2025: 201,
};

export function cumulativeTarget(year: number): number {
  const years = Object.keys(nationalDesignationTotals).map(Number).sort((a, b) => a - b);
  if (year <= years[0]!) return nationalDesignationTotals[years[0]!]!;
  for (let i = 1; i < years.length; i++) {
    const [y0, y1] = [years[i - 1]!, years[i]!];
    if (year <= y1) {
      const [c0, c1] = [nationalDesignationTotals[y0]!, nationalDesignationTotals[y1]!];
      return Math.round(c0 + ((c1 - c0) * (year - y0)) / (y1 - y0));
    }
  }
  return nationalDesignationTotals[years[years.length - 1]!]!;
}
