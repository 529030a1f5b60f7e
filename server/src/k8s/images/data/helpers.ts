/** Short constructors that keep the data files readable. */
import type { DataDir, ImagePort, PopulatedDir } from '../types';

export const tcp = (port: number, description: string): ImagePort => ({ port, protocol: 'TCP', description });
export const udp = (port: number, description: string): ImagePort => ({ port, protocol: 'UDP', description });
export const dir = (path: string, contents: string): PopulatedDir => ({ path, contents });
export const data = (path: string, why: string): DataDir => ({ path, why });
