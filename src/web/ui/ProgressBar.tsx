/** How far along long work is, in words and as a bar that screen readers announce. */
export function ProgressBar({ label, done, total }: { label: string; done: number; total: number }) {
  const percent = total > 0 ? Math.round((100 * Math.min(done, total)) / total) : 0;
  return (
    <div className="lc-progress">
      <div className="lc-progress-label" aria-live="polite">{label} · {percent}%</div>
      <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="lc-progress-track">
        <div className="lc-progress-fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
