// Opens each report.html given at a laptop's width and a phone's, as the browser tests do, and
// fails (exit 1) on anything a reader would see wrong: a console error, a request beyond the file, a
// chart without marks, labels that meet or are cut off, a page wider than the screen.
//
//     node build/tools/check-report.js out/report.html [more.html …] [--shots dir]
import { basename, dirname, join, resolve } from 'node:path';
import { faultsOf, launchBrowser, openReport } from '../test/browser/page.js';

const WIDTHS = [1280, 390];

const args = process.argv.slice(2);
const shotsAt = args.indexOf('--shots');
const shots = shotsAt >= 0 ? args.splice(shotsAt, 2)[1] : undefined;
if (args.length === 0) {
  console.error('usage: check-report <report.html> [more.html …] [--shots dir]');
  process.exit(2);
}
const browser = await launchBrowser();
let failed = false;
try {
  for (const file of args.map((f) => resolve(f))) {
    for (const width of WIDTHS) {
      const shot = shots ? join(shots, `${basename(dirname(file))}-${width}.png`) : undefined;
      const seen = await openReport(browser, file, width, shot);
      const faults = faultsOf(file, width, seen);
      console.log(`${file} at ${width} px: ${seen.charts.length} charts, ${seen.marked.length} evidence marks, ${faults.length === 0 ? 'nothing wrong' : `${faults.length} faults`}`);
      for (const f of faults) console.log(`  ${f}`);
      if (faults.length > 0) failed = true;
    }
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
