/** Colour bins for "year first designated": dark for the pioneers of 2001, light for the newest. */
export const designationBins: readonly { from: number; to: number; colour: string }[] = [
  { from: 2001, to: 2003, colour: '#08306b' },
  { from: 2004, to: 2006, colour: '#2171b5' },
  { from: 2007, to: 2012, colour: '#4292c6' },
  { from: 2013, to: 2019, colour: '#41ab5d' },
  { from: 2020, to: 9999, colour: '#a1d99b' },
];

export function designationColour(year: number | null): string {
  if (year === null) return '#b1b8be';
  return designationBins.find((bin) => year >= bin.from && year <= bin.to)?.colour ?? '#b1b8be';
}

export function binLabel(bin: (typeof designationBins)[number]): string {
  return bin.to === 9999 ? `${bin.from}–` : `${bin.from}–${bin.to}`;
}
