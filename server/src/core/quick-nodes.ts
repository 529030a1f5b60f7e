/**
 * `yaml` node objects for the quick parser, made without `yaml`'s constructors. Each constructor
 * tags its node with `Object.defineProperty` (the node-type symbol that `isScalar` and friends
 * read, and a collection's schema), which was a quarter of the quick parser's time. Here the tag
 * and the schema sit on a prototype between the node and its class, so `isMap`,
 * `instanceof YAMLMap` and every method work unchanged. `NodeMaker.works` checks that; if a
 * `yaml` release changes it, the quick parser steps aside and `yaml` parses everything.
 */
import { isMap, isPair, isScalar, isSeq, Pair, Scalar, YAMLMap, YAMLSeq, type Schema } from 'yaml';

const NODE_TYPE = Symbol.for('yaml.node.type');

function prototypeOf<T extends object>(type: { prototype: T }, tag: string, schema?: Schema): T {
  const props: PropertyDescriptorMap = { [NODE_TYPE]: { value: Symbol.for(tag) } };
  if (schema) props.schema = { value: schema, writable: true, configurable: true };
  return Object.create(type.prototype, props) as T;
}

/** Makes the nodes of documents that share one schema. */
export class NodeMaker {
  private readonly scalarProto = prototypeOf(Scalar, 'yaml.scalar');
  private readonly mapProto: YAMLMap;
  private readonly seqProto: YAMLSeq;
  private readonly pairProto = prototypeOf(Pair, 'yaml.pair');
  /** True when the nodes made here are what `yaml` takes them for. */
  readonly works: boolean;

  constructor(readonly schema: Schema) {
    this.mapProto = prototypeOf(YAMLMap, 'yaml.map', schema);
    this.seqProto = prototypeOf(YAMLSeq, 'yaml.seq', schema);
    const map = this.map();
    this.works = isScalar(this.scalar(1)) && isMap(map) && map instanceof YAMLMap && map.schema === schema && isSeq(this.seq()) && isPair(this.pair(null, null));
  }

  scalar(value: unknown): Scalar {
    const node = Object.create(this.scalarProto) as Scalar;
    node.value = value;
    return node;
  }

  map(): YAMLMap {
    const node = Object.create(this.mapProto) as YAMLMap;
    node.items = [];
    return node;
  }

  seq(): YAMLSeq {
    const node = Object.create(this.seqProto) as YAMLSeq;
    node.items = [];
    return node;
  }

  pair(key: unknown, value: unknown): Pair {
    const node = Object.create(this.pairProto) as Pair;
    node.key = key;
    node.value = value;
    return node;
  }
}
