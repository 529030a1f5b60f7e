/** The result type of completion, independent of LSP. */

/** Looks up a catalogue message in the user's language. */
export type Translate = (key: string, args?: Readonly<Record<string, string | number>>) => string;

/** One completion proposal. */
export interface PodCompletion {
  readonly label: string;
  readonly kind: 'field' | 'snippet' | 'enum' | 'volume' | 'port-name' | 'port-number' | 'free-port' | 'boolean' | 'config-name' | 'config-key';
  readonly detail?: string;
  readonly documentation?: string;
  /** Inserted in place of the typed prefix; a snippet when `snippet`. */
  readonly insertText: string;
  readonly snippet: boolean;
  readonly sortText: string;
  readonly filterText?: string;
  /** Knowledge a generic schema-driven YAML completion lacks (kept when the Red Hat extension runs). */
  readonly knowledge: boolean;
}

/** Completion options. */
export interface CompletionOptions {
  /** The Red Hat YAML extension offers schema keys already: offer only what adds knowledge. */
  readonly yamlExtensionActive?: boolean;
  /** The workspace the document sees (ConfigMap/Secret names and keys come from it), asked only when needed. */
  readonly workspace?: () => import('../navigation/workspace-view').WorkspaceView;
  /** The user's own pod-template kinds (`podsight.podTemplates`, `.podsight.yaml`). */
  readonly podTemplates?: readonly import('../k8s/pod-templates').UserPodTemplate[];
}
