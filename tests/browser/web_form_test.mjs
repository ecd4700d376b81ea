// Browser test: the web form in real headless Chromium, driven by
// playwright-core, against tinhgon-serve on 127.0.0.1.
//
//   node web_form_test.mjs INDEX_BIN SERVE_BIN SAMPLES_DIR WORK_DIR SCREENSHOT
//
// Exits 0 when every check passes, 1 otherwise, 77 (skipped) without Chromium.

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const [indexBin, serveBin, samples, work, screenshot] = process.argv.slice(2);
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const chromiumPath = '/usr/bin/chromium';
if (!existsSync(chromiumPath)) {
  console.log('skipped: no Chromium at ' + chromiumPath);
  process.exit(77);
}

let passed = 0;
let failed = 0;
function check(condition, what) {
  if (condition) {
    passed++;
  } else {
    failed++;
    console.log('FAILED: ' + what);
  }
}

// An index of the samples plus one report that tries to inject markup.
rmSync(work, { recursive: true, force: true });
mkdirSync(join(work, 'hostile'), { recursive: true });
writeFileSync(join(work, 'hostile', 'xss.txt'),
  'Báo cáo thử <script>alert("report")</script> "><img src=x onerror=alert(1)>\n\n' +
  'Huyện Đầm Hà hợp nhất văn phòng. <a href="javascript:alert(2)">liên kết</a>\n');
execFileSync(indexBin, ['--db', join(work, 'index'), samples, join(work, 'hostile')], { stdio: 'ignore' });

const server = spawn(serveBin, ['--db', join(work, 'index'), '--host', '127.0.0.1', '--port', '0']);
const base = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('tinhgon-serve did not start')), 10000);
  server.stdout.on('data', (chunk) => {
    const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(chunk.toString());
    if (m) {
      clearTimeout(timer);
      resolve('http://127.0.0.1:' + m[1]);
    }
  });
  server.on('exit', () => reject(new Error('tinhgon-serve exited')));
});

