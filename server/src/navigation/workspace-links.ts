/**
 * Navigation across the files of the workspace: what the name under the cursor refers to among
 * the ConfigMaps, Secrets, Services, NetworkPolicies, PersistentVolumeClaims, Ingresses,
 * routes and pod templates of the file's neighbourhood (config-links.ts, label-links.ts,
 * backend-links.ts, claim-links.ts). Pure: an analysis, an offset and the
 * workspace's peers in; places out.
 */
import type { FileAnalysis } from '../core/analyze';
import { backendLinksAt } from './backend-links';
import { claimLinksAt } from './claim-links';
import { configLinksAt, type WorkspaceLinks } from './config-links';
import { labelLinksAt } from './label-links';
import type { WorkspaceView } from './workspace-view';

export type { WorkspaceLinks } from './config-links';
export type { Place, WorkspaceView } from './workspace-view';

/** The workspace links of the name at an absolute offset, or undefined when it links none. */
export function workspaceLinksAt(analysis: FileAnalysis, offset: number, view: WorkspaceView): WorkspaceLinks | undefined {
  return configLinksAt(analysis, offset, view) ?? labelLinksAt(analysis, offset, view) ?? backendLinksAt(analysis, offset, view) ?? claimLinksAt(analysis, offset, view);
}
