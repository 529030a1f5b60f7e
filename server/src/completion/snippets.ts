/**
 * Snippets for the parts of a pod people write most: a container, a port, a volumeMount and a
 * volume of each common kind. Bodies are sequence items written at the item's column; the caller
 * indents continuation lines, and LSP clients re-indent them relative to the cursor line.
 */

/** One snippet: the item type it completes, an id (catalogue key suffix) and its body. */
export interface PodSnippet {
  readonly id: string;
  /** Schema type of the sequence item it creates. */
  readonly itemType: string;
  /** The label shown (the first line people recognise). */
  readonly label: string;
  readonly body: string;
}

/** What the snippets can fill in from the pod. */
export interface SnippetFacts {
  /** Indentation of a sequence under a key: '' (kubectl's indentless style) or '  '. */
  readonly seqIndent: string;
  readonly freePort: number;
  readonly volumeNames: readonly string[];
}

function choice(index: number, values: readonly string[], fallback: string): string {
  const clean = values.filter((v) => /^[a-z0-9.-]+$/i.test(v));
  return clean.length > 0 ? `\${${index}|${[...new Set(clean)].join(',')}|}` : `\${${index}:${fallback}}`;
}

const HOST_PATH_TYPES = ['Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket', 'CharDevice', 'BlockDevice'];

export function podSnippets(f: SnippetFacts): PodSnippet[] {
  const s = f.seqIndent;
  return [
    {
      id: 'container',
      itemType: 'core.v1.Container',
      label: 'container',
      body: `name: \${1:app}\nimage: \${2:nginx:1.27}\nports:\n${s}- containerPort: \${3:${f.freePort}}\n${s}  name: \${4:http}`,
    },
    { id: 'port', itemType: 'core.v1.ContainerPort', label: 'containerPort', body: `containerPort: \${1:${f.freePort}}\nname: \${2:http}` },
    { id: 'volumeMount', itemType: 'core.v1.VolumeMount', label: 'volumeMount', body: `name: ${choice(1, f.volumeNames, 'data')}\nmountPath: \${2:/data}` },
    { id: 'volume.emptyDir', itemType: 'core.v1.Volume', label: 'emptyDir', body: 'name: ${1:scratch}\nemptyDir: {}' },
    {
      id: 'volume.hostPath',
      itemType: 'core.v1.Volume',
      label: 'hostPath',
      body: `name: \${1:host-logs}\nhostPath:\n  path: \${2:/var/log}\n  type: \${3|${HOST_PATH_TYPES.join(',')}|}`,
    },
    { id: 'volume.configMap', itemType: 'core.v1.Volume', label: 'configMap', body: 'name: ${1:config}\nconfigMap:\n  name: ${2:my-config}' },
    { id: 'volume.secret', itemType: 'core.v1.Volume', label: 'secret', body: 'name: ${1:credentials}\nsecret:\n  secretName: ${2:my-secret}' },
    {
      id: 'volume.persistentVolumeClaim',
      itemType: 'core.v1.Volume',
      label: 'persistentVolumeClaim',
      body: 'name: ${1:data}\npersistentVolumeClaim:\n  claimName: ${2:my-claim}',
    },
  ];
}

/** Renders a snippet body as an item: `- ` when the dash is still to be typed, continuation lines indented. */
export function asItem(body: string, withDash: boolean): string {
  const lines = body.split('\n');
  return (withDash ? '- ' : '') + lines.map((l, i) => (i === 0 ? l : `  ${l}`)).join('\n');
}
