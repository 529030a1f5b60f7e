/**
 * Service links: for every Service of the pod's namespace that has a cluster IP, the kubelet sets
 * `<NAME>_SERVICE_HOST`, `<NAME>_SERVICE_PORT`, `<NAME>_PORT=tcp://<cluster IP>:<first port>` and
 * `<NAME>_PORT_<port>_<PROTO>...` in every container (unless the pod sets
 * `enableServiceLinks: false`; the container's own `env` and `envFrom` win over them). NAME is the
 * Service's name in upper case with `-` turned into `_`.
 *
 * A few images read a variable of exactly that form as their own setting and refuse the
 * `tcp://...` value, so a Service named like the program makes its container exit at start. The
 * table lists the ones whose failure is documented, with the text the program prints.
 */
import type { Document } from 'yaml';
import { isUnknownValue } from '../core/unknown-values';
import { asMap, getNode, getSeqItems, getString } from '../core/yaml-access';
import { envOf } from './env';
import { normaliseRepository } from './images';
import type { ContainerModel } from './pod-model';

/** A variable an image's start-up refuses when a Service link sets it. */
export interface RefusedLink {
  /** The variable, e.g. `KAFKA_PORT`. */
  readonly variable: string;
  /** The Service name that makes it (`kafka`). */
  readonly service: string;
  /** The program, as messages name it (`cp-kafka's start script`). */
  readonly program: string;
  /** What the program prints before it exits. */
  readonly says: string;
}

interface Entry {
  /** Repositories (normalised: no registry, tag or `library/`). */
  readonly repositories: readonly string[];
  /** Matches `command`/`args` that start the program in any image (`vllm serve`). */
  readonly startedBy?: RegExp;
  /** Words in an overridden `command`/`args` that show the image's own start-up still runs. */
  readonly entrypoint: RegExp;
  /** The image starts the program by its ENTRYPOINT, so `args` are the program's flags (vLLM); else `args` replace its CMD. */
  readonly argsAreFlags?: boolean;
  readonly links: readonly Omit<RefusedLink, 'service'>[];
  /** A variable whose presence makes the program drop the refused one (newer kafka-rest). */
  readonly unlessEnv?: string;
}

// Confluent's images run /etc/confluent/docker/run, whose `configure` exits on the deprecated
// variables (confluentinc/kafka-images, schema-registry-images, kafka-rest-images).
const CONFLUENT_RUN = /\/etc\/confluent\/docker\/(run|configure)\b/;

/** A command that starts vLLM's engine (its OpenAI server): `vllm serve`, `python -m vllm.entrypoints.openai.api_server`. */
const VLLM_ENGINE = /\bvllm\s+serve\b|\bvllm\.entrypoints\.(openai\.)?api_server\b/;

const TABLE: readonly Entry[] = [
  {
    repositories: ['confluentinc/cp-kafka', 'confluentinc/cp-server', 'confluentinc/cp-enterprise-kafka'],
    entrypoint: CONFLUENT_RUN,
    links: [
      { variable: 'KAFKA_PORT', program: 'cp-kafka', says: 'port is deprecated. Please use KAFKA_ADVERTISED_LISTENERS instead.' },
      { variable: 'KAFKA_ADVERTISED_PORT', program: 'cp-kafka', says: 'advertised.port is deprecated. Please use KAFKA_ADVERTISED_LISTENERS instead.' },
    ],
  },
  {
    repositories: ['confluentinc/cp-schema-registry'],
    entrypoint: CONFLUENT_RUN,
    links: [{ variable: 'SCHEMA_REGISTRY_PORT', program: 'cp-schema-registry', says: 'PORT is deprecated. Please use SCHEMA_REGISTRY_LISTENERS instead.' }],
  },
  {
    repositories: ['confluentinc/cp-kafka-rest'],
    entrypoint: CONFLUENT_RUN,
    links: [{ variable: 'KAFKA_REST_PORT', program: 'cp-kafka-rest', says: 'PORT is deprecated. Please use KAFKA_REST_LISTENERS instead.' }],
    unlessEnv: 'KAFKA_REST_LISTENERS',
  },
  {
    // vLLM reads VLLM_PORT for its internal distributed port and raises on a URI; its docs ask
    // Kubernetes users not to name a Service `vllm`.
    repositories: ['vllm/vllm-openai', 'vllm/vllm-openai-rocm', 'rocm/vllm', 'lmcache/vllm-openai'],
    // The engine's start (the image's ENTRYPOINT, or these commands); clients (`vllm bench`, `vllm chat`) pick no port.
    startedBy: VLLM_ENGINE,
    entrypoint: VLLM_ENGINE,
    argsAreFlags: true,
    links: [{ variable: 'VLLM_PORT', program: 'vLLM', says: "ValueError: VLLM_PORT 'tcp://…' appears to be a URI (before v0.9: invalid literal for int() with base 10: 'tcp://…')" }],
  },
  {
    // Spark standalone reads SPARK_MASTER_PORT / SPARK_WORKER_PORT from the environment as a
    // number (MasterArguments, WorkerArguments): `tcp://…` stops it with NumberFormatException
    // (big-data-europe/docker-spark#128). The bde2020 images run it by their CMD; any image may by its command.
    repositories: ['bde2020/spark-master'],
    startedBy: /\borg\.apache\.spark\.deploy\.master\.Master\b|\bstart-master\.sh\b/,
    entrypoint: /\bmaster\.sh\b/,
    links: [{ variable: 'SPARK_MASTER_PORT', program: 'the Spark master', says: 'java.lang.NumberFormatException: For input string: "tcp://…"' }],
  },
  {
    repositories: ['bde2020/spark-worker'],
    startedBy: /\borg\.apache\.spark\.deploy\.worker\.Worker\b|\bstart-(worker|slave)\.sh\b/,
    entrypoint: /\bworker\.sh\b/,
    links: [{ variable: 'SPARK_WORKER_PORT', program: 'the Spark worker', says: 'java.lang.NumberFormatException: For input string: "tcp://…"' }],
  },
];

