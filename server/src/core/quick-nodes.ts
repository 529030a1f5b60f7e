/**
 * `yaml` node objects for the quick parser, made without `yaml`'s constructors. Each constructor
 * tags its node with `Object.defineProperty` (the node-type symbol that `isScalar` and friends
 * read, and a collection's schema), which was a quarter of the quick parser's time. Here the tag
 * and the schema sit on a prototype between the node and its class, so `isMap`,
 * `instanceof YAMLMap` and every method work unchanged. `NodeMaker.works` checks that; if a
 * `yaml` release changes it, the quick parser steps aside and `yaml` parses everything.
 */
import { isMap, isPair, isScalar, isSeq, Pair, Scalar, YAMLMap, YAMLSeq, type Range, type Schema } from 'yaml';

const NODE_TYPE = Symbol.for('yaml.node.type');

/**
 * A node's range is kept as three numbers on the node, not as a `[start, valueEnd, end]` array:
 * an open document keeps its nodes (~320,000 at 5,000 documents), and each array was a JS array
 * plus its backing store, ~72 bytes; three fields are 24. `range` is an accessor on the shared
 * prototype that reads them back as a new array (few readers, and not in hot loops) and writes
 * them (`yaml`'s `clone`, Podsight's own code). Symbol keys keep them out of `Object.keys` and JSON.
 */
const START = Symbol('start');
const VALUE_END = Symbol('valueEnd');
const END = Symbol('end');

interface Compact {
  [START]: number;
  [VALUE_END]: number;
  [END]: number;
}

const rangeAccessor: PropertyDescriptor = {
  get(this: Compact): Range {
    return [this[START], this[VALUE_END], this[END]];
  },
  set(this: Compact, range: unknown) {
    if (Array.isArray(range) && range.length === 3) {
      this[START] = range[0] as number;
      this[VALUE_END] = range[1] as number;
      this[END] = range[2] as number;
    } else {
      // Anything else (null, a shorter array) is kept as it is, as `yaml` would keep it.
      Object.defineProperty(this, 'range', { value: range, writable: true, enumerable: true, configurable: true });
    }
  },
  configurable: true,
};

/** Sets where a quick node ends (the third number of its range). */
export function setEnd(node: Scalar | YAMLMap | YAMLSeq, end: number): void {
  (node as unknown as Compact)[END] = end;
}

/** Sets a quick node's range without making an array. */
export function setRange(node: YAMLMap | YAMLSeq, start: number, valueEnd: number, end: number): void {
  const n = node as unknown as Compact;
  n[START] = start;
  n[VALUE_END] = valueEnd;
  n[END] = end;
}

/** The third number of a node's range (where it ends, with trailing comments and line breaks). */
export const endOf = (node: unknown): number => (node as Compact)[END];

/** Where a quick node's value ends (the second number of its range). */
export const valueEndOf = (node: unknown): number => (node as Compact)[VALUE_END];

function prototypeOf<T extends object>(type: { prototype: T }, tag: string, schema?: Schema, compact = true): T {
  const props: PropertyDescriptorMap = { [NODE_TYPE]: { value: Symbol.for(tag) } };
  if (schema) props.schema = { value: schema, writable: true, configurable: true };
  if (compact) props.range = rangeAccessor;
  return Object.create(type.prototype, props) as T;
}

/** A constructor (`init`) whose objects have `prototype`. */
function withPrototype<T, A extends unknown[]>(init: (this: T, ...args: A) => void, prototype: T): new (...args: A) => T {
  (init as unknown as { prototype: T }).prototype = prototype;
  return init as unknown as new (...args: A) => T;
}

/** Makes the nodes of documents that share one schema. */
export class NodeMaker {
  private readonly mapProto: YAMLMap;
  private readonly seqProto: YAMLSeq;
  private readonly pairProto = prototypeOf(Pair, 'yaml.pair', undefined, false);
  /** True when the nodes made here are what `yaml` takes them for. */
  readonly works: boolean;

  /**
   * Collections and pairs come from plain constructors over those prototypes: V8 then sizes their
   * objects to the fields they get (items and range; key and value), where `Object.create` leaves
   * room for four. An open document keeps its nodes, so that is ~4 MB at 5,000 documents.
   */
  private readonly NewScalar: new (value: unknown, source: string, type: Scalar.Type, start: number, valueEnd: number, end: number) => Scalar;
  private readonly NewMap: new () => YAMLMap;
  private readonly NewSeq: new () => YAMLSeq;
  private readonly NewPair: new (key: unknown, value: unknown) => Pair;

  constructor(readonly schema: Schema) {
    this.mapProto = prototypeOf(YAMLMap, 'yaml.map', schema);
    this.seqProto = prototypeOf(YAMLSeq, 'yaml.seq', schema);
    this.NewScalar = withPrototype(function (this: Scalar & Compact, value: unknown, source: string, type: Scalar.Type, start: number, valueEnd: number, end: number) {
      this.value = value;
      this.source = source;
      this.type = type;
      this[START] = start;
      this[VALUE_END] = valueEnd;
      this[END] = end;
    }, prototypeOf(Scalar, 'yaml.scalar') as Scalar & Compact);
    this.NewMap = withPrototype(function (this: YAMLMap & Compact) {
      this.items = [];
      this[START] = 0;
      this[VALUE_END] = 0;
      this[END] = 0;
    }, this.mapProto as YAMLMap & Compact);
    this.NewSeq = withPrototype(function (this: YAMLSeq & Compact) {
      this.items = [];
      this[START] = 0;
      this[VALUE_END] = 0;
      this[END] = 0;
    }, this.seqProto as YAMLSeq & Compact);
    this.NewPair = withPrototype(function (this: Pair, key: unknown, value: unknown) {
      this.key = key;
      this.value = value;
    }, this.pairProto);
    const map = this.map();
    setRange(map, 1, 2, 3);
    const scalar = this.scalar(1, '1', Scalar.PLAIN, 4, 5, 6);
    const copy = scalar.clone();
    copy.range = [7, 8, 9];
    const [a, b, c] = [map.range, scalar.range, copy.range].map(String);
    this.works = isScalar(scalar) && isMap(map) && map instanceof YAMLMap && map.schema === schema && isSeq(this.seq()) && isPair(this.pair(null, null)) && a === '1,2,3' && b === '4,5,6' && c === '7,8,9' && isScalar(copy) && Object.keys(scalar).join() === 'value,source,type';
  }

  scalar(value: unknown, source: string, type: Scalar.Type, start: number, valueEnd: number, end: number): Scalar {
    return new this.NewScalar(value, source, type, start, valueEnd, end);
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
