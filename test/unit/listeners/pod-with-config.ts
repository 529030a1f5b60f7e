/** A pod with one container `c` and a ConfigMap `conf` of configuration files; the container's listeners. */
import { analyzeText } from '../../../server/src/core/analyze';
import { configMapsOfAnalysis } from '../../../server/src/k8s/config-maps';
import { reasonText } from '../../../server/src/k8s/listen-reasons';
import { containerListeners, listenerText } from '../../../server/src/k8s/listeners';
import { t } from '../../../server/src/l10n';

/** A pod with one container `c` (image, args, mounts) and a ConfigMap `conf` holding `files`. */
export function podWith(image: string, mounts: string, files: Record<string, string>, extra = ''): string {
  const data = Object.entries(files)
    .map(([k, v]) => `  ${k}: |\n${v.replace(/^/gm, '    ')}`)
    .join('\n');
  return `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: ${image}\n${extra}    volumeMounts: ${mounts}\n  volumes:\n  - {name: conf, configMap: {name: conf}}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: conf}\ndata:\n${data}\n`;
}

/** The container's basis and listeners (`address:port/protocol`), sorted. */
export function listens(text: string): { basis: string; listens: string[]; unsure?: string } {
  const analysis = analyzeText(text);
  const pod = analysis.chunks.flatMap((c) => c.analysis.pods)[0]!;
  const c = pod.containers.find((x) => x.name === 'c')!;
  const of = containerListeners(pod, c, { configMaps: configMapsOfAnalysis(analysis) });
  return { basis: of.basis, listens: of.listeners.map((l) => `${l.source}:${listenerText(l)}`).sort(), ...(of.unsure ? { unsure: reasonText((k, a) => t('en', k, a), of.unsure) } : {}) };
}
