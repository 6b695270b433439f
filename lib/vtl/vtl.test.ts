// Focused tests of the mapping-template engine: syntax errors and their positions, AWS's limits, Portico's work
// limits (nothing a template does may hang or crash the process), and API behaviour. The language itself is
// specified by the golden fixtures (fixtures.test.ts).
import { describe, expect, it } from 'vitest';
import {
  compileTemplate,
  createAwsContext,
  escapeJavaScript,
  MAX_TEMPLATE_BYTES,
  type RenderOptions,
  render,
  renderAwsTemplate,
  toJava,
  urlEncode,
  VtlRuntimeError,
  VtlSyntaxError,
  vtlContext,
} from './index';

function syntaxError(source: string): VtlSyntaxError {
  try {
    compileTemplate(source);
  } catch (e) {
    if (e instanceof VtlSyntaxError) return e;
    throw e;
  }
  throw new Error(`expected a syntax error for ${JSON.stringify(source)}`);
}

function runtimeError(source: string, vars: Record<string, unknown> = {}, options?: RenderOptions): VtlRuntimeError {
  const template = compileTemplate(source);
  try {
    render(template, vtlContext(vars), options);
  } catch (e) {
    if (e instanceof VtlRuntimeError) return e;
    throw e;
  }
  throw new Error(`expected a runtime error for ${JSON.stringify(source)}`);
}

const renderPlain = (source: string, vars: Record<string, unknown> = {}, options?: RenderOptions) =>
  render(compileTemplate(source), vtlContext(vars), options);

describe('syntax errors', () => {
  it('report the line and column of the problem', () => {
    const e = syntaxError('line one\n  #set($a 1)');
    expect(e.line).toBe(2);
    expect(e.column).toBe(11);
    expect(e.message).toBe('Expected "=" in #set($name = value) at line 2, column 11');
  });

  it('point at the opening directive when #end is missing', () => {
    const e = syntaxError('a\nb #foreach($x in $l)\n$x\n');
    expect([e.line, e.column]).toEqual([2, 3]);
    expect(e.reason).toBe('#foreach has no matching #end');
  });

  it('point at a stray #end', () => {
    const e = syntaxError('#if(true)x#end\n   #end');
    expect([e.line, e.column]).toEqual([2, 4]);
  });

  it('count columns inside interpolated strings from the template start', () => {
    const e = syntaxError('#set($a = "x ${b")');
    expect([e.line, e.column]).toEqual([1, 17]);
  });

  it('handle CRLF and CR line breaks in positions', () => {
    expect(syntaxError('a\r\nb\r\n#end').line).toBe(3);
    expect(syntaxError('a\rb\r#end').line).toBe(3);
  });

  it('refuse templates over 300 KB (measured in UTF-8 bytes)', () => {
    expect(() => compileTemplate('x'.repeat(MAX_TEMPLATE_BYTES))).not.toThrow();
    expect(() => compileTemplate('x'.repeat(MAX_TEMPLATE_BYTES + 1))).toThrow(VtlSyntaxError);
    expect(() => compileTemplate('é'.repeat(MAX_TEMPLATE_BYTES / 2 + 1))).toThrow(/300 KB/);
  });

  it('refuse absurd nesting instead of overflowing the stack', () => {
    expect(() => compileTemplate(`#set($a = ${'('.repeat(5000)}1${')'.repeat(5000)})`)).toThrow(/nested too deeply/);
    expect(() => compileTemplate('#if(true)'.repeat(5000))).toThrow(/nested too deeply/);
    expect(() => compileTemplate(`#set($a = ${'['.repeat(5000)})`)).toThrow(VtlSyntaxError);
  });
});

