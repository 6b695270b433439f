// The VTL mapping template AWS generates from a model's schema (GetModelTemplate): it rebuilds the JSON document
// the schema describes from `$input.path('$')`, quoting strings and leaving numbers, integers and booleans bare,
// with a #foreach over every array. References are followed (`#/definitions/…` inside the schema, canonical model
// URLs through `resolveModel`); a reference cycle or a very deep schema ends in a plain value.

type Schema = Record<string, unknown>;
type ResolveModel = (ref: string) => unknown;

const MAX_DEPTH = 16;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

const isSchema = (value: unknown): value is Schema =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value);

function member(path: string, key: string): string {
  return IDENTIFIER.test(key) ? `${path}.${key}` : `${path}.get('${key.replaceAll("'", "''")}')`;
}

function typeOf(schema: Schema): string {
  const declared = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (typeof declared === 'string') return declared;
  if (isSchema(schema.properties)) return 'object';
  if (schema.items !== undefined) return 'array';
  return 'string';
}

class TemplateWriter {
  private loops = 0;

  constructor(
    private readonly root: Schema,
    private readonly resolveModel: ResolveModel,
  ) {}

  private resolve(node: unknown, seen: ReadonlySet<string>): { schema: Schema; seen: ReadonlySet<string> } | null {
    let current = node;
    let trail = seen;
    while (isSchema(current) && typeof current.$ref === 'string') {
      const ref = current.$ref;
      if (trail.has(ref)) return null;
      trail = new Set([...trail, ref]);
      current = ref.startsWith('#') ? this.pointer(ref) : this.resolveModel(ref);
    }
    return isSchema(current) ? { schema: current, seen: trail } : null;
  }

  private pointer(ref: string): unknown {
    const parts = ref.replace(/^#\/?/, '').split('/').filter(Boolean);
    let node: unknown = this.root;
    for (const part of parts) {
      if (!isSchema(node)) return undefined;
      node = node[part.replaceAll('~1', '/').replaceAll('~0', '~')];
    }
    return node;
  }

  value(node: unknown, path: string, indent: string, depth: number, seen: ReadonlySet<string>): string {
    const resolved = depth < MAX_DEPTH ? this.resolve(node, seen) : null;
    if (!resolved) return `"${path}"`;
    const { schema } = resolved;
    switch (typeOf(schema)) {
      case 'object':
        return this.object(schema, path, indent, depth, resolved.seen);
      case 'array':
        return this.array(schema, path, indent, depth, resolved.seen);
      case 'number':
      case 'integer':
      case 'boolean':
        return path;
      case 'null':
        return 'null';
      default:
        return `"${path}"`;
    }
  }

  private object(schema: Schema, path: string, indent: string, depth: number, seen: ReadonlySet<string>): string {
    const properties = isSchema(schema.properties) ? Object.entries(schema.properties) : [];
    if (properties.length === 0) return '{ }';
    const inner = `${indent}  `;
    const lines = properties.map(
      ([key, property]) =>
        `${inner}${JSON.stringify(key)} : ${this.value(property, member(path, key), inner, depth + 1, seen)}`,
    );
    return `{\n${lines.join(',\n')}\n${indent}}`;
  }

  private array(schema: Schema, path: string, indent: string, depth: number, seen: ReadonlySet<string>): string {
    const variable = this.loops === 0 ? '$elem' : `$elem${this.loops}`;
    this.loops += 1;
    const inner = `${indent}  `;
    const item = this.value(schema.items, variable, inner, depth + 1, seen);
    return `[\n#foreach(${variable} in ${path})\n${inner}${item}#if($foreach.hasNext),#end\n#end\n${indent}]`;
  }
}

/** The template for a parsed schema; `resolveModel` returns the parsed schema a canonical model URL names. */
export function modelTemplate(schema: unknown, resolveModel: ResolveModel = () => undefined): string {
  const root = isSchema(schema) ? schema : {};
  const body = new TemplateWriter(root, resolveModel).value(root, '$inputRoot', '', 0, new Set());
  return `#set($inputRoot = $input.path('$'))\n${body}`;
}