/** One `envFrom` source: the object it reads, and the prefix its keys get. */
export interface EnvFromSource {
  readonly kind: 'ConfigMap' | 'Secret';
  readonly name: string;
  readonly prefix: string;
}

/** The container's `envFrom` sources, or undefined when one cannot be read (a template, a placeholder). */
export function envFromSources(container: ContainerModel, doc: Document): EnvFromSource[] | undefined {
  const out: EnvFromSource[] = [];
  for (const { node } of getSeqItems(container.node, 'envFrom', doc)) {
    const item = asMap(node, doc);
    const prefixNode = getNode(item, 'prefix', doc);
    if (isUnknownValue(prefixNode)) return undefined;
    const prefix = getString(item, 'prefix', doc) ?? '';
    const ref = (['configMapRef', 'secretRef'] as const).find((k) => getNode(item, k, doc) !== undefined);
    const refMap = ref ? asMap(getNode(item, ref, doc), doc) : undefined;
    const name = getString(refMap, 'name', doc);
    if (!ref || !refMap || !name || isUnknownValue(getNode(refMap, 'name', doc))) return undefined;
    out.push({ kind: ref === 'configMapRef' ? 'ConfigMap' : 'Secret', name, prefix });
  }
  return out;
}

/** Whether the command line names the variable itself (`unset KAFKA_PORT`), not a longer one (`KAFKA_PORT_9092_TCP`). */
function mentions(words: string, variable: string): boolean {
  return new RegExp(`(^|[^A-Za-z0-9_])${variable}($|[^A-Za-z0-9_])`).test(words);
}

/** The Service name whose link sets `<NAME>_PORT`. */
function serviceFor(variable: string): string {
  return variable.slice(0, -'_PORT'.length).toLowerCase().replace(/_/g, '-');
}

const cache = new WeakMap<ContainerModel, readonly RefusedLink[]>();

/**
 * The link variables this container's program refuses, when its start-up surely runs and nothing
 * in the container's `env` or command line already names them (`unset KAFKA_PORT`). Whether its
 * `envFrom` may set them is the caller's to tell (envFromSources: the objects are elsewhere).
 */
export function refusedLinks(container: ContainerModel, doc: Document): readonly RefusedLink[] {
  const hit = cache.get(container);
  if (hit) return hit;
  const found = findRefused(container, doc);
  cache.set(container, found);
  return found;
}

function findRefused(container: ContainerModel, doc: Document): RefusedLink[] {
  const env = envOf(container, doc);
  const words = env.commandArgs.map((c) => c.node.value).join(' ');
  const repository = container.image ? normaliseRepository(container.image) : undefined;
  const byRepository = (e: Entry): boolean => repository !== undefined && e.repositories.some((r) => repository === r || repository.endsWith(`/${r}`));
  const entry = TABLE.find((e) => byRepository(e) || (e.startedBy !== undefined && e.startedBy.test(words)));
  if (!entry) return [];
  const byImage = byRepository(entry);
  // With its own command, the container runs the program only if the command says so.
  const overridden = container.commandOverridden || (!entry.argsAreFlags && env.commandArgs.length > 0);
  if (overridden && !entry.entrypoint.test(words) && !(entry.startedBy?.test(words) ?? false)) return [];
  if (!byImage && !(entry.startedBy?.test(words) ?? false)) return [];
  const defined = new Set(env.entries.map((e) => e.name));
  // kafka-rest drops KAFKA_REST_PORT only for a non-empty KAFKA_REST_LISTENERS.
  if (entry.unlessEnv && env.entries.some((e) => e.name === entry.unlessEnv && (e.valueFrom !== undefined || (e.valueNode?.value ?? '') !== ''))) return [];
  return entry.links
    .filter((l) => !defined.has(l.variable) && !mentions(words, l.variable))
    .map((l) => ({ ...l, service: serviceFor(l.variable) }));
}
