/** The stylesheet `scripts/build.mjs` writes to dist/webview/main.css: the diagram's and the page's. */
import { DIAGRAM_CSS } from '../../server/src/graph/svg/theme';
import { PAGE_CSS } from './page-css';

export const css = DIAGRAM_CSS + PAGE_CSS;
