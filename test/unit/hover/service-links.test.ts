/** The hover of a Service's name tells the variables its name puts into the namespace's containers. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze';
import { hoverAt } from '../../../server/src/hover';

const services = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: schema-registry\n  namespace: data\nspec:\n  selector: {app: k}\n  ports: [{port: 8081}]\n---\napiVersion: v1\nkind: Service\nmetadata: {name: kafka-headless}\nspec:\n  clusterIP: None\n  selector: {app: k}\n  ports: [{port: 9092}]\n';

const hover = (text: string, at: string, locale: 'en' | 'zh-cn' = 'en'): string => hoverAt(analyzeText(text), text.indexOf(at) + 1, locale)?.markdown ?? '';

test('hover on a Service name: its link variables, or none without a cluster IP', () => {
  const md = hover(services, 'schema-registry');
  assert.match(md, /`SCHEMA_REGISTRY_SERVICE_HOST`, `SCHEMA_REGISTRY_SERVICE_PORT`, `SCHEMA_REGISTRY_PORT=tcp:\/\/<cluster IP>:8081`/);
  assert.match(md, /started in `data`/);
  assert.match(hover(services, 'kafka-headless'), /has no cluster IP/);
  assert.match(hover(services, 'schema-registry', 'zh-cn'), /Service 链接环境变量/);
  // Other names in a Service (a port's name, a selector value) are not the Service's name.
  assert.doesNotMatch(hover(services.replace('{port: 8081}', '{name: http, port: 8081}'), 'http'), /Service links/);
});
