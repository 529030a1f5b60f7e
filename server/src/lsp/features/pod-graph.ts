/** `podsight/podGraph`: the pod diagram's data, for the VS Code webview and any other client. */
import { PodGraphRequest } from '../../protocol/requests';
import { podGraphFor } from '../../graph/query';
import type { Feature } from './index';

export const podGraphFeature: Feature = {
  register(ctx) {
    ctx.connection.onRequest(PodGraphRequest, (params) => {
      const document = ctx.documents.get(params.textDocument.uri);
      if (!document) return null;
      const analysis = ctx.store.analyze(document);
      const options = ctx.store.optionsFor(document.uri);
      return podGraphFor(analysis, document.version, ctx.locale(), params, options.images);
    });
  },
};
