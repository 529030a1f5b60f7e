/** Layout checks shared by the diagram tests: a pod of any size, and the geometric invariants. */
import assert from 'node:assert/strict';
import type { Box, Layout } from '../../../server/src/graph/svg/layout';
import { textWidth } from '../../../server/src/graph/svg/text';

/** A pod with `n` containers of every role, ports (declared and implied), mounts and volumes. */
export function manyContainerPod(n: number): string {
  const roles = ['app', 'init', 'sidecar', 'app', 'ephemeral', 'app'];
  const lists: Record<string, string[]> = { initContainers: [], containers: [], ephemeralContainers: [] };
  for (let i = 0; i < n; i++) {
    const role = roles[i % roles.length];
    const list = role === 'init' || role === 'sidecar' ? 'initContainers' : role === 'ephemeral' ? 'ephemeralContainers' : 'containers';
    const image = i % 3 === 0 ? 'nginx:1.27' : `registry.example.com/team/a-rather-long-image-name-number-${i}:v1.2.3`;
    const ports = i % 3 === 0 ? '' : `\n    ports:\n    - {containerPort: ${8000 + i}, name: p${i}, hostPort: ${9000 + i}}\n    - {containerPort: ${7000 + i}, protocol: UDP}`;
    const mounts = `\n    volumeMounts:\n    - {name: shared, mountPath: /var/lib/shared/data/container-${i}/with/a/long/path${i % 2 ? ', readOnly: true' : ''}}\n    - {name: vol${i % 4}, mountPath: /v${i}}`;
    const restart = role === 'sidecar' ? '\n    restartPolicy: Always' : '';
    lists[list]!.push(`  - name: container-with-a-long-name-${i}\n    image: ${image}${restart}${ports}${mounts}`);
  }
  const body = Object.entries(lists)
    .filter(([, items]) => items.length > 0)
    .map(([k, items]) => `  ${k}:\n${items.join('\n')}`)
    .join('\n');
  const volumes = ['  - {name: shared, emptyDir: {}}', '  - {name: vol0, configMap: {name: c}}', '  - {name: vol1, secret: {secretName: s}}', '  - {name: vol2, persistentVolumeClaim: {claimName: data}}', '  - {name: vol3, hostPath: {path: /var/log}}'];
  return `apiVersion: v1\nkind: Pod\nmetadata: {name: big}\nspec:\n${body}\n  volumes:\n${volumes.join('\n')}\n`;
}

const overlap = (a: Box, b: Box): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const inside = (inner: Box, outer: Box): boolean => inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;

export function checkLayout(layout: Layout, label: string): void {
  const nodes = layout.nodes;
  const top = [...nodes.filter((n) => !n.parent && n.kind !== 'pod').map((n) => n.box), ...layout.labels.map((l) => l.box)];
  // Boxes of containers, volumes, the infra container and the lane headings never overlap.
  for (let i = 0; i < top.length; i++) for (let j = i + 1; j < top.length; j++) assert.ok(!overlap(top[i]!, top[j]!), `${label}: ${JSON.stringify(top[i])} overlaps ${JSON.stringify(top[j])}`);
  for (const n of nodes) {
    // Everything is inside the pod boundary; rows inside their container, clear of its title and image lines.
    // Services stand in front of the pod: left of its box, or above it when narrow, never in it.
    if (n.kind === 'service' || n.kind === 'service-port') {
      const front = layout.servicesAbove ? n.box.y + n.box.h < layout.podBox.y : n.box.x + n.box.w < layout.podBox.x;
      assert.ok(front, `${label}: ${n.id} not in front of the pod`);
    }
    else if (n.kind !== 'pod') assert.ok(inside(n.box, layout.podBox), `${label}: ${n.id} outside the pod`);
    if (n.parent) {
      const parent = nodes.find((p) => p.id === n.parent);
      assert.ok(parent && inside(n.box, parent.box), `${label}: ${n.id} outside its container`);
      assert.ok(n.box.y >= parent.box.y + 40, `${label}: ${n.id} covers its container's title`);
      for (const sibling of nodes.filter((s) => s.parent === n.parent && s !== n)) assert.ok(!overlap(n.box, sibling.box), `${label}: ${n.id} overlaps ${sibling.id}`);
    }
    // Every text fits inside its node (estimated width; the baseline leaves room for the glyphs).
    for (const t of n.texts) {
      assert.ok(t.x + textWidth(t.text, t.size) <= n.box.x + n.box.w, `${label}: text "${t.text}" of ${n.id} overflows`);
      assert.ok(t.y - t.size >= n.box.y - 1 && t.y + 3 <= n.box.y + n.box.h, `${label}: text "${t.text}" of ${n.id} overflows vertically`);
    }
  }
  // Edges and links run only through free space: no segment crosses a box except the ones it joins.
  const boxes = nodes.filter((n) => n.kind === 'container' || n.kind === 'volume' || n.kind === 'infra' || n.kind === 'service');
  for (const p of layout.paths) {
    for (let k = 0; k + 1 < p.points.length; k++) {
      const [x1, y1] = p.points[k]!;
      const [x2, y2] = p.points[k + 1]!;
      const seg: Box = { x: Math.min(x1, x2) + 0.5, y: Math.min(y1, y2) + 0.5, w: Math.max(Math.abs(x2 - x1) - 1, 0.01), h: Math.max(Math.abs(y2 - y1) - 1, 0.01) };
      for (const b of boxes) {
        const touchesEnd = [p.points[0]!, p.points[p.points.length - 1]!].some(([x, y]) => x >= b.box.x && x <= b.box.x + b.box.w && y >= b.box.y && y <= b.box.y + b.box.h);
        if (touchesEnd && (k === 0 || k + 2 === p.points.length)) continue;
        assert.ok(!overlap(seg, b.box), `${label}: ${p.cls} segment ${k} crosses ${b.id}`);
      }
    }
  }
  assert.ok(layout.legend.every((l) => l.swatch.y > layout.podBox.y + layout.podBox.h), 'legend below the pod');
}

