/**
 * Services in the diagram panel in headless Chromium: in a narrow panel they stand above the pod
 * and the whole diagram fits; a wide panel puts them beside it again; the legend explains their
 * lines with enough contrast in every theme.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../server/src/core/analyze';
import { podGraphFor } from '../../server/src/graph/query';
import { podWithServices as source } from '../helpers/services-pod';
import { peer } from '../helpers/workspace';
import { contrast, openPage, posted, send, skip, updateFor, useChromium } from './page';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const document: any, window: any;
declare function getComputedStyle(element: unknown): { backgroundColor: string; fill: string; stroke: string };

useChromium();


interface Fit {
  readonly outside: string[];
  readonly scroll: boolean;
  readonly above: boolean;
  readonly legend: string[];
}

const fit = (page: Awaited<ReturnType<typeof openPage>>): Promise<Fit> =>
  page.evaluate(() => {
    const view = document.getElementById('view').getBoundingClientRect();
    const outside: string[] = [];
    for (const el of document.querySelectorAll('#canvas [data-id], #canvas .legend text')) {
      const r = el.getBoundingClientRect();
      if (r.left < view.left - 0.5 || r.right > view.right + 0.5 || r.top < view.top - 0.5 || r.bottom > view.bottom + 0.5) outside.push(el.getAttribute('data-id') ?? el.textContent);
    }
    const v = document.getElementById('view');
    return {
      outside,
      scroll: v.scrollWidth > v.clientWidth || v.scrollHeight > v.clientHeight,
      above: document.querySelector('svg.pd').classList.contains('services-above'),
      legend: [...document.querySelectorAll('svg.pd .legend text')].map((t: { textContent: string }) => t.textContent),
    };
  });

test('a narrow panel: the Services stand above the pod and everything fits; a wide panel puts them beside it', { skip }, async () => {
  for (const width of [420, 560, 700]) {
    const page = await openPage('light', { width, height: 900 });
    await send(page, updateFor(source));
    await page.locator('svg.pd [data-id="svc:1"]').waitFor();
    const narrow = await fit(page);
    assert.equal(narrow.above, true, `${width} px: Services above the pod`);
    assert.deepEqual(narrow.outside, [], `${width} px`);
    assert.equal(narrow.scroll, false, `${width} px: no scrollbar`);
    assert.ok(narrow.legend.includes('Service → port') && narrow.legend.includes('Service → nothing serves'), narrow.legend.join(' | '));
    if (width === 700) {
      await page.setViewportSize({ width: 1400, height: 900 });
      await page.waitForFunction(() => !document.querySelector('svg.pd').classList.contains('services-above'));
      assert.deepEqual((await fit(page)).outside, [], '1400 px');
    }
    await page.close();
  }
});

test('legend: the Service line swatches meet 3:1 against the background in light, dark and high contrast', { skip }, async () => {
  for (const theme of ['light', 'dark', 'hc'] as const) {
    const page = await openPage(theme, { width: 1000, height: 800 });
    await send(page, updateFor(source));
    await page.locator('svg.pd .legend').waitFor();
    const colours = await page.evaluate(() => ({
      bg: getComputedStyle(document.body).backgroundColor,
      swatches: [...document.querySelectorAll('svg.pd .legend polyline.service')].map((s) => ({ cls: s.getAttribute('class'), stroke: getComputedStyle(s).stroke })),
    }));
    assert.equal(colours.swatches.length, 2, `${theme}: normal and broken`);
    for (const s of colours.swatches) assert.ok(contrast(s.stroke, colours.bg) >= 3, `${theme}: swatch ${s.cls} ${s.stroke} on ${colours.bg}: ${contrast(s.stroke, colours.bg).toFixed(2)}`);
    await page.close();
  }
});

test('a click on a Service of another file posts its id, for the extension to open that file at the Service', { skip }, async () => {
  const pod = source.slice(0, source.indexOf('---'));
  const services = source.slice(source.indexOf('---') + 4);
  const r = podGraphFor(analyzeText(pod), 1, 'en', {}, undefined, { source: '/ws/app/web.yaml', peers: [peer(services, '/ws/app/svc.yaml')] });
  const location = r.graph?.services?.[0]?.location;
  assert.equal(location?.uri, '/ws/app/svc.yaml');
  const page = await openPage('light', { width: 1000, height: 800 });
  await send(page, { type: 'update', graph: r.graph, pods: r.pods, active: r.active, strings: r.strings, uri: 'file:///ws/app/web.yaml', fileName: 'web.yaml' });
  await page.locator('svg.pd [data-id="svc:0"]').click({ position: { x: 20, y: 10 } });
  await page.waitForFunction(() => (window.__posted as { type: string }[]).some((m) => m.type === 'reveal'));
  const reveal = (await posted(page)).find((m) => m.type === 'reveal');
  assert.equal(reveal?.id, 'svc:0');
  assert.deepEqual(reveal?.range, location?.range);
  await page.close();
});
