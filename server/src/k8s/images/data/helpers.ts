/** Short constructors that keep the data files readable. */
import type { DataDir, ImagePort, ListenSetting, PopulatedDir } from '../types';

export const tcp = (port: number, description: string): ImagePort => ({ port, protocol: 'TCP', description });
export const udp = (port: number, description: string): ImagePort => ({ port, protocol: 'UDP', description });
/** An EXPOSEd port that opens only when configured (see ImagePort.configured). */
export const configured = (port: ImagePort): ImagePort => ({ ...port, configured: true });
export const dir = (path: string, contents: string): PopulatedDir => ({ path, contents });
export const data = (path: string, why: string): DataDir => ({ path, why });

/** A setting that moves the default `port`: flags and variables whose value is a port number. */
export const portFlag = (port: number, args: readonly string[], env: readonly string[] = []): ListenSetting => ({ port, args, env, value: 'port' });
/** A setting that moves the default `port`: flags and variables whose value is `[host]:port`. */
export const addressFlag = (port: number, args: readonly string[], env: readonly string[] = []): ListenSetting => ({ port, args, env, value: 'address' });
