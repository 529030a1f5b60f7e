/** How a listener is described in messages: where its port comes from, in the user's language. */
import { reasonText } from '../k8s/listen-reasons';
import { listenerText, type ContainerListeners, type Listener } from '../k8s/listeners';

type T = (key: string, args?: Readonly<Record<string, string | number>>) => string;

/** "the image default (source)", "set by --port 6380", "from listen 8081 (ConfigMap …)", "its declaration; …". */
export function howText(t: T, listener: Listener, of: ContainerListeners): string {
  switch (listener.source) {
    case 'image':
      return t(of.viaScript ? 'listener.how.image-script' : 'listener.how.image', { source: listener.origin });
    case 'arg':
    case 'env':
      return t('listener.how.setting', { origin: listener.origin });
    case 'config':
      return t('listener.how.config', { origin: listener.origin });
    default:
      if (of.runsInstead && 'program' in of.runsInstead) return t('listener.how.args-program', { program: of.runsInstead.program });
      if (of.runsInstead) return t('listener.how.exit-flag', { flag: of.runsInstead.exitFlag });
      if (of.basis === 'command') return t('listener.how.command');
      if (of.basis === 'unsure') return t('listener.how.unsure', { why: of.unsure ? reasonText(t, of.unsure) : '' });
      // A known image whose ports are not all known: the declaration says what else it runs.
      if (of.basis === 'image') return t('listener.how.declared-extra');
      return t('listener.how.declared');
  }
}

/** `127.0.0.1:9101/TCP` */
export function listenText(listener: Pick<Listener, 'address' | 'port' | 'protocol'>): string {
  return listenerText(listener);
}