const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
         '--disable-sync', '--no-first-run', '--disable-quic'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  let dialogs = 0;
  page.on('dialog', async (dialog) => { dialogs++; await dialog.dismiss(); });

  // A journalist types without diacritics.
  await page.goto(base + '/');
  await page.fill('#q', 'hop nhat van phong');
  await Promise.all([page.waitForURL(/\/search\?/), page.press('#q', 'Enter')]);
  const titles = await page.$$eval('.hit h3', (hs) => hs.map((h) => h.textContent));
  check(titles.length > 0, 'the unaccented query finds reports');
  check(titles.some((t) => t.includes('hợp nhất') || t.includes('Hợp nhất')), 'results written with diacritics are found');
  check((await page.$$('.snippet mark')).length > 0, 'snippets mark the matched words');

  // Clicking a province facet filters and shows a removable chip.
  const facet = page.locator('.facet a', { hasText: 'Bắc Kạn' }).first();
  const facetCount = Number(await facet.locator('xpath=following-sibling::span').textContent());
  await Promise.all([page.waitForURL(/province=06/), facet.click()]);
  const chip = await page.locator('.chips a').first().textContent();
  check(chip && chip.includes('Bắc Kạn'), 'the active filter shows as a chip');
  // The filter keeps exactly the reports the facet counted (every report
  // that names the province, whatever its primary place).
  const summaryCount = Number((await page.locator('.summary').textContent()).split(' ')[0]);
  check(facetCount > 0 && summaryCount === facetCount, `the filter keeps the ${facetCount} counted reports`);
  const places = await page.$$eval('.hit .meta', (ms) => ms.map((m) => m.textContent));
  check(places.some((p) => p.includes('Bắc Kạn')), 'reports about Bắc Kạn are among them');
  mkdirSync(dirname(screenshot), { recursive: true });
  await page.screenshot({ path: screenshot, fullPage: true });

  // Readable on a phone: the layout fits a narrow screen without sideways scrolling.
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 0, 'no horizontal scrolling at phone width');
  await page.setViewportSize({ width: 1200, height: 900 });

  // The area now called X: under a 2025 province its communes are a facet;
  // one keeps the reports its count promised, old units included, and a
  // report's page links each place to the 2025 commune holding it now.
  await page.goto(base + '/search?province_2025=22');
  const group = page.locator('.facet', { has: page.locator('h2', { hasText: 'Xã/phường (từ 1/7/2025)' }) });
  const commune = group.locator('a', { hasText: 'Xã Đầm Hà' });
  check(await commune.count() === 1, 'the 2025 communes of the 2025 province are a facet');
  const communeCount = Number(await commune.locator('xpath=following-sibling::span').textContent());
  await Promise.all([page.waitForURL(/commune_2025=06895/), commune.click()]);
  const communeChip = await page.locator('.chips a', { hasText: 'Xã/phường (từ 1/7/2025)' }).textContent();
  check(communeChip.includes('Xã Đầm Hà'), `the 2025 commune shows as a chip (${communeChip})`);
  const communeTotal = Number((await page.locator('.summary').textContent()).split(' ')[0]);
  check(communeCount > 0 && communeTotal === communeCount, `the 2025 commune keeps the ${communeCount} counted reports`);
  await Promise.all([page.waitForURL(/\/documents\//), page.locator('.hit h3 a').first().click()]);
  const now = page.locator('.localities a.now', { hasText: 'Đầm Hà' });
  check(await now.count() > 0, 'the report page links its place to the 2025 commune holding it now');
  await Promise.all([page.waitForURL(/commune_2025=06895/), now.first().click()]);
  check(Number((await page.locator('.summary').textContent()).split(' ')[0]) === communeCount,
    'the link finds everything about that area');

  // Did you mean: the unaccented query is offered with its diacritics, as a link.
  await page.goto(base + '/search?q=' + encodeURIComponent('hop nhat van phong'));
  const suggestion = page.locator('.notice a', { hasText: 'hợp nhất văn phòng' });
  check(await suggestion.count() === 1, 'a suggestion with diacritics is offered');
  await Promise.all([page.waitForURL(/q=h%E1%BB%A3p/), suggestion.click()]);
  check((await page.locator('#q').inputValue()) === 'hợp nhất văn phòng', 'the suggestion link searches it');

  // Keys typed with the input method off, a slip, and words no report holds: said in Vietnamese.
  await page.goto(base + '/search?q=' + encodeURIComponent('hojwp nhaats vawn phogn'));
  const typed = await page.locator('.notice').first().textContent();
  check(typed.includes('Đã tìm «hợp nhất văn phong»'), `Telex and a slip are searched as meant (${typed})`);
  check(await page.locator('.notice a', { hasText: 'Tìm đúng như đã gõ' }).count() === 1, 'the search as typed is offered');
  await page.goto(base + '/search?q=' + encodeURIComponent('hợp nhất văn phòng xyzzyq'));
  const relaxed = await page.locator('.notice').allTextContents();
  check(relaxed.some((t) => t.includes('Không báo cáo nào có từ «xyzzyq»')), 'a relaxed search says which word it left out');
  check((await page.$$('.hit')).length > 0, 'and shows what the other words find');

  // The export link: every hit of the search, not a page, Vietnamese intact.
  await page.goto(base + '/search?q=' + encodeURIComponent('giảm'));
  const total = Number((await page.locator('.summary').textContent()).split(' ')[0]);
  const csvHref = await page.locator('.summary a', { hasText: 'Tải CSV' }).getAttribute('href');
  const csv = await (await page.request.get(new URL(csvHref, base).href)).text();
  const rows = csv.split('\r\n').filter((line) => line.length > 0);
  check(total > 10 && rows.length - 1 === total, `the CSV holds all ${total} reports, not one page (${rows.length - 1})`);
  check(csv.includes('Giảm biên chế, cán bộ') || csv.includes('Hợp nhất'), 'the CSV keeps Vietnamese labels');

  // The feed link: a valid Atom document a feed reader (here the browser's XML parser) reads.
  const atomHref = await page.locator('link[rel=alternate][type="application/atom+xml"]').getAttribute('href');
  const atom = await (await page.request.get(new URL(atomHref, base).href)).text();
  const feed = await page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    const atomNs = 'http://www.w3.org/2005/Atom';
    return { broken: doc.getElementsByTagName('parsererror').length > 0, root: doc.documentElement.localName,
             ns: doc.documentElement.namespaceURI, entries: doc.getElementsByTagNameNS(atomNs, 'entry').length };
  }, atom);
  check(!feed.broken && feed.root === 'feed' && feed.ns === 'http://www.w3.org/2005/Atom', 'the feed is Atom XML');
  check(feed.entries === Math.min(total, 50), `the feed lists the newest ${Math.min(total, 50)} reports (${feed.entries})`);

  // A refused search says why in Vietnamese and keeps the filters, the dates and the facets.
  await page.goto(base + '/search?q=' + encodeURIComponent('văn phòng') + '&province=06&from=01/01/2020&to=01/01/2019');
  const error = await page.locator('.error').textContent();
  check(error.includes('Ngày bắt đầu (01/01/2020) sau ngày kết thúc (01/01/2019)'), `the error is Vietnamese (${error})`);
  check((await page.locator('#from').inputValue()) === '01/01/2020', 'the date typed stays in the form');
  check(await page.locator('.chips a', { hasText: 'Bắc Kạn' }).count() === 1, 'the province filter stays');
  check(await page.locator('.facet').count() > 0, 'the facets stay');

  // Charts: reports by year above the results, with a text alternative and a table.
  await page.goto(base + '/search');
  const chart = page.locator('.time-chart svg[role=img]');
  check(await chart.count() === 1, 'a chart of the reports by year');
  const labelled = await chart.getAttribute('aria-labelledby');
  const alternative = await page.locator('#' + labelled.split(' ')[1]).textContent();
  check(alternative.startsWith('Số báo cáo theo năm:'), `the chart has a text alternative (${alternative.slice(0, 40)})`);
  check(await page.locator('.time-chart details table tbody tr').count() >= 2, 'the chart has its table');
  check(await page.locator('.facet svg[role=img]').count() > 0, 'the province facet has a chart');
  await page.goto(base + '/search?q=' + encodeURIComponent('văn phòng'));
  await page.screenshot({ path: join(dirname(screenshot), 'results.png'), fullPage: true });

  // On a phone the filters sit below the results, reached from the top.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(base + '/search?q=' + encodeURIComponent('văn phòng'));
  const toFilters = page.locator('.to-filters a');
  check(await toFilters.isVisible(), 'a link to the filters shows at phone width');
  await toFilters.click();
  const filtersTop = await page.locator('#filters').evaluate((e) => e.getBoundingClientRect().top);
  check(Math.abs(filtersTop) < 50, `the link brings the filters into view (${filtersTop})`);
  await page.setViewportSize({ width: 1200, height: 900 });

  // Places side by side: typed by name, compared in a table and a chart.
  await page.goto(base + '/compare');
  await page.fill('#place-1', 'Bắc Kạn');
  await page.fill('#place-2', 'Quảng Ninh');
  await Promise.all([page.waitForURL(/\/compare\?/), page.press('#place-2', 'Enter')]);
  check(await page.locator('table.comparison thead th').count() === 3, 'the two places are columns of the table');
  check(await page.locator('.compare svg[role=img]').count() === 1, 'the totals are a chart');
  await page.screenshot({ path: join(dirname(screenshot), 'compare.png'), fullPage: true });

  // A report's page opened from the results: the words marked, the way back.
  await page.goto(base + '/search?q=' + encodeURIComponent('hợp nhất văn phòng'));
  await Promise.all([page.waitForURL(/\/documents\//), page.locator('.hit h3 a').first().click()]);
  check(await page.locator('.report .text mark').count() > 0, 'the report page marks the searched words');
  await page.screenshot({ path: join(dirname(screenshot), 'document.png'), fullPage: true });
  await Promise.all([page.waitForURL(/\/search\?/), page.locator('.back a').click()]);
  check((await page.locator('#q').inputValue()) === 'hợp nhất văn phòng', 'the way back returns to the results');

  // Hostile input: in the query, and in an indexed report.
  await page.goto(base + '/search?q=' + encodeURIComponent('<script>alert(1)</script> "><img src=x onerror=alert(3)>'));
  const summary = await page.locator('.summary').textContent();
  check(summary.includes('<script>alert(1)</script>'), 'the query is echoed as text');
  await page.goto(base + '/search?q=' + encodeURIComponent('báo cáo thử'));
  const hostile = await page.locator('.hit h3 a').first().textContent();
  check(hostile.includes('<script>'), 'a report title with markup is shown as text');
  const link = page.locator('.hit h3 a').first();
  await link.click();
  await page.waitForLoadState('load');
  check(await page.locator('article.report h1').count() === 1, 'the document page opens');
  check((await page.$$('script')).length === 0, 'no script element on any page');
  check((await page.$$('img')).length === 0, 'no injected image');
  check((await page.$$('a[href^="javascript:"]')).length === 0, 'no javascript: link');
  check(dialogs === 0, 'no script ran');

  // Accessibility: axe-core on every kind of page (injected in a context
  // that bypasses the pages' CSP, which allows no script).
  const audit = await browser.newContext({ bypassCSP: true, viewport: { width: 1200, height: 900 } });
  const auditPage = await audit.newPage();
  const pages = {
    'the landing page': '/',
    'a results page': '/search?q=' + encodeURIComponent('hợp nhất văn phòng'),
    'a results page with filters': '/search?province=06',
    'a refused search': '/search?from=01/01/2020&to=01/01/2019',
    'a report page': '/documents/kb-2019-001?q=' + encodeURIComponent('văn phòng') + '&back=/search',
    'an unknown report': '/documents/no-such-report',
    'the comparison form': '/compare',
    'a comparison': '/compare?q=' + encodeURIComponent('văn phòng') + '&place=06&place=22&place=200',
  };
  for (const [name, path] of Object.entries(pages)) {
    await auditPage.goto(base + path);
    await auditPage.addScriptTag({ content: axeSource });
    const result = await auditPage.evaluate(async () =>
      // eslint-disable-next-line no-undef
      axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
    const violations = result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    check(violations.length === 0, `axe-core finds no WCAG 2.1 A/AA violation on ${name}: ${violations.join(', ')}`);
    check(result.passes.length > 0, `axe-core ran on ${name}`);
  }
  await audit.close();
} finally {
  await browser.close();
  server.kill();
}
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
