// Runs the golden fixtures in lib/vtl/fixtures/*.json: the specification of the mapping-template engine.
// Each case: a template (a string, or an array of lines joined with "\n"), optional AWS inputs (body, path,
// querystring, header, stageVariables, context) and plain variables, and the expected output, output pattern or
// error, plus the overrides the template should have written.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type AwsTemplateInput,
  compileTemplate,
  createAwsContext,
  type PlainObject,
  type RenderOptions,
  type RequestOverride,
  type ResponseOverride,
  render,
  toJava,
  VtlRuntimeError,
  VtlSyntaxError,
} from './index';

type Text = string | string[];

interface FixtureCase {
  name: string;
  template: Text;
  input?: AwsTemplateInput;
  vars?: PlainObject;
  options?: RenderOptions;
  expected?: Text;
  expectedMatch?: string;
  error?: 'syntax' | 'runtime';
  errorMatch?: string;
  requestOverride?: RequestOverride;
  responseOverride?: ResponseOverride;
}

interface FixtureFile {
  description: string;
  cases: FixtureCase[];
}

const join = (t: Text): string => (typeof t === 'string' ? t : t.join('\n'));

const dir = path.join(import.meta.dirname, 'fixtures');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

function run(c: FixtureCase) {
  const template = compileTemplate(join(c.template));
  const aws = createAwsContext(c.input ?? {});
  const variables = { ...aws.variables };
  for (const [k, v] of Object.entries(c.vars ?? {})) variables[k] = toJava(v);
  const output = render(template, { variables }, c.options);
  return { output, aws };
}

describe('vtl golden fixtures', () => {
  it('has fixture files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    const fixture = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as FixtureFile;
    describe(`${file}: ${fixture.description}`, () => {
      for (const c of fixture.cases) {
        it(c.name, () => {
          if (c.error !== undefined) {
            const expectedClass = c.error === 'syntax' ? VtlSyntaxError : VtlRuntimeError;
            let thrown: unknown;
            try {
              run(c);
            } catch (e) {
              thrown = e;
            }
            expect(thrown, 'expected an error').toBeInstanceOf(expectedClass);
            if (c.errorMatch !== undefined) expect((thrown as Error).message).toContain(c.errorMatch);
            return;
          }
          const { output, aws } = run(c);
          if (c.expected !== undefined) expect(output).toBe(join(c.expected));
          if (c.expectedMatch !== undefined) expect(output).toMatch(new RegExp(c.expectedMatch));
          if (c.requestOverride !== undefined) expect(aws.readRequestOverride()).toEqual(c.requestOverride);
          if (c.responseOverride !== undefined) expect(aws.readResponseOverride()).toEqual(c.responseOverride);
        });
      }
    });
  }
});
