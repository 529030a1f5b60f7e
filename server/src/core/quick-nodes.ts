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

/** A constructor (`init`) whose objects have `prototype`. */
function withPrototype<T, A extends unknown[]>(init: (this: T, ...args: A) => void, prototype: T): new (...args: A) => T {
  (init as unknown as { prototype: T }).prototype = prototype;
  return init as unknown as new (...args: A) => T;
}

/** Makes the nodes of documents that share one schema. */
export class NodeMaker {
  private readonly scalarProto = prototypeOf(Scalar, 'yaml.scalar');
  private readonly mapProto: YAMLMap;
  private readonly seqProto: YAMLSeq;
  private readonly pairProto = prototypeOf(Pair, 'yaml.pair');
  /** True when the nodes made here are what `yaml` takes them for. */
  readonly works: boolean;

  /**
   * Collections and pairs come from plain constructors over those prototypes: V8 then sizes their
   * objects to the fields they get (items and range; key and value), where `Object.create` leaves
   * room for four. An open document keeps its nodes, so that is ~4 MB at 5,000 documents.
   */
  private readonly NewMap: new () => YAMLMap;
  private readonly NewSeq: new () => YAMLSeq;
  private readonly NewPair: new (key: unknown, value: unknown) => Pair;

  constructor(readonly schema: Schema) {
    this.mapProto = prototypeOf(YAMLMap, 'yaml.map', schema);
    this.seqProto = prototypeOf(YAMLSeq, 'yaml.seq', schema);
    this.NewMap = withPrototype(function (this: YAMLMap) {
      this.items = [];
    }, this.mapProto);
    this.NewSeq = withPrototype(function (this: YAMLSeq) {
      this.items = [];
    }, this.seqProto);
    this.NewPair = withPrototype(function (this: Pair, key: unknown, value: unknown) {
      this.key = key;
      this.value = value;
    }, this.pairProto);
    const map = this.map();
    this.works = isScalar(this.scalar(1)) && isMap(map) && map instanceof YAMLMap && map.schema === schema && isSeq(this.seq()) && isPair(this.pair(null, null));
  }

  scalar(value: unknown): Scalar {
    const node = Object.create(this.scalarProto) as Scalar;
    node.value = value;
    return node;
  }

  map(): YAMLMap {
    return new this.NewMap();
  }

  seq(): YAMLSeq {
    return new this.NewSeq();
  }

  pair(key: unknown, value: unknown): Pair {
    return new this.NewPair(key, value);
  }
}
