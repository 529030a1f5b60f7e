/**
 * The diagram webview in headless Chromium: the real page with a stub VS Code API (page.ts).
 * Waits poll with deadlines; nothing sleeps.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { examplesDir, repoRoot } from '../helpers/paths';
import { contrast, openPage, posted, send, skip, updateFor, useChromium, type Posted } from './page';

// Code passed to page.evaluate runs in the page; these type it without adding the DOM lib to the Node build.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const document: any, window: any;
declare function getComputedStyle(element: unknown): { backgroundColor: string };

useChromium();

const example = (name: string): string => readFileSync(join(examplesDir, name), 'utf8');

test('renders the seed shared-disk pod: infra, both containers, the emptyDir and both mount paths', { skip }, async () => {
  const page = await openPage();
  await send(page, updateFor(example('seed-shared-disk.yaml')));
  await page.locator('svg.pd').waitFor({ timeout: 10_000 });
  const text = await page.locator('svg.pd').textContent();
  for (const s of ['infra', 'mycon1', 'mycon2', 'mymount', 'emptyDir', '/root/.pm2/logs', '/pm2logs']) assert.ok(text?.includes(s), s);
  assert.equal(await page.locator('[data-id^="m:"]').count(), 2);
  assert.equal(await page.locator('#pod').isHidden(), true, 'no selector for one pod');
  await page.close();
});

test('clicks and the keyboard post reveal with the element\'s YAML range; pod selector and export post theirs', { skip }, async () => {
  const page = await openPage();
  const source = example('seed-shared-disk.yaml') + '---\n' + example('seed-port-conflict.yaml');
  const update = updateFor(source);
  await send(page, update);
  await page.locator('svg.pd').waitFor();
  assert.ok(update.type === 'update' && update.graph);
  const mount = update.graph.mounts[1]!;
  await page.locator(`[data-id="${mount.id}"]`).click();
  await page.waitForFunction(() => (window as unknown as { __posted: Posted[] }).__posted.some((m) => m.type === 'reveal'));
  const reveal = (await posted(page)).find((m) => m.type === 'reveal');
  assert.deepEqual(reveal, { type: 'reveal', id: mount.id, range: mount.selectionRange });
  assert.equal(source.split('\n')[mount.selectionRange.start.line]?.slice(mount.selectionRange.start.character, mount.selectionRange.end.character), '/pm2logs');

  // Keyboard: focus the first container and press Enter.
  const container = update.graph.containers[0]!;
  await page.locator(`[data-id="${container.id}"]`).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => (window as unknown as { __posted: Posted[] }).__posted.some((m) => m.type === 'reveal' && m.id === id), container.id);
  // Tab moves to the next node.
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-id'));
  assert.ok(focused && focused !== container.id, String(focused));
  assert.ok((await page.locator(`[data-id="${container.id}"]`).getAttribute('aria-label'))?.includes('mycon1'));

  // Two pods: a selector.
  await page.locator('#pod').selectOption('1');
  await page.waitForFunction(() => (window as unknown as { __posted: Posted[] }).__posted.some((m) => m.type === 'selectPod' && m.index === 1));
  await page.locator('#export').click();
  await page.waitForFunction(() => (window as unknown as { __posted: Posted[] }).__posted.some((m) => m.type === 'exportSvg'));

  // Highlight follows the editor's cursor.
  await send(page, { type: 'highlight', id: container.id });
  await page.locator(`[data-id="${container.id}"].highlight`).waitFor();
  await page.close();
});

test('updates keep zoom and scroll; state survives in setState', { skip }, async () => {
  const page = await openPage('light', { width: 400, height: 300 });
  const update = updateFor(example('diagram.yaml'));
  await send(page, update);
  await page.locator('svg.pd').waitFor();
  assert.equal(await page.locator('#fit').getAttribute('aria-pressed'), 'true');
  await page.locator('#zoom-reset').click();
  await page.locator('#zoom-in').click();
  assert.equal(await page.locator('#fit').getAttribute('aria-pressed'), 'false');
  await page.evaluate(() => document.getElementById('view')!.scrollTo(120, 90));
  await page.waitForFunction(() => ((window as unknown as { __state?: { scrollTop?: number } }).__state?.scrollTop ?? 0) > 0);
  await send(page, update);
  const after = await page.evaluate(() => ({
    zoom: (window as unknown as { __state: { zoom: number } }).__state.zoom,
    top: document.getElementById('view')!.scrollTop,
    width: Number(document.querySelector('svg.pd')!.getAttribute('width')),
    viewBox: Number(document.querySelector('svg.pd')!.getAttribute('viewBox')!.split(' ')[2]),
    level: document.getElementById('zoom-level')!.textContent,
  }));
  assert.equal(after.zoom, 1.25);
  assert.equal(after.top, 90);
  assert.equal(after.width, Math.floor(after.viewBox * 1.25));
  assert.equal(after.level, '125%');
  await page.close();
});

test('fit (the default) shows the whole diagram in the panel; a resize lays it out again', { skip }, async () => {
  const page = await openPage('light', { width: 620, height: 860 });
  await send(page, updateFor(example('diagram.yaml')));
  await page.locator('svg.pd').waitFor();
  const inside = (): Promise<{ outside: string[]; scroll: boolean; stacked: boolean }> =>
    page.evaluate(() => {
      const view = document.getElementById('view')!.getBoundingClientRect();
      const outside: string[] = [];
      for (const el of document.querySelectorAll('#canvas [data-id], #canvas .legend text')) {
        const r = el.getBoundingClientRect();
        if (r.left < view.left - 0.5 || r.right > view.right + 0.5 || r.top < view.top - 0.5 || r.bottom > view.bottom + 0.5) outside.push(el.getAttribute('data-id') ?? el.textContent);
      }
      const v = document.getElementById('view')!;
      return { outside, scroll: v.scrollWidth > v.clientWidth || v.scrollHeight > v.clientHeight, stacked: document.querySelector('svg.pd')!.classList.contains('stacked') };
    });
  const narrow = await inside();
  assert.deepEqual(narrow.outside, []);
  assert.equal(narrow.scroll, false);
  assert.equal(narrow.stacked, true, 'volumes under the containers at 620 px');
  await page.setViewportSize({ width: 1300, height: 860 });
  await page.waitForFunction(() => !document.querySelector('svg.pd')!.classList.contains('stacked'));
  assert.deepEqual((await inside()).outside, []);
  await page.close();
});

test('keyboard: arrow keys walk the nodes; a clash label reveals its finding', { skip }, async () => {
  const page = await openPage('light', { width: 900, height: 800 });
  const update = updateFor(example('seed-port-conflict.yaml'));
  await send(page, update);
  await page.locator('svg.pd').waitFor();
  await page.locator('[data-id="pod"]').focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-id')), 'infra');
  await page.keyboard.press('End');
  const last = await page.evaluate(() => document.activeElement?.getAttribute('data-id'));
  await page.keyboard.press('ArrowUp');
  assert.notEqual(await page.evaluate(() => document.activeElement?.getAttribute('data-id')), last);
  const clash = page.locator('[data-id="x:80/TCP"]');
  assert.match((await clash.getAttribute('aria-label')) ?? '', /Port clash on 80\/TCP between mycon1, mycon2/);
  await clash.click();
  await page.waitForFunction(() => (window as unknown as { __posted: Posted[] }).__posted.some((m) => m.type === 'reveal' && m.id === 'x:80/TCP'));
  const reveal = (await posted(page)).find((m) => m.type === 'reveal' && m.id === 'x:80/TCP') as unknown as { range: { start: { line: number } } };
  assert.equal(reveal.range.start.line, 15, 'the port-conflict finding on mycon2\'s containerPort');
  await page.close();
});

test('neighbourhood: a Service in front with a broken line for a wrong targetPort; a click on it selects the Service', { skip }, async () => {
  const page = await openPage();
  const source = `apiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app: web}}\nspec:\n  containers:\n  - {name: app, image: example.com/app:1, ports: [{containerPort: 8080}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports:\n  - {name: http, port: 80, targetPort: 8080}\n  - {name: admin, port: 81, targetPort: 9090}\n`;
  await send(page, updateFor(source));
  await page.locator('svg.pd [data-id="svc:0"]').waitFor();
  assert.equal(await page.locator('svg.pd polyline.edge.service:not(.legend *)').count(), 2);
  assert.equal(await page.locator('svg.pd polyline.edge.service.broken:not(.legend *)').count(), 1);
  assert.match((await page.locator('[data-id="svc:0:1"]').getAttribute('aria-label')) ?? '', /Service web, port admin 81→9090\. nothing in the pod serves 9090/);
  await page.locator('[data-id="svc:0:0"]').click();
  await page.waitForFunction(() => (window as unknown as { __posted: Posted[] }).__posted.some((m) => m.type === 'reveal'));
  const reveal = (await posted(page)).find((m) => m.type === 'reveal') as unknown as { range: { start: { line: number } } };
  assert.equal(reveal.range.start.line, 7, 'the Service');
  await page.close();
});

test('XSS: markup and script in names and images never run and show literally', { skip }, async () => {
  const page = await openPage();
  const evil = `apiVersion: v1
kind: Pod
metadata:
  name: "<img src=x onerror=window.__pwned=1>"
spec:
  containers:
  - name: "<script>window.__pwned=2</script>"
    image: "<img src=x onerror=window.__pwned=3>"
    ports:
    - {containerPort: 80, name: "<svg onload=window.__pwned=4>"}
    volumeMounts:
    - {name: "<b onmouseover=window.__pwned=5>v</b>", mountPath: "</text><script>window.__pwned=6</script>"}
  volumes:
  - name: "<b onmouseover=window.__pwned=5>v</b>"
    emptyDir: {}
`;
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await send(page, updateFor(evil, '<img src=x onerror=window.__pwned=7>.yaml'));
  await page.locator('svg.pd').waitFor();
  await page.locator('svg.pd [data-id^="m:"]').hover();
  const result = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: number }).__pwned,
    injected: document.querySelectorAll('#canvas img, #canvas script, #canvas b, #canvas svg svg, #file *').length,
    text: document.getElementById('canvas')!.textContent ?? '',
    file: document.getElementById('file')!.textContent,
  }));
  assert.equal(result.pwned, undefined);
  assert.equal(result.injected, 0);
  assert.ok(result.text.includes('<script>window.__pwned=2</script>'), result.text);
  assert.ok(result.text.includes('<img src=x onerror=window.__pwned=3>'));
  assert.ok(result.text.includes('<img src=x onerror=window.__pwned=1>'));
  assert.equal(result.file, '<img src=x onerror=window.__pwned=7>.yaml');
  assert.deepEqual(errors, []);
  await page.close();
});

test('light, dark and high-contrast screenshots (docs/images with PODSIGHT_UPDATE_SCREENSHOTS=1)', { skip }, async () => {
  const out = join(repoRoot, 'out', 'screenshots');
  mkdirSync(out, { recursive: true });
  for (const theme of ['light', 'dark', 'hc'] as const) {
    const page = await openPage(theme, { width: 940, height: 720 });
    await send(page, updateFor(example('diagram.yaml'), 'diagram.yaml'));
    await page.locator('svg.pd').waitFor();
    const name = `diagram-${theme === 'hc' ? 'high-contrast' : theme}.png`;
    const png = await page.screenshot({ fullPage: true });
    assert.ok(png.length > 10_000);
    // The theme reached the SVG: the canvas background is the theme's.
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(bg, { light: 'rgb(255, 255, 255)', dark: 'rgb(31, 31, 31)', hc: 'rgb(0, 0, 0)' }[theme]);
    writeFileSync(join(out, name), png);
    if (process.env.PODSIGHT_UPDATE_SCREENSHOTS === '1') writeFileSync(join(repoRoot, 'docs', 'images', name), png);
    await page.close();
  }
});

test('legend: text 4.5:1 and swatches 3:1 against the background, in light, dark and high contrast (WCAG AA)', { skip }, async () => {
  for (const theme of ['light', 'dark', 'hc'] as const) {
    const page = await openPage(theme, { width: 900, height: 800 });
    await send(page, updateFor(example('diagram.yaml')));
    await page.locator('svg.pd .legend').waitFor();
    const colours = await page.evaluate(() => {
      const bg = getComputedStyle(document.body).backgroundColor;
      const style = (el: unknown): { fill: string; stroke: string } => getComputedStyle(el) as unknown as { fill: string; stroke: string };
      const legend = document.querySelector('svg.pd .legend')!;
      return {
        bg,
        texts: [...legend.querySelectorAll('text')].map((t) => ({ text: t.textContent, fill: style(t).fill })),
        swatches: [...legend.querySelectorAll('rect, polyline')].map((s) => ({ cls: s.getAttribute('class'), stroke: style(s).stroke })),
      };
    });
    assert.equal(colours.texts.length, 8); // socket, undeclared listener, unserved declaration, call, rw, ro, error, warning
    for (const t of colours.texts) assert.ok(contrast(t.fill, colours.bg) >= 4.5, `${theme}: legend text "${t.text}" ${t.fill} on ${colours.bg}: ${contrast(t.fill, colours.bg).toFixed(2)}`);
    for (const s of colours.swatches) assert.ok(contrast(s.stroke, colours.bg) >= 3, `${theme}: swatch ${s.cls} ${s.stroke} on ${colours.bg}: ${contrast(s.stroke, colours.bg).toFixed(2)}`);
    // One line per row of items: no label is pushed onto a line of its own ("warning" was).
    const rows = await page.evaluate(() => new Set([...document.querySelectorAll('svg.pd .legend text')].map((t) => t.getAttribute('y'))).size);
    assert.ok(rows <= 2, `${theme}: ${rows} legend rows`);
    await page.close();
  }
});
