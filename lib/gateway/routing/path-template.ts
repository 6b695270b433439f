// A resource path template (`/pets/{petId}/{proxy+}`) as segments. Rules from AWS §1.2: a variable is a whole
// segment, `{name}` matches one segment, `{name+}` one or more and must be the last part; `/` has no segments.

export type TemplateSegment =
  | { kind: 'literal'; value: string }
  | { kind: 'param'; name: string }
  | { kind: 'greedy'; name: string };

const PARAM = /^\{([^{}+/]+)\}$/;
const GREEDY = /^\{([^{}+/]+)\+\}$/;

function parseSegment(segment: string, path: string): TemplateSegment {
  const greedy = GREEDY.exec(segment);
  if (greedy?.[1] !== undefined) return { kind: 'greedy', name: greedy[1] };
  const param = PARAM.exec(segment);
  if (param?.[1] !== undefined) return { kind: 'param', name: param[1] };
  if (segment === '' || segment.includes('{') || segment.includes('}')) {
    throw new Error(`Invalid resource path ${path}: bad path part '${segment}'`);
  }
  return { kind: 'literal', value: segment };
}

/** Parses a resource's `path`; throws on an empty part, a malformed variable or a part after a greedy variable. */
export function parsePathTemplate(path: string): TemplateSegment[] {
  if (!path.startsWith('/')) throw new Error(`Invalid resource path ${path}: must start with /`);
  if (path === '/') return [];
  const segments = path
    .slice(1)
    .split('/')
    .map((segment) => parseSegment(segment, path));
  const greedyAt = segments.findIndex((segment) => segment.kind === 'greedy');
  if (greedyAt !== -1 && greedyAt !== segments.length - 1) {
    throw new Error(`Invalid resource path ${path}: a greedy path variable must be the last part`);
  }
  return segments;
}
