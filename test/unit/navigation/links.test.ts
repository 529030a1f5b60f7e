import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze';
import { linksAt } from '../../../server/src/navigation/links';
import { yaml } from '../../helpers/check';
import { examplesDir } from '../../helpers/paths';

function linksOf(text: string, needle: string, occurrence = 0, delta = 1) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, needle);
  const links = linksAt(analyzeText(text), at + delta);
  return links && { ...links, defs: links.definitions.map((s) => [s.start, text.slice(s.start, s.end)]), refs: links.references.map((s) => [s.start, text.slice(s.start, s.end)]) };
}

test('a volumeMount name links to its volume and to the other mounts (seed shared disk)', () => {
  const text = readFileSync(join(examplesDir, 'seed-shared-disk.yaml'), 'utf8');
  const links = linksOf(text, 'mymount', 0);
  assert.equal(links?.kind, 'volume');
  assert.deepEqual(links?.defs, [[text.lastIndexOf('mymount'), 'mymount']]);
  assert.equal(links?.refs.length, 2);
  assert.deepEqual(linksOf(text, 'mymount', 2)?.refs, links?.refs, 'from the volume itself');
});

const app = yaml`
  apiVersion: apps/v1
  kind: StatefulSet
  metadata: {name: db}
  spec:
    template:
      metadata:
        labels: {app: db}
      spec:
        containers:
        - name: db
          ports:
          - containerPort: 5432
            name: pg
          readinessProbe:
            tcpSocket: {port: pg}
          lifecycle:
            preStop:
              tcpSocket:
                port: 5432
          volumeMounts:
          - {name: data, mountPath: /var/lib/postgresql}
    volumeClaimTemplates:
    - metadata: {name: data}
  ---
  apiVersion: v1
  kind: Service
  spec:
    selector: {app: db}
    ports:
    - port: 5432
      targetPort: pg
  ---
  apiVersion: v1
  kind: Service
  spec:
    selector: {app: other}
    ports:
    - port: 5432
      targetPort: pg
`;

test('probe port names, handler port numbers and Service targetPorts link to the container port', () => {
  const fromProbe = linksOf(app, 'port: pg}', 0, 6);
  assert.equal(fromProbe?.kind, 'port');
  assert.deepEqual(fromProbe?.defs.map((d) => d[1]), ['pg']);
  const fromService = linksOf(app, 'targetPort: pg', 0, 12);
  assert.deepEqual(fromService?.defs, fromProbe?.defs);
  const unselected = linksOf(app, 'targetPort: pg', 1, 12);
  assert.deepEqual(unselected?.defs, [], 'a Service that selects other pods links to nothing');
  const fromPort = linksAt(analyzeText(app), app.indexOf('name: pg') + 7);
  assert.equal(fromPort?.references.length, 2, 'the probe and the selecting Service');
  const fromNumber = linksAt(analyzeText(app), app.indexOf('containerPort: 5432') + 16);
  assert.equal(fromNumber?.references.length, 3, 'the number, and the name it carries');
});

test('StatefulSet claim templates are mount targets', () => {
  const links = linksAt(analyzeText(app), app.indexOf('{name: data') + 8);
  assert.equal(links?.kind, 'volume');
  assert.equal(links?.definitions.length, 1);
  assert.equal(app.slice(links?.definitions[0]?.start, links?.definitions[0]?.end), 'data');
});

test('nothing to link on other keys', () => {
  assert.equal(linksAt(analyzeText(app), app.indexOf('kind')), undefined);
});
