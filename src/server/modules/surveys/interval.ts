/**
 * A mean with its 95% confidence interval by Student's t (the answers of a city are a sample of its residents):
 * mean ± t(0.975, n − 1) · s / √n, s the sample standard deviation. From the count, mean and standard deviation
 * SQL gives (`count`, `avg`, `stddev_samp`), so no answer leaves the database.
 */
import jStat from 'jstat';

export interface MeanSummary {
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1 in the denominator); null for a single answer. */
  sd: number | null;
}

export interface MeanInterval {
  n: number;
  mean: number;
  /** Null when n < 2: one answer says nothing about the spread. */
  low: number | null;
  high: number | null;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Half the width of the 95% t-interval. */
export function halfWidth95(n: number, sd: number): number {
  return jStat.studentt.inv(0.975, n - 1) * sd / Math.sqrt(n);
}

/** The mean and its interval, rounded to 2 decimals as shown (the scale is 1–5; bounds are not clipped to it). */
export function meanInterval({ n, mean, sd }: MeanSummary): MeanInterval {
  if (n < 2 || sd === null) return { n, mean: round(mean, 2), low: null, high: null };
  const half = halfWidth95(n, sd);
  return { n, mean: round(mean, 2), low: round(mean - half, 2), high: round(mean + half, 2) };
}