describe('#foreach limit (AWS: 1000 iterations)', () => {
  it('allows 1000 iterations and fails on the 1001st, for ranges and lists', () => {
    expect(renderPlain('#foreach($i in [1..1000])#end$velocityCount done')).toBe('$velocityCount done');
    expect(runtimeError('#foreach($i in [1..1001])#end').reason).toBe('#foreach exceeded the limit of 1000 iterations');
    const list = Array.from({ length: 1001 }, (_, i) => i);
    expect(runtimeError('#foreach($i in $l)#end', { l: list }).message).toContain('1000 iterations');
  });

  it('counts each loop separately (nested loops may run 1000 × 1000 steps within the budget)', () => {
    const out = renderPlain('#set($n = 0)#foreach($a in [1..300])#foreach($b in [1..300])#end#set($n = $n + 1)#end$n');
    expect(out).toBe('300');
  });

  it('reports the position of the loop', () => {
    const e = runtimeError('\n\n  #foreach($i in [1..2000])#end');
    expect([e.line, e.column]).toEqual([3, 3]);
  });

  it('does not build huge ranges used by #foreach', () => {
    expect(runtimeError('#foreach($i in [1..2000000000])#end').reason).toContain('1000 iterations');
  });
});

describe('work limits', () => {
  it('stops runaway macro recursion (Velocity: max calling depth 20)', () => {
    const e = runtimeError('#macro(down $n)#down($n)#end#down(1)');
    expect(e.reason).toContain("Max calling depth of 20 was exceeded in macro 'down'");
  });

  it('allows recursion below the depth limit', () => {
    expect(renderPlain('#macro(count $n)$n#if($n > 1)#set($m = $n - 1)#count($m)#end#end#count(5)')).toBe('54321');
  });

  it('stops a #define that renders itself', () => {
    expect(runtimeError('#define($d)$d#end$d').reason).toContain('Max calling depth');
  });

  it('stops #evaluate that evaluates itself', () => {
    expect(runtimeError("#set($t = '#evaluate($t)')#evaluate($t)").reason).toContain('Max calling depth');
  });

  it('caps the output size', () => {
    const e = runtimeError('#foreach($i in [1..1000])$s#end', { s: 'x'.repeat(20_000) });
    expect(e.reason).toContain('output grew beyond');
  });

  it('caps strings that double in size', () => {
    const e = runtimeError('#set($s = "x")#foreach($i in [1..40])#set($s = "$s$s")#end');
    expect(e.reason).toMatch(/string grew beyond|output grew beyond/);
  });

  it('caps collections that double in size', () => {
    const e = runtimeError('#set($l = [1])#foreach($i in [1..40])#set($x = $l.addAll($l))#end');
    expect(e.reason).toContain('collection grew beyond');
  });

  it('caps ranges built as values', () => {
    expect(runtimeError('#set($r = [1..2000000000])').reason).toContain('collection grew beyond');
  });

  it('stops templates that exhaust the operation budget', () => {
    const loops = '#foreach($a in [1..1000])#foreach($b in [1..1000])#foreach($c in [1..1000])#end#end#end';
    const started = Date.now();
    expect(runtimeError(loops).reason).toContain('operation budget');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('has configurable limits', () => {
    expect(renderPlain('#foreach($i in [1..5])$i#end', {}, { maxForeachIterations: 5 })).toBe('12345');
    expect(runtimeError('#foreach($i in [1..6])$i#end', {}, { maxForeachIterations: 5 }).reason).toContain(
      '5 iterations',
    );
    expect(runtimeError('abcdef', {}, { maxOutputLength: 3 }).reason).toContain('output grew beyond 3');
    expect(runtimeError('#foreach($i in [1..100])#end', {}, { maxOperations: 50 }).reason).toContain(
      'operation budget',
    );
    expect(runtimeError('#macro(m)#m()#end#m()', {}, { maxCallDepth: 3 }).reason).toContain('depth of 3');
  });

  it('keeps the default when an option is given as undefined', () => {
    expect(runtimeError('#foreach($i in [1..1001])#end', {}, { maxForeachIterations: undefined }).reason).toContain(
      '1000',
    );
  });

  it('stops printing a structure that would expand to an enormous string', () => {
    const started = Date.now();
    const src =
      '#set($big = [])#foreach($i in [1..1000])#set($x = $big.add("0123456789"))#end#set($l = [])#foreach($i in [1..1000])#set($x = $l.add($big))#end#foreach($i in [1..1000])#set($x = $l.add($l))#end$l';
    expect(runtimeError(src).reason).toMatch(
      /OutOfMemoryError|StackOverflowError|output grew beyond|string grew beyond/,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('charges scans of large collections to the operation budget', () => {
    const started = Date.now();
    const big = Array.from({ length: 500_000 }, (_, i) => i);
    const e = runtimeError('#foreach($i in [1..1000])#if($l.contains(-1))#end#end', { l: big });
    expect(e.reason).toContain('operation budget');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('turns deeply nested JSON bodies into an error, not a crash', () => {
    const body = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(() => renderAwsTemplate("$input.json('$')", { body })).toThrow(VtlRuntimeError);
  });

  it('charges a body for the objects it parses into, so millions of `{}` end in an error, not a full heap', () => {
    const body = `[${'{},'.repeat(3_000_000)}{}]`;
    expect(() => renderAwsTemplate("#set($all = $input.path('$'))ok", { body })).toThrow(/operation budget/);
  });

  it('refuses possessive quantifiers and atomic groups rather than run them as greedy ones (other answers, backtracking)', () => {
    for (const pattern of ['a*+a', '(?>a|ab)c', '(\\w++\\s?)*+']) {
      expect(runtimeError(`$s.matches("${pattern}")`, { s: 'aaa' }).reason).toContain('PatternSyntaxException');
    }
  });

  it('falls back to a linear-time regex engine when client data makes a pattern backtrack (V8’s fallback)', () => {
    const started = Date.now();
    const s = `${' ,'.repeat(5000)}x`;
    expect(renderPlain('$s.replaceAll("(\\s*,\\s*)+$", "").length()', { s })).toBe(String(s.length));
    expect(renderPlain('$s.matches("(a+)+b")', { s: 'a'.repeat(5000) })).toBe('false');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses numbers too long for an int or a long at once, and parses doubles in linear time', () => {
    const started = Date.now();
    const digits = '1'.repeat(400_000);
    expect(runtimeError('$Integer.parseInt($d)', { Integer: 0, d: digits }).reason).toContain('NumberFormatException');
    expect(runtimeError('$Integer.parseInt($d)', { Integer: 0, d: `${digits}x` }).reason).toContain(
      'NumberFormatException',
    );
    expect(renderPlain('$Integer.parseInt($d)', { Integer: 0, d: `-${'0'.repeat(100_000)}42` })).toBe('-42');
    expect(runtimeError('$Double.parseDouble($d)', { Double: 0.5, d: `${digits}x` }).reason).toContain(
      'NumberFormatException',
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('charges containsAll for every pair it compares', () => {
    const a = Array.from({ length: 20_000 }, (_, i) => `g${i}`);
    expect(runtimeError('$a.containsAll($b)', { a, b: [...a].reverse() }).reason).toContain('operation budget');
  });

  it('stops replace and split at the size limit before building the whole result', () => {
    const quotes = '"'.repeat(6 * 1024 * 1024);
    expect(runtimeError("$s.replace('\"', '\\\\\"')", { s: quotes }).reason).toContain('string grew beyond');
    expect(runtimeError("$s.replaceAll('\"', 'xx')", { s: quotes }).reason).toContain('string grew beyond');
    expect(runtimeError('$s.split("").size()', { s: 'x'.repeat(2_000_000) }).reason).toContain(
      'collection grew beyond',
    );
  });

  it('parses a large body once per render, however often it is read', () => {
    const items = Array.from({ length: 900 }, (_, i) => ({ id: i, name: `item ${i}` }));
    const body = JSON.stringify({ items });
    const tpl = compileTemplate("#foreach($i in [0..899])$input.path('$.items')[$i].id,#end");
    const started = Date.now();
    const out = render(tpl, createAwsContext({ body }));
    expect(out.split(',')).toHaveLength(901);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('never throws anything but VtlSyntaxError / VtlRuntimeError', () => {
  // A seeded generator of template-like noise: every compile and render must end in one of the two errors or output.
  const atoms = [
    '$a',
    '$!b',
    `\${c}`,
    '$l[0]',
    '$m.k',
    '$s.substring(1)',
    '$s.split(",")',
    '$m.put("k", $l)',
    '$l.add($m)',
    '#set($a = ',
    '#set($l = [1, 2])',
    '#set($m = {"k": 1})',
    '#if(',
    '#elseif(',
    '#else',
    '#end',
    '#foreach($x in ',
    '$l',
    '#macro(mm $p)',
    '#mm(1)',
    '#define($d)',
    '$d',
    '#break',
    '#stop',
    '#evaluate("$a")',
    '(',
    ')',
    '[',
    ']',
    '{',
    '}',
    '"',
    "'",
    ' ',
    '\n',
    '\\',
    '##',
    '#*',
    '*#',
    '#[[',
    ']]#',
    '1',
    '-2',
    '3.5',
    'true',
    '==',
    '!=',
    '&&',
    '||',
    '!',
    '+',
    '-',
    '*',
    '/',
    '%',
    '..',
    ',',
    ':',
    '$input.json("$")',
    '$input.path("$.a")',
    '$util.escapeJavaScript($a)',
    '$util.parseJson($s)',
    '$s.replaceAll("(", "$1")',
    '$s.matches($a)',
    'text',
    '#',
    '$',
  ];
  let seed = 12345;
  const next = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed;
  };

  it('on random templates', () => {
    let outputs = 0;
    for (let n = 0; n < 3000; n++) {
      const len = 1 + (next() % 12);
      let src = '';
      for (let i = 0; i < len; i++) src += atoms[next() % atoms.length];
      let template: ReturnType<typeof compileTemplate>;
      try {
        template = compileTemplate(src);
      } catch (e) {
        expect(e, src).toBeInstanceOf(VtlSyntaxError);
        continue;
      }
      const ctx = createAwsContext({ body: '{"a": [1, {"b": "c"}]}' });
      const variables = {
        ...ctx.variables,
        a: toJava('x'),
        s: toJava('a,b'),
        l: toJava([1, 2]),
        m: toJava({ k: 'v' }),
      };
      try {
        render(template, { variables }, { maxOperations: 20_000 });
        outputs++;
      } catch (e) {
        expect(e, src).toBeInstanceOf(VtlRuntimeError);
      }
    }
    expect(outputs).toBeGreaterThan(100);
  });
});

describe('API', () => {
  it('compiles once and renders many times with different inputs', () => {
    const template = compileTemplate('{"id": "$input.params(\'id\')", "n": $input.json(\'$.n\')}');
    for (let i = 0; i < 3; i++) {
      expect(render(template, createAwsContext({ path: { id: `p${i}` }, body: `{"n": ${i}}` }))).toBe(
        `{"id": "p${i}", "n": ${i}}`,
      );
    }
  });

  it('does not leak #set variables between renders of the same context', () => {
    const template = compileTemplate('[$!x]#set($x = "set")');
    const ctx = vtlContext({});
    expect(render(template, ctx)).toBe('[]');
    expect(render(template, ctx)).toBe('[]');
  });

  it('lets the caller read overrides after rendering', () => {
    const { output, context } = renderAwsTemplate(
      '#set($context.responseOverride.status = 201)#set($context.requestOverride.path.id = "9")ok',
      {},
    );
    expect(output).toBe('ok');
    expect(context.readResponseOverride()).toEqual({ status: 201, header: {} });
    expect(context.readRequestOverride()).toEqual({ header: {}, querystring: {}, path: { id: '9' } });
  });

  it('can render null references as empty instead of as written', () => {
    expect(renderPlain('[$x] [$x.y]', {}, { nullReferences: 'empty' })).toBe('[] []');
    expect(renderPlain('[$x]')).toBe('[$x]');
  });

  it('keeps #stop output', () => {
    expect(renderPlain('before#stop after')).toBe('before');
  });

  it('reports runtime errors with the position of the reference', () => {
    const e = runtimeError('ok\n  $s.charAt(9)', { s: 'ab' });
    expect([e.line, e.column]).toEqual([2, 3]);
    expect(e.reason).toBe('java.lang.StringIndexOutOfBoundsException: String index out of range: 9');
  });

  it('exposes the $util functions for direct use', () => {
    expect(escapeJavaScript('a"b\'c/d\u00e9')).toBe('a\\"b\\\'c\\/d\\u00E9');
    expect(urlEncode('a b+c')).toBe('a+b%2Bc');
  });
});
