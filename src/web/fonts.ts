/**
 * Pretendard GOV, KRDS's typeface, in unicode-range chunks (vite.config.ts keeps their woff2 only): a page downloads
 * the chunks holding the characters it shows, not three whole fonts (issue 11, finding 12). Imported after the first
 * render (main.tsx), so that its 360 @font-face rules do not hold up the first paint and its chunks do not queue
 * ahead of the page's own requests; text shows in the system font until they arrive (font-display: swap).
 */
import 'pretendard-gov/dist/web/static/PretendardGOV-Regular.css';
import 'pretendard-gov/dist/web/static/PretendardGOV-Medium.css';
import 'pretendard-gov/dist/web/static/PretendardGOV-Bold.css';
