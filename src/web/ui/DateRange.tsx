/** From one day to another, each day kept on one line: a date split as "2027-" / "02-19" is easily misread. */
export function DateRange({ from, to }: { from: string; to: string }) {
  return <><span className="lc-nowrap">{from}</span> ~ <span className="lc-nowrap">{to}</span></>;
}
