import { launchChromium } from '../tests/e2e/browser';
import { E2E_URL } from '../tests/e2e/config';
import serveBuild from '../tests/e2e/serve-build';
import { seedProgress } from './bench/seed';

const stop = await serveBuild();
const browser = await launchChromium();
const page = await (await browser.newContext({ viewport: { width: 360, height: 780 }, colorScheme: (process.env.SCHEME as 'dark') ?? 'light' })).newPage();
await page.goto(`${E2E_URL}/`);
await page.getByRole('heading', { name: 'Today' }).waitFor();
await seedProgress(page, Number(process.env.CARDS ?? 300), Number(process.env.REVIEWS ?? 3000));
for (const path of (process.env.PATHS ?? '/stats').split(',')) {
  await page.goto(`${E2E_URL}${path}`);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/shots/${path.replace(/\W/g, '_') || 'home'}.png`, fullPage: true });
}
await browser.close();
stop();
