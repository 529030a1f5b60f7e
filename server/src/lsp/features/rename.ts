/**
 * Rename (`textDocument/prepareRename`, `textDocument/rename`): in the file, a container port name
 * or a volume name with its references (navigation/rename.ts); across the workspace files, a
 * ConfigMap/Secret key or a label key or value with its uses (navigation/workspace-rename.ts). The
 * result is a WorkspaceEdit the user accepts; nothing is written here. Selector edits the API
 * server refuses on existing workloads are marked for confirmation when the client can show it.
 */
import { ErrorCodes, ResponseError, type AnnotatedTextEdit, type TextDocumentEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { newNameErrors, renameEdits, renameTarget } from '../../navigation/rename';
import { isRefusal, workspaceNameErrors, workspaceRenameEdits, workspaceRenameTarget } from '../../navigation/workspace-rename';
import { t } from '../../l10n';
import type { Feature } from './index';
import { placeLocator } from './workspace-places';

const INVALID: Record<string, string> = {
  'config-key': 'rename.invalid-config-key',
  'label-key': 'rename.invalid-label-key',
  'label-value': 'rename.invalid-label-value',
};

/** Whether the client shows change annotations (set from the initialize request). */
let annotations = false;

export const renameFeature: Feature = {
  capabilities(params) {
    const prepare = params.capabilities.textDocument?.rename?.prepareSupport === true;
    annotations = params.capabilities.workspace?.workspaceEdit?.changeAnnotationSupport !== undefined;
    return { renameProvider: prepare ? { prepareProvider: true } : true };
  },
  register(ctx) {
    const targetAt = async (uri: string, position: { line: number; character: number }) => {
      const document = ctx.documents.get(uri);
      if (!document) return undefined;
      const version = document.version;
      const analysis = await ctx.store.analysisOf(document);
      if (!analysis) return undefined;
      const offset = analysis.lines.offsetAt(position);
      const local = renameTarget(analysis, offset);
      if (local) return { analysis, version, local };
      const view = ctx.store.workspaceView(document);
      const across = workspaceRenameTarget(analysis, offset, view);
      if (isRefusal(across)) throw new ResponseError(ErrorCodes.InvalidRequest, t(ctx.locale(), 'rename.config-key-read-whole', { ...across }));
      return across ? { analysis, version, across, view } : undefined;
    };

    ctx.connection.onPrepareRename(async (params) => {
      const found = await targetAt(params.textDocument.uri, params.position);
      const target = found?.local ?? found?.across;
      if (!found || !target) return null;
      return { range: found.analysis.lines.rangeOf(target.start, target.end), placeholder: target.name };
    });

    ctx.connection.onRenameRequest(async (params): Promise<WorkspaceEdit | null> => {
      const uri = params.textDocument.uri;
      const found = await targetAt(uri, params.position);
      if (!found) throw new ResponseError(ErrorCodes.InvalidRequest, t(ctx.locale(), 'rename.not-here'));
      if (found.local) {
        const errors = newNameErrors(found.local.kind, params.newName);
        if (errors.length > 0) {
          const key = found.local.kind === 'port' ? 'rename.invalid-port-name' : 'rename.invalid-volume-name';
          throw new ResponseError(ErrorCodes.InvalidParams, t(ctx.locale(), key, { name: params.newName, reason: errors.join('; ') }));
        }
        const edits = renameEdits(found.local, params.newName).map((e) => ({ range: found.analysis.lines.rangeOf(e.start, e.end), newText: e.text }));
        return { documentChanges: [{ textDocument: { uri, version: found.version }, edits }] };
      }
      const { across, view, analysis } = found;
      if (!across || !view) return null;
      const errors = workspaceNameErrors(across.kind, params.newName);
      if (errors.length > 0) throw new ResponseError(ErrorCodes.InvalidParams, t(ctx.locale(), INVALID[across.kind] as string, { name: params.newName, reason: errors.join('; ') }));
      const locate = placeLocator(uri, analysis, view);
      const immutable = new Set(across.immutable.map((p) => `${p.source ?? ''}@${p.start}`));
      const byUri = new Map<string, AnnotatedTextEdit[]>();
      let marked = false;
      for (const edit of workspaceRenameEdits(across, params.newName)) {
        const location = locate(edit);
        if (!location) continue;
        const annotated = annotations && immutable.has(`${edit.source ?? ''}@${edit.start}`);
        marked ||= annotated;
        const list = byUri.get(location.uri) ?? [];
        list.push(annotated ? { range: location.range, newText: edit.text, annotationId: 'immutable-selector' } : ({ range: location.range, newText: edit.text } as AnnotatedTextEdit));
        byUri.set(location.uri, list);
      }
      const documentChanges: TextDocumentEdit[] = [...byUri].map(([target, edits]) => ({
        textDocument: { uri: target, version: target === uri ? found.version : (ctx.documents.get(target)?.version ?? null) },
        edits,
      }));
      const locale = ctx.locale();
      return marked
        ? { documentChanges, changeAnnotations: { 'immutable-selector': { label: t(locale, 'rename.immutable-selector'), description: t(locale, 'rename.immutable-selector.why'), needsConfirmation: true } } }
        : { documentChanges };
    });
  },
};
