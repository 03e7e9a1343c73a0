/** The one part of jStat (no types of its own) the surveys module uses: Student's t quantile function. */
declare module 'jstat' {
  const jStat: { studentt: { inv(p: number, degreesOfFreedom: number): number } };
  export default jStat;
}
