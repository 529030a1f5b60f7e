/** Short constructors that keep the data files readable. */
import type { DataDir, ImagePort, ListenSetting, PopulatedDir } from '../types';

export const tcp = (port: number, description: string): ImagePort => ({ port, protocol: 'TCP', description });
export const udp = (port: number, description: string): ImagePort => ({ port, protocol: 'UDP', description });
/** An EXPOSEd port that opens only when configured (see ImagePort.configured). */
export const configured = (port: ImagePort): ImagePort => ({ ...port, configured: true });
/**
 * A folder the image fills. Contents written as `LABEL: what` (`WORKDIR: …`, `SONARQUBE_HOME: …`)
 * read as `what (LABEL)`, since messages put them after "ships in /path:".
 */
export const dir = (path: string, contents: string): PopulatedDir => ({ path, contents: labelLast(contents) });

function labelLast(contents: string): string {
  const m = /^((?:WORKDIR|HOME of \w+|[A-Z][A-Z0-9_]+)(?: \(WORKDIR\))?): (.+)$/s.exec(contents);
  if (!m) return contents;
  const label = (m[1] as string).replace(/^WORKDIR$/, 'the working folder').replace(' (WORKDIR)', ', the working folder');
  return `${m[2]} (${label})`;
}
export const data = (path: string, why: string): DataDir => ({ path, why });

/** A setting that moves the default `port`: flags and variables whose value is a port number. */
export const portFlag = (port: number, args: readonly string[], env: readonly string[] = []): ListenSetting => ({ port, args, env, value: 'port' });
/** A setting that moves the default `port`: flags and variables whose value is `[host]:port`. */
export const addressFlag = (port: number, args: readonly string[], env: readonly string[] = []): ListenSetting => ({ port, args, env, value: 'address' });
