/**
 * Rename (`textDocument/prepareRename`, `textDocument/rename`) of a container port name or a
 * volume name, with its references (navigation/rename.ts). Anything else is not renameable here, so the
 * client falls back to its other providers or says so.
 */
import { ErrorCodes, ResponseError, type WorkspaceEdit } from 'vscode-languageserver';
import { newNameErrors, renameEdits, renameTarget } from '../../navigation/rename';
import { t } from '../../l10n';
import type { Feature } from './index';

export const renameFeature: Feature = {
  capabilities(params) {
    const prepare = params.capabilities.textDocument?.rename?.prepareSupport === true;
    return { renameProvider: prepare ? { prepareProvider: true } : true };
  },
  register(ctx) {
    const targetAt = async (uri: string, position: { line: number; character: number }) => {
      const document = ctx.documents.get(uri);
      if (!document) return undefined;
      const version = document.version;
      const analysis = await ctx.store.analysisOf(document);
      if (!analysis) return undefined;
      const target = renameTarget(analysis, analysis.lines.offsetAt(position));
      return target ? { analysis, target, version } : undefined;
    };

    ctx.connection.onPrepareRename(async (params) => {
      const found = await targetAt(params.textDocument.uri, params.position);
      if (!found) return null;
      return { range: found.analysis.lines.rangeOf(found.target.start, found.target.end), placeholder: found.target.name };
    });

    ctx.connection.onRenameRequest(async (params): Promise<WorkspaceEdit | null> => {
      const found = await targetAt(params.textDocument.uri, params.position);
      if (!found) throw new ResponseError(ErrorCodes.InvalidRequest, t(ctx.locale(), 'rename.not-here'));
      const errors = newNameErrors(found.target.kind, params.newName);
      if (errors.length > 0) {
        const key = found.target.kind === 'port' ? 'rename.invalid-port-name' : 'rename.invalid-volume-name';
        throw new ResponseError(ErrorCodes.InvalidParams, t(ctx.locale(), key, { name: params.newName, reason: errors.join('; ') }));
      }
      const edits = renameEdits(found.target, params.newName).map((e) => ({ range: found.analysis.lines.rangeOf(e.start, e.end), newText: e.text }));
      return { documentChanges: [{ textDocument: { uri: params.textDocument.uri, version: found.version }, edits }] };
    });
  },
};
