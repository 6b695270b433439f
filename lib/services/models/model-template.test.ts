import { describe, expect, it } from 'vitest';
import { modelTemplate } from './model-template';

describe('modelTemplate', () => {
  it('rebuilds an object, quoting strings and leaving numbers and booleans bare', () => {
    const schema = {
      title: 'Calc output',
      type: 'object',
      properties: {
        a: { type: 'number' },
        op: { type: 'string' },
        n: { type: 'integer' },
        ok: { type: 'boolean' },
        'x-key': { type: 'string' },
      },
    };
    expect(modelTemplate(schema)).toBe(
      [
        "#set($inputRoot = $input.path('$'))",
        '{',
        '  "a" : $inputRoot.a,',
        '  "op" : "$inputRoot.op",',
        '  "n" : $inputRoot.n,',
        '  "ok" : $inputRoot.ok,',
        '  "x-key" : "$inputRoot.get(\'x-key\')"',
        '}',
      ].join('\n'),
    );
  });

  it('loops over arrays and nests objects', () => {
    const schema = {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' } } },
      },
    };
    expect(modelTemplate(schema)).toBe(
      [
        "#set($inputRoot = $input.path('$'))",
        '[',
        '#foreach($elem in $inputRoot)',
        '  {',
        '    "id" : $elem.id,',
        '    "tags" : [',
        '#foreach($elem1 in $elem.tags)',
        '      "$elem1"#if($foreach.hasNext),#end',
        '#end',
        '    ]',
        '  }#if($foreach.hasNext),#end',
        '#end',
        ']',
      ].join('\n'),
    );
  });

  it('follows internal and model references, and stops at cycles', () => {
    const pet = { type: 'object', properties: { name: { type: 'string' }, owner: { $ref: 'urn:pet' } } };
    const schema = {
      type: 'object',
      definitions: { price: { type: 'number' } },
      properties: { price: { $ref: '#/definitions/price' }, pet: { $ref: 'urn:pet' } },
    };
    const template = modelTemplate(schema, (ref) => (ref === 'urn:pet' ? pet : undefined));
    expect(template).toContain('"price" : $inputRoot.price,');
    expect(template).toContain('"name" : "$inputRoot.pet.name"');
    expect(template).toContain('"owner" : "$inputRoot.pet.owner"');
  });

  it('renders an object without properties as an empty object', () => {
    expect(modelTemplate({ type: 'object', title: 'Empty Schema' })).toBe("#set($inputRoot = $input.path('$'))\n{ }");
  });
});
