/** `podsight/podGraph`: the pod diagram's data, for the VS Code webview and any other client. */
import { PodGraphRequest } from '../../protocol/requests';
import { podGraphFor } from '../../graph/query';
import type { Feature } from './index';

export const podGraphFeature: Feature = {
  register(ctx) {
    ctx.connection.onRequest(PodGraphRequest, async (params) => {
      const document = ctx.documents.get(params.textDocument.uri);
      if (!document) return null;
      const version = document.version;
      const analysis = await ctx.store.analysisOf(document);
      if (!analysis) return null;
      const options = ctx.store.optionsFor(document.uri);
      return podGraphFor(analysis, version, ctx.locale(), params, options.images, ctx.store.workspaceView(document));
    });
  },
};
