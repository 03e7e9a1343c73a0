/**
 * Pretendard GOV, KRDS's typeface, in unicode-range chunks (vite.config.ts keeps their woff2 only): a page downloads
 * the chunks holding the characters it shows, not three whole fonts (issue 11, finding 12). Imported after the first
 * render (main.tsx), so that its @font-face rules do not hold up the first paint and its chunks do not queue ahead of
 * the page's own requests; text shows in the system font until they arrive (font-display: swap).
 *
 * A browser's first visit downloads the regular weight only: the medium and bold weights would double what a
 * phone downloads for its first page (decision 014). Until then the browser draws bold from the regular weight
 * (and medium as regular); once this browser has the regular chunks, every later visit takes all three weights.
 */
import 'pretendard-gov/dist/web/static/PretendardGOV-Regular.css';

const WEIGHTS_KEY = 'learning-city.font-weights';

if (localStorage.getItem(WEIGHTS_KEY) === 'all') {
  void import('pretendard-gov/dist/web/static/PretendardGOV-Medium.css');
  void import('pretendard-gov/dist/web/static/PretendardGOV-Bold.css');
} else {
  void document.fonts.ready.then(() => localStorage.setItem(WEIGHTS_KEY, 'all'));
}
