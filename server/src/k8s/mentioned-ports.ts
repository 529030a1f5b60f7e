/**
 * Port numbers a container's command line or env names for a process Podsight does not model
 * (`gunicorn --bind 0.0.0.0:8000`, `--port=9000`, `-p 3000`, `PORT=8080`): a server whose image
 * is unknown may well listen there, whatever its declarations say (sweep DC: a Service on the
 * gunicorn port was told to use the declared 5000 instead).
 */
import type { Document } from 'yaml';
import { envOf } from './env';
import { isLoopback, normaliseHost } from './listen-values';
import { flagHits } from './command-flags';
import type { ContainerModel } from './pod-model';

const HOST_PORT = /^(?:.*[=@])?([\w.-]*|\[[\da-fA-F:]*\]|\*)?:(\d{2,5})\/?$/;
const PORT_FLAG = /^--?[\w.-]*port$/i;

const MANAGER_FLAG = /^--?(metrics-bind-address|metrics-addr|health-probe-bind-address)(=|$)/;

const valid = (n: number): boolean => n > 0 && n <= 65535;

export function mentionedPorts(container: ContainerModel, doc: Document): number[] {
  const env = envOf(container, doc);
  const words = env.commandArgs.flatMap((a) => a.node.value.split(/\s+/)).map((w) => w.replace(/^["']|["',;]$/g, ''));
  const out: number[] = [];
  words.forEach((word, i) => {
    // A manager's metrics and health flags are read as the manager reads them (manager-flags.ts).
    if (MANAGER_FLAG.test(word) || MANAGER_FLAG.test(words[i - 1] ?? '')) return;
    const hostPort = HOST_PORT.exec(word);
    // A loopback bind serves no Service (service-target-port says so of the servers it knows).
    if (hostPort) {
      if (!isLoopback(normaliseHost(hostPort[1] ?? ''))) out.push(Number(hostPort[2]));
      return;
    }
  });
  for (const hit of flagHits(words.map((text) => ({ text })))) if (PORT_FLAG.test(hit.flag) && /^\d{2,5}$/.test(hit.value)) out.push(Number(hit.value));
  for (const entry of env.entries) {
    const value = entry.valueNode?.value;
    if (entry.name && /PORT$/i.test(entry.name) && value && /^\d{2,5}$/.test(value)) out.push(Number(value));
  }
  return [...new Set(out.filter(valid))];
}
