// Opening a report as a reader does, in Debian's chromium driven by playwright-core: from disk, at a
// width. What the page said and asked for, its charts, and the chart labels that meet or are cut off.
// Used by the browser tests and by tools/check-report.ts (CI's look at the month's report).
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = process.env.ZHTEXT_CHROMIUM ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`no browser at ${CHROMIUM}: install Debian's chromium (apt-get install chromium fonts-noto-cjk), or set ZHTEXT_CHROMIUM`);
  // (the flags keep a headless browser from calling out of a closed network)
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface ChartSeen {
  name: string | null;
  /** the data's marks: filled shapes (axes and grid lines are strokes) */
  marks: number;
  labels: string[];
  width: number;
  wide: boolean;
}

export interface PageSeen {
  /** console errors and warnings, page errors, failed requests */
  problems: string[];
  requests: string[];
  charts: ChartSeen[];
  /** the page's own width (more than the viewport: it scrolls sideways) */
  pageWidth: number;
  /** the text of every evidence mark */
  marked: string[];
  /** "chart: a / b" for two labels of a chart whose boxes meet, "chart: a cut off" for one outside its chart */
  collisions: string[];
}

/** opens a report at a width, saves a full-page screenshot to `shot` (a .png path) when given, and says what it saw */
export async function openReport(browser: Browser, file: string, width: number, shot?: string): Promise<PageSeen> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`failed request: ${r.url()}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href);
  if (shot) {
    mkdirSync(join(shot, '..'), { recursive: true });
    await page.screenshot({ path: shot, fullPage: true });
  }
  const charts = await page.$$eval('svg.chart', (svgs) =>
    svgs.map((svg) => ({
      name: svg.getAttribute('aria-label'),
      marks: [...svg.querySelectorAll('path')].filter((p) => (p.getAttribute('fill') ?? 'none') !== 'none').length,
      labels: [...svg.querySelectorAll('text')].map((t) => t.textContent ?? ''),
      width: svg.getBoundingClientRect().width,
      wide: svg.classList.contains('wide'),
    })),
  );
  const collisions = await page.$$eval('svg.chart', (svgs) => {
    const found: string[] = [];
    for (const svg of svgs) {
      const name = svg.getAttribute('aria-label');
      // each visible label as the four corners of its box on the screen (turned labels stay turned), 1 px in from its edges
      const boxes: { text: string; corners: [number, number][] }[] = [];
      for (const t of svg.querySelectorAll('text')) {
        const style = getComputedStyle(t);
        const m = t.getScreenCTM();
        if (!m || style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0 || !t.textContent?.trim()) continue;
        const b = t.getBBox();
        const local: [number, number][] = [
          [b.x + 1, b.y + 1],
          [b.x + b.width - 1, b.y + 1],
          [b.x + b.width - 1, b.y + b.height - 1],
          [b.x + 1, b.y + b.height - 1],
        ];
        boxes.push({ text: t.textContent, corners: local.map(([x, y]) => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f]) });
      }
      const r = svg.getBoundingClientRect();
      for (const b of boxes) {
        if (b.corners.some(([x, y]) => x < r.left - 1 || x > r.right + 1 || y < r.top - 1 || y > r.bottom + 1)) found.push(`${name}: ${b.text} cut off`);
      }
      // two boxes meet unless the edges of one of them separate them (the separating axis theorem for convex shapes)
      const normals = (c: [number, number][]) => c.map(([x, y], i) => [y - c[(i + 1) % 4]![1], c[(i + 1) % 4]![0] - x] as const);
      const apart = (p: [number, number][], q: [number, number][]) =>
        [...normals(p), ...normals(q)].some(([ax, ay]) => {
          const a = p.map(([x, y]) => x * ax + y * ay);
          const b = q.map(([x, y]) => x * ax + y * ay);
          return Math.max(...a) <= Math.min(...b) || Math.max(...b) <= Math.min(...a);
        });
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++)
          if (!apart(boxes[i]!.corners, boxes[j]!.corners)) found.push(`${name}: ${boxes[i]!.text} / ${boxes[j]!.text}`);
      }
    }
    return found;
  });
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  const marked = await page.$$eval('.evidence mark', (marks) => marks.map((m) => m.textContent ?? ''));
  await page.close();
  return { problems, requests, charts, pageWidth, marked, collisions };
}

/** what a reader would see wrong at a width: problems, requests beyond the file, charts without marks, labels that meet, a page wider than the screen */
export function faultsOf(file: string, width: number, seen: PageSeen): string[] {
  const faults = [...seen.problems, ...seen.collisions];
  for (const r of seen.requests) if (r !== pathToFileURL(file).href) faults.push(`asked for ${r}`);
  for (const c of seen.charts) {
    if (c.marks === 0 && c.labels.length > 0) faults.push(`${c.name}: no marks`);
    // a wide chart may scroll inside its figure on a phone; the others fit the page
    if (!c.wide && c.width > width) faults.push(`${c.name}: ${Math.round(c.width)} px wide on a ${width} px page`);
  }
  if (seen.pageWidth > width) faults.push(`the page is ${seen.pageWidth} px wide at ${width}`);
  return faults;
}
